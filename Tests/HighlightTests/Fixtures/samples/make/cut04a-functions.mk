VERSION := $(shell git describe --tags 2>/dev/null || echo dev)
UPPER = $(subst a,A,$(1))
FILES = $(foreach d,$(