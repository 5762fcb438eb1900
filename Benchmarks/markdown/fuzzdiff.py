#!/usr/bin/env python3
"""Differential check of kyll's kramdown converter against Jekyll's on random documents.

    Benchmarks/markdown/fuzzdiff.py [--count N] [--seed S] [--kramdown JSON] [--bench PATH] [--keep DIR]

Documents are assembled at random from a pool of block and span constructs (lists nested in
lists and blockquotes, tables, HTML, IALs, footnotes, definition lists, math, extensions, tabs,
lazy lines, EOB markers). Jekyll 4.3.1's kramdown converter and `markdown-bench convert` convert
each with the same `kramdown:` settings (`--kramdown '{"parse_block_html": true}'`). Documents
that differ outside `<code>` token spans are listed, smallest first.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from realsites import strip_code_spans  # noqa: E402

ORACLE = r"""
require 'jekyll'
require 'tmpdir'
require 'json'
site = Dir.mktmpdir
extra = JSON.parse(ARGV.shift)
cfg = Jekyll.configuration('quiet' => true, 'source' => site, 'destination' => File.join(site, '_site'),
                           'kramdown' => extra)
conv = Jekyll::Converters::Markdown::KramdownParser.new(cfg)
ARGV.each do |f|
  out = begin
    conv.convert(File.read(f))
  rescue => e
    "ERROR #{e.class}"
  end
  File.write(f + '.jekyll', out)
end
"""

SPANS = ["plain words", "*em*", "**strong**", "`code`", "[link](http://x.org)", "[ref link][ref]", "\"quoted\"",
         "it's", "a -- b", "x --- y", "wait...", "<< q >>", "&copy;", "&amp;", "a<b", "HTML", "note[^1]",
         "note[^n2]", "<span>sp *an*</span>", "<em>x</em>", "$$a_b$$", "~~del~~", "snake_case", "\\*esc\\*",
         "a | b", "{::comment}c{:/}", "![img](i.png)", "<http://auto.x>", "trailing  ", "back\\", "<br>",
         "*a*{: .c}", "`x`{: .language-ruby}", "é ü 中", "x'", "서'"]


def generator(rnd):
    def text():
        return " ".join(rnd.choice(SPANS) for _ in range(rnd.randint(1, 4)))

    blocks = [
        lambda: text(),
        lambda: text() + "\n" + text(),
        lambda: "# " + text(),
        lambda: "## " + text() + " {#myid}",
        lambda: text() + "\n" + rnd.choice(["===", "---"]),
        lambda: "    code line\n    more <code>",
        lambda: "```" + rnd.choice(["", "ruby", "python", "nosuch"]) + "\nfenced *x*\n```",
        lambda: "~~~\ntilde\n~~~",
        lambda: "> " + text() + "\n> " + text(),
        lambda: "> " + text() + "\nlazy " + text(),
        lambda: "* * *",
        lambda: "---",
        lambda: "| a | b |\n|---|:-:|\n| 1 | " + text() + " |",
        lambda: "a | b\n1 | 2",
        lambda: "| x | y |",
        lambda: "{: .cls #id}",
        lambda: "{:ald: .aldcls}",
        lambda: "{: ald}",
        lambda: "<div>\n" + text() + "\n</div>",
        lambda: "<div markdown=\"1\">\n" + text() + "\n\n- in div\n</div>",
        lambda: "<p>raw *p*</p>",
        lambda: "<!-- comment -->",
        lambda: "[^1]: " + text(),
        lambda: "[^n2]:\n    " + text() + "\n\n    " + text(),
        lambda: "[ref]: http://ref.example \"Title\"",
        lambda: "*[HTML]: Hyper Text",
        lambda: "Term\n: " + text(),
        lambda: "Term A\nTerm B\n\n: def " + text() + "\n\n  more",
        lambda: "$$\nx^2\n$$",
        lambda: "^",
        lambda: "{::comment}\nhidden\n{:/comment}",
        lambda: "{::nomarkdown}\n<b>raw</b>\n{:/nomarkdown}",
        lambda: "* TOC\n{:toc}",
        lambda: "- [ ] task\n- [x] done",
        lambda: "\t\ttabbed code",
        lambda: "<script>\nvar a = 1 < 2;\n</script>",
        lambda: "<img src=\"a.png\">",
    ]

    def items(depth):
        out = []
        marker = rnd.choice(["-", "*", "+", "1.", "2."])
        for _ in range(rnd.randint(1, 3)):
            indent = rnd.choice(["", " ", "  "])
            gap = rnd.choice([" ", "  ", "   ", "\t"])
            lines = (rnd.choice(blocks)() if rnd.random() < 0.3 else text()).split("\n")
            width = len(indent) + len(marker) + (len(gap) if gap != "\t" else 1)
            cont = " " * (width if gap != "\t" else 4)
            out.append(indent + marker + gap + lines[0])
            out += [(cont if rnd.random() < 0.8 else "") + l for l in lines[1:]]
            if rnd.random() < 0.4 and depth < 2:
                if rnd.random() < 0.5:
                    out.append("")
                out += [(cont if l else "") + l for l in items(depth + 1)]
            if rnd.random() < 0.3:
                out.append("")
                out += [cont + l if l else "" for l in rnd.choice(blocks)().split("\n")]
            if rnd.random() < 0.3:
                out.append("")
            if rnd.random() < 0.2:
                marker = rnd.choice(["-", "*", "+", "1."])
        return out

    def document():
        parts = []
        for _ in range(rnd.randint(2, 7)):
            r = rnd.random()
            if r < 0.3:
                parts.append("\n".join(items(0)))
            elif r < 0.37:
                parts.append("\n".join("> " + l for l in items(0)))
            else:
                parts.append(rnd.choice(blocks)())
            parts.append(rnd.choice(["\n", "\n\n", "\n\n", "\n\n\n"]))
        return "".join(parts)

    return document


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kramdown", default="{}", help="kramdown: settings as JSON")
    parser.add_argument("--bench", default=os.path.join(here, "..", "..", ".build", "release", "markdown-bench"))
    parser.add_argument("--keep", help="leave the documents and both outputs in this folder")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="kyll-fuzzdiff-")
    os.makedirs(work, exist_ok=True)
    try:
        document = generator(random.Random(args.seed))
        files = []
        for i in range(args.count):
            path = os.path.join(work, "%05d.md" % i)
            with open(path, "w") as f:
                f.write(document())
            files.append(path)
        oracle = os.path.join(work, "oracle.rb")
        with open(oracle, "w") as f:
            f.write(ORACLE)
        subprocess.run(["ruby", oracle, args.kramdown] + files, check=True,
                       env=dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true"))
        settings = json.loads(args.kramdown)
        cfg = os.path.join(work, "kramdown.json")
        with open(cfg, "w") as f:
            json.dump({k: (str(v).lower() if isinstance(v, bool) else v) for k, v in settings.items()}, f)
        out = os.path.join(work, "kyll")
        subprocess.run([args.bench, "convert", "--config-json", cfg, "--out", out] + files, check=True)
        same = code = 0
        bad = []
        for path in files:
            expected = open(path + ".jekyll").read()
            actual = open(out + path + ".html").read()
            if expected == actual:
                same += 1
            elif strip_code_spans(expected) == strip_code_spans(actual):
                code += 1
            else:
                bad.append((os.path.getsize(path), path))
        print("%d documents: %d identical, %d identical except code token spans, %d different"
              % (len(files), same, code, len(bad)))
        for _, path in sorted(bad)[:10]:
            print("  differs: " + path)
        return 0 if not bad else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
