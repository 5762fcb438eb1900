#ifndef CONFIG_H
#define CONFIG_H

#define VERSION "1.2.3"
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define DEBUG_PRINT(fmt, ...) \
    fprintf(stderr, "[%s:%d] " fmt "\n", __FILE__, __LINE__, __VA_ARGS__)

enum color { RED = 1 << 0, GREEN = 1 << 1, BLUE = 1 << 2 };

typedef int (*compare_fn)(const void *, const void *);

extern volatile sig_atomic_t stop_flag;
#endif /* CONFIG_H */
