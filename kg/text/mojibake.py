"""GBK/Big5 byte-shift mojibake: detection and recovery, keeping the offset map.

Mojibake of this kind comes from Chinese text encoded in GBK (or Big5) and decoded one byte
off: every character is made of the second byte of one real character and the first byte of
the next, giving runs of rare characters that never stand together (``闭劶案惺埽嵓蝺x`` for
``”談及感受，鄭嘉儀``).  UTF-8 read as GBK (``鍗庝负``) is the other classic.

1. **Detect**: characters outside the common set of :mod:`kg.text.charmodel`, GBK symbols news
   does not use (``∮``, ``⒆``), private-use and radical characters (one regex scan; clean text
   stops here) seed a window, widened over neighbours that do not form known bigrams with it
   (ASCII letters and ``?!`` included: they are single GBK bytes).
2. **Recover**: for trims of the window (up to :data:`TRIM` a side) and each reading (GB18030
   or Big5 re-encoded and decoded one byte off; GB18030 bytes decoded as UTF-8) the
   characters are re-encoded and decoded while tracking which window characters each new
   character's bytes came from, so the map to the raw file survives.  The character whose
   first byte the shift ate, and the one whose second byte is missing, are put back when
   exactly one dictionary character with the byte that is left makes a word with its
   neighbour (:func:`_complete`).
3. **Choose**: keep a reading only if the character model scores what its bytes decode to
   far above the window; among those, the one whose whole window reads best.  Bytes that
   decode to nothing are U+FFFD and become "lost" spans, as do windows that nothing
   recovers, and ``?``/U+FFFD runs.
4. **Lone second bytes** (``委T`` for ``委員``) are completed the same way in a text where a
   run was recovered, outside quotation marks.

:func:`reread` handles the other case: a whole text misread (UTF-8 shown as GB18030 or
Windows-1252 and saved so), read back as one reading before anything else.
"""

from __future__ import annotations

import codecs
import operator
import re
from array import array
from functools import lru_cache
from itertools import compress, repeat

from kg import gcpause
from kg.text.buffer import Mapped, splice

# U+FFFD runs; ``?`` runs after or before a Chinese character (or U+FFFD), or of three or more
# (each branch starts with its literal, not a repeat: the regex engine skips to the next candidate
# at C speed)
_QMARKS = re.compile(r"\ufffd\ufffd*|\?(?:(?<=[\u3400-\u9fff\ufffd]\?)\?*|\?*(?=[\u3400-\u9fff\ufffd])|\?{2,})")
_HAN = "\u3400-\u9fff\uf900-\ufaff"
MAX_WINDOW = 48
READS_WELL = -8.5  # a window scoring above this (mean log-probability) is text, not mojibake
TRIM = 5  # a window may hold this many real characters at either end (digits, a rare name)
MIN_GAIN = 3.0  # mean log-probability per character the recovery must gain
# GB18030-2000 decoders (and some browsers) map FE50-FEA0 to the private use area from U+E815;
# Python maps them to real characters, so re-encoding needs the old table
_PUA_GBK = {chr(0xE815 + i): bytes([0xFE, t]) for i, t in enumerate(t for t in range(0x50, 0xA1) if t != 0x7F)}
_READINGS = (("gb18030", "gb18030"), ("big5", "big5"), ("gb18030", "utf-8"))


@lru_cache(maxsize=1)
def _rare_re() -> re.Pattern[str]:
    """One character class: Han characters outside the common set, private-use and radical
    characters, and the GBK symbols news does not use."""
    from kg.text.charmodel import char_class, model

    common = model().common
    rare = [c for lo, hi in ((0x3400, 0x9FFF), (0xF900, 0xFAFF)) for c in range(lo, hi + 1) if chr(c) not in common]
    rare += [*range(0xE000, 0xF900), *range(0x2E80, 0x2FE0), *map(ord, _odd_symbols())]
    return re.compile(f"[{char_class(map(chr, rare))}]")


