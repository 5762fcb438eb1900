#ifndef KYLL_BYTE_SCAN_H
#define KYLL_BYTE_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Marks where kramdown's span triggers are in `bytes[0 ..< count]`: bit k of `words[w]` is set
/// when byte `64 * w + k` is one of `*_`<[]!"'$&{-.\~>` or a line end (Markdown's
/// `SpanParser.isTrigger`), and bits past `count` are 0. Writes `(count + 63) / 64` words.
/// Sixteen bytes a step with SSSE3 or NEON, 32 with AVX2 (the CPU looked up once, before
/// `main`), a byte at a time otherwise.
void kyll_span_trigger_bitmap(const uint8_t *bytes, size_t count, uint64_t *words);

/// Where the first of `bytes[0 ..< count]`'s span triggers (as `kyll_span_trigger_bitmap` marks
/// them) is, or `count` when they hold none: sixteen bytes a step where the CPU has the vector
/// steps, stopping at the first step that finds one.
size_t kyll_span_first_trigger(const uint8_t *bytes, size_t count);

/// The versions of `kyll_span_trigger_bitmap`, so that tests can run each one this CPU has, not
/// only the one it picks.
typedef enum {
    KYLL_SPAN_TRIGGERS_BYTEWISE,
    KYLL_SPAN_TRIGGERS_SSSE3,
    KYLL_SPAN_TRIGGERS_AVX2,
    KYLL_SPAN_TRIGGERS_NEON,
} kyll_span_trigger_version;

/// Whether this build, on this CPU, has `version`.
bool kyll_span_trigger_version_available(kyll_span_trigger_version version);

/// `kyll_span_trigger_bitmap` done by `version`; false (and nothing written) when
/// `kyll_span_trigger_version_available(version)` is false.
bool kyll_span_trigger_bitmap_using(kyll_span_trigger_version version, const uint8_t *bytes,
                                    size_t count, uint64_t *words);

/// Where the lines after the first of `bytes[0 ..< count]` start: the offset after each line end
/// (`\n`) that is not the last byte, in order. Writes the first `capacity` of them to `starts`
/// and returns how many there are (more than `capacity` when some were not written). 64 bytes a
/// step with AVX2 (the CPU looked up once, before `main`), `memchr` from line to line otherwise.
size_t kyll_line_starts(const uint8_t *bytes, size_t count, intptr_t *starts, size_t capacity);

/// `kyll_line_starts` by its vector steps (`vector`) or by `memchr`, so that tests can run both;
/// false (and nothing written) when this CPU has no vector version. `*total` is what
/// `kyll_line_starts` returns.
bool kyll_line_starts_using(bool vector, const uint8_t *bytes, size_t count, intptr_t *starts,
                            size_t capacity, size_t *total);

/// Ruby's `split.length` of `bytes[0 ..< count]`: the bytes that are not whitespace (space, tab to
/// carriage return) and come first or right after whitespace. 64 bytes a step, with AVX2 where
/// the CPU has it (looked up once, before `main`), else SSE2 (x86-64), else a byte at a time.
size_t kyll_word_starts(const uint8_t *bytes, size_t count);

/// The versions of `kyll_word_starts`, so that tests can run each one this CPU has.
typedef enum {
    KYLL_WORD_STARTS_BYTEWISE,
    KYLL_WORD_STARTS_SSE2,
    KYLL_WORD_STARTS_AVX2,
} kyll_word_starts_version;

/// `kyll_word_starts` done by `version` into `*starts`; false (and nothing written) when this
/// build or CPU lacks it.
bool kyll_word_starts_using(kyll_word_starts_version version, const uint8_t *bytes, size_t count, size_t *starts);

#endif
