#!/bin/sh
# Liquid benchmark: kyll's engine against ruby-liquid 5.4 on the same inputs, in one run.
#
#   Benchmarks/liquid/run.sh [GOLDEN_LIQUID_DIR] [SECONDS]
#
# GOLDEN_LIQUID_DIR is a copy of https://github.com/jg-rp/golden-liquid (its benchmark_fixtures/
# are read at run time, not committed); without it only the synthetic site runs. SECONDS is the
# CPU-time budget of each measurement (default 3); ROUNDS (default 3) alternating rounds are
# run. Prints a Markdown table of ratios.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
golden=${1:-}
seconds=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dirs=""
if [ -n "$golden" ]; then
    for d in "$golden"/benchmark_fixtures/*/; do dirs="$dirs ${d%/}"; done
fi
mkdir -p "$work/synthetic/templates"
cp "$here"/synthetic/templates/*.liquid "$work/synthetic/templates/"
python3 "$here/synthetic/make_data.py" "$work/synthetic" 200
dirs="$dirs $work/synthetic"

(cd "$here" && swift build -c release --product LiquidBenchmark >/dev/null)
# The same inputs, the same clock (process CPU time), alternating rounds; the report keeps each
# side's best round (the machine may be shared).
rounds=${ROUNDS:-3}
i=0
while [ "$i" -lt "$rounds" ]; do
    TZ=UTC "$here/.build/release/LiquidBenchmark" "$seconds" $dirs >> "$work/kyll.jsonl"
    TZ=UTC ruby "$here/benchmark.rb" "$seconds" $dirs >> "$work/ruby.jsonl"
    i=$((i + 1))
done
python3 "$here/report.py" "$work/kyll.jsonl" "$work/ruby.jsonl"
