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
    T& operat