// New threads moved off their creator's core when they start on it.
//
// On these 2-core machines (Linux 6.x, EEVDF) a new thread was placed on the core of the thread
// that created it, and ran there at once while its creator, ready to run, waited for it: the
// early walk of a small site's build held the build's own thread back 0.8-2.5 ms (traced with
// sched_switch), while the other core sat idle. A thread that finds itself on its creator's core
// moves to another one of its allowed cores, then allows them all again (two `sched_setaffinity`
// calls, ~10 µs), and the creator goes on. The seed site's build, the same executable with and
// without the move: 8.8 → 7.6 ms and 9.8 → 8.3 ms, medians of 80 interleaved runs each.
//
// The release link passes `--wrap=pthread_create` (Package.swift), which sends every creation in
// the executable here, libdispatch's pool threads included; `KYLL_PLACES_NEW_THREADS` is defined
// for the same builds. Other builds keep glibc's `pthread_create` as it is.

#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif

#include "CProcessStart.h"

#if defined(__linux__) && defined(KYLL_PLACES_NEW_THREADS)
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

int __real_pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *argument);

struct placed_start {
    void *(*start)(void *);
    void *argument;
    int creator_core;
};

static void *start_placed(void *raw) {
    struct placed_start placed = *(struct placed_start *)raw;
    free(raw);
    cpu_set_t allowed;
    if (placed.creator_core >= 0 && sched_getcpu() == placed.creator_core &&
        sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_ISSET(placed.creator_core, &allowed) &&
        CPU_COUNT(&allowed) > 1) {
        cpu_set_t elsewhere = allowed;
        CPU_CLR(placed.creator_core, &elsewhere);
        // The first call moves this thread now; the second lets the scheduler move it again later.
        if (sched_setaffinity(0, sizeof elsewhere, &elsewhere) == 0) sched_setaffinity(0, sizeof allowed, &allowed);
    }
    return placed.start(placed.argument);
}

int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *argument) {
    struct placed_start *placed = malloc(sizeof *placed);
    if (placed == NULL) return __real_pthread_create(thread, attr, start, argument);
    placed->start = start;
    placed->argument = argument;
    placed->creator_core = sched_getcpu();
    int status = __real_pthread_create(thread, attr, start_placed, placed);
    if (status != 0) free(placed);
    return status;
}
#endif
