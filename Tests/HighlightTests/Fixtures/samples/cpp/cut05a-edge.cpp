auto s = u8R"(utf8 raw)" + LR"x(wide)x";
long long big = 123'456