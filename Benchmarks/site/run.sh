#!/bin/sh
# Whole-site benchmark: kyll (release build) against `jekyll build` (Debian's Jekyll 4.3.1) and
# `hugo` on sites made by ../shared/bench/gen_site.py, and kyll against Jekyll on this repository's
# own site. Interleaved rounds with hyperfine; medians, min/max, ratios, peak RSS; kyll's output is
# compared with Jekyll's first (speed without identical output does not count).
#
#   Benchmarks/site/run.sh [options]      (see bench.py --help; e.g. --sizes 100,1000)
#
# Needs: swift, hyperfine, jekyll (+ Debian's ruby-jekyll-* plugins), hugo, /usr/bin/time,
# python3 with lxml (for compare_sites.py).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
(cd "$root" && swift build -c release --product kyll >&2)
exec python3 "$here/bench.py" --kyll "$root/.build/release/kyll" --repo "$root" "$@"
