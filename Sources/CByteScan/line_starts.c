// Line starts 64 bytes a step with AVX2: two 32-byte compares with `\n`, their masks one word,
// each set bit a line end. A page's lines are ~40-100 bytes, so one `memchr` call a line spent
// more on the call than on the scan.
#include "CByteScan.h"
#include "cpu_features.h"
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

typedef size_t (*line_starts_function)(const uint8_t *, size_t, intptr_t *, size_t);

/// From line end to line end with `memchr` (any CPU).
static size_t line_starts_by_memchr(const uint8_t *bytes, size_t count, intptr_t *starts, size_t capacity) {
    size_t found = 0;
    if (count == 0) return 0;
    // a line end that is the last byte starts no line
    const uint8_t *p = bytes, *last = bytes + count - 1;
    const uint8_t *hit;
    while (p < last && (hit = memchr(p, '\n', (size_t)(last - p))) != NULL) {
        p = hit + 1;
        if (found < capacity) starts[found] = (intptr_t)(p - bytes);
        found++;
    }
    return found;
}

#if defined(__x86_64__) || defined(__i386__)

__attribute__((target("avx2")))
static size_t line_starts_avx2(const uint8_t *bytes, size_t count, intptr_t *starts, size_t capacity) {
    if (count == 0) return 0;
    const size_t n = count - 1;
    const __m256i newline = _mm256_set1_epi8('\n');
    size_t found = 0, i = 0;
    for (; i + 64 <= n; i += 64) {
        __m256i low = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(bytes + i)), newline);
        __m256i high = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(bytes + i + 32)), newline);
        uint64_t ends = (uint64_t)(uint32_t)_mm256_movemask_epi8(low)
            | (uint64_t)(uint32_t)_mm256_movemask_epi8(high) << 32;
        while (ends) {
            if (found < capacity) starts[found] = (intptr_t)(i + (size_t)__builtin_ctzll(ends) + 1);
            found++;
            ends &= ends - 1;
        }
    }
    for (; i < n; i++) {
        if (bytes[i] != '\n') continue;
        if (found < capacity) starts[found] = (intptr_t)(i + 1);
        found++;
    }
    return found;
}

static line_starts_function line_starts_for_this_cpu = line_starts_by_memchr;

__attribute__((constructor)) static void choose_line_starts_for_this_cpu(void) {
    if (kyll_byte_scan_has_avx2()) line_starts_for_this_cpu = line_starts_avx2;
}

static line_starts_function line_starts_version(bool vector) {
    if (!vector) return line_starts_by_memchr;
    return kyll_byte_scan_has_avx2() ? line_starts_avx2 : NULL;
}

#else

static line_starts_function line_starts_for_this_cpu = line_starts_by_memchr;

static line_starts_function line_starts_version(bool vector) { return vector ? NULL : line_starts_by_memchr; }

#endif

size_t kyll_line_starts(const uint8_t *bytes, size_t count, intptr_t *starts, size_t capacity) {
    return line_starts_for_this_cpu(bytes, count, starts, capacity);
}

bool kyll_line_starts_using(bool vector, const uint8_t *bytes, size_t count, intptr_t *starts,
                            size_t capacity, size_t *total) {
    line_starts_function version = line_starts_version(vector);
    if (version == NULL) return false;
    *total = version(bytes, count, starts, capacity);
    return true;
}
