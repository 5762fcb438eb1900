#!/usr/bin/env python3
"""Compares kyll's kramdown converter with Jekyll's on every Markdown page of real sites.

    Benchmarks/markdown/realsites.py [--bench PATH] [--keep DIR] [--list] [--commonmark] SITE...

SITE is a site's folder, or a bare git repository (its HEAD is read). Every `.md`/`.markdown`
file becomes a page the way the shared cases were made: the front matter is dropped, Liquid is
taken out (`{% raw %}` bodies kept, `{% highlight x %}` blocks made fences, `{{ … }}` made `VAR`,
`{% link %}`/`{% post_url %}` made `/LINK`, other tags removed), and the page gets
`layout: null` and `render_with_liquid: false`. Jekyll 4.3.1 builds all pages of a site at once
with that site's `kramdown:` settings; kyll converts the same content with the same settings
(`markdown-bench convert`). Pages are counted byte-identical, identical except inside `<code>`
token spans (Rouge's highlighting, which the Markdown module leaves to the Highlight module), or
different. With `--commonmark` both sides use `markdown: CommonMark` (jekyll-commonmark) with
the site's `commonmark:` settings instead. Nothing is written into the sites.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP_DIRS = {".git", "_site", "node_modules", "vendor", ".bundle", ".jekyll-cache", ".sass-cache"}
FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n?^(?:---|\.\.\.)\s*$\n?", re.M | re.S)
RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
HIGHLIGHT = re.compile(r"\{%-?\s*highlight\s+(\S+)[^%]*-?%\}\n?(.*?)\{%-?\s*endhighlight\s*-?%\}", re.S)
OUTPUT = re.compile(r"\{\{.*?\}\}", re.S)
LINK_TAG = re.compile(r"\{%-?\s*(?:link|post_url)\s[^%]*?-?%\}", re.S)
TAG = re.compile(r"\{%.*?%\}", re.S)


def strip_liquid(text):
    """The cases' Liquid stripping; raw bodies are protected by placeholders first."""
    raws = []

    def keep_raw(m):
        raws.append(m.group(1))
        return "\x00RAW%d\x00" % (len(raws) - 1)

    text = RAW.sub(keep_raw, text)
    text = HIGHLIGHT.sub(lambda m: "```%s\n%s\n```" % (m.group(1), m.group(2).rstrip("\n")), text)
    text = OUTPUT.sub("VAR", text)
    text = LINK_TAG.sub("/LINK", text)
    text = TAG.sub("", text)
    return re.sub("\x00RAW(\\d+)\x00", lambda m: raws[int(m.group(1))], text)


def site_files(path, work):
    """(relative path, text) of the site's Markdown files. From a bare repository only the
    Markdown files and `_config.yml` of HEAD are taken out (large files may be missing)."""
    if os.path.isfile(os.path.join(path, "HEAD")) and os.path.isdir(os.path.join(path, "objects")):
        tree = os.path.join(work, "tree")
        names = subprocess.run(["git", "-C", path, "ls-tree", "-r", "-z", "--name-only", "HEAD"],
                               check=True, capture_output=True).stdout.decode("utf-8", "replace").split("\0")
        wanted = [n for n in names if n.endswith((".md", ".markdown")) or n == "_config.yml"]
        for n in wanted:
            blob = subprocess.run(["git", "-C", path, "show", "HEAD:" + n], capture_output=True)
            if blob.returncode != 0:
                continue
            dest = os.path.join(tree, n)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as f:
                f.write(blob.stdout)
        path = tree
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for f in sorted(files):
            if f.endswith((".md", ".markdown")):
                full = os.path.join(root, f)
                try:
                    text = open(full, encoding="utf-8").read()
                except (UnicodeDecodeError, OSError):
                    continue
                found.append((os.path.relpath(full, path), text))
    return path, found


def site_settings(path):
    """The site's `kramdown:` settings (as JSON for kyll, with booleans as strings, and as YAML for
    Jekyll) and its `markdown:` engine, read with Ruby's YAML as Jekyll reads them."""
    cfg = os.path.join(path, "_config.yml")
    if not os.path.exists(cfg):
        return {}, "", "kramdown", {"options": [], "extensions": []}
    script = (
        "require 'yaml'; require 'json'; require 'date';"
        "c = (YAML.safe_load(File.read(ARGV[0]), permitted_classes: [Date, Time, Symbol], aliases: true) rescue {}) || {};"
        "k = c['kramdown'].is_a?(Hash) ? c['kramdown'] : {};"
        "fix = ->(v) { v == true || v == false ? v.to_s : (v.is_a?(Hash) ? v.transform_values(&fix) :"
        " (v.is_a?(Array) ? v.map(&fix) : v)) };"
        "cm = c['commonmark'].is_a?(Hash) ? c['commonmark'] : {};"
        "puts JSON.dump({'kramdown' => fix.(k), 'yaml' => (k.empty? ? '' : YAML.dump({'kramdown' => k}).sub(/\\A---\\n/, '')),"
        " 'markdown' => (c['markdown'] || 'kramdown').to_s,"
        " 'commonmark' => {'options' => Array(cm['options']).map(&:to_s), 'extensions' => Array(cm['extensions']).map(&:to_s)}})"
    )
    out = subprocess.run(["ruby", "-e", script, cfg], check=True, capture_output=True, text=True).stdout
    data = json.loads(out)
    return data["kramdown"], data["yaml"], data["markdown"], data["commonmark"]


