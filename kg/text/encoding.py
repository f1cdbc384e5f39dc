"""Bytes -> text: the encoding is detected from the bytes, never guessed from the file name.

Order: byte-order marks; UTF-16 without BOM (NUL bytes on one parity); strict UTF-8; then
the candidates charset-normalizer proposes plus GB18030 and Big5, each decoded strictly and
checked against the text (share of common Chinese characters, :func:`kg.text.charmodel.
plausibility`).  UTF-8 cut inside its last character (a truncated download) is decoded up to
the cut with a warning rather than refused: the article before the cut is still news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PRINTABLE_RUN = re.compile(r"[ -~\n\r\t]+")
MIN_PLAUSIBLE = 0.6  # below this share of common CJK characters a decoding is garbage


class DecodeError(ValueError):
    """The bytes are not text in any encoding we know; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


_BOM_FIRST = frozenset(bom[:1] for bom, _ in _BOMS)


def _bom(data: bytes) -> Decoded | None:
    if data[:1] not in _BOM_FIRST:  # (most files: one look instead of five)
        return None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc.replace("-sig", "")), enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"byte-order mark says {enc} but the bytes are not: {exc.reason}") from None
    return None


def _utf16_guess(data: bytes) -> Decoded | None:
    """UTF-16 without BOM: both byte orders decoded strictly, the plausible one kept (NUL
    bytes fall on either parity: ASCII has a zero high byte, 一 U+4E00 a zero low byte)."""
    if len(data) % 2:
        return None
    best: tuple[float, Decoded] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _score(text)
        if best is None or score > best[0]:
            best = (score, Decoded(text, enc))
    if best and best[0] >= MIN_PLAUSIBLE:
        return best[1]
    return None


def _score(text: str) -> float:
    """Plausibility of a decoding; text without CJK passes only if it is printable ASCII
    (accented Latin from a single-byte codec is how binary junk usually decodes)."""
    from kg.text.charmodel import plausibility

    p = plausibility(text)
    if p == 0.0:
        sample = text[:20000]
        printable = len(sample) - len(_PRINTABLE_RUN.sub("", sample))
        return printable / max(1, len(sample))
    return p


def _truncated_utf8(data: bytes, exc: UnicodeDecodeError) -> Decoded | None:
    if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
        text = data[:exc.start].decode("utf-8")
        return Decoded(text, "utf-8", (f"truncated UTF-8: the last {len(data) - exc.start} byte(s) cut mid-character "
                                       "were dropped",))
    return None


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes or raise :class:`DecodeError`.

    >>> decode("政协".encode("gb18030")).encoding
    'gb18030'
    >>> decode("政協委員會議在台北召開".encode("big5")).encoding
    'big5'
    """
    found = _bom(data)
    if found:
        return found
    if b"\x00" in data:
        found = _utf16_guess(data)
        if found:
            return found
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        found = _truncated_utf8(data, exc)
        if found:
            return found
    return _best_legacy(data)


def _candidates(data: bytes) -> list[str]:
    names = ["gb18030", "big5"]
    try:
        from charset_normalizer import from_bytes

        for match in list(from_bytes(data[:200_000]))[:4]:
            enc = match.encoding.replace("_", "-").lower()
            if enc in ("gbk", "gb2312", "hz", "gb18030", "cp936"):
                enc = "gb18030"
            elif enc in ("cp950", "big5hkscs", "big5"):
                enc = enc if enc != "big5" else "big5"
            if enc not in names:
                names.append(enc)
    except Exception:  # noqa: BLE001 - the detector is a hint; our own candidates still run
        pass
    return names


def _best_legacy(data: bytes) -> Decoded:
    best: tuple[float, int, Decoded] | None = None
    for rank, enc in enumerate(_candidates(data)):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _score(text)
        if best is None or (score, -rank) > (best[0], best[1]):
            best = (score, -rank, Decoded(text, enc))
    if best is not None and best[0] >= MIN_PLAUSIBLE:
        return best[2]
    # mostly UTF-8 with a few bad bytes: keep it, say so
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad and bad <= max(3, len(text) // 200) and _score(text) >= MIN_PLAUSIBLE:
        return Decoded(text, "utf-8", (f"{bad} undecodable byte sequence(s) replaced by U+FFFD",))
    raise DecodeError("undecodable: not UTF-8, UTF-16, GB18030 or Big5 text")
