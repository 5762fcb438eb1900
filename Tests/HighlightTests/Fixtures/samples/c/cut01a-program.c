/*
 * A small program.
 */
#include <stdio.h>
#include <stdlib.h>
#include "config.h" // local
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define LONG_MACRO(x) \
    do { printf("%d\n", x); } while (0)

typedef struct node {
    int value;
    struct node *next;
} node_t;

static const char *names[] = { "one", "two", NUL