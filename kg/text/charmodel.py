"""A character model of Chinese built at first use from jieba's bundled ``dict.txt``.

Used to tell real text from mojibake: unigram log-probabilities of characters (a word's
frequency counts for each of its characters) and the set of character bigrams seen inside
words.  Traditional characters get the probability of their Simplified form (the dictionary
is Simplified), so a Traditional article is as plausible as its Simplified copy.  The model
is cached as a pickle next to the user's cache (rebuilt when jieba's dictionary changes);
nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import math
import operator
import os
import pickle
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import forked

MIN_BIGRAM = 5  # bigrams rarer than this inside dictionary words are not trusted
COMMON_RANK = 3000  # the most frequent characters (plus their Traditional forms) count as common
FLOOR = -20.0  # log-probability of a character the dictionary never saw
MARK = -8.0  # Chinese punctuation and full-width forms: as likely as a fairly common character
_MARKS = frozenset("，。、；：？！“”‘’《》（）【】「」『』〈〉—…·～\u3000")


@dataclass(frozen=True)
class CharModel:
    logp: dict[str, float]  # character -> natural log-probability
    bigrams: frozenset[str]
    common: frozenset[str]  # frequent characters, Simplified and Traditional

    def score(self, text: str) -> float:
        """Mean log-probability per character plus a bonus per known bigram (higher = more
        like Chinese).  Non-CJK characters are neutral-ish, Chinese punctuation and full-width
        forms as likely as a fairly common character; U+FFFD and '?' are penalised."""
        if not text:
            return FLOOR
        get = _values(self).get
        total = 0.0
        for c in text:  # one addition per character, in order: the same sum as ever
            v = get(c)
            if v is None:
                v = -15.0 if c < "\u2e80" else FLOOR  # Latin-1, Greek, Cyrillic... noise; an unseen character
            total += v
        pairs = sum(map(self.bigrams.__contains__, map(operator.add, text, text[1:])))
        return total / len(text) + 4.0 * pairs / max(1, len(text) - 1)


_VALUES: dict[int, tuple[CharModel, dict[str, float]]] = {}  # the table of the model in use


def _values(m: CharModel) -> dict[str, float]:
    """What :meth:`CharModel.score` adds for each character, as one table: U+FFFD and '?'
    are penalised, ASCII is neutral-ish, Chinese punctuation and full-width forms as likely as
    a fairly common character (not in the dictionary, yet everywhere in real text), Chinese
    characters their log-probability.  Characters not in the table: below U+2E80 noise
    (-15), else unseen (FLOOR)."""
    entry = _VALUES.get(id(m))
    if entry is not None and entry[0] is m:
        return entry[1]
    table = {c: lp for c, lp in m.logp.items() if c >= "\u2e80"}
    table.update((chr(i), -9.0) for i in range(0x80))
    table.update((c, MARK) for c in _MARKS)
    table.update((chr(i), MARK) for i in range(0xFF01, 0xFF5F))
    table["\ufffd"] = table["?"] = FLOOR
    _VALUES.clear()
    _VALUES[id(m)] = (m, table)
    return table


def _dict_path() -> Path:
    import jieba

    return Path(jieba.__file__).with_name("dict.txt")


def _build(path: Path) -> CharModel:
    chars: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            for c in word:
                chars[c] += freq
            for i in range(len(word) - 1):
                bigrams[word[i:i + 2]] += freq
    total = sum(chars.values()) or 1
    logp = {c: math.log(f / total) if f else FLOOR for c, f in chars.items()}
    common = {c for c, _ in chars.most_common(COMMON_RANK)}
    bigram_set = {b for b, f in bigrams.items() if f >= MIN_BIGRAM}
    _add_traditional(logp, common)
    return CharModel(logp, frozenset(bigram_set), frozenset(common))


def _add_traditional(logp: dict[str, float], common: set[str]) -> None:
    """Give every character that ``t2s`` maps to a known Simplified character (為, 爲, 眾,
    衆...) the statistics of that character (bigrams stay Simplified: callers score
    Traditional text after converting it)."""
    import opencc

    cjk = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    simp = opencc.OpenCC("t2s").convert("\n".join(cjk)).split("\n")
    if len(simp) != len(cjk):
        return
    for t, s in zip(cjk, simp, strict=True):
        if len(s) == 1 and s != t and s in logp:
            if t not in logp or logp[t] < logp[s]:
                logp[t] = logp[s]
            if s in common:
                common.add(t)


KEEP_CACHED_MODELS = 3  # model files kept in the cache folder, the last written (one per dictionary)


def _cache_file(path: Path) -> Path:
    """The model's cache file, named by the dictionary's content (not its modification time:
    every new environment installs the same dictionary anew, which made a new file each time)."""
    digest = hashlib.sha1(path.read_bytes()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cppcc-kg"
    return base / f"charmodel-v4-{digest}-{COMMON_RANK}-{MIN_BIGRAM}.pickle"


def _prune(folder: Path, keep: int = KEEP_CACHED_MODELS) -> None:
    """Remove all but the ``keep`` most recently written model files of ``folder``."""
    try:
        files = sorted(folder.glob("charmodel-v*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink()
    except OSError:  # another process pruned first, or the folder is read-only: only costs disk
        pass


@lru_cache(maxsize=1)
def model() -> CharModel:
    """The character model (built once per process; cached on disk between runs)."""
    path = _dict_path()
    cache = _cache_file(path)
    try:
        with open(cache, "rb") as fh:
            m = pickle.load(fh)
        if isinstance(m, CharModel):
            return m
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        pass
    m = _build(path)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with forked.temporary_file(cache.parent, suffix=".tmp") as (fd, tmp):
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(m, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
    except OSError:
        pass
    else:
        _prune(cache.parent)
    return m


# UTF-16 high bytes of the Han ranges U+3400-U+9FFF and U+F900-U+FAFF (whole 256-blocks)
_NOT_HAN_HIGH = bytes(b for b in range(256) if not (0x34 <= b <= 0x9F or 0xF9 <= b <= 0xFA))


def han_count(text: str) -> int:
    """Number of characters of ``text`` in U+3400-U+9FFF or U+F900-U+FAFF, at C speed (the
    high byte of each UTF-16 unit decides; characters beyond the BMP are surrogate pairs,
    whose high bytes are none of those).

    >>> han_count("政协2024年會議")
    5
    """
    return len(text.encode("utf-16-le", "surrogatepass")[1::2].translate(None, _NOT_HAN_HIGH))


def plausibility(text: str, sample: int = 20000) -> float:
    """Share of the CJK characters of ``text`` (a prefix sample) that are common characters:
    near 1 for real Chinese in either script, low for text decoded with the wrong codec."""
    m = model()
    head = text[:sample]
    cjk = han_count(head)
    if len(head.encode("utf-16-le", "surrogatepass")) > 2 * len(head):  # characters beyond the BMP
        cjk += len(_ASTRAL.findall(head))
    if not cjk:
        return 0.0
    return (len(head) - len(_common_run(m).sub("", head))) / cjk


_ASTRAL = re.compile("[\U00020000-\U0010ffff]")
_COMMON_RUN: dict[int, tuple[CharModel, re.Pattern[str]]] = {}


def _common_run(m: CharModel) -> re.Pattern[str]:
    """A run of the model's common characters that count as CJK for :func:`plausibility`."""
    entry = _COMMON_RUN.get(id(m))
    if entry is not None and entry[0] is m:
        return entry[1]
    chars = sorted(c for c in m.common if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000")
    # ``[...][...]*``, not ``[...]+``: a pattern that starts with a class lets the regex engine skip
    # to the next candidate at C speed (a leading repeat is tried at every position); same runs
    one = f"[{char_class(chars)}]"
    pattern = re.compile(f"{one}{one}*" if chars else "(?!)")
    _COMMON_RUN.clear()
    _COMMON_RUN[id(m)] = (m, pattern)
    return pattern


def char_class(chars) -> str:
    """The body of a regex character class matching exactly ``chars``, as ranges.

    >>> char_class("abcx")
    'a-cx'
    """
    codes = sorted({ord(c) for c in chars})
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        out.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(out)
