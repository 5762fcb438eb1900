// See CSystemCalls.h.

#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE  // getdents64, renameat2, sched_getaffinity
#endif

#include "CSystemCalls.h"

#include <errno.h>

#if defined(__linux__)
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>

long kyll_getdents64(int fd, void *buffer, unsigned long size) { return (long)getdents64(fd, buffer, size); }

int kyll_rename_exchange(const char *a, const char *b) { return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE); }

int kyll_allowed_cores(void) {
    cpu_set_t cores;
    if (sched_getaffinity(0, sizeof cores, &cores) != 0) return 0;
    return CPU_COUNT(&cores);
}

const unsigned long kyll_saved_affinity_size = sizeof(cpu_set_t);

/// Whether `core` was free in `claims` and is this caller's now.
static int claim(unsigned long long *claims, int core) {
    unsigned long long bit = 1ull << core;
    return (__atomic_fetch_or(claims, bit, __ATOMIC_RELAXED) & bit) == 0;
}

int kyll_keep_to_own_core(unsigned long long *claims, void *saved) {
    cpu_set_t *allowed = saved;
    if (sched_getaffinity(0, sizeof *allowed, allowed) != 0) return -1;
    // The core this thread runs on first, then the others in order (only the first 64 are claimed).
    int here = sched_getcpu();
    int chosen = -1;
    for (int i = -1; chosen < 0 && i < 64; i++) {
        int core = i < 0 ? here : i;
        if (core >= 0 && core < 64 && CPU_ISSET(core, allowed) && claim(claims, core)) chosen = core;
    }
    if (chosen < 0) return -1;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(chosen, &one);
    if (sched_setaffinity(0, sizeof one, &one) != 0) {
        __atomic_fetch_and(claims, ~(1ull << chosen), __ATOMIC_RELAXED);
        return -1;
    }
    return chosen;
}

void kyll_leave_core(unsigned long long *claims, int core, const void *saved) {
    if (core < 0) return;
    sched_setaffinity(0, sizeof(cpu_set_t), saved);
    __atomic_fetch_and(claims, ~(1ull << core), __ATOMIC_RELAXED);
}
#else
long kyll_getdents64(int fd, void *buffer, unsigned long size) {
    (void)fd;
    (void)buffer;
    (void)size;
    errno = ENOSYS;
    return -1;
}

int kyll_rename_exchange(const char *a, const char *b) {
    (void)a;
    (void)b;
    errno = ENOSYS;
    return -1;
}

int kyll_allowed_cores(void) { return 0; }

const unsigned long kyll_saved_affinity_size = 1;

int kyll_keep_to_own_core(unsigned long long *claims, void *saved) {
    (void)claims;
    (void)saved;
    return -1;
}

void kyll_leave_core(unsigned long long *claims, int core, const void *saved) {
    (void)claims;
    (void)core;
    (void)saved;
}
#endif
