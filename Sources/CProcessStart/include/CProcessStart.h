#ifndef KYLL_PROCESS_START_H
#define KYLL_PROCESS_START_H

// Nothing to call: arguments.c gives the Swift runtime the program's arguments, code_pages.c has
// the executable's code read back in huge page-cache folios (both from constructors), and
// thread_placement.c moves new threads off their creator's core (through the release link).

/// 1 (so that the module has a symbol of its own).
int kyll_process_start_linked(void);

#endif
