"""An offset-mapped text: ``text[i]`` comes from ``raw[starts[i]:ends[i]]``.

Every normalisation step is a regex substitution over a :class:`Mapped`; unchanged stretches
keep their map by slicing (C speed), so a clean text costs one regex scan per step.
A replacement of the same length as its match keeps the per-character map; any other
replacement maps each new character to the whole raw span of the match (or, when the
replacement says so, to one chosen character of the match).

The maps are arrays of C ints (type :func:`typecode`), not lists: slicing and joining them copies
bytes (no reference count per offset), and :class:`kg.model.Doc` stores them as they are
(it would convert a list into the same array).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

INT_LIMIT = 2**31 - 1  # offsets up to this fit a C int ("i", what Doc stores); larger: "q"
IOTA_MAX = 1 << 18  # identity maps up to this length are sliced from one shared array (1 MB at most)
_iota = array("i")


def typecode(size: int) -> str:
    """The array type of the offsets into a raw text of ``size`` characters, 0 to ``size``
    (what :class:`kg.model.Doc` would choose for them: "i" unless an offset overflows it)."""
    return "i" if size <= INT_LIMIT else "q"


def counting(a: int, b: int, code: str = "i") -> array:
    """``array(code, range(a, b))``, sliced from one shared array for the usual sizes
    (building it from a range converts every int: slow).

    >>> counting(2, 5).tolist()
    [2, 3, 4]
    """
    global _iota
    if code != "i" or b > IOTA_MAX:
        return array(code, range(a, b))
    iota = _iota  # this call's own reference: another thread may replace the shared one meanwhile
    if len(iota) < b:
        iota = _iota = array("i", range(min(IOTA_MAX, max(b, 2 * len(iota), 4096))))
    return iota[a:b]


# a replacement: None keeps the match; a str replaces it; (str, k) replaces it by str mapped
# to the k-th character of the match (keeps a surviving mark traceable to its own raw offset)
Repl = str | tuple[str, int] | None


@dataclass
class Mapped:
    """Text plus its offset map (mutable on purpose: steps build new arrays, never edit in place)."""

    text: str
    starts: array
    ends: array

    @classmethod
    def identity(cls, raw: str) -> Mapped:
        """The raw text mapped onto itself.

        >>> Mapped.identity("ab").ends.tolist()
        [1, 2]
        """
        count = counting(0, len(raw) + 1, typecode(len(raw)))
        return cls(raw, count[:-1], count[1:])

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Raw span of ``text[i:j]`` (j > i)."""
        return self.starts[i], self.ends[j - 1]


def sub(buf: Mapped, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], Repl]) -> tuple[Mapped, int]:
    """Substitute every match of ``pattern`` in ``buf``; return the new buffer and the number of
    matches changed.

    >>> b, n = sub(Mapped.identity("a(x)b"), re.compile(r"\\(x\\)"), lambda m: "")
    >>> b.text, b.starts.tolist(), n
    ('ab', [0, 4], 1)
    """
    text, starts, ends = buf.text, buf.starts, buf.ends
    out: list[str] = []
    new_s = array(starts.typecode)
    new_e = array(ends.typecode)
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
            spans = (starts[a + k:a + k + 1] * len(rep), ends[a + k:a + k + 1] * len(rep))
        else:
            rep = r
            if rep == m.group():
                continue
            if len(rep) == b - a:
                spans = (starts[a:b], ends[a:b])
            else:
                spans = (starts[a:a + 1] * len(rep), ends[b - 1:b] * len(rep))
        changed += 1
        out.append(text[pos:a])
        new_s += starts[pos:a]
        new_e += ends[pos:a]
        out.append(rep)
        new_s += spans[0]
        new_e += spans[1]
        pos = b
    if not changed:
        return buf, 0
    out.append(text[pos:])
    new_s += starts[pos:]
    new_e += ends[pos:]
    return Mapped("".join(out), new_s, new_e), changed


