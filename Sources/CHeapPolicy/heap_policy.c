// The heap's page size, chosen as the program starts.
//
// The release executable allocates through jemalloc. Huge (2 MiB) pages for the heap cut a 1,000-post
// build's page faults from ~9.5k to ~3k, but cost a small site (this repository's own, ~6 MiB of
// heap) ~0.3 ms in zeroing pages it never fills, and a one-shot clean build of a large site more
// than they save when the machine is slow: each huge page needs a free 2 MiB block, which these
// guests have most likely handed back to their host (free page reporting), and faulting one back
// in cost up to ~5 ms, where small pages come from memory just freed (1k posts in rounds with
// Hugo's builds between them, medians: 94.1 -> 85.6 ms when slow, 70.6 vs 71.2 ms when calm;
// 10k posts 641 -> 600 ms). So huge pages are kept for a large site's `serve`, `build --watch`
// and `build --incremental` (one-shot: 28.1 vs 29.4 ms), and the choice is made here, in a
// constructor that runs before the program's own code, from the command line and the one cheap
// sign of a large site there is: how many entries its `_posts` folder holds.
// Without jemalloc (debug builds, macOS) `malloc_conf` is an unused variable.

#include "CHeapPolicy.h"
#include "CSystemCalls.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

// Thread caches keep freed blocks up to 64 KiB instead of jemalloc's 32 KiB: libyaml allocates and
// frees a 48 KiB buffer (with a 16 KiB one) for every front matter it parses, which otherwise goes
// to the arena each time (~1,400 instructions; 1k posts: yaml_parser_initialize and _delete
// 5.8 -> 2.5 M, the whole build -2.7 M).
const char *malloc_conf = "tcache_max:65536";

static int chose_huge_pages = 0;

/// Counts the entries of `dir` (without `.` and `..`), stopping at `limit`; -1 when unreadable.
static int count_entries(const char *dir, int limit) {
#if defined(__linux__)
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    char buffer[16384] __attribute__((aligned(8)));
    int count = 0;
    for (;;) {
        long n = kyll_getdents64(fd, buffer, sizeof buffer);
        if (n <= 0) break;
        for (long at = 0; at < n;) {
            // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
            unsigned short length;
            memcpy(&length, buffer + at + 16, sizeof length);
            const char *name = buffer + at + 19;
            if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) count++;
            at += length;
        }
        if (count >= limit) break;
    }
    close(fd);
    return count;
#else
    (void)dir;
    (void)limit;
    return -1;
#endif
}

int kyll_heap_prefers_huge_pages(int argc, const char *const *argv, int threshold) {
    if (argc < 2) return 0;
    const char *command = argv[1];
    int builds = strcmp(command, "build") == 0 || strcmp(command, "b") == 0;
    if (!builds && strcmp(command, "serve") != 0 && strcmp(command, "server") != 0 && strcmp(command, "s") != 0) return 0;
    const char *source = ".";
    // A build that goes on (watching) or reuses a previous one (incremental), like `serve`.
    int lasts = !builds;
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        if ((strcmp(arg, "-s") == 0 || strcmp(arg, "--source") == 0) && i + 1 < argc) {
            source = argv[++i];
        } else if (strncmp(arg, "--source=", 9) == 0) {
            source = arg + 9;
        } else if (strcmp(arg, "-w") == 0 || strcmp(arg, "--watch") == 0 || strcmp(arg, "-I") == 0
                   || strcmp(arg, "--incremental") == 0) {
            lasts = 1;
        }
    }
    if (!lasts) return 0;
    char path[4096];
    size_t length = strlen(source);
    if (length + sizeof "/_posts" > sizeof path) return 0;
    memcpy(path, source, length);
    memcpy(path + length, "/_posts", sizeof "/_posts");
    return count_entries(path, threshold) >= threshold;
}

int kyll_heap_uses_huge_pages(void) { return chose_huge_pages; }

// glibc hands constructors the program's arguments; 101 runs it before the other constructors
// (the Swift runtime's among them). A static executable's glibc has started jemalloc already (its
// own start-up allocates), so nothing here may depend on jemalloc not having read its options.
__attribute__((constructor(101))) static void choose_heap_pages(int argc, char **argv, char **envp) {
    (void)envp;
    if (argv != 0 && kyll_heap_prefers_huge_pages(argc, (const char *const *)argv, 64)) {
        chose_huge_pages = 1;
        // One arena per core: a build's threads are one worker per core, each arena given its
        // block of address space in huge pages, and new threads bound to them in turn.
        int cores = kyll_allowed_cores();
        kyll_heap_grow_in_huge_pages(cores > 0 ? (unsigned)cores : 1);
    }
}
