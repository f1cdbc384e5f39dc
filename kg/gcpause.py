"""The cyclic garbage collector paused for a block of work that makes no reference cycles.

Why: the analysis piles up every article's Doc, and resolve and the writers allocate hundreds
of thousands of small objects that die by reference counting; each full collection those
allocations set off walks every object of the corpus again (a sixth of a one-process analysis, a
third of the export's time, a fifth of resolve's).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Automatic collection off inside the block, back as it was after it (even on error).

    >>> with paused():
    ...     gc.isenabled()
    False
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
