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
                val