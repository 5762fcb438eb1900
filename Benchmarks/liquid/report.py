#!/usr/bin/env python3
"""Turns the JSON lines of LiquidBenchmark and benchmark.rb into a Markdown table of ratios."""
import json
import sys


def load(path):
    """The best (fastest) round of each workload and phase."""
    best = {}
    with open(path) as f:
        for r in map(json.loads, f):
            b = best.setdefault(r["workload"], dict(r))
            for phase in ("parse", "render", "render_parsing_partials"):
                if phase in r and r[phase] < b[phase]:
                    b[phase] = r[phase]
    return best


kyll, ruby = load(sys.argv[1]), load(sys.argv[2])
engine = next(iter(ruby.values()))["engine"] if ruby else "ruby-liquid"
print("| fixture | parse kyll | parse %s | parse ratio | render kyll | render %s | render ratio "
      "| render, partials parsed each time: kyll | %s | ratio | same output |" % (engine, engine, engine))
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|")
phases = ("parse", "render", "render_parsing_partials")
ratios = {phase: [] for phase in phases}
for name in kyll:
    k, r = kyll[name], ruby.get(name)
    if not r:
        continue
    row = [name]
    for phase in phases:
        ratio = r[phase] / k[phase]
        ratios[phase].append(ratio)
        row += ["%.1f µs" % (k[phase] * 1e6), "%.1f µs" % (r[phase] * 1e6), "**%.1f×**" % ratio]
    row.append("yes" if k["output_fnv1a"] == r["output_fnv1a"] else "NO")
    print("| " + " | ".join(row) + " |")
geo = {}
for phase, values in ratios.items():
    product = 1.0
    for v in values:
        product *= v
    geo[phase] = product ** (1.0 / len(values)) if values else 0
print()
print("Geometric mean: parse %.1f×, render %.1f×, render with partials parsed each time %.1f×."
      % (geo["parse"], geo["render"], geo["render_parsing_partials"]))
