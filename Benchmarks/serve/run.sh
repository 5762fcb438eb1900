#!/usr/bin/env bash
# kyll serve latency on the generated 1k-post site (../shared/bench/gen_site.py): for each kind of
# edit, the time from saving to the rebuilt file on disk and to the live reload message.
#
#   Benchmarks/serve/run.sh [ROUNDS] [POSTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-30}"
posts="${2:-1000}"
swift build -c release --product kyll
swift build -c release --product serve-bench
bin="$(swift build -c release --show-bin-path)"

work="$(mktemp -d /tmp/kyll-serve-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
python3 ../shared/bench/gen_site.py --posts "$posts" --pages 20 --out "$work/site" > /dev/null
echo "site: $posts posts, 20 pages ($(find "$work/site" -type f | wc -l) files); $(nproc) cores; $(uname -sr); $(date -u +%FT%TZ); load $(cut -d" " -f1-3 /proc/loadavg)"
for edit in body title layout sass; do
  rm -rf "$work/site/_site" "$work/site/.jekyll-cache"
  "$bin/serve-bench" --kyll "$bin/kyll" --site "$work/site" --rounds "$rounds" --edit "$edit"
  echo
done
