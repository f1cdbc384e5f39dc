"""The recognise stage: Doc -> Doc with mentions.

Each recogniser is a pure function ``(doc) -> list[Mention]`` that may read the mentions
found by the recognisers before it (committees need regions; people need committees).

After them, one clean-up crosses recognisers: a region mention that lies inside an occurrence
of an accepted person's name is part of that name, not a region (``省政协副主席白山峰主持。
白山峰强调…``: the second 白山峰 has no title before it, so the region recogniser alone cannot
tell it from the city 白山).  Regions come first because committees and people need them, so
this is done once the people are known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kg.model import PERSON, REGION, Doc, Mention

Recogniser = Callable[[Doc], list[Mention]]


def _recognisers() -> list[tuple[str, Recogniser]]:
    # imported lazily so that a worker process pays for the gazetteer once, on first use
    from kg.recognise import committees, documents, figures, initiatives, meetings, organs, people, regions

    return [
        ("regions", regions.recognise),
        ("committees", committees.recognise),
        ("initiatives", initiatives.recognise),
        ("people", people.recognise),
        ("organs", organs.recognise),
        ("meetings", meetings.recognise),
        ("documents", documents.recognise),
        ("figures", figures.recognise),
    ]


def person_spans(text: str, mentions: tuple[Mention, ...]) -> list[tuple[int, int]]:
    """Every span of ``text`` where an accepted person's name is written: the person mentions
    themselves and any other occurrence of their surface forms (a later bare occurrence that
    the people recogniser left alone is still the same name)."""
    spans = {(m.start, m.end) for m in mentions if m.cls == PERSON}
    for name in sorted({text[m.start:m.end] for m in mentions if m.cls == PERSON}):
        if len(name) < 2:
            continue
        i = text.find(name)
        while i >= 0:
            spans.add((i, i + len(name)))
            i = text.find(name, i + 1)
    return sorted(spans)


def drop_regions_in_names(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """``mentions`` without the regions that lie inside a person's name.  A region is dropped
    when it lies inside a person mention, or strictly inside (shorter than) another occurrence of
    a person's name: an occurrence exactly as long as the region (a two-character name that is
    also a short form) is only a person where the people recogniser said so."""
    if not any(m.cls == PERSON for m in mentions) or not any(m.cls == REGION for m in mentions):
        return mentions
    marked = {(m.start, m.end) for m in mentions if m.cls == PERSON}
    spans = person_spans(text, mentions)

    def inside(r: Mention) -> bool:
        return any(a <= r.start and r.end <= b and ((a, b) in marked or b - a > r.end - r.start) for a, b in spans)
    return tuple(m for m in mentions if m.cls != REGION or not inside(m))


def recognise(doc: Doc) -> Doc:
    for _name, func in _recognisers():
        found = func(doc)
        if found:
            doc = replace(doc, mentions=doc.mentions + tuple(found))
    mentions = drop_regions_in_names(doc.text, doc.mentions)
    return replace(doc, mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.cls))))
