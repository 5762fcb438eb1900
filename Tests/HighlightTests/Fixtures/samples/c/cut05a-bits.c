#include <stdint.h>
static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
