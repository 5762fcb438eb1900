#include <stdint.h>
static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
int popcount(unsigned v) {
    int c = 0;
    for (; v; c++) v &= v - 1;
    return c;
}
float lerp(float 