#!/usr/bin/env python3
"""Builds real sites with Jekyll and with kyll and counts their Markdown pages that come out the same.

    Benchmarks/markdown/sitebuilds.py [--kyll PATH] [--work DIR] [--reuse-reference] SITE...

Each SITE folder is built by Jekyll 4.3.1 (`JEKYLL_NO_BUNDLER_REQUIRE=true jekyll build`) into
WORK/ref/NAME and by kyll (`kyll build`) into WORK/out/NAME; `../shared/tools/compare_sites.py`
compares the two, and the pages Jekyll converts from Markdown (listed by `markdown_pages.rb`) are
counted as byte-identical, DOM-identical or different. Whole pages are compared, layouts and all,
so a difference may come from outside the Markdown module; the different pages are listed.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
COMPARE = os.path.join(ROOT, "..", "shared", "tools", "compare_sites.py")


def build(site, ref, out, kyll, reuse):
    env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true")
    if not (reuse and os.path.isdir(ref)):
        subprocess.run(["jekyll", "build", "--quiet", "-s", site, "-d", ref], check=True, env=env,
                       stdout=subprocess.DEVNULL)
    run = subprocess.run([kyll, "build", "--quiet", "-s", site, "-d", out], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        errors = [l for l in run.stderr.splitlines() if "error" in l.lower()]
        return None, (errors or run.stderr.splitlines() or ["status %d" % run.returncode])[0]
    pages = subprocess.run(["ruby", os.path.join(HERE, "markdown_pages.rb"), site], check=True, env=env,
                           capture_output=True, text=True).stdout.splitlines()
    return sorted(set(pages)), None


def compare(ref, out, report):
    subprocess.run([sys.executable, COMPARE, ref, out, "--single", "--json", report, "--json-all", "--show", "0"],
                   stdout=subprocess.DEVNULL)
    with open(report) as f:
        data = json.load(f)
    files = {}
    for site in data["sites"].values():
        for path, entry in site["files"].items():
            files[path] = entry
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sites", nargs="+")
    parser.add_argument("--kyll", default=os.path.join(ROOT, ".build", "release", "kyll"))
    parser.add_argument("--work", default="/tmp/kyll-sitebuilds")
    parser.add_argument("--reuse-reference", action="store_true", help="keep an existing Jekyll build")
    args = parser.parse_args()
    total = {"identical-bytes": 0, "identical-dom": 0, "different": 0, "missing": 0}
    for site in args.sites:
        name = os.path.basename(os.path.abspath(site))
        ref = os.path.join(args.work, "ref", name)
        out = os.path.join(args.work, "out", name)
        pages, failure = build(site, ref, out, args.kyll, args.reuse_reference)
        if pages is None:
            print("%s: kyll build failed: %s" % (name, failure))
            continue
        files = compare(ref, out, os.path.join(args.work, name + ".json"))
        counts = {k: 0 for k in total}
        different = []
        for page in pages:
            status = files.get(page, {}).get("status", "missing")
            status = status if status in counts else "different"
            counts[status] += 1
            if status != "identical-bytes":
                where = files.get(page, {}).get("paths") or files.get(page, {}).get("diff_paths") or ""
                different.append("  %s %s %s" % (status, page, json.dumps(where)[:200] if where else ""))
        for k in total:
            total[k] += counts[k]
        print("%s: %d Markdown pages, %d byte-identical, %d DOM-identical, %d different, %d missing"
              % (name, len(pages), counts["identical-bytes"], counts["identical-dom"], counts["different"],
                 counts["missing"]))
        print("\n".join(different))
    print("all: %d byte-identical, %d DOM-identical, %d different, %d missing"
          % (total["identical-bytes"], total["identical-dom"], total["different"], total["missing"]))


if __name__ == "__main__":
    main()
