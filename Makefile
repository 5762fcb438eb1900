# Release build and installation of kyll: the executable, its shell completions and its man page.
#   make                 release build
#   make install         into $(PREFIX) (default /usr/local; use sudo, or PREFIX=$HOME/.local)
#   make uninstall
#   make dist            kyll-VERSION-linux-ARCH.tar.gz, the archive the GitHub Action downloads
# SCRATCH is SwiftPM's build folder (default .build); DESTDIR is honoured for packaging.

PREFIX ?= /usr/local
DESTDIR ?=
SCRATCH ?= .build
SWIFT ?= swift
# Swift's runtime and Foundation linked in, so the executable runs without a Swift toolchain.
STATIC_FLAGS ?= $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)
SWIFT_BUILD = $(SWIFT) build -c release --product kyll --scratch-path "$(SCRATCH)" $(STATIC_FLAGS)

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build install uninstall dist completions

all: build

build:
	$(SWIFT_BUILD)

# The built executable's path.
KYLL_BIN = $(shell $(SWIFT_BUILD) --show-bin-path)/kyll

completions: build
	mkdir -p "$(SCRATCH)/completions"
	"$(KYLL_BIN)" --generate-completion-script bash > "$(SCRATCH)/completions/kyll.bash"
	"$(KYLL_BIN)" --generate-completion-script zsh > "$(SCRATCH)/completions/_kyll"
	"$(KYLL_BIN)" --generate-completion-script fish > "$(SCRATCH)/completions/kyll.fish"

install: build completions
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASH_COMPLETION_DIR)" "$(ZSH_COMPLETION_DIR)" "$(FISH_COMPLETION_DIR)"
	install -m 755 "$(KYLL_BIN)" "$(BINDIR)/kyll"
	install -m 644 docs/kyll.1 "$(MANDIR)/kyll.1"
	install -m 644 "$(SCRATCH)/completions/kyll.bash" "$(BASH_COMPLETION_DIR)/kyll"
	install -m 644 "$(SCRATCH)/completions/_kyll" "$(ZSH_COMPLETION_DIR)/_kyll"
	install -m 644 "$(SCRATCH)/completions/kyll.fish" "$(FISH_COMPLETION_DIR)/kyll.fish"

uninstall:
	rm -f "$(BINDIR)/kyll" "$(MANDIR)/kyll.1" "$(BASH_COMPLETION_DIR)/kyll" "$(ZSH_COMPLETION_DIR)/_kyll" \
	      "$(FISH_COMPLETION_DIR)/kyll.fish"

VERSION = $(shell sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/KyllCLI/KyllCommand.swift)
ARCHIVE = kyll-$(VERSION)-linux-$(shell uname -m).tar.gz

dist:
	rm -rf "$(SCRATCH)/dist"
	$(MAKE) install PREFIX= DESTDIR="$(abspath $(SCRATCH))/dist"
	tar -czf "$(ARCHIVE)" -C "$(SCRATCH)/dist" .
	@echo "$(ARCHIVE)"
