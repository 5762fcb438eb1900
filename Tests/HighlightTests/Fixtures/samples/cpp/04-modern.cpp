#include <concepts>
#include <ranges>
#include <optional>
template <std::integral T>
constexpr T square(T x) { return x * x; }
std::optional<int> parse(std::string_view s) noexcept {
    if (s.empty()) return std::nullopt;
    return static_cast<int>(s.size());
}
int main() {
    auto even = [](int n) { return n % 2 == 0; };
    for (int n : std::views::iota(1, 10) | std::views::filter(even)) { (void)n; }
    co_await something();
    return square(3) == 9 ? 0 : 1;
}
