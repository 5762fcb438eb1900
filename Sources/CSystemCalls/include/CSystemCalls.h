#ifndef KYLL_SYSTEM_CALLS_H
#define KYLL_SYSTEM_CALLS_H

// Linux calls that Swift's Glibc module does not declare (GNU extensions), called here by name:
// the release executable is static, where looking them up with `dlsym` finds nothing.
// Elsewhere each fails with ENOSYS, and callers take their portable way.

/// `getdents64`: the directory's next records (`struct linux_dirent64`) into `buffer`; the bytes
/// written, 0 at the end, -1 with errno on failure.
long kyll_getdents64(int fd, void *buffer, unsigned long size);

/// `renameat2(..., RENAME_EXCHANGE)`: swaps two paths in one step; 0, or -1 with errno.
int kyll_rename_exchange(const char *a, const char *b);

/// How many cores the calling thread may run on (`sched_getaffinity`); 0 when that cannot be told.
int kyll_allowed_cores(void);

/// Keeps the calling thread, a worker of a parallel phase, on a core of its own: the one it runs
/// on when no other worker of the phase (`claims`, a mask of cores shared by them) holds it, else
/// the first free one. The core, or -1 when none is free or the affinity cannot be set. `saved`
/// (`kyll_saved_affinity_size` bytes) receives the thread's affinity for `kyll_leave_core`.
int kyll_keep_to_own_core(unsigned long long *claims, void *saved);

/// Gives `core` back to `claims` and the calling thread its `saved` affinity.
void kyll_leave_core(unsigned long long *claims, int core, const void *saved);

/// The bytes of a saved affinity.
extern const unsigned long kyll_saved_affinity_size;

#endif
