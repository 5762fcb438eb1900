// Sixteen bytes a step (32 with AVX2) tested for membership in the span trigger set with two
// 16-entry table lookups (SSSE3's pshufb, AArch64's tbl): a byte is in the set when the bits its
// low nibble selects and the bits its high nibble selects meet. Each high nibble that holds
// members has a bit of its own (0x0_ 1, 0x2_ 2, 0x3_ 4, 0x5_ 8, 0x6_ 16, 0x7_ 32); the
// low-nibble table sets, for each low nibble, the bits of the rows where that nibble is a member:
//   0x0A; 0x21 0x22 0x24 0x26 0x27 0x2A 0x2D 0x2E; 0x3C 0x3E; 0x5B 0x5C 0x5D 0x5F; 0x60; 0x7B 0x7E.
// Bytes from 0x80 on have no row bit, so they are never members.
#include "CByteScan.h"
#include "cpu_features.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#elif defined(__aarch64__) && defined(__ARM_NEON)
#include <arm_neon.h>
#endif

#define LOW_NIBBLE_ROWS 0x10, 0x02, 0x02, 0x00, 0x02, 0x00, 0x02, 0x02, \
                        0x00, 0x00, 0x03, 0x28, 0x0C, 0x0A, 0x26, 0x08
#define HIGH_NIBBLE_ROWS 0x01, 0x00, 0x02, 0x04, 0x00, 0x08, 0x10, 0x20, \
                         0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00

static const uint8_t low_nibble_rows[16] = { LOW_NIBBLE_ROWS };
static const uint8_t high_nibble_rows[16] = { HIGH_NIBBLE_ROWS };

typedef void (*bitmap_version_function)(const uint8_t *, size_t, uint64_t *);

static inline uint32_t is_trigger(uint8_t c) {
    return (low_nibble_rows[c & 15] & high_nibble_rows[c >> 4]) != 0;
}

/// The same marks a byte at a time (any CPU; texts under sixteen bytes on all of them).
static void bitmap_bytewise(const uint8_t *bytes, size_t count, uint64_t *words) {
    uint64_t word = 0;
    for (size_t i = 0; i < count; i++) {
        word |= (uint64_t)is_trigger(bytes[i]) << (i & 63);
        if ((i & 63) == 63) {
            words[i >> 6] = word;
            word = 0;
        }
    }
    if (count & 63) words[count >> 6] = word;
}

/// Where the first trigger is, a byte at a time (`count` when there is none).
static size_t first_bytewise(const uint8_t *bytes, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (is_trigger(bytes[i])) return i;
    return count;
}

// The first trigger by sixteen-byte blocks, stopping at the first block that holds one; the
// last sixteen bytes overlap bytes already read, whose marks are dropped.
#define FIRST_BY_BLOCKS(block)                                                     \
    if (count < 16) return first_bytewise(bytes, count);                          \
    size_t i = 0;                                                                  \
    for (; i + 16 <= count; i += 16) {                                             \
        uint32_t marks = block(bytes + i);                                         \
        if (marks) return i + (size_t)__builtin_ctz(marks);                        \
    }                                                                              \
    if (i < count) {                                                               \
        uint32_t marks = block(bytes + count - 16) >> (i - (count - 16));          \
        if (marks) return i + (size_t)__builtin_ctz(marks);                        \
    }                                                                              \
    return count;

// The vector versions: whole words of 64 bytes (`word_at`), then the sixteens left whole (`block`);
// then (when `count` is not a multiple of sixteen) the last sixteen bytes, which overlap bytes
// already read: their marks for those bytes are dropped.
#define BITMAP_BY_WORDS(word_at, block)                                            \
    if (count < 16) {                                                              \
        bitmap_bytewise(bytes, count, words);                                      \
        return;                                                                    \
    }                                                                              \
    size_t i = 0;                                                                  \
    for (; i + 64 <= count; i += 64) words[i >> 6] = word_at(bytes + i);           \
    if (i == count) return;                                                        \
    uint64_t word = 0;                                                             \
    size_t k = 0;                                                                  \
    for (; i + k + 16 <= count; k += 16) word |= (uint64_t)block(bytes + i + k) << k; \
    if (i + k < count)                                                             \
        word |= (uint64_t)(block(bytes + count - 16) >> (i + k - (count - 16))) << k; \
    words[i >> 6] = word;

