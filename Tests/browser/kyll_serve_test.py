#!/usr/bin/env python3
"""`kyll serve` in a real browser: headless Chromium opens a post of the fixture site in
Tests/browser/site (copied to a temporary folder), the test edits the site's sources, and the DevTools
protocol tells whether the page reloaded by itself with the rebuilt content, swapped the rebuilt
stylesheet without reloading, and showed a Liquid error over the last good page until it was fixed.

Usage: python3 Tests/browser/kyll_serve_test.py [--kyll PATH] [--screenshots DIR]
Without --kyll the executable is built with `swift build --product kyll`.
Ends with the line 'N passed, N failed'; exits non-zero when anything failed.
"""

import argparse
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import DevTools  # noqa: E402
from live_reload_test import (CONNECTED, OVERLAY, REPOSITORY, Checks, finish, page_target, screenshot,  # noqa: E402
                              skip_without_chromium, start_chromium, stop)

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "site")
POST = "_posts/2024-05-01-hello.md"
POST_URL = "/2024/05/01/hello.html"
POST_TEXT = "---\nlayout: default\ntitle: Hello\n---\n<h1 id=\"headline\">{headline}</h1>\n\nSome text.\n"
HEADLINE = "document.getElementById('headline') && document.getElementById('headline').textContent"


def edit(site, name, text, pause=0.0):
    # As editors save: a temporary file renamed over the old one. A pause between the two lets the
    # watcher report the temporary file in a batch of its own, whose rebuild writes nothing.
    path = os.path.join(site, name)
    with open(path + ".kyll-test-tmp", "w") as handle:
        handle.write(text)
    time.sleep(pause)
    os.replace(path + ".kyll-test-tmp", path)


def build_kyll():
    subprocess.run(["swift", "build", "--product", "kyll"], cwd=REPOSITORY, check=True)
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPOSITORY, check=True,
                              capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "kyll")


class Serve:
    """`kyll serve` on free ports; its output lines are collected on a thread."""

    def __init__(self, kyll, site):
        self.process = subprocess.Popen(
            [kyll, "serve", "-s", site, "-d", os.path.join(site, "_site"), "-P", "0", "-l", "--livereload-port", "0"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = queue.Queue()
        self.log = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.log.append(line.rstrip("\n"))
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, pattern, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    return None
                continue
            match = re.search(pattern, line)
            if match:
                return match
        return None

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def run(kyll, screenshots):
    checks = Checks()
    folder = tempfile.mkdtemp(prefix="kyll-serve-browser-")
    site = os.path.join(folder, "site")
    shutil.copytree(FIXTURE, site)
    profile = tempfile.mkdtemp(prefix="kyll-browser-profile-")
    serve = chromium = page = None
    try:
        serve = Serve(kyll, site)
        address = serve.wait_for_line(r"Server address: (http://\S+)")
        if not checks.check("kyll serve builds and serves the site", address is not None):
            print("\n".join(serve.log))
            return checks
        url = address.group(1).rstrip("/") + POST_URL

        chromium, devtools_port = start_chromium(profile)
        page = DevTools(page_target(devtools_port))
        page.call("Page.enable")
        page.call("Page.navigate", {"url": url})
        checks.check("the post loads and its live reload script connects",
                     page.wait_for(f"document.readyState === 'complete' && {CONNECTED}"))
        checks.check("the post shows the first version", page.evaluate(HEADLINE) == "Version one")
        checks.check("the stylesheet built from Sass applies",
                     page.wait_for("getComputedStyle(document.getElementById('headline')).color === 'rgb(0, 0, 255)'"))

        # 1. The post's source changes: kyll rebuilds, the page reloads by itself.
        page.evaluate("window.kyllMarker = 'set before the edit'")
        edit(site, POST, POST_TEXT.format(headline="Version two"))
        checks.check("an edited post reloads by itself with the rebuilt page",
                     page.wait_for(f"document.readyState === 'complete' && ({HEADLINE}) === 'Version two'", timeout=60))
        checks.check("... as a real reload", page.evaluate("window.kyllMarker === undefined"))
        checks.check("... and reconnects", page.wait_for(CONNECTED))

        # 2. A Sass partial changes: the stylesheet is swapped without a reload.
        page.evaluate("window.kyllMarker = 'kept through a stylesheet swap'")
        edit(site, "_sass/_colors.scss", "$headline: rgb(255, 0, 0);\n", pause=0.6)
        checks.check("an edited Sass partial restyles the page",
                     page.wait_for("getComputedStyle(document.getElementById('headline')).color === 'rgb(255, 0, 0)'",
                                   timeout=60))
        checks.check("... without a reload", page.evaluate("window.kyllMarker") == "kept through a stylesheet swap")

        # 3. A Liquid error in an include: the overlay names file:line:col over the last good page.
        page.wait_for(CONNECTED)
        edit(site, "_includes/header.html", "<header>{{ site.title }}\n{% if site.title %}\n</header>\n")
        checks.check("a broken include shows the build error overlay",
                     page.wait_for(f"{OVERLAY} !== null && {OVERLAY}.textContent.includes('never closed')", timeout=60))
        overlay = page.evaluate(f"{OVERLAY} && {OVERLAY}.textContent") or ""
        checks.check("... with file:line:col", "_includes/header.html:2:" in overlay)
        checks.check("... with the source line", "{% if site.title %}" in overlay)
        checks.check("... and the layout chain", "_layouts/default.html" in overlay)
        checks.check("... over the last good page", page.evaluate(HEADLINE) == "Version two")
        screenshot(page, screenshots, "kyll-overlay.png")
        page.wait_for(CONNECTED)
        edit(site, "_includes/header.html", "<header>{{ site.title }} (fixed)</header>\n")
        checks.check("fixing it removes the overlay",
                     page.wait_for(f"document.readyState === 'complete' && {OVERLAY} === null && "
                                   "document.querySelector('header') !== null && "
                                   "document.querySelector('header').textContent.includes('(fixed)')", timeout=60))
        screenshot(page, screenshots, "kyll-fixed.png")
    finally:
        if page:
            page.close()
        if chromium:
            stop(chromium)
        if serve:
            serve.stop()
            if checks.failed:
                print("kyll serve said:\n" + "\n".join(serve.log))
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)
    return checks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kyll", help="path to a built kyll executable")
    parser.add_argument("--screenshots", help="folder for screenshots of the overlay")
    options = parser.parse_args()
    skip_without_chromium()
    finish(run(options.kyll or build_kyll(), options.screenshots))


if __name__ == "__main__":
    main()
