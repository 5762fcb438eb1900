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
        value 