#define FOUR_BLOCKS(block, p)                                                      \
    ((uint64_t)block(p) | (uint64_t)block((p) + 16) << 16 |                        \
     (uint64_t)block((p) + 32) << 32 | (uint64_t)block((p) + 48) << 48)

#if defined(__x86_64__) || defined(__i386__)

__attribute__((target("ssse3")))
static inline uint32_t block_ssse3(const uint8_t *p) {
    const __m128i low_rows = _mm_setr_epi8(LOW_NIBBLE_ROWS);
    const __m128i high_rows = _mm_setr_epi8(HIGH_NIBBLE_ROWS);
    const __m128i nibble = _mm_set1_epi8(0x0F);
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i low = _mm_shuffle_epi8(low_rows, _mm_and_si128(v, nibble));
    __m128i high = _mm_shuffle_epi8(high_rows, _mm_and_si128(_mm_srli_epi16(v, 4), nibble));
    __m128i none = _mm_cmpeq_epi8(_mm_and_si128(low, high), _mm_setzero_si128());
    return (uint32_t)_mm_movemask_epi8(none) ^ 0xFFFFu;
}

__attribute__((target("ssse3")))
static inline uint64_t word_ssse3(const uint8_t *p) { return FOUR_BLOCKS(block_ssse3, p); }

__attribute__((target("ssse3")))
static size_t first_ssse3(const uint8_t *bytes, size_t count) { FIRST_BY_BLOCKS(block_ssse3) }

__attribute__((target("ssse3")))
static void bitmap_ssse3(const uint8_t *bytes, size_t count, uint64_t *words) {
    BITMAP_BY_WORDS(word_ssse3, block_ssse3)
}

// AVX2: the same lookups, 32 bytes a step (the tables repeated in both halves).
__attribute__((target("avx2")))
static inline uint32_t block32_avx2(const uint8_t *p) {
    const __m256i low_rows = _mm256_setr_epi8(LOW_NIBBLE_ROWS, LOW_NIBBLE_ROWS);
    const __m256i high_rows = _mm256_setr_epi8(HIGH_NIBBLE_ROWS, HIGH_NIBBLE_ROWS);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    __m256i v = _mm256_loadu_si256((const __m256i *)p);
    __m256i low = _mm256_shuffle_epi8(low_rows, _mm256_and_si256(v, nibble));
    __m256i high = _mm256_shuffle_epi8(high_rows, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(low, high), _mm256_setzero_si256());
    return ~(uint32_t)_mm256_movemask_epi8(none);
}

__attribute__((target("avx2")))
static inline uint64_t word_avx2(const uint8_t *p) {
    return (uint64_t)block32_avx2(p) | (uint64_t)block32_avx2(p + 32) << 32;
}

__attribute__((target("avx2")))
static void bitmap_avx2(const uint8_t *bytes, size_t count, uint64_t *words) {
    BITMAP_BY_WORDS(word_avx2, block_ssse3)
}

// x86-64's baseline (SSE2) has no byte shuffle: the version is chosen once, before `main`, from
// what this CPU (and its OS, for AVX's registers) supports. Every x86-64 CPU since about 2011
// has SSSE3; AVX2 came in 2013-2015.
static bitmap_version_function bitmap_for_this_cpu = bitmap_bytewise;
static size_t (*first_for_this_cpu)(const uint8_t *, size_t) = first_bytewise;

int kyll_byte_scan_has_avx2(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX)) return 0;
    unsigned low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    if ((low & 6) != 6) return 0;  // the OS saves the SSE and AVX registers
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_AVX2);
}

