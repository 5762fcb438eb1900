#include <algorithm>
#include <map>
#include <memory>

struct Node {
    int value;
    std::unique_ptr<Node> left, right;
};

template <typename It, typename Pred>
It find_first(It first, It 