#!/usr/bin/env python3
"""Module docstring with 'quotes' and "doubles"."""
from __future__ import annotations
import os.path
from collections import OrderedDict, defaultdict
from . import sibling
import numpy as np


class Matrix(object):
    '''A small matrix.'''
    __slots__ = ("rows", "cols")

    def __init__(self, rows: int, cols: int = 0) -> None:
        self.rows = rows
        self.cols = cols or rows
        self._data = [[0.0] * self.cols for _ in range(self.rows)]

    @property
    def shape(self):
        return (self.rows, self.cols)

    def __repr__(self):
        return f"Matrix({self.rows!r}, {self.cols:>4d})"

    async def fetch(self, url):
        async with session.get(url) as resp:
            return await resp.json()


if __name__ == "__main__":
    m = Matrix(3)
    print(m, m.shape, isinstance(m, Matrix), len(m._data))
