"""The cyclic garbage collector paused for a block of work that makes no reference cycles.

Why: the analysis piles up every article's Doc, and resolve and the writers allocate hundreds
of thousands of small objects that die by reference counting; each full collection those
allocations set off walks every object of the corpus again (a sixth of a one-process analysis, a
third of the export's time, a fifth of resolve's).
"""

from __future__ import annotations

import contextlib
import gc
import threading
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


def paused_if_alone(threads_to_come: bool = False) -> contextlib.AbstractContextManager[None]:
    """:func:`paused` when this thread is the process's only one and no thread of someone else's
    code is about to start (not ``threads_to_come``: a Dask client's), else nothing.  For long
    steps (a whole analysis, minutes on a large corpus): the collector is the process's, and
    other threads (a Dask client's, a server's, a notebook's) may make cyclic garbage meanwhile;
    the progress bar's thread makes none.

    >>> with paused_if_alone():
    ...     gc.isenabled() is (threading.active_count() > 1)
    True
    """
    return paused() if alone(threads_to_come) else contextlib.nullcontext()


def alone(threads_to_come: bool = False) -> bool:
    """True when this thread is the process's only one and no other is about to start (a Dask
    client's): then pausing the process's collector can hold up no one else."""
    return threading.active_count() == 1 and not threads_to_come
