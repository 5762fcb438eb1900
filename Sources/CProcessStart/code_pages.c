// The executable's code read from disk in huge (2 MiB) page-cache folios.
//
// How many page faults a start takes for the ~25 MiB of code a small build runs depends on how the
// kernel holds the executable in its page cache: as written by the linker (one large write) it is
// in 2 MiB folios, which each map with one fault (~15 faults a seed build); read back from disk
// after the cache dropped it, it comes in small folios through the mapping's readahead (~150
// faults, 0.5-2 ms more CPU for the seed site). Asking for huge pages on the code's mapping makes
// the kernel read what it misses in 2 MiB folios, as the linker's write left them. It changes
// nothing while the code stays cached, and a kernel without huge pages refuses it.

#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif

#include "CProcessStart.h"

#if defined(__linux__)
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

// Before the other constructors, which run much of the code for the first time.
__attribute__((constructor(101))) static void read_code_in_huge_pages(void) {
    const ElfW(Phdr) *headers = (const ElfW(Phdr) *)getauxval(AT_PHDR);
    size_t count = (size_t)getauxval(AT_PHNUM);
    if (headers == NULL) return;
    // The load bias: 0 for kyll's non-PIE release executable, the PT_PHDR's offset otherwise.
    uintptr_t bias = 0;
    for (size_t i = 0; i < count; i++) {
        if (headers[i].p_type == PT_PHDR) bias = (uintptr_t)headers - headers[i].p_vaddr;
    }
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (size_t i = 0; i < count; i++) {
        if (headers[i].p_type != PT_LOAD || !(headers[i].p_flags & PF_X)) continue;
        uintptr_t start = (bias + headers[i].p_vaddr) & ~(page - 1);
        uintptr_t end = (bias + headers[i].p_vaddr + headers[i].p_memsz + page - 1) & ~(page - 1);
        madvise((void *)start, end - start, MADV_HUGEPAGE);
    }
}
#endif
