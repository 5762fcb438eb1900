CC      ?= cc
CFLAGS  := -std=c11 -Wall -Wextra -O2
LDLIBS  += -lm
SRCS    := $(wildcard src/*.c)
OBJS    := $(SRCS:.c=.o)
DEPS    := $(OBJS:.o=.d)

.PHONY: all clean test

all: bin/app

bin/app: $(OBJS) | bin
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

bin:
	mkdir -p $@

%.o: %.c
	$(CC) $(CFLAGS) -MMD -c -o $@ $<

test: all
	@./bin/app --self-test && echo "ok"

clean:
	$(RM) -r bin $(OBJS) $(DEPS)

-include $(DEPS)
