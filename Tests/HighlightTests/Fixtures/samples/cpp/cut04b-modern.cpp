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
    auto even = [](int n) { return n 