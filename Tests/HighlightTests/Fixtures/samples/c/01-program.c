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

static const char *names[] = { "one", "two", NULL };

int64_t sum(const int *values, size_t n)
{
    int64_t total = 0;
    for (size_t i = 0; i < n; ++i) {
        total += values[i];
    }
    return total;
}

int main(int argc, char **argv) {
    unsigned long x = 0xFFul, y = 0755, z = 10L;
    double d = 3.14, e = 1.5e-3, f = .5e2;
    char c = 'a', nl = '\n', hex = '\x41', oct = '\012';
    if (argc > 1 && argv[1][0] == '-') {
        fprintf(stderr, "usage: %s [file]\n", argv[0]);
        return EXIT_FAILURE;
    }
    switch (x) {
    case 1: break;
    default:
        goto done;
    }
done:
    printf("sum=%lld %c\t\"quoted\"\n", (long long)sum(NULL, 0), c);
    return 0;
}
