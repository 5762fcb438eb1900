#!/usr/bin/env bash
# Install script
set -euo pipefail

PREFIX="${PREFIX:-/usr/local}"
VERSION=1.2.3
readonly URL="https://example.com/tool-${VERSION}.tar.gz"

log() {
  local level="$1"; shift
  printf '[%s] %s\n