# symbols of GBK's first rows that news does use: not evidence of a shift
_NEWS_SYMBOLS = frozenset("\u3000￥、。·ˉˇ¨〃々—～‖…‘’“”〔〕〈〉《》「」『』〖〗【】±×÷∶°℃‰§№☆★○●◎◇◆□■△▲※→←↑↓"
                          "①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ")


@lru_cache(maxsize=1)
def _odd_symbols() -> list[str]:
    """The GBK two-byte symbols (rows A1-A3, A6-A9: math, enclosed numbers, box drawing) that
    news text hardly uses, so that a shifted run that decodes to them is seen (kana and
    Cyrillic are left out: quoted foreign words use them; a real symbol is only a hit, the
    recovery must still read far better to replace it)."""
    out = []
    for lead in (0xA1, 0xA2, 0xA3, 0xA6, 0xA8, 0xA9):
        for trail in range(0xA1, 0xFF):
            try:
                c = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(c) == 1 and c not in _NEWS_SYMBOLS and not ("\uff01" <= c <= "\uff5e") and not c.isascii():
                out.append(c)
    return out


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def _in_run(c: str) -> bool:
    """Characters a byte-shifted run is made of: Han, kana, Greek, Cyrillic, full-width forms,
    the symbols of GBK's first rows (``∮``, ``⒐``, ``①``, box drawing: all double-byte in GBK),
    private-use characters (GBK's user-defined codes as browsers show them), CJK radicals
    (GB18030 reads some FExx codes as them) and single-byte ASCII."""
    return (_is_han(c) or ("!" <= c <= "~" and c not in ",;:()[]?") or "\u3040" <= c <= "\u312f"
            or "\u0391" <= c <= "\u0451" or "\uff01" <= c <= "\uff5e" or "\ue000" <= c <= "\uf8ff"
            or "\u2e80" <= c <= "\u2fdf" or _gbk_symbol(c))


@lru_cache(maxsize=4096)
def _gbk_symbol(c: str) -> bool:
    """A symbol GBK encodes in two bytes (rows A1-A9 hold math, enclosed numbers, box drawing;
    a shifted run shows them) - not the Chinese punctuation of row A1 that real text uses."""
    if c in "、。·ˉˇ¨〃々—～‖…‘’“”〔〕〈〉《》「」『』〖〗【】":
        return False
    try:
        data = c.encode("gbk")
    except UnicodeEncodeError:
        return False
    return len(data) == 2 and 0xA1 <= data[0] <= 0xA9


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


