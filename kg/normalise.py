"""Article -> Doc: clean Simplified text plus the offset map back to the raw file.

First version: pinyin annotations removed, Traditional -> Simplified character by character.
Issue 3 replaces it (phrase-level OpenCC, punctuation, mojibake, HTML, boilerplate zones).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Article, Doc

_PINYIN = re.compile(r"\([a-zü]{1,7}[1-5]?\)")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s").convert


def normalise(article: Article) -> Doc:
    raw = article.raw
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _PINYIN.finditer(raw):
        for i in range(pos, m.start()):
            out.append(raw[i])
            starts.append(i)
            ends.append(i + 1)
        pos = m.end()
    for i in range(pos, len(raw)):
        out.append(raw[i])
        starts.append(i)
        ends.append(i + 1)
    text = "".join(out)
    simp = _t2s()(text)
    if len(simp) != len(text):  # phrase conversion changed length: fall back to per-char
        simp = "".join(_t2s()(c) for c in text)
    return Doc(article=article, text=simp, raw_starts=tuple(starts), raw_ends=tuple(ends))
