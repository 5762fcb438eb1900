#!/bin/sh
# Highlights a large file per language with kyll's Highlight module and with Rouge 3.30 in the
# same run, and prints the fastest of RUNS runs of each (process CPU seconds) and the ratio.
#
#   Benchmarks/highlight/bench.sh [SIZE_KB] [RUNS]
#
# Each input is the language's realistic fixture samples (hand-written ones and those from the
# case pages; not the edge cases or cut-off copies) concatenated until it reaches SIZE_KB
# (default 200). Needs ruby with ruby-rouge; builds the release benchmark binary first.
set -eu
cd "$(dirname "$0")/../.."
SIZE_KB=${1:-200}
RUNS=${2:-5}
SAMPLES=Tests/HighlightTests/Fixtures/samples
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# NO_BUILD=1 reuses the release binary already built (when another build holds .build).
[ -n "${NO_BUILD:-}" ] || swift build -c release --product highlight-bench >/dev/null
BIN=.build/release/highlight-bench

LANGS="plaintext python ruby javascript typescript json yaml shell console html xml css scss sass c cpp java go rust
swift sql markdown diff docker toml ini make tex r matlab julia liquid haskell erb php apache nginx"

printf '%-11s %8s %10s %10s %7s\n' language KB kyll_s rouge_s ratio
total_k=0
total_r=0
for lang in $LANGS; do
  # all sample directories whose lexer is this language
  dirs=$(ruby -rrouge -e 'l = Rouge::Lexer.find(ARGV[0]); puts Dir.children(ARGV[1]).select { |d| Rouge::Lexer.find(d) == l }.map { |d| File.join(ARGV[1], d) }.join(" ")' "$lang" "$SAMPLES")
  input="$WORK/$lang.in"
  : > "$input"
  while [ "$(wc -c < "$input")" -lt $((SIZE_KB * 1024)) ]; do
    for d in $dirs; do
      for f in "$d"/*; do
        case "$f" in *.rouge.html|*/cut*|*edge*|*eof*) continue ;; esac
        cat "$f" >> "$input"
        printf '\n' >> "$input"
      done
    done
  done
  kb=$(( $(wc -c < "$input") / 1024 ))
  k=$($BIN time "$lang" "$input" "$RUNS" | cut -d' ' -f1)
  r=$(ruby -rrouge -e '
    src = File.binread(ARGV[0]).force_encoding("UTF-8")
    lexer = Rouge::Lexer.find(ARGV[1]); fmt = Rouge::Formatters::HTML.new
    fmt.format(lexer.lex(src))
    cpu = -> { Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID) }
    best = (1..ARGV[2].to_i).map { t = cpu.(); fmt.format(lexer.lex(src)); cpu.() - t }.min
    printf("%.6f", best)' "$input" "$lang" "$RUNS")
  ratio=$(ruby -e 'printf("%.0f", ARGV[1].to_f / ARGV[0].to_f)' "$k" "$r")
  total_k=$(ruby -e 'printf("%.6f", ARGV[0].to_f + ARGV[1].to_f)' "$total_k" "$k")
  total_r=$(ruby -e 'printf("%.6f", ARGV[0].to_f + ARGV[1].to_f)' "$total_r" "$r")
  printf '%-11s %8s %10s %10s %6sx\n' "$lang" "$kb" "$k" "$r" "$ratio"
done
printf '%-11s %8s %10s %10s %6sx\n' total '' "$total_k" "$total_r" "$(ruby -e 'printf("%.0f", ARGV[1].to_f / ARGV[0].to_f)' "$total_k" "$total_r")"
