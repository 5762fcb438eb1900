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
#endif
