// The process's end, with the release of its memory left to a helper that outlives it.
//
// A build's output is complete when `kyll build` decides its exit status; what is left is the
// kernel taking the address space apart (page tables, the heap's pages, the thread stacks), which
// the shell, CI step or benchmark waiting for kyll waits for too: ~0.7 ms of the ~6 ms build of
// this repository's own site (150 interleaved runs: 8.0 -> 7.0 ms median; `_exit` alone gained
// nothing). So, as the mold linker does, a helper process sharing the address space (`CLONE_VM`)
// is made just before the end. The process then exits without the teardown (the helper still
// holds the memory), and the helper, which only waits for a pipe to close, ends once kyll has gone
// and releases the memory then, adopted and reaped by init. The helper closes every descriptor but
// its pipe first, so nothing kyll wrote to (a pipe a caller reads to its end) stays open.
// Where the process that adopts orphans does not reap them (a container whose first process is
// `tail -f /dev/null`), each run leaves the helper as a zombie until the container ends, as any
// orphan there does.
//
// The helper runs on a stack of its own in the shared memory and makes system calls through
// `syscall` only: it shares the exiting thread's thread-local storage, so no libc function that
// takes locks (`syscall` writes `errno` on a failure only, which nothing reads any more). Any
// failure (no pipe, `clone` refused by a sandbox) ends the process the usual way, and so does a
// run under valgrind, which aborts at a `clone` that makes no thread instead of refusing it (and
// then writes no profile: `scripts/hot-functions` runs kyll under callgrind).

#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif

#include "CProcessStart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <fcntl.h>
#include <stdint.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

static char helper_stack[16384] __attribute__((aligned(64)));

/// The helper's body; `pipe_end` holds the read end of the pipe.
static int release_memory_after_exit(void *pipe_end) {
    int helper_pipe = (int)(intptr_t)pipe_end;
    // Every descriptor but the pipe's read end (close_range, Linux 5.9; older kernels leave them
    // open a millisecond longer).
    if (helper_pipe > 0) syscall(SYS_close_range, 0u, (unsigned)helper_pipe - 1, 0u);
    syscall(SYS_close_range, (unsigned)helper_pipe + 1, ~0u, 0u);
    char byte;
    // Returns once every write end is closed: kyll has exited.
    while (syscall(SYS_read, helper_pipe, &byte, 1) > 0) {}
    syscall(SYS_exit_group, 0);
    return 0;
}

/// Whether valgrind runs this process: it preloads its `vgpreload_*` libraries into every program.
static int under_valgrind(void) {
    const char *preloaded = getenv("LD_PRELOAD");
    return preloaded != NULL && strstr(preloaded, "vgpreload") != NULL;
}

void kyll_exit_leaving_memory(int status) {
    fflush(NULL);
    int ends[2];
    if (!under_valgrind() && pipe2(ends, O_CLOEXEC) == 0) {
        // No SIGCHLD: nobody waits for the helper but init.
        void *read_end = (void *)(intptr_t)ends[0];
        if (clone(release_memory_after_exit, helper_stack + sizeof helper_stack, CLONE_VM, read_end) > 0) {
            _exit(status);
        }
        close(ends[0]);
        close(ends[1]);
    }
    exit(status);
}
#else
void kyll_exit_leaving_memory(int status) { exit(status); }
#endif
