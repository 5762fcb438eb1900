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
    std::string delim = R"xy(with )" inside)xy";
    double d = 3.14, e = 1e-5, f = 0x1Fp3, g = .5;
    int b = 0b1010'0101, o = 0'7, h = 0xDEAD'BEEF;
    auto lambda = [&](int x) mutable { return x * 2; };
    if (ptr == nullptr) { throw std::runtime_error("null"); }
    for (const auto& item : items) { std::cout << item << '\n'; }
    return 0;
}
