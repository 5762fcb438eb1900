// The unwinder left to find frames as in a dynamic executable.
//
// The release executable on Linux is linked statically, glibc included (Package.swift). A static
// link starts with crtbeginT.o, whose constructor registers the whole `.eh_frame` (~5 MiB) with
// libgcc's unwinder; the first unwind after that (the main thread's `pthread_exit` in
// `dispatch_main` for `kyll -v` and `serve`, or a libsass exception) sorted every FDE of it, ~40 ms.
// The release link passes `--wrap` for the registration functions, so crtbeginT.o's calls land here
// and do nothing: the unwinder then looks frames up through `dl_iterate_phdr` and the sorted table
// of `PT_GNU_EH_FRAME`. Other builds (debug, tests, macOS) do not wrap them and never call these.

#include "CProcessStart.h"

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
