// The program's arguments for the Swift runtime (`CommandLine.arguments`), taken from the
// constructor call glibc makes.
//
// The runtime's own way on Linux is a C++ constructor that reads /proc/self/maps line by line to
// find the stack and walks back from `environ` to `argv`: an `open` of a file the kernel writes on
// each read, ~50 `sscanf`s and ~120 k instructions at every start, before `main`, whatever the
// command. The runtime asks for the arguments through `_swift_stdlib_getUnsafeArgvArgc`; defined
// here, in an object the executable links, it keeps the runtime's object (CommandLine.cpp.o in
// the static libswiftCore.a) from being linked at all. With the shared runtime (debug builds) the
// runtime keeps its own, hidden one, and these go unused.

#include "CProcessStart.h"

#if defined(__linux__)
static char **program_argv = 0;
static int program_argc = 0;
static char *no_arguments[] = {0};

// glibc passes constructors `main`'s arguments.
__attribute__((constructor(101))) static void keep_arguments(int argc, char **argv, char **envp) {
    (void)envp;
    program_argv = argv;
    program_argc = argc;
}

// `CommandLine.unsafeArgv` and `argc`; the runtime declares both with Swift's calling convention.
__attribute__((swiftcall, used)) char **_swift_stdlib_getUnsafeArgvArgc(int *outArgLen) {
    if (program_argv == 0) {
        *outArgLen = 0;
        return no_arguments;
    }
    *outArgLen = program_argc;
    return program_argv;
}

// The runtime's override, for embedders that set the arguments themselves.
__attribute__((swiftcall, used)) void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc) {
    program_argv = argv;
    program_argc = argc;
}
#endif

int kyll_process_start_linked(void) { return 1; }
