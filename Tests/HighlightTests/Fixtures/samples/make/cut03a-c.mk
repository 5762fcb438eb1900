CC      ?= cc
CFLAGS  := -std=c11 -Wall -Wextra -O2
LDLIBS  += -lm
SRCS    := $(wildcard src/*.c)
OBJS    := $(SRCS:.c=.o)
DEPS    := $(OB