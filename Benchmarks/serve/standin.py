#!/usr/bin/env python3
# A stand-in for serve-bench (Benchmarks/serve/main.swift, whose release build needs BoringSSL and
# takes long on a shared machine): the same method — inotify on the output file's folder, a
# LiveReload WebSocket client — and the same edits, plus kyll's CPU time per save from /proc (all
# its threads: watcher, server, rebuild and the output check after the reload). Linux only.
#
#   python3 Benchmarks/serve/standin.py KYLL SITE ROUNDS body|title|layout|sass [kyll serve flags…]
#
# SITE is a generated site (../shared/bench/gen_site.py --posts 1000 --pages 20 SITE); kyll's output
# (with --profile, each rebuild's phases) is printed as it comes.
import ctypes, os, re, select, socket, base64, subprocess, sys, time, json, struct, statistics

libc = ctypes.CDLL("libc.so.6", use_errno=True)
IN_CLOSE_WRITE, IN_MOVED_TO, IN_CREATE = 0x8, 0x80, 0x100

kyll, site, rounds, kind = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
extra = sys.argv[5:]

def read(p):
    with open(p, encoding="utf-8") as f: return f.read()

def save(p, t):
    with open(p, "w", encoding="utf-8") as f: f.write(t)

proc = subprocess.Popen([kyll, "serve", "-s", site, "-d", site + "/_site", "-P", "0", "-l", "--livereload-port", "0"] + extra,
                        stdout=subprocess.PIPE, text=True, bufsize=1)
lr = None
for line in proc.stdout:
    m = re.search(r"LiveReload address: http://127.0.0.1:(\d+)", line)
    if m: lr = int(m.group(1))
    if "done in" in line: print("initial build:", line.strip())
    if "Server running" in line: break

ws = socket.create_connection(("127.0.0.1", lr))
key = base64.b64encode(os.urandom(16)).decode()
ws.sendall(f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{lr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
buf = b""
while b"\r\n\r\n" not in buf: buf += ws.recv(4096)
buf = buf.split(b"\r\n\r\n", 1)[1]

def send_text(s):
    data = s.encode(); mask = os.urandom(4)
    hdr = bytes([0x81]) + (bytes([0x80 | len(data)]) if len(data) < 126 else bytes([0x80 | 126]) + struct.pack(">H", len(data)))
    ws.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

def recv_message():
    global buf
    while True:
        if len(buf) >= 2:
            n = buf[1] & 0x7f; off = 2
            if n == 126: n = struct.unpack(">H", buf[2:4])[0]; off = 4
            elif n == 127: n = struct.unpack(">Q", buf[2:10])[0]; off = 10
            if len(buf) >= off + n:
                msg = buf[off:off + n]; op = buf[0] & 0x0f; buf = buf[off + n:]
                if op == 1: return msg.decode()
                continue
        buf += ws.recv(65536)

send_text('{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}')
recv_message()

posts = sorted(os.listdir(site + "/_posts"))
post = site + "/_posts/" + posts[len(posts) // 2]
original = read(post)
slug = posts[len(posts) // 2][11:-3]
output = next(os.path.join(d, f) for d, _, fs in os.walk(site + "/_site") for f in fs
              if os.path.join(d, f).endswith("/" + slug + "/index.html"))
if kind == "body":
    head, rest = original.split("\n---\n", 1)
    src = post; apply = lambda r: save(post, head + "\n---\n" + f"Edited in round {r}.\n\n" + rest); marker = lambda r: f"Edited in round {r}."
elif kind == "title":
    line = next(l for l in original.split("\n") if l.startswith("title: "))
    src = post; apply = lambda r: save(post, original.replace(line, f'title: "Retitled {r}"')); marker = lambda r: f"Retitled {r}"
elif kind == "layout":
    src = site + "/_layouts/post.html"; text = read(src)
    apply = lambda r: save(src, text.replace("<article", f"<!-- layout {r} --><article")); marker = lambda r: f"<!-- layout {r} -->"
elif kind == "sass":
    src = site + "/_sass/" + sorted(os.listdir(site + "/_sass"))[0]; text = read(src)
    output = next(os.path.join(d, f) for d, _, fs in os.walk(site + "/_site") for f in fs if f.endswith(".css"))
    apply = lambda r: save(src, text + f"\n.bench-round-{r} {{ color: red; }}\n"); marker = lambda r: f".bench-round-{r}"

fd = libc.inotify_init1(os.O_NONBLOCK)
libc.inotify_add_watch(fd, os.path.dirname(output).encode(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
def cpu_seconds():
    fields = open(f"/proc/{proc.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
disk, reload, own = [], [], []
time.sleep(0.5)
cpu_start = cpu_seconds()
for r in range(1, rounds + 1):
    time.sleep(0.3)
    try:
        while os.read(fd, 65536): pass
    except BlockingIOError: pass
    start = time.perf_counter()
    apply(r)
    while marker(r) not in read(output):
        select.select([fd], [], [], 0.5)
        try: os.read(fd, 65536)
        except BlockingIOError: pass
    written = time.perf_counter()
    recv_message()
    messaged = time.perf_counter()
    disk.append((written - start) * 1000); reload.append((messaged - start) * 1000)
    for out in proc.stdout:
        m = re.search(r"\.\.\.done in ([0-9.]+) seconds", out)
        if True:
            print(out.rstrip())
        if m: own.append(float(m.group(1)) * 1000); break

cpu_used = cpu_seconds() - cpu_start
def summary(name, s):
    s = sorted(s)
    return f"{name}: median {statistics.median(s):.1f} ms, p90 {s[min(len(s)-1, int(len(s)*0.9))]:.1f} ms, min {s[0]:.1f} ms, max {s[-1]:.1f} ms (n={len(s)})"
print(f"edit: {kind} ({src[len(site)+1:]})")
print(summary("save → rebuilt file on disk", disk))
print(summary("save → reload message", reload))
print(summary("kyll's rebuild (watcher batch → done)", own))
print(f"kyll's CPU time per save (all threads, from /proc): {1000 * cpu_used / rounds:.0f} ms")
if kind in ("body", "title"): save(post, original)
else: save(src, text)
proc.terminate(); proc.wait()
