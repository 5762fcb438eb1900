#!/usr/bin/env python3
"""Whole-site benchmark driver (run it through run.sh, which builds kyll in release mode first).

For each size: generate the Jekyll and Hugo sites with gen_site.py (once; kept in --work), build
with kyll and with Jekyll and compare the outputs with compare_sites.py, then time clean builds of
kyll, Jekyll and Hugo in interleaved rounds (one hyperfine call per tool and round, so the three
share the machine's moods), each command started directly (hyperfine -N) and its peak RSS taken from
a further run under /usr/bin/time. The seed site (this repository) is measured the same way, kyll
against Jekyll. Optionally times a one-post change with `kyll build --incremental` and checks that
its result equals a full build.

Prints a Markdown table and writes it, with the raw figures, to --work/results.{md,json}.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

SHARED = None  # set in main(): ../shared relative to the repository


def sh(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kw)


def uptime() -> str:
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Tool:
    """A builder: a clean-build command line, its output folder and what to delete before a run."""

    def __init__(self, name: str, command: str, clean: list[str]):
        self.name, self.command, self.clean = name, command, clean


def tools_for(site: str, hugo_site: str | None, out: str, kyll: str, warm: bool = False) -> list[Tool]:
    """`warm`: each tool keeps its cache folder between runs (Jekyll's and kyll's `.jekyll-cache`,
    Hugo's `resources`); only the output is deleted."""
    def clean(output: str, cache: str) -> list[str]:
        return [output] if warm else [output, cache]
    tools = [
        Tool("kyll", f"{kyll} build --quiet -s {site} -d {out}/kyll", clean(f"{out}/kyll", f"{site}/.jekyll-cache")),
        Tool("jekyll", f"env JEKYLL_NO_BUNDLER_REQUIRE=true jekyll build --quiet -s {site} -d {out}/jekyll",
             clean(f"{out}/jekyll", f"{site}/.jekyll-cache")),
    ]
    if hugo_site:
        tools.append(Tool("hugo", f"hugo --quiet -s {hugo_site} -d {out}/hugo",
                          clean(f"{out}/hugo", f"{hugo_site}/resources")))
    return tools


def timed(tool: Tool, runs: int, work: str, warmup: int = 0, rss_runs: int = 1) -> tuple[list[float], list[int], float]:
    """Runs hyperfine on one tool, the command started directly (no shell, no wrapper: a wrapper's own
    fork and exec would count as the tool's time, a millisecond of a 20 ms build); returns the wall
    times (s) and mean CPU time (user + system, s) of the timed runs, and the peak RSS (KiB) of
    `rss_runs` further runs of the same clean build under /usr/bin/time."""
    rss_file = os.path.join(work, f"rss-{tool.name}.txt")
    json_file = os.path.join(work, f"hf-{tool.name}.json")
    prepare = "rm -rf " + " ".join(tool.clean)
    sh(["hyperfine", "--style", "none", "-N", "--runs", str(runs), "--warmup", str(warmup), "--prepare", prepare,
        "--export-json", json_file, tool.command], stdout=subprocess.DEVNULL)
    result = json.load(open(json_file))["results"][0]
    if os.path.exists(rss_file):
        os.remove(rss_file)
    for _ in range(rss_runs):
        sh(["sh", "-c", prepare])
        sh(["sh", "-c", f"/usr/bin/time -a -o {rss_file} -f %M {tool.command}"], stdout=subprocess.DEVNULL)
    rss = [int(line) for line in open(rss_file).read().split() if line.isdigit()]
    return result["times"], rss, result["user"] + result["system"]


def compare(ref: str, out: str, label: str) -> dict:
    """compare_sites.py of Jekyll's output against kyll's; the feed's own <updated> (the build time,
    different in two builds) is left out by comparing feed.xml separately without it."""
    ignore = []
    for feed in ("feed.xml",):
        a, b = os.path.join(ref, feed), os.path.join(out, feed)
        if os.path.exists(a) and os.path.exists(b):
            ignore += ["--ignore", feed]
            if strip_build_time(open(a, "rb").read()) != strip_build_time(open(b, "rb").read()):
                return {"identical": False, "summary": f"{feed} differs (beyond the build time)"}
    p = subprocess.run([sys.executable, os.path.join(SHARED, "tools/compare_sites.py"), ref, out] + ignore,
                       capture_output=True, text=True)
    summary = [l for l in p.stdout.splitlines() if l.startswith(("pages:", "other files:"))]
    if p.returncode != 0:
        print(p.stdout[-4000:], file=sys.stderr)
    print(f"  compare {label}: " + "; ".join(summary), file=sys.stderr)
    return {"identical": p.returncode == 0, "summary": "; ".join(summary)}


def strip_build_time(feed: bytes) -> bytes:
    start = feed.find(b"<updated>")
    end = feed.find(b"</updated>", start)
    return feed if start < 0 or end < 0 else feed[:start] + feed[end:]


def measure(label: str, tools: list[Tool], args, work: str, skip_jekyll_rounds: int | None) -> dict:
    os.makedirs(work, exist_ok=True)
    figures = {t.name: {"times": [], "rss": [], "cpu": []} for t in tools}
    loads = [uptime()]
    rounds = args.rounds
    for r in range(rounds):
        for t in tools:
            if t.name == "jekyll" and skip_jekyll_rounds is not None and r >= skip_jekyll_rounds:
                continue
            runs = 1 if t.name == "jekyll" else args.runs
            # Warm caches: two builds first (kyll stores a conversion the second time it sees it).
            warmup = (2 if args.warm_caches else 1 if t.name != "jekyll" else 0) if r == 0 else 0
            times, rss, cpu = timed(t, runs, work, warmup=warmup)
            figures[t.name]["times"] += times
            figures[t.name]["rss"] += rss
            figures[t.name]["cpu"].append(cpu)
        loads.append(uptime())
        print(f"  {label} round {r + 1}/{rounds} done (load {loads[-1]})", file=sys.stderr)
    return {"label": label, "figures": figures, "load": loads}


def incremental(site: str, out: str, kyll: str, args, work: str) -> dict:
    """A one-post change with --incremental: median time, and whether the result equals a full build."""
    posts = sorted(os.listdir(os.path.join(site, "_posts")))
    post = os.path.join(site, "_posts", posts[len(posts) // 2])
    original = open(post, encoding="utf-8").read()
    toggle = os.path.join(work, "toggle.py")
    with open(toggle, "w") as f:
        f.write("import sys\np=sys.argv[1]\ns=open(p,encoding='utf-8').read()\n"
                "m='\\nEdited for the benchmark.\\n'\n"
                "open(p,'w',encoding='utf-8').write(s[:-len(m)] if s.endswith(m) else s+m)\n")
    dest = f"{out}/incremental"
    shutil.rmtree(dest, ignore_errors=True)
    build = f"{kyll} build --quiet --incremental -s {site} -d {dest}"
    sh(build.split())
    json_file = os.path.join(work, "hf-incremental.json")
    try:
        # Untimed first runs: the edited post's two texts are converted and stored in the conversion
        # cache (an input is stored once a second build sees it), which later runs only read.
        sh(["hyperfine", "--style", "none", "--warmup", "4", "--runs", str(args.runs * args.rounds), "--prepare",
            f"{sys.executable} {toggle} {post}", "--export-json", json_file, build], stdout=subprocess.DEVNULL)
        times = json.load(open(json_file))["results"][0]["times"]
        # The last incremental result against a full build of the same sources.
        full = f"{out}/full"
        shutil.rmtree(full, ignore_errors=True)
        sh(f"{kyll} build --quiet -s {site} -d {full}".split())
        same = trees_equal(dest, full)
    finally:
        open(post, "w", encoding="utf-8").write(original)
    return {"post": os.path.relpath(post, site), "times": times, "equals_full_build": same, "load": uptime()}


def trees_equal(a: str, b: str) -> bool:
    """Byte-equal trees, apart from the feed's build time."""
    files = lambda root: sorted(os.path.relpath(os.path.join(d, f), root)
                                for d, _, fs in os.walk(root) for f in fs)
    fa, fb = files(a), files(b)
    if fa != fb:
        print(f"  incremental: file lists differ: {sorted(set(fa) ^ set(fb))[:5]}", file=sys.stderr)
        return False
    for rel in fa:
        x, y = os.path.join(a, rel), os.path.join(b, rel)
        if rel == "feed.xml":
            if strip_build_time(open(x, "rb").read()) != strip_build_time(open(y, "rb").read()):
                print("  incremental: feed.xml differs", file=sys.stderr)
                return False
        elif not filecmp.cmp(x, y, shallow=False):
            print(f"  incremental: {rel} differs", file=sys.stderr)
            return False
    return True


def without_seo_tag(site: str) -> str:
    """A copy of a generated site without jekyll-seo-tag (kept beside it, made once)."""
    copy = site + "-without-seo"
    if not os.path.exists(copy):
        shutil.copytree(site, copy)
        head = os.path.join(copy, "_includes/head.html")
        text = open(head).read().replace("{%- seo -%}\n", "")
        open(head, "w").write(text)
        config = os.path.join(copy, "_config.yml")
        text = "".join(l for l in open(config) if "jekyll-seo-tag" not in l)
        open(config, "w").write(text)
    return copy


def stats(xs: list[float]) -> tuple[float, float, float] | None:
    return (statistics.median(xs), min(xs), max(xs)) if xs else None


def report(results: list[dict], inc: list[dict]) -> str:
    lines = ["| site | tool | runs | median s | min s | max s | jekyll / kyll | hugo / kyll | CPU s | CPU jekyll / kyll "
             "| CPU hugo / kyll | peak RSS MiB | output |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        f = r["figures"]
        kyll = stats(f["kyll"]["times"])
        for name in ("kyll", "jekyll", "hugo"):
            if name not in f or not f[name]["times"]:
                continue
            m, lo, hi = stats(f[name]["times"])
            jk = hg = ""
            if name == "kyll":
                if f.get("jekyll", {}).get("times"):
                    jk = f"{stats(f['jekyll']['times'])[0] / kyll[0]:.1f}×"
                if f.get("hugo", {}).get("times"):
                    hg = f"{stats(f['hugo']['times'])[0] / kyll[0]:.1f}×"
            rss = statistics.median(f[name]["rss"]) / 1024 if f[name]["rss"] else float("nan")
            cpu = statistics.median(f[name]["cpu"])
            cjk = chg = ""
            if name == "kyll":
                kcpu = cpu
                if f.get("jekyll", {}).get("cpu"):
                    cjk = f"{statistics.median(f['jekyll']['cpu']) / kcpu:.1f}×"
                if f.get("hugo", {}).get("cpu"):
                    chg = f"{statistics.median(f['hugo']['cpu']) / kcpu:.1f}×"
            out = ""
            if name == "kyll" and "compare" in r:
                out = "= jekyll" if r["compare"]["identical"] else "DIFFERS: " + r["compare"]["summary"]
            lines.append(f"| {r['label']} | {name} | {len(f[name]['times'])} | {m:.3f} | {lo:.3f} | {hi:.3f} "
                         f"| {jk} | {hg} | {cpu:.2f} | {cjk} | {chg} | {rss:.0f} | {out} |")
    lines.append("")
    lines.append("Load average (1/5/15 min) before and after each site's rounds: " +
                 "; ".join(f"{r['label']}: {r['load'][0]} → {r['load'][-1]}" for r in results))
    for i in inc:
        m, lo, hi = stats(i["times"])
        lines.append(f"\nIncremental ({i['label']}, one post edited, `kyll build --incremental`): median "
                     f"{m * 1000:.1f} ms (min {lo * 1000:.1f}, max {hi * 1000:.1f}, {len(i['times'])} runs); "
                     f"result equals a full build: {'yes' if i['equals_full_build'] else 'NO'} (load {i['load']})")
    return "\n".join(lines)


def main() -> None:
    global SHARED
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kyll", required=True, help="the kyll executable (release build)")
    ap.add_argument("--repo", required=True, help="the repository root (the seed site)")
    ap.add_argument("--sizes", default="100,1000,10000", help="numbers of posts (comma-separated)")
    ap.add_argument("--pages", type=int, default=20, help="pages per generated site (gen_site.py --pages)")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds per site")
    ap.add_argument("--runs", type=int, default=3, help="kyll and hugo runs per round (Jekyll runs once)")
    ap.add_argument("--jekyll-rounds-at-10k", type=int, default=1,
                    help="Jekyll rounds for sites of 10,000 posts or more (it takes minutes; 0 = none)")
    ap.add_argument("--no-seed", action="store_true", help="leave out the repository's own site")
    ap.add_argument("--no-verify", action="store_true", help="skip the output comparison with Jekyll")
    ap.add_argument("--no-incremental", action="store_true", help="skip the --incremental measurement")
    ap.add_argument("--warm-caches", action="store_true",
                    help="keep each tool's cache folder between runs (a rebuild, not a clean build)")
    # tmpfs by default: on ext4, files made right after `rm -rf` of the last run's output make the
    # kernel scan the recently deleted inodes, a cost of the benchmark loop rather than of a tool.
    ap.add_argument("--work", default="/dev/shm/kyll-site-bench" if os.path.isdir("/dev/shm") else "/tmp/kyll-site-bench",
                    help="where sites and outputs go (default: tmpfs when there is one)")
    ap.add_argument("--without-seo-tag", action="store_true",
                    help="build a copy of each generated Jekyll site without {%% seo %%} and jekyll-seo-tag "
                         "(for a kyll that lacks the plugin; the Hugo site keeps its equivalent)")
    args = ap.parse_args()
    SHARED = os.path.normpath(os.path.join(args.repo, "..", "shared"))
    kyll = os.path.abspath(args.kyll)
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    results, incs = [], []

    sites = [] if args.no_seed else [("seed site", args.repo, None)]
    for n in [int(s) for s in args.sizes.split(",") if s]:
        site, hugo = f"{work}/gen/{n}/jekyll", f"{work}/gen/{n}/hugo"
        if not os.path.exists(os.path.join(site, ".gen_site_manifest.json")):
            sh([sys.executable, os.path.join(SHARED, "bench/gen_site.py"), "--posts", str(n), "--pages",
                str(args.pages), "--out", site, "--hugo", hugo, "--force"], stdout=subprocess.DEVNULL)
        if args.without_seo_tag:
            site = without_seo_tag(site)
        sites.append((f"{n} posts", site, hugo))

    for label, site, hugo in sites:
        key = label.split()[0]
        out = f"{work}/out/{key}"
        tools = tools_for(site, hugo, out, kyll, warm=args.warm_caches)
        big = label.endswith("posts") and int(key) >= 10000
        jekyll_rounds = args.jekyll_rounds_at_10k if big else None
        if big and args.jekyll_rounds_at_10k == 0:
            tools = [t for t in tools if t.name != "jekyll"]
        print(f"== {label} ({site}) load {uptime()}", file=sys.stderr)
        r = measure(label, tools, args, f"{work}/runs/{key}", jekyll_rounds)
        # The timed runs left each tool's output of a clean build in place: compare those.
        if not args.no_verify and any(t.name == "jekyll" for t in tools):
            r["compare"] = compare(f"{out}/jekyll", f"{out}/kyll", label)
        results.append(r)
        if not args.no_incremental and label == "1000 posts":
            i = incremental(site, out, kyll, args, f"{work}/runs/{key}")
            i["label"] = label
            incs.append(i)

    text = report(results, incs)
    header = (f"kyll site benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
              f"{os.cpu_count()} CPUs, {platform_line()}"
              f"{'; caches kept between runs (rebuilds)' if args.warm_caches else '; clean builds (caches deleted)'}\n\n")
    print(header + text)
    open(os.path.join(work, "results.md"), "w").write(header + text + "\n")
    json.dump({"results": results, "incremental": incs}, open(os.path.join(work, "results.json"), "w"), indent=1)


def platform_line() -> str:
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        model = "unknown CPU"
    versions = []
    for cmd in (["jekyll", "--version"], ["hugo", "version"]):
        try:
            versions.append(subprocess.run(cmd, capture_output=True, text=True).stdout.split("\n")[0][:40])
        except OSError:
            pass
    return model + "; " + "; ".join(versions)


if __name__ == "__main__":
    main()
