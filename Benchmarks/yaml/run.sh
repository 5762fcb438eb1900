#!/bin/sh
# Benchmark: load one large YAML data file with the YAML module (release build) and
# with Ruby's Psych.safe_load as Jekyll calls it; prints the best of N runs of each.
# Usage: Benchmarks/yaml/run.sh [RECORDS] [RUNS]
set -eu
cd "$(dirname "$0")"
records=${1:-40000}
runs=${2:-5}
data=${TMPDIR:-/tmp}/kyll-yaml-bench.yml
ruby gen_data.rb "$data" "$records"
swift build -c release --product yaml-bench >/dev/null
size=$(wc -c < "$data")
swift_ms=$(.build/release/yaml-bench "$data" "$runs" | cut -d' ' -f1)
ruby_ms=$(ruby -ryaml -rdate -e '
  text = File.read(ARGV[0]); best = Float::INFINITY
  Integer(ARGV[1]).times do
    t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    Psych.safe_load(text, permitted_classes: [Date, Time], aliases: true)
    best = [best, Process.clock_gettime(Process::CLOCK_MONOTONIC) - t].min
  end
  printf("%.1f", best * 1000)' "$data" "$runs")
echo "file: $records records, $size bytes"
echo "kyll YAML: $swift_ms ms   Psych: $ruby_ms ms   ratio: $(echo "scale=1; $ruby_ms / $swift_ms" | bc)x"
