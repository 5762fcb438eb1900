// Text for jemalloc's options and control names, made before the heap can be used.
#ifndef KYLL_HEAP_TEXT_H
#define KYLL_HEAP_TEXT_H

#include <stddef.h>

/// `prefix`, `number` in decimal, then `suffix` into `buffer` (cut to fit; no allocation).
static inline const char *kyll_heap_text(char *buffer, size_t size, const char *prefix, unsigned number,
                                         const char *suffix) {
    size_t at = 0;
    while (*prefix && at + 1 < size) buffer[at++] = *prefix++;
    char digits[12];
    int count = 0;
    do {
        digits[count++] = (char)('0' + number % 10);
        number /= 10;
    } while (number > 0);
    while (count > 0 && at + 1 < size) buffer[at++] = digits[--count];
    while (*suffix && at + 1 < size) buffer[at++] = *suffix++;
    buffer[at] = 0;
    return buffer;
}

#endif
