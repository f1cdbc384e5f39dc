"""A character model of Chinese built at first use from jieba's bundled ``dict.txt``.

Used to tell real text from mojibake: unigram log-probabilities of characters (a word's
frequency counts for each of its characters) and the set of character bigrams seen inside
words.  Traditional characters get the probability of their Simplified form (the dictionary
is Simplified), so a Traditional article is as plausible as its Simplified copy.  The model
is cached as a pickle next to the user's cache (rebuilt when jieba's dictionary changes);
nothing is downloaded.
"""

from __future__ import annotations

import math
import os
import pickle
import tempfile
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
        total = 0.0
        for c in text:
            if c in ("\ufffd", "?"):
                total += FLOOR
            elif c < "\x80":
                total += -9.0
            elif c in _MARKS or "\uff01" <= c <= "\uff5e":
                total += MARK  # not in the dictionary, yet everywhere in real text
            elif c < "\u2e80":
                total += -15.0  # Latin-1, Greek, Cyrillic, Armenian... in Chinese news: noise
            else:
                total += self.logp.get(c, FLOOR)
        pairs = sum(1 for i in range(len(text) - 1) if text[i:i + 2] in self.bigrams)
        return total / len(text) + 4.0 * pairs / max(1, len(text) - 1)


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


def _cache_file(path: Path) -> Path:
    st = path.stat()
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cppcc-kg"
    return base / f"charmodel-v3-{st.st_size}-{int(st.st_mtime)}-{COMMON_RANK}-{MIN_BIGRAM}.pickle"


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
        fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(m, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass
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
    cjk = [c for c in text[:sample] if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000"]
    if not cjk:
        return 0.0
    return sum(1 for c in cjk if c in m.common) / len(cjk)
