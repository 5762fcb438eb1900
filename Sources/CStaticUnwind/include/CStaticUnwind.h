#ifndef KYLL_STATIC_UNWIND_H
#define KYLL_STATIC_UNWIND_H

// Nothing to call: the functions of frame_registry.c replace two of libgcc's through the
// release link's `--wrap` flags.

#endif
