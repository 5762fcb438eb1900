#!/usr/bin/env python3
"""Runs each catalogue site through real Jekyll 4.3.1 once and writes what it did into the
fixture's `jekyll:` note line (exit status, and its first error or warning line).
Usage: record_jekyll.py [NAME.txtar ...]   (all fixtures when none are given)"""
import os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

def parse(text):
    comment, files, cur = [], [], None
    for line in text.split('\n'):
        if line.startswith('-- ') and line.endswith(' --') and len(line) > 6:
            if cur: files.append(cur)
            cur = [line[3:-3], []]
        elif cur is not None:
            cur[1].append(line)
        else:
            comment.append(line)
    if cur: files.append(cur)
    out = []
    for header, lines in files:
        if lines and lines[-1] == '': lines = lines[:-1]
        out.append((header, ''.join(l + '\n' for l in lines)))
    return comment, out

def write(files, site):
    for header, body in files:
        words = header.split(' ')
        marks = []
        while words[-1].startswith('[') and words[-1].endswith(']'):
            marks.append(words.pop()[1:-1])
        path = ' '.join(words)
        data = body.encode()
        copies, link = 1, False
        for m in marks:
            if m == 'symlink': link = True
            elif m == 'crlf': data = data.replace(b'\n', b'\r\n')
            elif m == 'bom': data = b'\xef\xbb\xbf' + data
            elif m == 'nonl': data = data[:-1] if data.endswith(b'\n') else data
            elif m == 'bytes': data = re.sub(rb'\\x([0-9a-fA-F]{2})', lambda x: bytes([int(x.group(1), 16)]), data)
            elif m.startswith('repeat='):
                fm = re.match(rb'---\n(?:.*?\n)?---\n', data, re.S)
                head = fm.end() if fm else 0
                data = data[:head] + data[head:] * int(m[7:])
            elif m.startswith('copies='): copies = int(m[7:])
        for n in range(1, copies + 1):
            full = os.path.normpath(os.path.join(site, path.replace('{n}', str(n))))
            os.makedirs(os.path.dirname(full), exist_ok=True)
            if link: os.symlink(body.strip(), full)
            else: open(full, 'wb').write(data)

def field(comment, key):
    for line in comment:
        if line.startswith(key + ':'): return line[len(key) + 1:].strip()
    return None

def record(name):
    path = os.path.join(HERE, name)
    text = open(path).read()
    comment, files = parse(text)
    tmp = tempfile.mkdtemp(prefix='kyll-cat-')
    try:
        site = os.path.join(tmp, 'site')
        os.makedirs(site)
        write(files, site)
        dest = {'source': site, 'parent': tmp, 'root': None}.get(field(comment, 'destination') or '', os.path.join(tmp, 'out'))
        if dest is None:
            note = 'not run (would write to /)'
        else:
            args = (field(comment, 'args') or '').split()
            env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE='true')
            try:
                r = subprocess.run(['timeout', '300', 'jekyll', 'build', '-s', site, '-d', dest] + args, cwd=site,
                                   env=env, capture_output=True, text=True, errors='replace')
                lines = [re.sub(r'\x1b\[[0-9;]*m', '', l).strip() for l in (r.stdout + r.stderr).split('\n')]
                key = [l for l in lines if re.search(r'Error|Exception|error|Warning|Conflict|not exist|Invalid', l)]
                first = (key[0] if key else '')[:220]
                note = f'exit {r.returncode}' + (f'; {first}' if first else '')
                if r.returncode == 124: note = 'timed out after 300 s'
            except Exception as e:
                note = f'could not run: {e}'
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    new = [l for l in comment if not l.startswith('jekyll:')]
    while new and new[-1] == '': new.pop()
    new.append('jekyll: ' + note)
    body = text[len('\n'.join(comment)):]
    open(path, 'w').write('\n'.join(new) + '\n' + body.lstrip('\n'))
    print(f'{name}: {note}')

if __name__ == '__main__':
    for n in sys.argv[1:] or sorted(n for n in os.listdir(HERE) if n.endswith('.txtar')):
        record(n)
