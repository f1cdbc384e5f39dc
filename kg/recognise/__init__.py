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
from functools import lru_cache
from types import ModuleType

from kg.model import PERSON, REGION, Doc, Mention, doc_with_mentions

Recogniser = Callable[[Doc], list[Mention]]


def _recognisers() -> list[tuple[str, Recogniser]]:
    # each module's ``recognise`` looked up at call time, so that a wrapper put in its place
    # (kg.pipeline.instrument, a test's monkeypatch) is the one called
    return [(name, module.recognise) for name, module in _modules()]


@lru_cache(maxsize=1)
def _modules() -> tuple[tuple[str, ModuleType], ...]:
    # imported lazily so that a worker process pays for the gazetteer once, on first use (and
    # once per process: an import statement per article costs more than the list it makes)
    from kg.recognise import committees, documents, figures, initiatives, meetings, organs, people, regions

    return (("regions", regions), ("committees", committees), ("initiatives", initiatives), ("people", people),
            ("organs", organs), ("meetings", meetings), ("documents", documents), ("figures", figures))


def _name_spans(text: str, marked: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every span of ``text`` where an accepted person's name is written, sorted: the spans of
    the person mentions (``marked``) themselves and any other occurrence of their surface forms
    (a later bare occurrence that the people recogniser left alone is still the same name)."""
    spans = set(marked)
    for name in {text[a:b] for a, b in marked}:  # (in any order: the spans are sorted at the end)
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
    marked = {(m.start, m.end) for m in mentions if m.cls == PERSON}
    if not marked or not any(m.cls == REGION for m in mentions):
        return mentions
    spans = _name_spans(text, marked)

    def inside(r: Mention) -> bool:
        start, end = r.start, r.end
        for a, b in spans:
            if a > start:
                return False  # the spans are sorted: no later one starts at or before the region
            if end <= b and ((a, b) in marked or b - a > end - start):
                return True
        return False
    return tuple(m for m in mentions if m.cls != REGION or not inside(m))


def recognise(doc: Doc) -> Doc:
    for _name, func in _recognisers():
        found = func(doc)
        if found:
            doc = doc_with_mentions(doc, doc.mentions + tuple(found))
    mentions = drop_regions_in_names(doc.text, doc.mentions)
    # (a lambda: on 3.11 it reads a dataclass's attributes faster than operator.attrgetter)
    return doc_with_mentions(doc, tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.cls))))
