#!/usr/bin/env python3
"""Module docstring with 'quotes' and "doubles"."""
from __future__ import annotations
import os.path
from collections import OrderedDict, defaultdict
from . import sibling
import numpy as np


class Matrix(object):
    '''A small matrix.'''
    __slots__ = ("row