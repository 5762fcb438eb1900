#ifndef KYLL_PROCESS_START_H
#define KYLL_PROCESS_START_H

// arguments.c gives the Swift runtime the program's arguments and code_pages.c has the executable's
// code read back in huge page-cache folios (both from constructors); thread_placement.c moves new
// threads off their creator's core and frame_registry.c keeps the unwinder's frame table out of a
// static start (both through the release link's `--wrap`); process_exit.c ends the process.

/// 1 (so that the module has a symbol of its own).
int kyll_process_start_linked(void);

/// Ends the process with `status`, stdio flushed, leaving the release of its memory to a helper
/// process that outlives it (Linux; elsewhere `exit`).
__attribute__((noreturn)) void kyll_exit_leaving_memory(int status);

#endif
