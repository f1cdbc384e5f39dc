"""An offset-mapped text: ``text[i]`` comes from ``raw[starts[i]:ends[i]]``.

Every normalisation step is a regex substitution over a :class:`Mapped`; unchanged stretches
keep their map by list slicing (C speed), so a clean text costs one regex scan per step.
A replacement of the same length as its match keeps the per-character map; any other
replacement maps each new character to the whole raw span of the match (or, when the
replacement says so, to one chosen character of the match).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

# a replacement: None keeps the match; a str replaces it; (str, k) replaces it by str mapped
# to the k-th character of the match (keeps a surviving mark traceable to its own raw offset)
Repl = str | tuple[str, int] | None


@dataclass
class Mapped:
    """Text plus its offset map (mutable on purpose: steps build new lists, never edit in place)."""

    text: str
    starts: list[int]
    ends: list[int]

    @classmethod
    def identity(cls, raw: str) -> Mapped:
        """The raw text mapped onto itself.

        >>> Mapped.identity("ab").ends
        [1, 2]
        """
        n = len(raw)
        return cls(raw, list(range(n)), list(range(1, n + 1)))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Raw span of ``text[i:j]`` (j > i)."""
        return self.starts[i], self.ends[j - 1]


def sub(buf: Mapped, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], Repl]) -> tuple[Mapped, int]:
    """Substitute every match of ``pattern`` in ``buf``; return the new buffer and the number of
    matches changed.

    >>> b, n = sub(Mapped.identity("a(x)b"), re.compile(r"\\(x\\)"), lambda m: "")
    >>> b.text, b.starts, n
    ('ab', [0, 4], 1)
    """
    text, starts, ends = buf.text, buf.starts, buf.ends
    out: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    pos = 0
    changed = 0
    for m in pattern.finditer(text):
        a, b = m.span()
        if a == b:
            continue
        r = repl(m)
        if r is None:
            continue
        if isinstance(r, tuple):
            rep, k = r
            rs, re_ = starts[a + k], ends[a + k]
            spans = ([rs] * len(rep), [re_] * len(rep))
        else:
            rep = r
            if rep == m.group():
                continue
            if len(rep) == b - a:
                spans = (starts[a:b], ends[a:b])
            else:
                spans = ([starts[a]] * len(rep), [ends[b - 1]] * len(rep))
        changed += 1
        out.append(text[pos:a])
        new_s.extend(starts[pos:a])
        new_e.extend(ends[pos:a])
        out.append(rep)
        new_s.extend(spans[0])
        new_e.extend(spans[1])
        pos = b
    if not changed:
        return buf, 0
    out.append(text[pos:])
    new_s.extend(starts[pos:])
    new_e.extend(ends[pos:])
    return Mapped("".join(out), new_s, new_e), changed


def delete(buf: Mapped, pattern: re.Pattern[str]) -> tuple[Mapped, int]:
    """Delete every match of ``pattern`` (no callback per match: the kept stretches are
    joined by C-level slicing).

    >>> b, n = delete(Mapped.identity("a(x)b(y)c"), re.compile(r"\\([a-z]\\)"))
    >>> b.text, b.starts, n
    ('abc', [0, 4, 8], 2)
    """
    spans = [m.span() for m in pattern.finditer(buf.text)]
    if not spans:
        return buf, 0
    keep = []
    pos = 0
    for a, b in spans:
        keep.append((pos, a))
        pos = b
    keep.append((pos, len(buf.text)))
    text, starts, ends = buf.text, buf.starts, buf.ends
    return (Mapped("".join([text[a:b] for a, b in keep]),
                   list(chain.from_iterable([starts[a:b] for a, b in keep])),
                   list(chain.from_iterable([ends[a:b] for a, b in keep]))), len(spans))


def splice(buf: Mapped, edits: list[tuple[int, int, str, list[int], list[int]]]) -> Mapped:
    """Apply sorted, non-overlapping edits ``(start, end, text, raw_starts, raw_ends)``."""
    if not edits:
        return buf
    out: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    pos = 0
    for a, b, rep, rs, re_ in edits:
        out.append(buf.text[pos:a])
        new_s.extend(buf.starts[pos:a])
        new_e.extend(buf.ends[pos:a])
        out.append(rep)
        new_s.extend(rs)
        new_e.extend(re_)
        pos = b
    out.append(buf.text[pos:])
    new_s.extend(buf.starts[pos:])
    new_e.extend(buf.ends[pos:])
    return Mapped("".join(out), new_s, new_e)
