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
    whil