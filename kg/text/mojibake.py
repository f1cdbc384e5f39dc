"""GBK/Big5 byte-shift mojibake: detection and recovery (first version: ``?`` runs only)."""

from __future__ import annotations

import re

from kg.text.buffer import Mapped

_QMARKS = re.compile(r"\ufffd+|(?<=[\u3400-\u9fff])\?+(?=[\u3400-\u9fff])|\?{2,}")


def repair(buf: Mapped) -> tuple[Mapped, list[tuple[int, int]], int]:
    """Return the buffer, the lost spans (as raw offsets) and the number of runs recovered."""
    lost = [buf.span(*m.span()) for m in _QMARKS.finditer(buf.text)]
    return buf, lost, 0
