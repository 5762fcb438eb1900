auto s = u8R"(utf8 raw)" + LR"x(wide)x";
long long big = 123'456'789LL;
auto v = 0x1p-3; auto w = 1.5e+10f;
class Foo<int>;
a::b::c<d> e;
x <=> y;
template <class... Ts> struct Pack {};
public:
