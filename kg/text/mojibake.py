"""GBK/Big5 byte-shift mojibake: detection and recovery, keeping the offset map.

Mojibake of this kind comes from Chinese text encoded in GBK (or Big5) and decoded one byte
off: every character is made of the second byte of one real character and the first byte of
the next, giving runs of rare characters that never stand together (``闭劶案惺埽嵓蝺x`` for
``”談及感受，鄭嘉儀``).  UTF-8 read as GBK (``鍗庝负``) is the other classic.

1. **Detect**: characters outside the common set of :mod:`kg.text.charmodel` (one regex scan;
   clean text stops here) seed a window, widened over neighbours that do not form known
   bigrams with it (ASCII letters and ``?!`` included: they are single GBK bytes).
2. **Recover**: for trims of the window and each reading (GB18030 or Big5 re-encoded and
   decoded one byte off; GB18030 bytes decoded as UTF-8) the characters are re-encoded and
   decoded while tracking which window characters each new character's bytes came from, so
   the map to the raw file survives.
3. **Choose**: keep the best reading only if the character model scores it far above the
   window (Traditional readings are scored after ``t2s``).  Bytes that decode to nothing are
   U+FFFD and become "lost" spans, as do windows that nothing recovers, and ``?``/U+FFFD runs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.text.buffer import Mapped, splice

_QMARKS = re.compile(r"\ufffd+|(?<=[\u3400-\u9fff\ufffd])\?+|\?+(?=[\u3400-\u9fff\ufffd])|\?{3,}")
_HAN = "\u3400-\u9fff\uf900-\ufaff"
MAX_WINDOW = 48
READS_WELL = -8.5  # a window scoring above this (mean log-probability) is text, not mojibake
MIN_GAIN = 3.0  # mean log-probability per character the recovery must gain
# GB18030-2000 decoders (and some browsers) map FE50-FEA0 to the private use area from U+E815;
# Python maps them to real characters, so re-encoding needs the old table
_PUA_GBK = {chr(0xE815 + i): bytes([0xFE, t]) for i, t in enumerate(t for t in range(0x50, 0xA1) if t != 0x7F)}
_READINGS = (("gb18030", "gb18030"), ("big5", "big5"), ("gb18030", "utf-8"))


@lru_cache(maxsize=1)
def _rare_re() -> re.Pattern[str]:
    from kg.text.charmodel import model

    common = "".join(sorted(c for c in model().common if _is_han(c)))
    return re.compile(f"(?![{re.escape(common)}])[{_HAN}]|[\ue000-\uf8ff]")


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def _in_run(c: str) -> bool:
    """Characters a byte-shifted run is made of: Han, kana, Greek, Cyrillic, full-width forms
    (all double-byte in GBK) and single-byte ASCII."""
    return (_is_han(c) or ("!" <= c <= "~" and c not in ",;:()[]?") or "\u3040" <= c <= "\u312f"
            or "\u0391" <= c <= "\u0451" or "\uff01" <= c <= "\uff5e")


def _window(text: str, p: int, bigrams: frozenset[str], common: frozenset[str]) -> tuple[int, int]:
    """Widen the suspicious character at ``p`` to the run of characters around it that do not
    read as Chinese (no known bigram of common characters)."""
    a = p
    while a > 0 and p - a < MAX_WINDOW and _in_run(text[a - 1]):
        pair = text[a - 2:a] if a >= 2 else ""
        if pair in bigrams and pair[0] in common and pair[1] in common:
            break
        a -= 1
    b = p + 1
    while b < len(text) and b - a < MAX_WINDOW and _in_run(text[b]):
        pair = text[b:b + 2]
        if pair in bigrams and pair[0] in common and pair[1] in common:
            break
        b += 1
    return a, b


def _decode_tracked(data: bytes, owner: list[int], dec: str) -> list[tuple[str, int, int]]:
    """Decode ``data`` one character at a time: (char, first owner, last owner)."""
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(data)
    lengths = (2, 4) if dec == "gb18030" else (2,) if dec == "big5" else (2, 3, 4)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append((chr(b), owner[i], owner[i]))
            i += 1
            continue
        for k in lengths:
            if i + k <= n:
                try:
                    ch = data[i:i + k].decode(dec)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1:
                    if "\ue000" <= ch <= "\uf8ff":  # a user-defined code: nothing real was there
                        ch = "\ufffd"
                    out.append((ch, owner[i], owner[i + k - 1]))
                    i += k
                    break
        else:
            out.append(("\ufffd", owner[i], owner[i]))
            i += 1
    return out


def _candidates(window: str):
    """Every reading of ``window``: lists of (char, first window index, last window index)."""
    for enc, dec in _READINGS:
        data = bytearray()
        owner: list[int] = []
        ok = True
        for k, c in enumerate(window):
            try:
                bs = _PUA_GBK[c] if enc == "gb18030" and c in _PUA_GBK else c.encode(enc)
            except UnicodeEncodeError:
                ok = False
                break
            data += bs
            owner.extend([k] * len(bs))
        if not ok or not data:
            continue
        for drop in ((1, 0) if dec != "utf-8" else (0,)):
            yield _decode_tracked(bytes(data[drop:]), owner[drop:], dec)


def _score(text: str) -> float:
    from kg.text.charmodel import model
    from kg.text.script import t2s

    return model().score(t2s(text))


def _clean(text: str) -> str:
    return text.replace("?", "")


def _recover(window: str) -> tuple[list[tuple[str, int, int]], float] | None:
    """The best reading of ``window`` (trimmed by up to 3 characters at the start and 2 at the
    end, the trimmed characters kept as they are) and its total gain, if one is far better.

    A reading is judged on the part it changes: its gain in mean log-probability per
    character (``?`` ignored on both sides, U+FFFD as bad as an unknown character) must reach :data:`MIN_GAIN`; among
    those, the largest total gain wins."""
    n = len(window)
    best: tuple[float, list[tuple[str, int, int]]] | None = None
    for ta in range(min(4, n - 1)):
        for tb in range(min(3, n - ta - 1)):
            sub = window[ta:n - tb]
            base_text = _clean(sub)
            if len(base_text) < 2:
                continue
            base = _score(base_text)
            for cand in _candidates(sub):
                s = "".join(c for c, _, _ in cand)
                if s == sub or sum(1 for c in s if _is_han(c)) < 2 or s.count("\ufffd") * 3 > len(s):
                    continue
                gain = _score(_clean(s)) - base
                total = gain * len(base_text)
                if gain >= MIN_GAIN and (best is None or total > best[0]):
                    head = [(c, k, k) for k, c in enumerate(window[:ta])]
                    tail = [(c, k, k) for k, c in enumerate(window[n - tb:], n - tb)]
                    best = (total, head + [(c, i + ta, j + ta) for c, i, j in cand] + tail)
    if best is None:
        return None
    return best[1], best[0]


def repair(buf: Mapped) -> tuple[Mapped, list[tuple[int, int]], int]:
    """Recover mojibake runs.  Returns the buffer, the raw spans of the runs nothing could
    recover, and the number of runs recovered (U+FFFD left inside a recovered run, and ``?``
    runs, are found in the final text by :func:`marks`)."""
    hits = [m.start() for m in _rare_re().finditer(buf.text)] if _has_han(buf.text) else []
    edits: list[tuple[int, int, str, list[int], list[int]]] = []
    lost: list[tuple[int, int]] = []
    recovered = 0
    if hits:
        from kg.text.charmodel import model
        from kg.text.script import t2s

        m = model()
        probe = t2s(buf.text)  # bigrams are Simplified: widen windows over the converted text
        if len(probe) != len(buf.text):
            probe = buf.text
        last_end = -1
        for p in hits:
            if p < last_end or _in_word(probe, p, m.bigrams):
                continue
            a, b = _window(probe, p, m.bigrams, m.common)
            a = max(a, last_end)
            last_end = b
            if b - a < 2 or _score(buf.text[a:b]) > READS_WELL:
                continue
            found = _recover(buf.text[a:b])
            if found is None:
                if _run_is_garbage(buf.text[a:b]):
                    lost.append(buf.span(a, b))
                continue
            cand, _ = found
            text = "".join(c for c, _, _ in cand)
            starts = [buf.starts[a + i] for _, i, _ in cand]
            ends = [buf.ends[a + j] for _, _, j in cand]
            edits.append((a, b, text, starts, ends))
            recovered += 1
    return splice(buf, edits), _merge(lost), recovered


def marks(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are lost characters: U+FFFD runs and ``?`` next to Chinese."""
    if "?" not in text and "\ufffd" not in text:
        return []
    return [m.span() for m in _QMARKS.finditer(text)]


def _in_word(text: str, p: int, bigrams: frozenset[str]) -> bool:
    """The rare character at ``p`` forms a dictionary bigram with a neighbour (汲取, 砥礪)."""
    return text[max(0, p - 1):p + 1] in bigrams or text[p:p + 2] in bigrams


def _run_is_garbage(run: str) -> bool:
    """A window nothing recovers is lost only if it really reads as noise (several rare
    characters with no known bigram): a rare name character alone is not noise."""
    from kg.text.charmodel import model

    m = model()
    han = [c for c in run if _is_han(c)]
    rare = sum(1 for c in han if c not in m.common)
    return len(han) >= 3 and rare >= 2 and _score(run) < -11.0


def _has_han(text: str) -> bool:
    return any(_is_han(c) for c in text[:2000]) or bool(re.search(f"[{_HAN}]", text))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