def _resume_next_byte(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: one marker for the byte where the error starts, then go on with
    the next byte (what :func:`_decode_tracked` does by hand)."""
    return _FAILED, exc.start + 1  # type: ignore[attr-defined]


_FAILED = "\udfff"  # a lone surrogate: no decoder used here produces one from valid bytes
_RESUME = "kg-mojibake-resume"
codecs.register_error(_RESUME, _resume_next_byte)
_LOST = re.compile("[\ue000-\uf8ff\udc80-\udcff\udfff]")


def _decode_text(data: bytes, dec: str) -> str:
    """The characters of :func:`_decode_tracked` alone, at C speed: a byte that starts no
    character is U+FFFD and decoding goes on at the next byte; a user-defined code is U+FFFD.

    The codecs' own ``surrogateescape`` handler does that without a Python call per error:
    it escapes each byte of the failing stretch and goes on after it, and the stretches these
    codecs report are one byte, or (UTF-8) a lead byte with continuation bytes, each of which
    fails alone too.  It refuses a stretch with an ASCII byte (GB18030 cut inside a four-byte
    code, ``81 30``): then the byte-by-byte handler."""
    try:
        text = data.decode(dec, "surrogateescape")
    except UnicodeDecodeError:
        text = data.decode(dec, _RESUME)
    return _LOST.sub("\ufffd", text) if _LOST.search(text) else text


def _decode_tracked(data: bytes, owner: list[int], dec: str) -> list[tuple[str, int, int]]:
    """Decode ``data`` one character at a time: (char, first owner, last owner).

    A character is ASCII for a byte below 0x80, else the one character the next 2 or 4 bytes
    (GB18030), 2 (Big5), 2-4 (UTF-8) decode to, else U+FFFD for that byte alone.  The codec
    does the decoding (its error handler resumes at the next byte); the byte count of each
    character is read off its first bytes (a GB18030 second byte 0x30-0x39 makes four)."""
    out: list[tuple[str, int, int]] = []
    i = 0
    for ch in data.decode(dec, _RESUME):
        b = data[i]
        if ch == _FAILED:
            out.append(("\ufffd", owner[i], owner[i]))
            i += 1
            continue
        if b < 0x80:
            k = 1
        elif dec == "gb18030":
            k = 4 if 0x30 <= data[i + 1] <= 0x39 else 2
        elif dec == "big5":
            k = 2
        else:
            k = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
        if "\ue000" <= ch <= "\uf8ff":  # a user-defined code: nothing real was there
            ch = "\ufffd"
        out.append((ch, owner[i], owner[i + k - 1]))
        i += k
    return out


def _char_bytes(window: str, enc: str) -> list[bytes | None]:
    """Each character of ``window`` encoded in ``enc`` (None: it has no encoding there)."""
    out: list[bytes | None] = []
    for c in window:
        if enc == "gb18030" and c in _PUA_GBK:
            out.append(_PUA_GBK[c])
            continue
        try:
            out.append(c.encode(enc))
        except UnicodeEncodeError:
            out.append(None)
    return out


def _owners(parts: list[bytes]) -> list[int]:
    owner: list[int] = []
    for k, bs in enumerate(parts):
        owner.extend([k] * len(bs))
    return owner


def _complete_ends(reading: list[tuple[str, int, int]], data: bytearray, owner: list[int], enc: str, before: str,
                   after: str) -> list[tuple[str, int, int]]:
    """The reading with the character whose first byte was eaten (``data[0]`` is its second
    byte) and the one whose second byte is missing (a dangling first byte at the end) put
    back where the neighbours say which it was."""
    out = list(reading)
    first = out[0][0]
    if data[0] >= 0x40 and _is_han(first):
        c = _complete(data[0], 1, enc, before, first)
        if c:
            out.insert(0, (c, owner[0], owner[0]))
    last, i, j = out[-1]
    if last == "\ufffd" and data[-1] >= 0x81 and len(out) >= 2 and _is_han(out[-2][0]):
        c = _complete(data[-1], 0, enc, out[-2][0], after)
        if c:
            out[-1] = (c, i, j)
    return out


_PUNCT = "，。、；：？！“”‘’《》（）"


@lru_cache(maxsize=4)
def _by_byte(enc: str, pos: int) -> tuple[dict[int, tuple[tuple[str, str], ...]], frozenset[int]]:
    """Dictionary characters by their first (``pos`` 0) or second (1) byte in ``enc``, and the
    bytes that a common punctuation mark also has there (a completion must then be surer).
    Each character comes with its Simplified form (the bigrams are Simplified).

    Built with the cyclic collector paused: its tens of thousands of small tuples, which
    make no cycles, would set off collections that walk every object of the process (in a
    worker, whose collector is on: 0.08 -> 0.02 s at its first completion)."""
    with gcpause.paused():
        return _by_byte_tables(enc, pos)


def _by_byte_tables(enc: str, pos: int) -> tuple[dict[int, tuple[tuple[str, str], ...]], frozenset[int]]:
    table: dict[int, list[tuple[str, str]]] = {}
    for c, bs, simp in _two_byte(enc):
        table.setdefault(bs[pos], []).append((c, simp))
    punct = set()
    for c in _PUNCT:
        try:
            punct.add(c.encode(enc)[pos])
        except (UnicodeEncodeError, IndexError):
            continue
    return {k: tuple(v) for k, v in table.items()}, frozenset(punct)


@lru_cache(maxsize=2)
def _two_byte(enc: str) -> list[tuple[str, bytes, str]]:
    """Every Chinese character of the dictionary (the right one may be rare) that ``enc``
    encodes in two bytes, in order, with those bytes and its Simplified form."""
    from kg.text.charmodel import model

    hans = [c for c in sorted(model().logp) if _is_han(c)]
    # one encoder call: no multi-byte code of GB18030 or Big5 holds the byte 0x0A, and a
    # character the codec lacks becomes "?" (one byte: left out, as are four-byte codes)
    codes = "\n".join(hans).encode(enc, "replace").split(b"\n")
    if len(codes) != len(hans):
        codes = [c.encode(enc, "replace") for c in hans]
    out = [(c, bs) for c, bs in zip(hans, codes, strict=True) if len(bs) == 2]
    return [(c, bs, s) for (c, bs), s in zip(out, _simp_all(tuple(c for c, _ in out)), strict=True)]


def _simp_all(chars: tuple[str, ...]) -> list[str]:
    """:func:`_simp` of each character, in one OpenCC call (one character a line: a line is
    converted on its own, as a lone character is)."""
    from kg.text.script import t2s

    out = t2s("\n".join(chars)).split("\n")
    return out if len(out) == len(chars) else [_simp(c) for c in chars]


@lru_cache(maxsize=65536)
def _simp(c: str) -> str:
    from kg.text.script import t2s

    return t2s(c)


@lru_cache(maxsize=4096)  # the trims of one window ask the same question many times
def _complete(byte: int, pos: int, enc: str, before: str, after: str) -> str | None:
    """The dictionary character with ``byte`` at ``pos`` (0 first, 1 second byte) in ``enc``
    that forms a dictionary word with ``before`` or ``after``, if exactly one forms the most
    words (the model knows which bigrams exist, not how often, so a tie - ``輿论``/``經论`` -
    is left alone); when a punctuation mark shares the byte, it must form a word on both
    sides."""
    from kg.text.charmodel import model

    table, punct = _by_byte(enc, pos)
    m = model()
    b = _simp(before[-1]) if before else ""
    a = _simp(after[0]) if after else ""
    cands = table.get(byte, ())
    if not cands or not (a or b):
        return None
    chars, simps = zip(*cands, strict=True)
    # words each candidate forms (0-2), counted by C-level maps over its Simplified form
    known = m.bigrams.__contains__
    with_b = map(known, map(b.__add__, simps)) if b else repeat(False)
    with_a = map(known, map(operator.add, simps, repeat(a))) if a else repeat(False)
    ranked = [(words, c) for words, c in zip(map(operator.add, with_b, with_a), chars, strict=True) if words]
    if not ranked:
        return None
    ranked.sort(reverse=True)
    words, c = ranked[0]
    if (byte in punct and words < 2) or (len(ranked) > 1 and ranked[1][0] == words):
        return None
    return c


@lru_cache(maxsize=65536)  # trims and readings of one window share their strings
def _score(text: str) -> float:
    """The character model's score of ``text`` read as Simplified (character by character:
    the model is of characters and bigrams, phrase conversion would only cost time)."""
    from kg.text.charmodel import model

    return model().score("".join(map(_simp, text)))


def _clean(text: str) -> str:
    return text.replace("?", "")


def _absorbs_ascii(reading: list[tuple[str, int, int]], window: str) -> bool:
    """A Han character of the reading takes its second byte from an ASCII letter of the window
    (``瘑T`` -> ``員``): a letter glued to a rare character is a shift, not a name."""
    return any(_is_han(c) and i < j and "@" <= window[j] <= "~" for c, i, j in reading)


def _inner(reading: str) -> str:
    """A reading without the U+FFFD at its ends: the byte a shift leaves dangling at the end of
    a run (and the one it eats at the start) is lost whatever the reading; it is kept in the
    text (and marked lost) but not held against the reading."""
    text = _clean(reading)
    text = text[1:] if text.startswith("\ufffd") else text
    return text[:-1] if text.endswith("\ufffd") else text


# (total gain, reading, encoding of the shift, x, y): see :func:`_recover`
Recovery = tuple[float, tuple[tuple[str, int, int], ...], str, int, int]


@lru_cache(maxsize=4096)  # the same run recurs (a rare name, a page's mojibake copied): read it once
def _recover(window: str, before: str = "", after: str = "") -> Recovery | None:
    """The best reading of a part ``window[x:y]`` (``window`` trimmed by up to :data:`TRIM`
    characters at either end, the trimmed characters kept as they are), if one is far better:
    (total gain, reading, encoding of the shift, x, y).

    A reading is judged on the part it changes: its gain in mean log-probability per
    character (``?`` ignored on both sides, U+FFFD as bad as an unknown character, bar the one
    a shift leaves at each end) must reach :data:`MIN_GAIN`.  Among those, the one whose whole
    window (kept ends included) reads best wins: a trim that leaves mojibake unread loses to
    the reading that reads it.

    Every trim is read with every (encoding, decoding, dropped byte) reading; the characters are
    encoded once per window, each reading is first decoded as text alone (C speed) and tracked
    character by character only when it passes the gain test."""
    n = len(window)
    whole_text = _clean(window)
    whole = _score(whole_text)
    best: Recovery | None = None
    encoded = {enc: _char_bytes(window, enc) for enc in ("gb18030", "big5")}
    for ta in range(min(TRIM + 1, n - 1)):
        for tb in range(min(TRIM + 1, n - ta - 1)):
            sub = window[ta:n - tb]
            base_text = _clean(sub)
            if len(base_text) < 2:
                continue
            base = _score(base_text)
            ctx_before = window[ta - 1] if ta else before
            ctx_after = window[n - tb] if tb else after
            for enc, dec in _READINGS:
                parts = encoded[enc][ta:n - tb]
                if None in parts:
                    continue
                data = b"".join(parts)  # type: ignore[arg-type]
                owner: list[int] | None = None
                for drop in ((1, 0) if dec != "utf-8" else (0,)):
                    # the evidence is what the bytes decode to; completions only rank the readings
                    s = _decode_text(data[drop:], dec)
                    if s == sub or s.count("\ufffd") * 3 > len(s):
                        continue
                    han = len(_HAN_RE.findall(s))
                    if han < 2:
                        if not han:
                            continue
                        owner = owner or _owners(parts)  # type: ignore[arg-type]
                        if not _absorbs_ascii(_decode_tracked(data[drop:], owner[drop:], dec), sub):
                            continue
                    inner = _inner(s)
                    if not inner or _score(inner) - base < MIN_GAIN:
                        continue
                    owner = owner or _owners(parts)  # type: ignore[arg-type]
                    raw = _decode_tracked(data[drop:], owner[drop:], dec)
                    cand = _complete_ends(raw, data, owner, enc, ctx_before, ctx_after) if drop and raw else raw
                    done = "".join(c for c, _, _ in cand)
                    # the byte a shift leaves dangling is lost whatever the reading: not held against it
                    total = (_score(_clean(window[:ta] + _inner(done) + window[n - tb:])) - whole) * len(whole_text)
                    if best is None or total > best[0]:
                        best = (total, tuple([(c, i + ta, j + ta) for c, i, j in cand]), enc, ta, n - tb)
    return best


@lru_cache(maxsize=1)
def _name_alphabet() -> frozenset[str]:
    """The characters of names: transliterated minority names (Mongolian 娜仁托娅, Tibetan
    四郎降措, Uyghur, Yi) and the surnames (禤, 谯, 亓): rare in the character model, but in a
    name, not a shift (the runs a shift makes are of random rare characters)."""
    from kg import vocab_posts as V

    return frozenset(V.TRANSLIT_NAME_CHARS).union(*V.TIBETAN_SYLLABLES, *V.MONGOLIAN_NAME_PARTS, *V.YI_CLAN_NAMES,
                                                  V.SINGLE_SURNAMES, V.RARE_SURNAMES)


def _rare_of_names(window: str) -> bool:
    """Every rare character of ``window`` (the ones that seed a window) is of :func:`_name_alphabet`.

    >>> _rare_of_names("娜仁托娅"), _rare_of_names("禤景辉"), _rare_of_names("闭劶案惺埽")
    (True, True, False)
    """
    rare = set(_rare_re().findall(window))
    return bool(rare) and rare <= _name_alphabet()


def repair(buf: Mapped) -> tuple[Mapped, list[tuple[int, int]], int]:
    """Recover mojibake runs.  Returns the buffer, the raw spans of the runs nothing could
    recover, and the number of runs recovered (U+FFFD left inside a recovered run, and ``?``
    runs, are found in the final text by :func:`marks`)."""
    hits = [m.start() for m in _rare_re().finditer(buf.text)] if _has_han(buf.text) else []
    edits: list[tuple[int, int, str, list[int], list[int]]] = []
    lost: list[tuple[int, int]] = []
    recovered = 0
    encodings: dict[str, int] = {}
    if hits:
        from kg.text.charmodel import model
        from kg.text.script import t2s_lines

        m = model()
        # bigrams are Simplified: widen windows over the converted text, of which only the
        # hits' lines are needed (a window stops at a line break, which is not _in_run, and
        # _in_word looks one character to either side: at most the line break)
        probe = t2s_lines(buf.text, hits)
        if len(probe) != len(buf.text):
            probe = buf.text
        last_end = -1
        for p in hits:
            if p < last_end or _in_word(probe, p, m.bigrams):
                continue
            a, b = _window(probe, p, m.bigrams, m.common)
            a = max(a, last_end)
            last_end = b
            if b - a < 2 or _score(buf.text[a:b]) > READS_WELL or _rare_of_names(buf.text[a:b]):
                continue
            found = _recover(buf.text[a:b], buf.text[a - 1:a], buf.text[b:b + 1])
            if found is None:
                if _run_is_garbage(buf.text[a:b]):
                    lost.append(buf.span(a, b))
                continue
            _, cand, enc, x, y = found
            window = buf.text[a:b]
            while len(cand) > 1 and cand[-1][1] == cand[-1][2] and cand[-1][0] == window[cand[-1][1]]:
                cand = cand[:-1]  # the reading's end is the text as it was (a shift undone by another):
            y = cand[-1][2] + 1  # leave it out, so that the hits in it are looked at on their own
            # the kept start may be a run of its own (a second pass would find it)
            head = _recover(buf.text[a:a + x], buf.text[a - 1:a], buf.text[a + x]) if x >= 2 else None
            if head:
                edits.append(_edit(buf, a, head[1], head[3], head[4]))
                encodings[head[2]] = encodings.get(head[2], 0) + 1
                recovered += 1
            edits.append(_edit(buf, a, cand, x, y))
            encodings[enc] = encodings.get(enc, 0) + 1
            last_end = a + y  # the kept end may be another run: later hits look at it
            recovered += 1
    buf = splice(buf, edits)
    if recovered:  # not on U+FFFD or lost runs alone: they stay in the text, and a second pass must change nothing
        buf, n = _orphans(buf, max(sorted(encodings), key=encodings.__getitem__))
        recovered += n
    return buf, _merge(lost), recovered


def _edit(buf: Mapped, a: int, cand: tuple[tuple[str, int, int], ...], x: int,
          y: int) -> tuple[int, int, str, list[int], list[int]]:
    """The splice edit replacing ``buf.text[a + x:a + y]`` by a reading whose window starts at
    ``a``."""
    return (a + x, a + y, "".join(c for c, _, _ in cand), [buf.starts[a + i] for _, i, _ in cand],
            [buf.ends[a + j] for _, _, j in cand])


# one ASCII byte between Chinese characters, in the range of a GBK/Big5 second byte: the second
# byte of a character whose first byte a shift ate (``委T`` for ``委員``, ``推M會`` for ``推進會``)
# (the letter first, the Han character before it checked by a look behind over both: a pattern
# that starts with a look behind is tried at every position, one that starts with a character
# class is skipped to the next candidate at C speed; same matches)
_ORPHAN_BYTE = r"[@-Z\[\]^_`a-z{|}~]"
_ORPHAN = re.compile(rf"{_ORPHAN_BYTE}(?<=[{_HAN}]{_ORPHAN_BYTE})(?=[{_HAN}，。、；：？！”」）,;:!?])")


def _quoted(before: str) -> bool:
    """An opening mark of ``before`` (the line up to a position) is still open there."""
    return any(before.count(a) > before.count(b) for a, b in ("“”", "‘’", "「」", "『』", "《》", "〈〉"))


def _orphans(buf: Mapped, enc: str) -> tuple[Mapped, int]:
    """Put back the characters whose second byte (in ``enc``, the encoding the text's other
    shifts were in) is left alone between Chinese characters, where one dictionary character
    with that byte forms a word with a neighbour.  Only called on a text where a run was
    recovered, and never inside quotation marks, where names with letters live
    (``“e路同行”``)."""
    text = buf.text
    edits: list[tuple[int, int, str, list[int], list[int]]] = []
    for m in _ORPHAN.finditer(text):
        i = m.start()
        if _quoted(text[text.rfind("\n", 0, i) + 1:i]):
            continue
        c = _complete(ord(text[i]), 1, enc, text[i - 1], text[i + 1])
        if c:
            edits.append((i, i + 1, c, [buf.starts[i]], [buf.ends[i]]))
    return splice(buf, edits), len(edits)


# a whole text misread: UTF-8 bytes shown as GB18030 (``瀹滄槍``), Big5 or Windows-1252 (``å®œæ˜Œ``)
_MISREADS = ("gb18030", "cp1252")  # (UTF-8 read as Big5 loses most of its bytes: nothing to read back)
_CP1252_HOLES = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # bytes Windows-1252 leaves undefined: U+FFFD once misread
_NOT_LATIN1_LETTER = bytes(range(0xC0))  # Latin-1 bytes below U+00C0 (what _latin1_count drops)
_HAN_RE = re.compile(f"[{_HAN}]")
MISREAD_SAMPLE = 1500  # characters looked at to decide whether to try
MIN_REREAD = 0.8  # share of common characters the re-read text must reach (see charmodel.plausibility)


@lru_cache(maxsize=1)
def _cp1252_to_latin1() -> dict[int, str]:
    """Windows-1252's characters for bytes 0x80-0x9F -> the Latin-1 character of that byte,
    and U+FFFD -> 0xFF: after it, a misread text encodes as Latin-1, one byte a character."""
    table = {}
    for b in range(0x80, 0xA0):
        try:
            table[ord(bytes([b]).decode("cp1252"))] = chr(b)
        except UnicodeDecodeError:
            continue
    table[0xFFFD] = "\xff"
    return table


def _encode_tracked(text: str, enc: str) -> tuple[bytes, list[int]] | None:
    if enc == "cp1252":  # one byte a character: C speed
        try:
            data = bytearray(text.translate(_cp1252_to_latin1()).encode("latin-1"))
        except UnicodeEncodeError:
            return None
        _fill_holes(data)
        return bytes(data), list(range(len(text)))
    data = bytearray()
    owner: list[int] = []
    for k, c in enumerate(text):
        try:
            bs = c.encode(enc)
        except UnicodeEncodeError:
            if c != "\ufffd":
                return None
            bs = b"\xff"  # a byte the misreading lost: never valid UTF-8, so its character is lost
        data += bs
        owner.extend([k] * len(bs))
    return bytes(data), owner


def _decode_utf8_columns(data: bytes, owner: list[int]) -> tuple[str, list[int], list[int]]:
    """:func:`_decode_tracked` for UTF-8 as (text, first owners, last owners), at C speed
    when the bytes are valid throughout: each character then starts at a byte that is not a
    continuation byte and ends where the next one starts."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        chars = _decode_tracked(data, owner, "utf-8")
        return "".join(c for c, _, _ in chars), [i for _, i, _ in chars], [j for _, _, j in chars]
    first = list(compress(range(len(data)), data.translate(_STARTS_CHAR)))
    last = [*map(operator.sub, first[1:], repeat(1)), len(data) - 1] if first else []
    return text, list(map(owner.__getitem__, first)), list(map(owner.__getitem__, last))


