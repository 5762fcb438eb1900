#ifndef KYLL_HEAP_POLICY_H
#define KYLL_HEAP_POLICY_H

/// Whether a command line (`argv[0]` is the program) serves, watches or incrementally builds a
/// site whose `_posts` folder holds at least `threshold` entries: such a run gets huge pages for
/// its heap (a one-shot clean build keeps small ones).
int kyll_heap_prefers_huge_pages(int argc, const char *const *argv, int threshold);

/// Whether this process chose huge pages for its heap when it started.
int kyll_heap_uses_huge_pages(void);

/// Creates `arenas` jemalloc arenas (at most its automatic ones), each with a block of address
/// space in huge pages, which it fills before it maps more, and its growth beyond capped at 2 MiB
/// a step; threads started later are bound to them in turn (`kyll_heap_thread_started`). The
/// number of arenas capped (0 without jemalloc).
int kyll_heap_grow_in_huge_pages(unsigned arenas);

/// Binds the calling thread, new, to the next of the arenas `kyll_heap_grow_in_huge_pages` made
/// (nothing when it made none). Called by each new thread before it allocates.
void kyll_heap_thread_started(void);

#endif
