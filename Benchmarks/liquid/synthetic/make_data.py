#!/usr/bin/env python3
"""Writes data.json for the synthetic layout-with-includes benchmark: a Jekyll-like site with
POSTS posts (deterministic pseudo-random text). Usage: make_data.py OUT_DIR [POSTS]"""
import json
import os
import random
import sys

out_dir = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = random.Random(42)
words = ("liquid swift ruby jekyll static site build fast template render include layout page post "
         "markdown html theme tag category archive feed sitemap draft").split()


def sentence(n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


posts = []
for i in range(count):
    year = 2015 + i % 9
    posts.append({
        "title": sentence(rng.randint(3, 9)).rstrip(".") + (" & <more>" if i % 17 == 0 else ""),
        "url": "/%d/%02d/post-%d.html" % (year, 1 + i % 12, i),
        "date": 1420070400 + i * 86400 * 13,
        "year": year,
        "author": rng.choice(["alice", "bob", None]),
        "category": rng.choice(["news", "tutorial", "howto", "misc", None]),
        "featured": i % 23 == 0,
        "tags": rng.sample(words, rng.randint(0, 4)),
        "excerpt": "<p>" + " ".join(sentence(12) for _ in range(3)) + "</p>",
        "content": " ".join(sentence(15) for _ in range(40)),
    })
site = {
    "title": "Benchmark & Co", "description": "A site to measure Liquid.", "lang": "en",
    "url": "https://example.com", "baseurl": "/blog", "time": 1700000000,
    "author": {"name": "Ada"},
    "feeds": [{"path": "/feed.xml", "title": None}, {"path": "/news.xml", "title": "News"}],
    "header_pages": ["about.md", "projects.md", "contact.md"],
    "pages": [{"path": p, "url": "/" + p.replace(".md", "/"), "title": p.replace(".md", "").title()}
              for p in ["about.md", "projects.md", "contact.md", "404.html"]],
    "social": [{"name": n, "url": "https://%s.example" % n} for n in ["github", "mastodon", "rss"]],
    "posts": posts,
}
page = {"title": "Home", "url": "/index.html", "layout": None, "excerpt": None}
os.makedirs(out_dir, exist_ok=True)
with open(os.path.join(out_dir, "data.json"), "w") as f:
    json.dump({"site": site, "page": page}, f, indent=1)
