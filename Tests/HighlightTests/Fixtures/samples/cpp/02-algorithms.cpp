#include <algorithm>
#include <map>
#include <memory>

struct Node {
    int value;
    std::unique_ptr<Node> left, right;
};

template <typename It, typename Pred>
It find_first(It first, It last, Pred pred) {
    return std::find_if(first, last, pred);
}

int main() {
    std::map<std::string, int> counts{{"a", 1}, {"b", 2}};
    for (auto& [key, value] : counts) {
        value *= 2;
    }
    auto root = std::make_unique<Node>();
    root->value = 42;
    static_assert(sizeof(int) >= 4, "int too small");
    return counts.size() > 1 ? EXIT_SUCCESS : EXIT_FAILURE;
}
