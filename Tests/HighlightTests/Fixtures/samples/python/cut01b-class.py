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

    def __repr_