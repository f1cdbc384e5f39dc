"""One private jieba tokenizer that knows the gazetteer and the CPPCC vocabulary.

Why private: the module-global ``jieba`` is shared with every other library in the process;
adding our words to it (or rebinding it) would change their results.  The tokenizer is built
lazily, once per process, on first use.

Jieba is slow (about 1 MB/s), so callers segment only a sentence or a window around a
candidate, never a whole article repeatedly; :func:`words` keeps a small cache of windows.
"""

from __future__ import annotations

import logging
import marshal
import os
import tempfile
from functools import lru_cache
from itertools import chain

# generic CPPCC vocabulary: words that must stay whole so that region names next to them
# end on a word boundary (柳州市|政协|委员会)
CPPCC_WORDS = ("政协", "委员会", "人民政协", "全国政协", "常委会", "主席会议", "专委会", "委员", "常委", "提案",
               "协商", "履职", "界别", "党组", "机关")


@lru_cache(maxsize=1)
def plain_tokenizer():  # -> jieba.Tokenizer
    """A private tokenizer with jieba's dictionary as shipped (the POS tagger of the recognisers
    uses it); never add words to it.  Loading the dictionary takes about 0.6 s, so it is loaded
    once per process and :func:`tokenizer` starts from a copy of it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    if not load_cached_dictionary(tok):
        tok.initialize()  # builds the dictionary and writes jieba's cache file
    return tok


def load_cached_dictionary(tok) -> bool:  # tok: jieba.Tokenizer
    """Load jieba's default dictionary into ``tok`` from jieba's own cache file, as
    ``tok.initialize()`` would, but from the file's bytes in one read; False (``tok`` untouched)
    when there is no usable cache file or ``tok`` is not on the default dictionary.

    Why: jieba reads the cache with ``marshal.load(file)``, which asks the file for every object
    separately: 0.7 s per process, against 0.2 s for ``marshal.loads`` of the same bytes."""
    import jieba

    if tok.initialized or tok.dictionary != jieba.DEFAULT_DICT or tok.cache_file:
        return False
    path = os.path.join(tok.tmp_dir or tempfile.gettempdir(), "jieba.cache")  # jieba's own choice
    try:
        with open(path, "rb") as fh:
            freq, total = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):  # missing, truncated, not a pair
        return False
    if not isinstance(freq, dict) or not isinstance(total, (int, float)):
        return False
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    return True


@lru_cache(maxsize=1)
def tokenizer():  # -> jieba.Tokenizer
    """The private tokenizer with gazetteer names (full, short, former) and CPPCC words."""
    import jieba

    from kg import gazetteer

    base = plain_tokenizer()
    tok = jieba.Tokenizer()
    # the state jieba's initialize() leaves, from the dictionary already loaded (a copy: the words
    # added below must not reach the plain tokenizer)
    tok.FREQ, tok.total = dict(base.FREQ), base.total
    tok.initialized = True
    gaz = gazetteer.default()
    for d in gaz.divisions():
        if len(gazetteer.stem(d.name)) >= 2:  # 和县, 新县, 城区 would break 市和县, 新县城, 城区
            tok.add_word(d.name, freq=20000, tag="ns")
        for n in d.short + d.former:
            if d.level <= 2 or not common_word(n):
                tok.add_word(n, freq=5000, tag="ns")
    for w in CPPCC_WORDS:
        tok.add_word(w, freq=50000, tag="n")
    return tok


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, tuple[int, str]]:
    """jieba's own dictionary entries for the gazetteer's names: word -> (frequency, part of
    speech).  Only those words are kept (the whole dictionary would cost ~70 MB per process)."""
    import jieba

    from kg import gazetteer

    wanted = set(gazetteer.default().names())
    out: dict[str, tuple[int, str]] = {}
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, rest = line.partition(" ")
            if word in wanted:
                parts = rest.split()
                if len(parts) == 2 and parts[0].isdigit():
                    out[word] = (int(parts[0]), parts[1])
    return out


# parts of speech that mark an ordinary word (verb, adjective, locality, adverb, numeral ...)
_COMMON_POS = frozenset({"v", "vn", "a", "ad", "an", "f", "d", "m", "c", "p", "s", "t", "r", "u", "q", "l", "i"})


def common_word(word: str) -> bool:
    """True when ``word`` is an ordinary word in jieba's dictionary (比如, 资源, 前进, 开封 as
    a verb): a short region name spelled like one is not trusted on its own.

    >>> common_word("资源"), common_word("南宁"), common_word("政协")  # only gazetteer names are looked up
    (True, False, False)
    """
    entry = _dictionary().get(word)
    if entry is None:
        return False
    freq, pos = entry
    if pos.startswith("ns"):
        return False
    # the part of speech of rare words is unreliable (融水 is tagged vn, 桂平 nr), so it only
    # counts for words jieba has seen often enough
    return freq >= 200 or (pos in _COMMON_POS and freq >= 150)


@lru_cache(maxsize=4096)
def _cut(window: str) -> tuple[tuple[int, int], ...]:
    spans = []
    pos = 0
    for w in tokenizer().cut(window, HMM=True):
        spans.append((pos, pos + len(w)))
        pos += len(w)
    return tuple(spans)


def words(text: str) -> list[tuple[int, int]]:
    """Word spans ``(start, end)`` of ``text`` (meant for a sentence or a short window).

    >>> [("柳州市政协主席")[s:e] for s, e in words("柳州市政协主席")][:2]
    ['柳州市', '政协']
    """
    return list(_cut(text))


@lru_cache(maxsize=4096)
def boundaries(text: str) -> frozenset[int]:
    """Every offset of ``text`` where a word starts or ends (memoised like the cut: the same
    window is asked about once per candidate in it)."""
    out = set(chain.from_iterable(_cut(text)))
    out.add(0)
    out.add(len(text))
    return frozenset(out)


def is_word_boundary(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` starts and ends on word boundaries of the segmentation.

    >>> is_word_boundary("黑龙江五大连池市", 4, 6)
    False
    """
    b = boundaries(text)
    return start in b and end in b
