"""Documents for the recognisers' unit tests: a text as the stages after normalisation see it."""

from __future__ import annotations

from kg.model import Article, Doc, Zone
from kg.segment import segment


def make_doc(text: str, zones: tuple[Zone, ...] = (), title: str = "") -> Doc:
    """``text`` as a normalised, segmented document: each character from the raw character at
    the same offset, ``zones`` and ``title`` as given."""
    art = Article("t.txt", "t", text, "h", "utf-8", title=title)
    return segment(Doc(art, text, tuple(range(len(text))), tuple(range(1, len(text) + 1)), zones=zones))
