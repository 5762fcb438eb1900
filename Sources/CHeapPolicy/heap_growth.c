// The heap's data in huge pages, its metadata in small ones.
//
// Each arena gets its address space up front, before any other thread runs: one block, aligned to
// a huge page, marked for huge pages (`MADV_HUGEPAGE`), then freed and purged at once. It stays with
// the arena as retained address space (nothing is touched, so nothing becomes resident), which the
// arena fills from its start before it maps anything new. So the heap's data lands in whole huge
// pages without jemalloc's `thp:always`, which also put each arena's metadata blocks in huge pages
// of their own: 2 MiB of fresh memory each for a few hundred KiB used (1,000 posts: 16-17 huge
// pages; now 12 huge pages and ~550 more small faults, and a peak RSS ~6 MiB lower).
// Fresh memory is what these machines make expensive: a page the host has taken back (free pages
// are reported to it) costs ~5 ms per 2 MiB to fault in again, against ~0.1 ms for one just freed.
// One mapping up front also spares the build thread from waiting in the read phase while another
// thread faults in a huge page (each new mapping takes the memory map lock for writing).
// The block covers a 10,000-post build (~210 MiB over both arenas); beyond it the heap grows in
// small pages, each arena's growth step capped at 2 MiB (`retain_grow_limit`). The cap is per
// arena and can only be set on an arena that exists, so the arenas are created here, before any
// other thread runs, one per core; new threads are then bound to them in turn. (The number of
// automatic arenas, `narenas`, cannot be chosen here: in a static executable glibc's own start-up
// allocates, so jemalloc has read its options before any constructor runs.)

#include "CHeapPolicy.h"
#include "heap_text.h"

#include <stddef.h>
#include <sys/mman.h>

#if defined(__linux__)
// jemalloc's control interface; weak, because only the release executable links jemalloc.
extern int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen)
    __attribute__((weak));
extern void *mallocx(size_t size, int flags) __attribute__((weak));
extern void dallocx(void *pointer, int flags) __attribute__((weak));

/// Address space each arena gets up front, a whole number of huge pages.
static const size_t reserved_per_arena = 256u << 20;

/// Leaves `bytes` of mapped, untouched address space retained in arena `index`.
static void reserve_address_space(unsigned index, size_t bytes) {
    if (mallocx == NULL || dallocx == NULL) return;
    // MALLOCX_ARENA(index) | MALLOCX_TCACHE_NONE, as jemalloc's header spells them.
    int flags = (int)((index + 1) << 20) | (1 << 8);
    // Aligned to a huge page (MALLOCX_LG_ALIGN(21)), so that the whole block is huge pages.
    void *block = mallocx(bytes, flags | 21);
    if (block == NULL) return;
    madvise(block, bytes, MADV_HUGEPAGE);
    dallocx(block, flags);
    char name[48];
    mallctl(kyll_heap_text(name, sizeof name, "arena.", index, ".purge"), NULL, NULL, NULL, 0);
}

/// How many arenas new threads are bound to in turn (0: jemalloc chooses), and the next one.
static unsigned bound_arenas = 0;
static unsigned next_arena = 1;

int kyll_heap_grow_in_huge_pages(unsigned wanted) {
    if (mallctl == NULL || wanted == 0) return 0;
    unsigned arenas = 0;
    size_t length = sizeof arenas;
    if (mallctl("opt.narenas", &arenas, &length, NULL, 0) != 0) return 0;
    if (wanted < arenas) arenas = wanted;
    void *hooks = NULL;
    length = sizeof hooks;
    if (mallctl("arena.0.extent_hooks", &hooks, &length, NULL, 0) != 0) return 0;
    size_t step = 2u << 20;
    int capped = 0;
    for (unsigned i = 0; i < arenas; i++) {
        char name[48];
        _Bool initialized = 0;
        length = sizeof initialized;
        if (mallctl(kyll_heap_text(name, sizeof name, "arena.", i, ".initialized"), &initialized, &length, NULL, 0) != 0) return capped;
        // Setting an automatic arena's (default) extent hooks creates it.
        if (!initialized && mallctl(kyll_heap_text(name, sizeof name, "arena.", i, ".extent_hooks"), NULL, NULL, &hooks, sizeof hooks) != 0) {
            return capped;
        }
        if (mallctl(kyll_heap_text(name, sizeof name, "arena.", i, ".retain_grow_limit"), NULL, NULL, &step, sizeof step) == 0) capped++;
        reserve_address_space(i, reserved_per_arena);
    }
    // The arenas beyond stay unused: jemalloc would give each new thread an arena of its own while
    // it has one left (it makes four per core), each a few more MiB of fresh memory.
    bound_arenas = arenas;
    return capped;
}

void kyll_heap_thread_started(void) {
    if (bound_arenas == 0) return;
    unsigned arena = __atomic_fetch_add(&next_arena, 1, __ATOMIC_RELAXED) % bound_arenas;
    mallctl("thread.arena", NULL, NULL, &arena, sizeof arena);
}
#else
int kyll_heap_grow_in_huge_pages(unsigned wanted) {
    (void)wanted;
    return 0;
}

void kyll_heap_thread_started(void) {}
#endif
