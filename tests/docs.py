"""Documents for the recognisers' unit tests: a text as the stages after normalisation see it."""

from __future__ import annotations

from collections.abc import Mapping

from kg.model import COMMITTEE, Article, Doc, Mention, Zone
from kg.segment import segment


def make_doc(text: str, zones: tuple[Zone, ...] = (), title: str = "") -> Doc:
    """``text`` as a normalised, segmented document: each character from the raw character at
    the same offset, ``zones`` and ``title`` as given."""
    art = Article("t.txt", "t", text, "h", "utf-8", title=title)
    return segment(Doc(art, text, tuple(range(len(text))), tuple(range(1, len(text) + 1)), zones=zones))


def committee_mentions(text: str, committees: Mapping[str, tuple[str, str]],
                       with_code: bool = False) -> tuple[Mention, ...]:
    """Committee mentions at every occurrence in ``text`` of the given surfaces (surface -> (key,
    label)), the longest surfaces first and none overlapping another, in text order: a stand-in
    for the committee recogniser.  ``with_code``: each with ``attrs["code"]`` as it gives them.

    >>> found = committee_mentions("市政协和宜昌市政协", {"市政协": ("k1", "A"), "宜昌市政协": ("k2", "B")})
    >>> [(m.surface, m.start) for m in found]
    [('市政协', 0), ('宜昌市政协', 4)]
    """
    taken: set[int] = set()
    mentions = []
    for surface in sorted(committees, key=len, reverse=True):
        key, label = committees[surface]
        i = text.find(surface)
        while i >= 0:
            span = range(i, i + len(surface))
            if taken.isdisjoint(span):
                attrs = {"code": key.partition(":")[2]} if with_code else {}
                mentions.append(Mention(COMMITTEE, key, label, i, i + len(surface), surface, attrs))
                taken.update(span)
            i = text.find(surface, i + 1)
    return tuple(sorted(mentions, key=lambda m: m.start))
