"""The relate stage: Doc -> Doc with relations found from sentence structure.

Each relation finder is a pure function ``(doc) -> list[Relation]`` reading ``doc.mentions``.
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import Doc


def relate(doc: Doc) -> Doc:
    from kg import relate_people, relate_runs

    found = []
    for finder in (relate_runs.relate, relate_people.relate):
        found.extend(finder(doc))
    # (a lambda: on 3.11 it reads a frozen dataclass's attributes faster than operator.attrgetter)
    found.sort(key=lambda r: (r.start, r.predicate, r.subject, r.object))
    return replace(doc, relations=doc.relations + tuple(found))
