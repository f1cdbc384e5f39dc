"""The recognise stage: Doc -> Doc with mentions.

Each recogniser is a pure function ``(doc) -> list[Mention]`` that may read the mentions
found by the recognisers before it (committees need regions; people need committees).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kg.model import Doc, Mention

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


def recognise(doc: Doc) -> Doc:
    for _name, func in _recognisers():
        found = func(doc)
        if found:
            doc = replace(doc, mentions=doc.mentions + tuple(found))
    return replace(doc, mentions=tuple(sorted(doc.mentions, key=lambda m: (m.start, m.end, m.cls))))