_STARTS_CHAR = bytes(0 if 0x80 <= b <= 0xBF else 1 for b in range(256))  # UTF-8: not a continuation byte


_BYTE_FF = re.compile(b"\xff")


def _fill_holes(data: bytearray) -> None:
    """Each 0xFF that stands for a byte Windows-1252 could not show: the undefined byte that
    completes the most frequent character of its UTF-8 sequence (else it stays invalid)."""
    from kg.text.charmodel import FLOOR, model

    logp = model().logp
    for i in [m.start() for m in _BYTE_FF.finditer(data)]:  # (found at C speed)
        lead = next((j for j in range(i - 1, max(-1, i - 4), -1) if data[j] >= 0xC0), None)
        if lead is None:
            continue
        size = 2 if data[lead] < 0xE0 else 3 if data[lead] < 0xF0 else 4
        best: tuple[float, int] | None = None
        for b in _CP1252_HOLES:
            data[i] = b
            try:
                c = bytes(data[lead:lead + size]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            score = logp.get(c, FLOOR)
            if best is None or score > best[0]:
                best = (score, b)
        data[i] = best[1] if best else 0xFF


def _latin1_count(text: str) -> int:
    """How many characters of ``text`` are in U+00C0-U+00FF (accented Latin letters), at C
    speed: encoding to Latin-1 drops every character beyond it, the translation every byte
    below 0xC0 (no string per letter, as a regex ``findall`` would make).

    >>> _latin1_count("å®œæ˜Œ 政协 xié")  # å æ é (œ ˜ Œ are beyond Latin-1, ® below U+00C0)
    3
    """
    return len(text.encode("latin-1", "ignore").translate(None, _NOT_LATIN1_LETTER))


def reread(buf: Mapped) -> tuple[Mapped, str]:
    """A text that is UTF-8 read with the wrong codec, as a whole (a page saved after a wrong
    guess), read back with its map: each character maps to the misread characters its bytes
    came from.  Returns the buffer and the codec it had been misread with ("" if none).

    Tried only when a sample looks like it (many rare Chinese characters, or many accented
    Latin letters), and kept only when the re-read text is plainly Chinese."""
    from kg.text.charmodel import han_count, plausibility

    text = buf.text
    sample = text[:MISREAD_SAMPLE]
    han = han_count(sample)
    if not ((han >= 20 and len(_rare_re().findall(sample)) >= 0.2 * han)
            or _latin1_count(sample) >= max(10, 0.1 * len(sample))):
        return buf, ""
    base: float | None = None
    for enc in _MISREADS:
        # a first look at the sample at C speed; the tracked reading of the whole text only if it reads
        trial = sample.encode(enc, errors="ignore").decode("utf-8", errors="replace")
        if trial.count("\ufffd") * 4 > len(trial) or plausibility(trial) < MIN_REREAD:
            continue
        base = plausibility(text) if base is None else base
        encoded = _encode_tracked(text, enc)
        if encoded is None:
            continue
        new, firsts, lasts = _decode_utf8_columns(*encoded)
        if new.count("\ufffd") * 4 <= len(new) and plausibility(new) >= max(MIN_REREAD, base + 0.3):
            starts = array(buf.starts.typecode, map(buf.starts.__getitem__, firsts))
            return Mapped(new, starts, array(buf.ends.typecode, map(buf.ends.__getitem__, lasts))), enc
    return buf, ""


def marks(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are lost characters: U+FFFD runs and ``?`` next to Chinese."""
    if "?" not in text and "\ufffd" not in text:
        return []
    return [m.span() for m in _QMARKS.finditer(text)]


def _in_word(text: str, p: int, bigrams: frozenset[str]) -> bool:
    """The rare character at ``p`` forms a dictionary bigram with a neighbour (汲取, 砥礪)."""
    return text[max(0, p - 1):p + 1] in bigrams or text[p:p + 2] in bigrams


@lru_cache(maxsize=4096)  # asked about the windows _recover gives up on, which recur as they do
def _run_is_garbage(run: str) -> bool:
    """A window nothing recovers is lost only if it really reads as noise (several rare
    characters with no known bigram): a rare name character alone is not noise."""
    from kg.text.charmodel import model

    m = model()
    han = [c for c in run if _is_han(c)]
    rare = sum(1 for c in han if c not in m.common)
    return len(han) >= 3 and rare >= 2 and _score(run) < -11.0


def _has_han(text: str) -> bool:
    return bool(_HAN_RE.search(text))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
