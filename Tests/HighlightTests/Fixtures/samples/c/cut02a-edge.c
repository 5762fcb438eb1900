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