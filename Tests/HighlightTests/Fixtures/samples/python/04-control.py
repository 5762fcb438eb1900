import sys


def process(items, *, strict=False, **kwargs):
    # Walk the items.
    result = []
    for i, item in enumerate(items):
        if item is None:
            continue
        elif item in ("skip", "pass"):
            pass
        else:
            try:
                value = int(item)
            except (ValueError, TypeError) as exc:
                if strict:
                    raise RuntimeError("bad item %r" % item) from exc
                value = -1
            finally:
                sys.stdout.flush()
            result.append(value)
    while result and result[-1] < 0:
        del result[-1]
    assert all(v >= 0 for v in result), "negative"
    global counter
    yield from result
    return NotImplemented


with open("f.txt", "w", encoding="utf-8") as fh:
    fh.write("done\n")
print >>sys.stderr, "old style"
exec "code"