def strip_code_spans(html):
    """The HTML with `<span …>`/`</span>` tags inside `<code …>…</code>` left out."""
    out, i, in_code = [], 0, False
    while i < len(html):
        if html.startswith("<", i):
            if not in_code and html.startswith("<code", i) and html[i + 5:i + 6] in (">", " "):
                in_code = True
            elif in_code and html.startswith("</code>", i):
                in_code = False
            elif in_code and (html.startswith("<span", i) or html.startswith("</span>", i)):
                i = html.index(">", i) + 1
                continue
        out.append(html[i])
        i += 1
    return "".join(out)


def flat_name(rel):
    name = rel.replace(os.sep, "__")
    name = re.sub(r"\.(md|markdown)$", "", name)
    return ("x" + name) if name[0] in "_." else name


def compare_site(path, bench, keep, commonmark):
    work = tempfile.mkdtemp(prefix="kyll-realsite-")
    try:
        root, files = site_files(path, work)
        kramdown, kramdown_yaml, engine, cm = site_settings(root)
        site = os.path.join(work, "site")
        inputs = os.path.join(work, "inputs")
        os.makedirs(site)
        os.makedirs(inputs)
        with open(os.path.join(site, "_config.yml"), "w") as f:
            if commonmark:
                f.write("plugins: [jekyll-commonmark]\nmarkdown: CommonMark\ncommonmark: %s\n" % json.dumps(cm))
            else:
                f.write("markdown: kramdown\n" + kramdown_yaml)
        names = []
        for rel, text in files:
            content = FRONT_MATTER.sub("", text, count=1) if text.startswith("---") else text
            content = strip_liquid(content)
            name = flat_name(rel)
            names.append((rel, name))
            with open(os.path.join(site, name + ".md"), "w", encoding="utf-8") as f:
                f.write("---\nlayout: null\nrender_with_liquid: false\n---\n" + content)
            with open(os.path.join(inputs, name + ".md"), "w", encoding="utf-8") as f:
                f.write(content)
        env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true")
        subprocess.run(["jekyll", "build", "--quiet", "-s", site, "-d", os.path.join(work, "_site")],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        cfg = os.path.join(work, "kramdown.json")
        with open(cfg, "w") as f:
            json.dump(kramdown, f)
        ours = os.path.join(work, "ours")
        mode = ["--commonmark", "--cm-options", ",".join(cm["options"]), "--cm-extensions",
                ",".join(cm["extensions"])] if commonmark else ["--config-json", cfg]
        subprocess.run([bench, "convert"] + mode + ["--out", ours]
                       + [os.path.join(inputs, n + ".md") for _, n in names], check=True)
        counts = {"identical": 0, "code spans only": 0, "different": 0}
        different = []
        for rel, name in names:
            expected = open(os.path.join(work, "_site", name + ".html"), encoding="utf-8").read()
            actual = open(ours + os.path.join(inputs, name + ".md") + ".html", encoding="utf-8").read()
            if expected == actual:
                counts["identical"] += 1
            elif strip_code_spans(expected) == strip_code_spans(actual):
                counts["code spans only"] += 1
            else:
                counts["different"] += 1
                different.append(rel)
        return len(names), counts, different, engine
    finally:
        if keep:
            dest = os.path.join(keep, os.path.basename(os.path.dirname(path.rstrip("/"))) or "site")
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(work, dest, symlinks=True)
        shutil.rmtree(work, ignore_errors=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sites", nargs="+")
    parser.add_argument("--bench", default=os.path.join(here, "..", "..", ".build", "release", "markdown-bench"))
    parser.add_argument("--keep", help="copy each site's pages and both outputs here")
    parser.add_argument("--list", action="store_true", help="name the pages that differ")
    parser.add_argument("--commonmark", action="store_true", help="compare markdown: CommonMark instead")
    args = parser.parse_args()
    total = {"identical": 0, "code spans only": 0, "different": 0}
    for path in args.sites:
        n, counts, different, engine = compare_site(path, args.bench, args.keep, args.commonmark)
        for k in total:
            total[k] += counts[k]
        note = "" if engine.lower() == ("commonmark" if args.commonmark else "kramdown") else \
            " (the site itself uses markdown: %s)" % engine
        print("%s: %d pages, %d identical, %d identical except code token spans, %d different%s"
              % (path, n, counts["identical"], counts["code spans only"], counts["different"], note))
        if args.list:
            for rel in different:
                print("  differs: " + rel)
    print("all: %d identical, %d identical except code token spans, %d different"
          % (total["identical"], total["code spans only"], total["different"]))
    return 0 if total["different"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
