#!/bin/sh
# Instructions per render (or parse) of each fixture, by callgrind: a run of N renders minus a
# run of none, divided by N. Stable on a shared machine, unlike times. Needs a release build
# (run.sh makes one).
#
#   Benchmarks/liquid/icount.sh GOLDEN_LIQUID_DIR [FIXTURE...]     (BENCH_ONLY=parse|parsing, N=200)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
golden=$1; shift
n=${N:-200}
fixtures=${*:-001 002 004 005 006}
count() {
    BENCH_COUNT=$1 TZ=UTC valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$here/.build/release/LiquidBenchmark" 0 "$2" 2>&1 | sed -n 's/.*Collected : //p'
}
for f in $fixtures; do
    dir=$golden/benchmark_fixtures/$f
    [ -d "$dir" ] || dir=$f
    base=$(count 0 "$dir")
    total=$(count "$n" "$dir")
    echo "$f $(( (total - base) / n ))"
done
