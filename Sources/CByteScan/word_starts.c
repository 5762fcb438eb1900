// Ruby's `split.length` (Jekyll's `number_of_words`): the bytes that are not whitespace (space,
// tab to carriage return) and come first or right after whitespace. Each block's whitespace
// becomes a bit mask (one compare for the space, one signed compare for 9-13 moved to the lowest
// signed bytes); a word starts where a bit is clear and the bit before it (the previous block's
// last for the first) is set: a shift, an and-not and a population count for 64 bytes.
#include "CByteScan.h"
#include "cpu_features.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#endif

static inline int is_space(uint8_t b) { return b == 0x20 || (uint8_t)(b - 0x09) < 5; }

/// The count a byte at a time from `i`, after whitespace when `before` is 1.
static size_t starts_bytewise(const uint8_t *bytes, size_t i, size_t count, int before) {
    size_t n = 0;
    for (; i < count; i++) {
        int space = is_space(bytes[i]);
        n += (size_t)((!space) & before);
        before = space;
    }
    return n;
}

#if defined(__x86_64__) || defined(__i386__)

// 9-13 plus 0x77 are 0x80-0x84, the only bytes below -123 as signed bytes.
#define CONTROLS_MOVED 0x77
#define ABOVE_CONTROLS (-123)

/// The whitespace of sixteen bytes, bit k for byte k (SSE2: every x86-64 CPU).
static inline uint64_t spaces16_sse2(const uint8_t *p) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x20));
    __m128i controls = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(CONTROLS_MOVED)), _mm_set1_epi8(ABOVE_CONTROLS));
    return (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_or_si128(space, controls));
}

/// Words starting in 64 bytes whose whitespace is `m`, after whitespace when `*before` is 1.
static inline size_t starts64(uint64_t m, uint64_t *before) {
    uint64_t starts = ~m & (m << 1 | *before);
    *before = m >> 63;
    return (size_t)__builtin_popcountll(starts);
}

static size_t starts_sse2(const uint8_t *bytes, size_t count) {
    size_t n = 0, i = 0;
    uint64_t before = 1;
    for (; i + 64 <= count; i += 64) {
        const uint8_t *p = bytes + i;
        n += starts64(spaces16_sse2(p) | spaces16_sse2(p + 16) << 16 | spaces16_sse2(p + 32) << 32
                      | spaces16_sse2(p + 48) << 48, &before);
    }
    for (; i + 16 <= count; i += 16) {
        uint64_t m = spaces16_sse2(bytes + i);
        n += (size_t)__builtin_popcountll(~m & (m << 1 | before) & 0xFFFF);
        before = m >> 15;
    }
    return n + starts_bytewise(bytes, i, count, (int)before);
}

/// The whitespace of 32 bytes, bit k for byte k.
__attribute__((target("avx2,popcnt")))
static inline uint64_t spaces32_avx2(const uint8_t *p) {
    __m256i v = _mm256_loadu_si256((const __m256i *)p);
    __m256i space = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x20));
    __m256i moved = _mm256_add_epi8(v, _mm256_set1_epi8(CONTROLS_MOVED));
    __m256i controls = _mm256_cmpgt_epi8(_mm256_set1_epi8(ABOVE_CONTROLS), moved);
    return (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(space, controls));
}

__attribute__((target("avx2,popcnt")))
static inline size_t starts64_popcnt(uint64_t m, uint64_t *before) {
    uint64_t starts = ~m & (m << 1 | *before);
    *before = m >> 63;
    return (size_t)__builtin_popcountll(starts);
}

__attribute__((target("avx2,popcnt")))
static size_t starts_avx2(const uint8_t *bytes, size_t count) {
    size_t n = 0, i = 0;
    uint64_t before = 1;
    // 128 bytes a turn: the loop's own count, test and branch once for two masks
    for (; i + 128 <= count; i += 128) {
        const uint8_t *p = bytes + i;
        n += starts64_popcnt(spaces32_avx2(p) | spaces32_avx2(p + 32) << 32, &before);
        n += starts64_popcnt(spaces32_avx2(p + 64) | spaces32_avx2(p + 96) << 32, &before);
    }
    if (i + 64 <= count) {
        n += starts64_popcnt(spaces32_avx2(bytes + i) | spaces32_avx2(bytes + i + 32) << 32, &before);
        i += 64;
    }
    for (; i + 16 <= count; i += 16) {
        uint64_t m = spaces16_sse2(bytes + i);
        n += (size_t)__builtin_popcountll(~m & (m << 1 | before) & 0xFFFF);
        before = m >> 15;
    }
    return n + starts_bytewise(bytes, i, count, (int)before);
}

/// AVX2 (the shared check) and POPCNT, which the AVX2 version's counts use.
static int cpu_has_avx2(void) {
    unsigned a, b, c, d;
    return kyll_byte_scan_has_avx2() && __get_cpuid(1, &a, &b, &c, &d) && (c & bit_POPCNT);
}

static size_t (*starts_for_this_cpu)(const uint8_t *, size_t) = starts_sse2;

__attribute__((constructor)) static void choose_word_starts_for_this_cpu(void) {
    if (cpu_has_avx2()) starts_for_this_cpu = starts_avx2;
}

size_t kyll_word_starts(const uint8_t *bytes, size_t count) { return starts_for_this_cpu(bytes, count); }

bool kyll_word_starts_using(kyll_word_starts_version version, const uint8_t *bytes, size_t count, size_t *starts) {
    switch (version) {
    case KYLL_WORD_STARTS_BYTEWISE: *starts = starts_bytewise(bytes, 0, count, 1); return true;
    case KYLL_WORD_STARTS_SSE2: *starts = starts_sse2(bytes, count); return true;
    case KYLL_WORD_STARTS_AVX2:
        if (!cpu_has_avx2()) return false;
        *starts = starts_avx2(bytes, count);
        return true;
    }
    return false;
}

#else

size_t kyll_word_starts(const uint8_t *bytes, size_t count) { return starts_bytewise(bytes, 0, count, 1); }

bool kyll_word_starts_using(kyll_word_starts_version version, const uint8_t *bytes, size_t count, size_t *starts) {
    if (version != KYLL_WORD_STARTS_BYTEWISE) return false;
    *starts = starts_bytewise(bytes, 0, count, 1);
    return true;
}

#endif
