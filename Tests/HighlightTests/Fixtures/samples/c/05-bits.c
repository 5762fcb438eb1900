#include <stdint.h>
static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
int popcount(unsigned v) {
    int c = 0;
    for (; v; c++) v &= v - 1;
    return c;
}
float lerp(float a, float b, float t) { return a + (b - a) * t; }
int main(void) { return popcount(0xF0F0u) == 8 ? 0 : 1; }