__attribute__((constructor)) static void choose_bitmap_for_this_cpu(void) {
    unsigned a, b, c, d;
    if (kyll_byte_scan_has_avx2()) bitmap_for_this_cpu = bitmap_avx2;
    else if (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3)) bitmap_for_this_cpu = bitmap_ssse3;
    // (sixteen bytes a step with AVX2 too: the texts asked are short)
    if (bitmap_for_this_cpu != bitmap_bytewise) first_for_this_cpu = first_ssse3;
}

size_t kyll_span_first_trigger(const uint8_t *bytes, size_t count) {
    return first_for_this_cpu(bytes, count);
}

void kyll_span_trigger_bitmap(const uint8_t *bytes, size_t count, uint64_t *words) {
    bitmap_for_this_cpu(bytes, count, words);
}

static bitmap_version_function version_function(kyll_span_trigger_version version) {
    unsigned a, b, c, d;
    switch (version) {
    case KYLL_SPAN_TRIGGERS_BYTEWISE: return bitmap_bytewise;
    case KYLL_SPAN_TRIGGERS_SSSE3:
        return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) ? bitmap_ssse3 : NULL;
    case KYLL_SPAN_TRIGGERS_AVX2: return kyll_byte_scan_has_avx2() ? bitmap_avx2 : NULL;
    default: return NULL;
    }
}

#elif defined(__aarch64__) && defined(__ARM_NEON)

static inline uint32_t block_neon(const uint8_t *p) {
    static const uint8_t lane_bits[16] = { 1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128 };
    uint8x16_t v = vld1q_u8(p);
    uint8x16_t low = vqtbl1q_u8(vld1q_u8(low_nibble_rows), vandq_u8(v, vdupq_n_u8(0x0F)));
    uint8x16_t high = vqtbl1q_u8(vld1q_u8(high_nibble_rows), vshrq_n_u8(v, 4));
    uint8x16_t hits = vandq_u8(vtstq_u8(low, high), vld1q_u8(lane_bits));
    return (uint32_t)vaddv_u8(vget_low_u8(hits)) | ((uint32_t)vaddv_u8(vget_high_u8(hits)) << 8);
}

static inline uint64_t word_neon(const uint8_t *p) { return FOUR_BLOCKS(block_neon, p); }

static void bitmap_neon(const uint8_t *bytes, size_t count, uint64_t *words) {
    BITMAP_BY_WORDS(word_neon, block_neon)
}

size_t kyll_span_first_trigger(const uint8_t *bytes, size_t count) { FIRST_BY_BLOCKS(block_neon) }

void kyll_span_trigger_bitmap(const uint8_t *bytes, size_t count, uint64_t *words) {
    bitmap_neon(bytes, count, words);
}

static bitmap_version_function version_function(kyll_span_trigger_version version) {
    switch (version) {
    case KYLL_SPAN_TRIGGERS_BYTEWISE: return bitmap_bytewise;
    case KYLL_SPAN_TRIGGERS_NEON: return bitmap_neon;
    default: return NULL;
    }
}

#else

void kyll_span_trigger_bitmap(const uint8_t *bytes, size_t count, uint64_t *words) {
    bitmap_bytewise(bytes, count, words);
}

size_t kyll_span_first_trigger(const uint8_t *bytes, size_t count) { return first_bytewise(bytes, count); }

static bitmap_version_function version_function(kyll_span_trigger_version version) {
    return version == KYLL_SPAN_TRIGGERS_BYTEWISE ? bitmap_bytewise : NULL;
}

#endif

bool kyll_span_trigger_version_available(kyll_span_trigger_version version) {
    return version_function(version) != NULL;
}

bool kyll_span_trigger_bitmap_using(kyll_span_trigger_version version, const uint8_t *bytes,
                                    size_t count, uint64_t *words) {
    bitmap_version_function bitmap = version_function(version);
    if (bitmap == NULL) return false;
    bitmap(bytes, count, words);
    return true;
}
