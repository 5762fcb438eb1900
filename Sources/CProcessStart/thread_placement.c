// New threads started off their creator's core.
//
// On these 2-core machines (Linux 6.x, EEVDF) a new thread was placed on the core of the thread
// that created it: either it ran there at once while its creator, ready to run, waited for it, or
// it waited behind its creator until the idle balancer moved it (~0.8 ms), while the other core
// sat idle. The early walk of a small site's build held the build's own thread back 0.8-2.5 ms
// (traced with sched_switch), or started late. Threads made without attributes (kyll's own) are
// created with an affinity that leaves their creator's core out and allow every core again once
// they run; a library's thread, whose attributes cannot be copied, moves itself when it finds it
// started on its creator's core. The seed site's build, the same executable with and without that placement
// (through a preload): 8.8 → 7.6 ms and 9.8 → 8.3 ms; the self-move alone, then the creation
// elsewhere: 8.35 → 7.36 ms (medians of 80 interleaved runs).
//
// The release link passes `--wrap=pthread_create` (Package.swift), which sends every creation in
// the executable here, libdispatch's pool threads included; `KYLL_PLACES_NEW_THREADS` is defined
// for the same builds. Other builds keep glibc's `pthread_create` as it is.

#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif

#include "CProcessStart.h"
#include "CHeapPolicy.h"

#if defined(__linux__) && defined(KYLL_PLACES_NEW_THREADS)
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

int __real_pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *argument);

struct placed_start {
    void *(*start)(void *);
    void *argument;
    int creator_core;
    // Created on the other cores only (`pthread_attr_setaffinity_np`): all of `allowed` again once started.
    int created_elsewhere;
    cpu_set_t allowed;
};

static void *start_placed(void *raw) {
    // Its arena first: freeing `raw` is this thread's first use of the heap.
    kyll_heap_thread_started();
    struct placed_start placed = *(struct placed_start *)raw;
    free(raw);
    if (placed.created_elsewhere) {
        sched_setaffinity(0, sizeof placed.allowed, &placed.allowed);
    } else {
        cpu_set_t allowed;
        if (placed.creator_core >= 0 && sched_getcpu() == placed.creator_core &&
            sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_ISSET(placed.creator_core, &allowed) &&
            CPU_COUNT(&allowed) > 1) {
            cpu_set_t elsewhere = allowed;
            CPU_CLR(placed.creator_core, &elsewhere);
            // The first call moves this thread now; the second lets the scheduler move it again later.
            if (sched_setaffinity(0, sizeof elsewhere, &elsewhere) == 0) sched_setaffinity(0, sizeof allowed, &allowed);
        }
    }
    return placed.start(placed.argument);
}

int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *argument) {
    struct placed_start *placed = malloc(sizeof *placed);
    if (placed == NULL) return __real_pthread_create(thread, attr, start, argument);
    placed->start = start;
    placed->argument = argument;
    placed->creator_core = sched_getcpu();
    placed->created_elsewhere = 0;
    int status;
    // Threads made without attributes (kyll's own, NIO's): created on the other cores outright. Queued behind their
    // creator on its core, they waited up to ~0.8 ms for the idle balancer without ever running the
    // move below. Attributes of a library's (libdispatch's pool) cannot be copied, so those threads
    // move themselves when they find they started on their creator's core.
    if (attr == NULL && placed->creator_core >= 0 &&
        sched_getaffinity(0, sizeof placed->allowed, &placed->allowed) == 0 &&
        CPU_ISSET(placed->creator_core, &placed->allowed) && CPU_COUNT(&placed->allowed) > 1) {
        cpu_set_t elsewhere = placed->allowed;
        CPU_CLR(placed->creator_core, &elsewhere);
        pthread_attr_t own;
        if (pthread_attr_init(&own) == 0) {
            if (pthread_attr_setaffinity_np(&own, sizeof elsewhere, &elsewhere) == 0) placed->created_elsewhere = 1;
            status = __real_pthread_create(thread, placed->created_elsewhere ? &own : NULL, start_placed, placed);
            pthread_attr_destroy(&own);
            // glibc fails the creation when it cannot apply the affinity (a seccomp filter denying
            // sched_setaffinity, a core gone offline): created as glibc alone would, then.
            if (status != 0 && placed->created_elsewhere) {
                placed->created_elsewhere = 0;
                status = __real_pthread_create(thread, NULL, start_placed, placed);
            }
            if (status != 0) free(placed);
            return status;
        }
    }
    status = __real_pthread_create(thread, attr, start_placed, placed);
    if (status != 0) free(placed);
    return status;
}
#endif
