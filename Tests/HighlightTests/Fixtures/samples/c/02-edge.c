#if 0
disabled code();
#if nested
#endif
#else
int enabled;
#endif
#  define SPACED 1
#ifdef __cplusplus
extern "C" {
#endif
void proto(void);
static inline int square(int x) { return x * x; }
int *ptr_fn(int a, /* comment */ int b) /* trailing */ { return 0; }
char *s = u8"utf8" L"wide" "unterminated
int bad = `;
bool flag = true; void *p = NULL;
x = a */ b;
label: y++;
struct point { int x, y; } pt = { .x = 1, .y = 2 };
