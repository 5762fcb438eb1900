#include <iostream>
#include <vector>
#include <string>

namespace app {

template <typename T, class U = int>
class Container : public Base<T> {
public:
    explicit Container(std::size_t n) : items_(n) {}
    virtual ~Container() = default;
    auto size() const noexcept -> std::size_t { return items_.size(); }
    T& operator[](std::size_t i) { return items_[i]; }
    static constexpr int kMax = 1'000'000;
private:
    std::vector<T> items_;
};

}  // namespace app

int main() {
    using namespace std::chrono_literals;
    auto delay = 100ms + 2s + 5min;
    auto cmp = (a <=> b);
    std::string raw = R"(raw \n string)";
    std::string delim =