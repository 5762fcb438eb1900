// The release executable on Linux is linked statically, glibc included (Package.swift), and a
// static link starts with crtbeginT.o, whose constructor registers the whole `.eh_frame` (~5 MiB
// here) with libgcc's unwinder. The first unwind after that, the main thread's `pthread_exit`
// in `dispatch_main` (`kyll -v`, `serve`) or a libsass exception, sorted every FDE of it: ~40 ms.
// The link passes `--wrap` for the two registration functions, so that crtbeginT.o's calls come
// here and do nothing; the unwinder then finds frames as it does in a dynamic executable, by
// `dl_iterate_phdr` and the binary-search table of `PT_GNU_EH_FRAME`. Other builds (debug, tests,
// macOS) do not wrap the functions and never call these.

#include "CStaticUnwind.h"

#if defined(__linux__)
struct object;

void __wrap___register_frame_info(const void *begin, struct object *ob) {
    (void)begin;
    (void)ob;
}

void *__wrap___deregister_frame_info(const void *begin) {
    (void)begin;
    return 0;
}
#endif