@lru_cache(maxsize=64)
def _capturing(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` as one capturing group: its ``split`` gives the kept stretches and the
    matches in turn (patterns without groups of their own)."""
    return re.compile(f"({pattern.pattern})", pattern.flags)


def _pieces(pattern: re.Pattern[str], text: str) -> tuple[list[str], list[int]] | None:
    """``text`` split into kept stretch, match, kept stretch ... (even indexes kept, odd ones
    matches) with the offset where each piece starts and the end; None without a match.
    ``pattern`` must have no capturing group of its own (split would return its groups too)."""
    if pattern.groups:
        raise ValueError(f"pattern with capturing groups: {pattern.pattern!r} (use (?:...))")
    pieces = _capturing(pattern).split(text)
    if len(pieces) == 1:
        return None
    return pieces, list(accumulate(map(len, pieces), initial=0))


def _take(buf: Mapped, lo: list[int], hi: list[int]) -> tuple[array, array]:
    """The map of the stretches ``text[lo[i]:hi[i]]`` joined."""
    starts, ends = buf.starts, buf.ends
    new_s = array(starts.typecode)
    new_e = array(ends.typecode)
    add_s, add_e = new_s.extend, new_e.extend
    for a, b in zip(lo, hi, strict=True):
        add_s(starts[a:b])
        add_e(ends[a:b])
    return new_s, new_e


def delete(buf: Mapped, pattern: re.Pattern[str]) -> tuple[Mapped, int]:
    """Delete every match of ``pattern`` (a pattern without groups that never matches the
    empty string; no callback per match: the text is split by the regex engine and the kept
    stretches are joined by C-level slicing).

    >>> b, n = delete(Mapped.identity("a(x)b(y)c"), re.compile(r"\\([a-z]\\)"))
    >>> b.text, b.starts.tolist(), n
    ('abc', [0, 4, 8], 2)
    """
    found = _pieces(pattern, buf.text)
    if found is None:
        return buf, 0
    pieces, bounds = found
    starts, ends = _take(buf, bounds[0::2], bounds[1::2])
    return Mapped("".join(pieces[0::2]), starts, ends), len(pieces) // 2


def sub_text(buf: Mapped, pattern: re.Pattern[str], repl: Callable[[str], Repl]) -> tuple[Mapped, int]:
    """:func:`sub` for a pattern without groups that never matches the empty string, with a
    callback that is given the matched text (no match object per match: the regex engine
    splits the text, and stretches without a change are copied by C-level slicing).

    >>> b, n = sub_text(Mapped.identity("a,。b!!c\\r\\n"), re.compile(r"[,。!]{2,}|\\r\\n"),
    ...                 lambda s: "\\n" if s == "\\r\\n" else None if s == "!!" else (s[1], 1))
    >>> b.text, b.starts.tolist(), b.ends.tolist(), n
    ('a。b!!c\\n', [0, 2, 3, 4, 5, 6, 7], [1, 3, 4, 5, 6, 7, 9], 2)
    """
    found = _pieces(pattern, buf.text)
    if found is None:
        return buf, 0
    pieces, bounds = found
    text, starts, ends = buf.text, buf.starts, buf.ends
    out: list[str] = []
    new_s = array(starts.typecode)
    new_e = array(ends.typecode)
    pos = 0  # start of the stretch copied as it is
    changed = 0
    for i in range(1, len(pieces), 2):
        r = repl(pieces[i])
        if r is None:
            continue
        a, b = bounds[i], bounds[i + 1]
        if isinstance(r, tuple):
            rep, k = r
            s_new, e_new = starts[a + k:a + k + 1], ends[a + k:a + k + 1]
            if len(rep) != 1:  # (the usual mark kept alone needs no repeated copy)
                s_new, e_new = s_new * len(rep), e_new * len(rep)
        else:
            rep = r
            if rep == pieces[i]:
                continue
            if len(rep) == b - a:
                s_new, e_new = starts[a:b], ends[a:b]
            else:
                s_new, e_new = starts[a:a + 1] * len(rep), ends[b - 1:b] * len(rep)
        changed += 1
        out += (text[pos:a], rep)
        new_s += starts[pos:a]
        new_s += s_new
        new_e += ends[pos:a]
        new_e += e_new
        pos = b
    if not changed:
        return buf, 0
    out.append(text[pos:])
    new_s += starts[pos:]
    new_e += ends[pos:]
    return Mapped("".join(out), new_s, new_e), changed


def delete_spans(buf: Mapped, spans: list[tuple[int, int]]) -> Mapped:
    """Delete the sorted, non-overlapping spans ``text[a:b]``.

    >>> delete_spans(Mapped.identity("ab\\ncd\\r\\ne"), [(2, 3), (5, 7)]).starts.tolist()
    [0, 1, 3, 4, 7]
    """
    if not spans:
        return buf
    lo = [0]
    hi = []
    for a, b in spans:
        hi.append(a)
        lo.append(b)
    hi.append(len(buf.text))
    starts, ends = _take(buf, lo, hi)
    text = buf.text
    return Mapped("".join([text[a:b] for a, b in zip(lo, hi, strict=True)]), starts, ends)


def splice(buf: Mapped, edits: list[tuple[int, int, str, list[int], list[int]]]) -> Mapped:
    """Apply sorted, non-overlapping edits ``(start, end, text, raw_starts, raw_ends)``."""
    if not edits:
        return buf
    out: list[str] = []
    new_s = array(buf.starts.typecode)
    new_e = array(buf.ends.typecode)
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
