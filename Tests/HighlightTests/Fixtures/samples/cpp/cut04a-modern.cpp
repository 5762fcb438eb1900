#include <concepts>
#include <ranges>
#include <optional>
template <std::integral T>
constexpr T square(T x) { return x * x; }
std::optional<int> parse(std::