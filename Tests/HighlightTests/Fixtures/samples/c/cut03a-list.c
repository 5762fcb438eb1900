#include <stdlib.h>

struct list {
    void *data;
    struct list *next;
};

/* Prepend an item; returns the new head or NULL on failure. */
struct list