"""Memos: :class:`LastCall`, one entry for values derived from the document being analysed,
and :class:`Filled`, a dict that fills itself, for values asked for again and again in one pass.

Why one entry: the recognisers of one article ask for the same derived value one after the
other (regions, then committees, then relate), and the next article never needs the previous
article's; one entry costs nothing to keep and can never grow.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_EMPTY = object()


class LastCall(Generic[T]):
    """The value computed for the last key asked for.

    >>> memo, calls = LastCall(), []
    >>> memo.get("a", lambda: calls.append("a") or 1), memo.get("a", lambda: calls.append("a") or 2)
    (1, 1)
    >>> memo.get("b", lambda: calls.append("b") or 3), calls
    (3, ['a', 'b'])
    """

    __slots__ = ("_key", "_value")

    def __init__(self) -> None:
        self._key: object = _EMPTY
        self._value: T | None = None

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if self._key is _EMPTY or self._key != key:
            value = compute()  # a failing computation leaves the memo as it was
            self._key, self._value = key, value
        return self._value  # type: ignore[return-value]


class Filled(dict):
    """A dict whose missing key is computed by ``make`` and kept: ``d[key]`` costs a dict lookup
    once known (in C; ``__missing__`` runs on a miss only).  For one pass (an export, a column):
    it keeps every key, so it must not outlive it.

    >>> d = Filled(len)
    >>> d["abc"], d["abc"], dict(d)
    (3, 3, {'abc': 3})
    """

    def __init__(self, make: Callable[[Any], Any]):
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value
