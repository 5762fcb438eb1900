#ifndef KYLL_HEAP_POLICY_H
#define KYLL_HEAP_POLICY_H

/// Whether a command line (`argv[0]` is the program) builds or serves a site whose `_posts`
/// folder holds at least `threshold` entries: such a run gets huge pages for its heap.
int kyll_heap_prefers_huge_pages(int argc, const char *const *argv, int threshold);

/// Whether this process chose huge pages for its heap when it started.
int kyll_heap_uses_huge_pages(void);

#endif
