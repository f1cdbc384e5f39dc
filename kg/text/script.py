"""Traditional -> Simplified with OpenCC ``t2s`` at phrase level, keeping the offset map.

The whole text is converted at once (OpenCC is fast), less the lines before the first and
after the last character a dictionary key could change (none at all in a Simplified text:
then OpenCC is not called; :mod:`kg.text.opencc_facts` shows why that is exact); when the
conversion keeps the length (always, with the dictionaries of OpenCC 1.4) the character map
is unchanged.  Otherwise the text is converted line by line and clause by clause, and only
a clause whose conversion changes length is aligned (``difflib``) against its
character-by-character conversion: unchanged and one-to-one stretches keep their map, a
phrase that changed length maps to the raw span of the phrase.
"""

from __future__ import annotations

import difflib
import re
from array import array
from collections.abc import Sequence
from functools import lru_cache

from kg.text import line_span
from kg.text.buffer import Mapped
from kg.text.charmodel import char_class, han_count
from kg.text.opencc_facts import SPECIAL, usable_flags

_CLAUSE = re.compile(r"[^\n，。；：、！？,;:!?]*[\n，。；：、！？,;:!?]?")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SAMPLE = 20_000  # characters looked at to name the script


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _scanners() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The characters a key could change plus the special ones, and the special ones alone;
    None when the table of flags was not made from the installed OpenCC."""
    flags = usable_flags(getattr(_converter(), "config", ""))
    if flags is None:
        return None
    return re.compile(f"[{char_class(flags)}{SPECIAL}]"), re.compile(f"[{SPECIAL}]")


def t2s(text: str) -> str:
    """OpenCC ``t2s`` of ``text``, given only the lines from the first to the last character
    a key could change (a key whose value differs holds a flag: the lines around are copied
    as OpenCC would copy them, and lines convert on their own); the whole text when it holds
    a special character (a description operator takes a line break as an operand).

    >>> t2s("政协委员\\n政協委員\\n委员"), t2s("政协"), t2s("")
    ('政协委员\\n政协委员\\n委员', '政协', '')
    """
    scan = _scanners()
    if scan is None:
        return _converter().convert(text)
    flagged, special = scan
    m = flagged.search(text)
    if m is None:
        return text
    first = m.start()
    if special.search(text, first):  # (none before the first flag: they are flags too)
        return _converter().convert(text)
    last = len(text) - 1 - flagged.search(text[::-1]).start()  # type: ignore[union-attr]
    a, b = line_span(text, first)[0], line_span(text, last)[1]
    if a == 0 and b == len(text):
        return _converter().convert(text)
    return text[:a] + _converter().convert(text[a:b]) + text[b:]


def t2s_lines(text: str, positions: list[int]) -> str:
    """A stand-in for ``t2s(text)`` that is exact on every line holding one of the sorted
    ``positions`` and on every line break, and as long as ``text`` (other lines are left as
    they are: the caller must not look at them); ``t2s(text)`` itself when the installed
    dictionaries are not the table's or ``text`` holds a special character.

    >>> t2s_lines("政協\\n協會\\n會議", [1])
    '政协\\n協會\\n會議'
    """
    scan = _scanners()
    if scan is None or scan[1].search(text):
        return t2s(text)
    spans: list[tuple[int, int]] = []
    for p in positions:
        if spans and p <= spans[-1][1]:
            continue  # on a line already taken
        spans.append(line_span(text, p))
    if not spans:
        return text
    # lines convert on their own and keep their length: the lines joined convert to their
    # conversions joined, each at the place of its line
    conv = t2s("\n".join([text[a:b] for a, b in spans]))
    out: list[str] = []
    pos = k = 0
    for a, b in spans:
        out += (text[pos:a], conv[k:k + b - a])
        k += b - a + 1
        pos = b
    out.append(text[pos:])
    return "".join(out)


def script_of(text: str, converted: str) -> str:
    """"Hans", "Hant", "mixed" or "" (no Chinese), from how much ``t2s`` changed.

    >>> script_of("政协", "政协"), script_of("政協會議", "政协会议")
    ('Hans', 'Hant')
    """
    sample = text[:SAMPLE]
    if text == converted:
        return "Hans" if _HAN.search(sample) else ""
    han = han_count(sample)
    if not han:
        return ""
    if len(text) == len(converted):
        changed = _changed(sample, converted[:SAMPLE])
    else:
        changed = max(1, abs(len(text) - len(converted)))
    ratio = changed / han
    return "Hans" if ratio < 0.01 else "Hant" if ratio > 0.08 else "mixed"


def _changed(a: str, b: str) -> int:
    """How many positions of two strings of the same length hold different characters, at C
    speed: the code units are XORed as one big integer, and each word that is not zero sets
    its top bit (adding 0x7F..F to its low bits cannot carry out of it).  The words are UTF-16
    units when neither string has a character beyond the BMP (one unit each: half the bits
    to work through), else UTF-32 units.

    >>> _changed("政協會議", "政协会议"), _changed("", ""), _changed("a𠀀b", "a𠀁c")
    (3, 0, 2)
    """
    n = len(a)
    x16, y16 = a.encode("utf-16-le", "surrogatepass"), b.encode("utf-16-le", "surrogatepass")
    if len(x16) == len(y16) == 2 * n:
        return _differing_words(x16, y16, n, b"\xff\x7f", b"\x00\x80")
    return _differing_words(a.encode("utf-32-le", "surrogatepass"), b.encode("utf-32-le", "surrogatepass"), n,
                            b"\xff\xff\xff\x7f", b"\x00\x00\x00\x80")


def _differing_words(x: bytes, y: bytes, n: int, low_word: bytes, top_word: bytes) -> int:
    """How many of the ``n`` little-endian words of ``x`` and ``y`` differ (``low_word``: all
    bits but the top one of a word; ``top_word``: the top bit)."""
    diff = int.from_bytes(x, "little") ^ int.from_bytes(y, "little")
    if not diff:
        return 0
    low = int.from_bytes(low_word * n, "little")
    top = int.from_bytes(top_word * n, "little")
    return ((((diff & low) + low) | diff) & top).bit_count()


def convert(buf: Mapped) -> tuple[Mapped, str]:
    """Simplified text with its map, and the script the input was in."""
    out = t2s(buf.text)
    script = script_of(buf.text, out)
    if out == buf.text:
        return buf, script
    if len(out) == len(buf.text):
        return Mapped(out, buf.starts, buf.ends), script
    parts: list[str] = []
    starts = array(buf.starts.typecode)
    ends = array(buf.ends.typecode)
    pos = 0
    for m in _CLAUSE.finditer(buf.text):
        a, b = m.span()
        if a == b:
            continue
        seg = buf.text[a:b]
        conv = t2s(seg)
        parts.append(conv)
        if len(conv) == len(seg):
            starts.extend(buf.starts[a:b])
            ends.extend(buf.ends[a:b])
        else:
            s, e = _align(seg, conv, buf.starts[a:b], buf.ends[a:b])
            starts.extend(s)
            ends.extend(e)
        pos = b
    assert pos == len(buf.text)
    return Mapped("".join(parts), starts, ends), script


def _align(seg: str, conv: str, s: Sequence[int], e: Sequence[int]) -> tuple[list[int], list[int]]:
    """Map each character of ``conv`` (phrase conversion of ``seg``) to raw spans."""
    chars = "".join(t2s(c) if len(t2s(c)) == 1 else c for c in seg)
    out_s: list[int] = []
    out_e: list[int] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, chars, conv, autojunk=False).get_opcodes():
        n = j2 - j1
        if tag == "equal" or (tag == "replace" and i2 - i1 == n):
            out_s.extend(s[i1:i2])
            out_e.extend(e[i1:i2])
        elif n:
            if i2 > i1:
                lo, hi = s[i1], e[i2 - 1]
            else:  # inserted: attach to the previous character (or the next one at the start)
                k = max(0, i1 - 1) if i1 else 0
                lo, hi = (s[k], e[k]) if s else (0, 0)
            out_s.extend([lo] * n)
            out_e.extend([hi] * n)
    return out_s, out_e
