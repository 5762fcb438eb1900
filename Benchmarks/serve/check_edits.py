#!/usr/bin/env python3
# Front-matter and body edits under `kyll serve`, then the destination compared with a fresh
# `kyll build` of the same source: they must be equal but for `site.url` (serve's
# http://localhost:PORT) and the feed's <updated>. Prints which rebuilds were patched.
#
#   python3 Benchmarks/serve/check_edits.py KYLL SITE [WORK]
#
# SITE is a generated site (../shared/bench/gen_site.py --posts 1000 --pages 20 SITE); it is copied
# into WORK (default /tmp/kyll-check-edits) and left as it is.
import os, re, shutil, subprocess, sys, time

kyll, src = sys.argv[1], sys.argv[2]
work = sys.argv[3] if len(sys.argv) > 3 else "/tmp/kyll-check-edits"
shutil.rmtree(work, ignore_errors=True)
site = work + "/site"
shutil.copytree(src, site, symlinks=True)
shutil.rmtree(site + "/_site", ignore_errors=True)
proc = subprocess.Popen([kyll, "serve", "-s", site, "-d", site + "/_site", "-P", "0", "--livereload-port", "0",
                         "-l", "--profile"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
lines = []

def wait_for(*marks):
    for line in proc.stdout:
        lines.append(line)
        if any(m in line for m in marks): return line
    sys.exit("kyll serve ended:\n" + "".join(lines[-20:]))

wait_for("Server running")
time.sleep(1.0)  # the watcher starts after the message
posts = sorted(os.listdir(site + "/_posts"))

def edit(name, change):
    path = site + "/_posts/" + name
    text = open(path).read()
    new = change(text)
    assert new != text, name
    open(path, "w").write(new)
    header = wait_for("Rebuild phases", "rror")
    done = wait_for("done in", "rror")
    print(f"{name}: {header.strip()} {done.strip()}")

def field(key, value):
    return lambda t: re.sub(rf"^{key}: .*$", f"{key}: {value}", t, count=1, flags=re.M)

def add(line):
    return lambda t: t.replace("\n---\n", f"\n{line}\n---\n", 1)

mid, newest, oldest = posts[len(posts) // 2], posts[-1], posts[0]
edit(mid, field("title", '"Retitled one"'))
edit(mid, field("title", '"Retitled two"'))
edit(newest, field("title", '"Newest retitled"'))
edit(mid, field("tags", "[brandnewtag, swift]"))
edit(oldest, field("description", '"A changed description"'))
edit(posts[3], add("hidden: true"))
edit(posts[5], add("redirect_from: [/old-five/]"))
edit(posts[5], add("sitemap: false"))
edit(mid, lambda t: t.replace("\n---\n", "\n---\nA body edit after fields.\n\n", 1))
edit(mid, field("title", '"Retitled three"'))
edit(newest, field("date", "2030-01-01 10:00:00 +0000"))
proc.terminate()
proc.wait()

full = work + "/full"
subprocess.run([kyll, "build", "-s", site, "-d", full], check=True, stdout=subprocess.DEVNULL)
url = re.search(r'^url: "?([^"\n]*)"?', open(site + "/_config.yml").read(), re.M)
diff = subprocess.run(["diff", "-r", site + "/_site", full], capture_output=True, text=True).stdout.splitlines()
served = [l[2:] for l in diff if l.startswith("< ")]
built = [l[2:] for l in diff if l.startswith("> ")]
problems = [l for l in diff if l.startswith("Only in")]
problems += [f"< {a}\n> {b}" for a, b in zip(served, built)
             if re.sub(r"http://(localhost|127\.0\.0\.1):\d+", url.group(1) if url else "", a) != b
             and "<updated>" not in a]
if len(served) != len(built): problems.append(f"{len(served)} lines differ against {len(built)}")
print("\n".join(problems[:20]) if problems else "the destination equals a full build (but site.url and <updated>)")
sys.exit(1 if problems else 0)
