// The heap grown in whole huge pages.
//
// With `thp:always` jemalloc asks the kernel for huge pages on every mapping it adds to its heap,
// but it grows each arena's mappings through the page size classes (2, 2.5, 3, 3.5, 4, 5 MiB …),
// and the kernel places an anonymous mapping on a 2 MiB boundary only when its length is a multiple
// of 2 MiB. The 2.5, 3 and 3.5 MiB steps land off the boundary, and a 2 MiB range that a mapping
// does not cover whole is served in 4 KiB pages: at 1,000 posts ~18 of the heap's ~46 MiB were
// small pages, each a page fault of its own (~4x the kernel time per MiB of a huge page here).
// Capping each arena's growth step at 2 MiB (`retain_grow_limit`) keeps every mapping whole huge
// pages. The cap is per arena and can only be set on an arena that exists, so the automatic arenas
// are created here, before any thread picks one.
//
// Each new mapping (an `mmap` and jemalloc's `madvise` for huge pages) takes the process's memory map
// lock for writing, and waits while the other thread faults in (zeroes) a huge page of the heap:
// at 1,000 posts ~12 such mappings, each a wait of the build thread in the read phase. So each
// arena gets its address space up front, in one mapping, before any other thread runs: allocated,
// freed and purged at once, it stays with the arena as retained address space (no memory is
// touched, so none becomes resident), which the arena uses before it maps anything new.

#include "CHeapPolicy.h"
#include "heap_text.h"

#include <stddef.h>

#if defined(__linux__)
// jemalloc's control interface; weak, because only the release executable links jemalloc.
extern int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen)
    __attribute__((weak));
extern void *mallocx(size_t size, int flags) __attribute__((weak));
extern void dallocx(void *pointer, int flags) __attribute__((weak));

/// Address space each arena gets up front: more than a 1,000-post build's heap (~46 MiB over
/// both arenas), a whole number of huge pages.
static const size_t reserved_per_arena = 64u << 20;

/// Leaves `bytes` of mapped, untouched address space retained in arena `index`.
static void reserve_address_space(unsigned index, size_t bytes) {
    if (mallocx == NULL || dallocx == NULL) return;
    // MALLOCX_ARENA(index) | MALLOCX_TCACHE_NONE, as jemalloc's header spells them.
    int flags = (int)((index + 1) << 20) | (1 << 8);
    void *block = mallocx(bytes, flags);
    if (block == NULL) return;
    dallocx(block, flags);
    char name[48];
    mallctl(kyll_heap_text(name, sizeof name, "arena.", index, ".purge"), NULL, NULL, NULL, 0);
}

int kyll_heap_grow_in_huge_pages(void) {
    if (mallctl == NULL) return 0;
    unsigned arenas = 0;
    size_t length = sizeof arenas;
    if (mallctl("opt.narenas", &arenas, &length, NULL, 0) != 0) return 0;
    void *hooks = NULL;
    length = sizeof hooks;
    if (mallctl("arena.0.extent_hooks", &hooks, &length, NULL, 0) != 0) return 0;
    size_t step = 2u << 20;
    int capped = 0;
    for (unsigned i = 0; i < arenas; i++) {
        char name[48];
        _Bool initialized = 0;
        length = sizeof initialized;
        if (mallctl(kyll_heap_text(name, sizeof name, "arena.", i, ".initialized"), &initialized, &length, NULL, 0) != 0) continue;
        // Setting an automatic arena's (default) extent hooks creates it.
        if (!initialized && mallctl(kyll_heap_text(name, sizeof name, "arena.", i, ".extent_hooks"), NULL, NULL, &hooks, sizeof hooks) != 0) {
            continue;
        }
        if (mallctl(kyll_heap_text(name, sizeof name, "arena.", i, ".retain_grow_limit"), NULL, NULL, &step, sizeof step) == 0) capped++;
        reserve_address_space(i, reserved_per_arena);
    }
    return capped;
}
#else
int kyll_heap_grow_in_huge_pages(void) { return 0; }
#endif
