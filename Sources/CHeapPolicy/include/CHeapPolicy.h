#ifndef KYLL_HEAP_POLICY_H
#define KYLL_HEAP_POLICY_H

/// Whether a command line (`argv[0]` is the program) builds or serves a site whose `_posts`
/// folder holds at least `threshold` entries: such a run gets huge pages for its heap.
int kyll_heap_prefers_huge_pages(int argc, const char *const *argv, int threshold);

/// Whether this process chose huge pages for its heap when it started.
int kyll_heap_uses_huge_pages(void);

/// Creates every automatic jemalloc arena with a block of address space in huge pages, which it
/// fills before it maps more, and caps its growth beyond at 2 MiB a step. The number of arenas
/// capped (0 without jemalloc).
int kyll_heap_grow_in_huge_pages(void);

#endif
