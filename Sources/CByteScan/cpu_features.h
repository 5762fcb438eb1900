#ifndef KYLL_BYTE_SCAN_CPU_FEATURES_H
#define KYLL_BYTE_SCAN_CPU_FEATURES_H

#if defined(__x86_64__) || defined(__i386__)
/// Whether this CPU has AVX2 and its OS saves the AVX registers (defined in `span_triggers.c`).
int kyll_byte_scan_has_avx2(void);
#endif

#endif
