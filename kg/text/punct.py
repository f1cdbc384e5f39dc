"""Character-level repairs, each a linear regex over a :class:`~kg.text.buffer.Mapped`.

* pinyin annotations after a character (``協(xié)``, ``會(huì)``, also in full-width letters) are
  removed; in ``?fù)`` the
  character and the ``(`` were lost to mojibake: the annotation goes, the ``?`` stays (lost);
  real parentheses (``(2024—2027)``, ``市(州)``, ``(GDP)``) stay;
* doubled punctuation (``,,`` ``,。`` ``,;`` ``,、``) collapses to its strongest mark, which
  keeps its own raw offset (a full stop beats a semicolon beats a colon beats a comma; a comma
  glued to a 、 is noise, so the 、 wins);
* ASCII , ; : ! next to Chinese text become ，；：！ so that clauses and sentences split;
* full-width digits and Latin letters become ASCII (Chinese punctuation is kept);
* line ends become ``\\n``; zero-width characters and BOMs are dropped; NBSP is a space.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.text.buffer import Mapped, Repl, delete, sub, sub_text

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PY_CHARS = "a-zü" + _TONED
_SYLLABLE = re.compile(r"(?:[bpmfdtnlgkhjqxrwy]|zh|ch|sh|z|c|s)?(?:[aeiouü" + _TONED + r"v]{1,3})(?:ng|n|r)?")
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_SYL = rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv{_TONED}]{{1,3}}(?:ng|n|r)?"
# the bracket first (a literal scan), the preceding Han character checked after it; the
# syllable grammar is in the pattern, so every match is deleted without a callback
PINYIN = re.compile(rf"[(（](?<=[{_HAN}][(（])(?:{_SYL})[)）](?:[(（](?:{_SYL})[)）])*")  # ``調(mī)(diào)``: all go
BROKEN_PINYIN = re.compile(rf"\?([{_PY_CHARS}\uff41-\uff5a]{{1,6}})[)）]")
_MARKS = "[,，、;；:：。！？!]"
# a mark, a look ahead for the second, then the run: the same runs as ``{_MARKS}{2,}``, found
# twice as fast (the engine tries a lone mark with one look ahead instead of a repeat)
_DOUBLED = re.compile(rf"{_MARKS}(?={_MARKS}){_MARKS}+")
_RANK = {"。": 5, "！": 5, "？": 5, "!": 5, "；": 4, ";": 4, "：": 3, ":": 3, "、": 2, "，": 1, ",": 1}
_COMMAS = frozenset(",，")
_ASCII_PUNCT = re.compile(rf"[,;:!](?:(?<=[{_HAN}”’」』》）][,;:!])|(?=[{_HAN}“‘「『《（]))")
_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！"}
# _ASCII_PUNCT one mark at a time, with a constant replacement (no callback per match); neither
# the ASCII marks nor their full-width forms are in the context classes, so marks changed
# first do not change what the others see
_ASCII_PUNCT_BY_MARK = {
    mark: (re.compile(rf"{re.escape(mark)}(?:(?<=[{_HAN}”’」』》）]{re.escape(mark)})|(?=[{_HAN}“‘「『《（]))"), full)
    for mark, full in _TO_FULL.items()}
_NEWLINE = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_FULLWIDTH_ANY = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULLWIDTH = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_WIDTH_TABLE = {c: c - 0xFEE0 for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
                + list(range(0xFF41, 0xFF5B))}


def _is_pinyin(word: str) -> bool:
    """A pinyin syllable (tone marks or a plain syllable); ``GDP``, ``app`` are not.

    >>> _is_pinyin("xié"), _is_pinyin("chǎng"), _is_pinyin("de"), _is_pinyin("app")
    (True, True, True, False)
    """
    return bool(_SYLLABLE.fullmatch(word))


def _broken(m: re.Match[str]) -> Repl:
    word = m.group(1).translate(_WIDTH_TABLE)
    return ("?", 0) if _is_pinyin(word) and any(c in _TONED for c in word) else None


# an annotation typed in full-width letters (a page converted to full width): ``協（ｘｉé）``
_WIDE_LETTER = re.compile("[\uff41-\uff5a]")
_WIDE_PINYIN = re.compile(rf"[(（](?<=[{_HAN})）][(（])(?=[^)）]{{0,6}}[\uff41-\uff5a])"
                          rf"[\uff41-\uff5a{_PY_CHARS}]{{1,7}}[)）]")


def remove_pinyin(buf: Mapped) -> tuple[Mapped, int]:
    """Drop pinyin annotations; return the buffer and how many were removed."""
    text = buf.text
    if "\uff08" not in text and "(" not in text:
        if "?" not in text:  # no bracket: nothing to remove; no ``?``: no broken annotation
            return buf, 0
    elif _WIDE_LETTER.search(text):  # a full-width annotation holds a full-width letter
        wide = _WIDE_PINYIN.sub(_translate_width, text)  # same length: map kept
        if wide != text:
            buf = Mapped(wide, buf.starts, buf.ends)
    before = buf.text
    buf, n = delete(buf, PINYIN)
    if n:  # a match may hold several annotations in a row: count each (a match is all its ")")
        after = buf.text
        n = before.count(")") + before.count("）") - after.count(")") - after.count("）")
    # ``?fù)``: a character and its "(" lost to mojibake; the "?" stays, to be marked lost
    if "?" not in buf.text:
        return buf, n
    buf, k = sub(buf, BROKEN_PINYIN, _broken)
    return buf, n + k


def _translate_width(m: re.Match[str]) -> str:
    return m.group().translate(_WIDTH_TABLE)


@lru_cache(maxsize=4096)  # runs are short and few: ",，" ",。" ...
def _strongest(run: str) -> Repl:
    """The mark a run of marks collapses to, with its index (it keeps its own raw offset),
    or None to keep the run."""
    if len(set(run)) == 1 and run[0] in "。！？!":
        return None  # ！！ or 。。。 is emphasis, not noise
    keep = [i for i, c in enumerate(run) if c not in _COMMAS] or [0]
    best = max(keep, key=lambda i: (_RANK[run[i]], -i))
    if run[best] in "！？!" and len(keep) > 1 and all(run[i] in "！？!" for i in keep):
        return None  # ？！ is a real interrobang
    return (run[best], best)


def collapse_punctuation(buf: Mapped) -> tuple[Mapped, int]:
    """Collapse doubled punctuation to its strongest mark; return the buffer and the count."""
    return sub_text(buf, _DOUBLED, _strongest)


def unify_lines(buf: Mapped) -> tuple[Mapped, int]:
    """Line ends to ``\\n``, invisible characters dropped, NBSP to space."""
    text = buf.text
    a = b = c = 0
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        buf, a = sub_text(buf, _NEWLINE, _newline)
    # one ``in`` per character (a C-level search each) finds none in a clean text 5x faster
    # than a regex class tried at every position
    if any(c in buf.text for c in _INVISIBLE_CHARS):
        buf, b = delete(buf, _INVISIBLE)
    if "\xa0" in buf.text:  # one character for one: the map is kept
        c = buf.text.count("\xa0")
        buf = Mapped(buf.text.replace("\xa0", " "), buf.starts, buf.ends)
    return buf, a + b + c


def _newline(match: str) -> str:
    return "\n"


def unify(buf: Mapped) -> tuple[Mapped, int]:
    """Full-width alphanumerics to ASCII, ASCII clause marks next to Chinese text to full
    width.  Returns the buffer and the number of clause marks changed."""
    text = buf.text
    if _FULLWIDTH_ANY.search(text):  # one character for one: the map is kept
        text = _FULLWIDTH.sub(_translate_width, text)  # (runs: cheaper than translating the whole text)
    n = 0
    for mark, (pattern, full) in _ASCII_PUNCT_BY_MARK.items():  # marks are not context: any order
        if mark in text:
            text, k = pattern.subn(full, text)
            n += k
    if text is buf.text:
        return buf, n
    return Mapped(text, buf.starts, buf.ends), n


