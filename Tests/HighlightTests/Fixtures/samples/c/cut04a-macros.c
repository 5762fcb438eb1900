#ifndef CONFIG_H
#define CONFIG_H

#define VERSION "1.2.3"
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define DEBUG_PRINT(fm