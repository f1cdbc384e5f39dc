"""The relate stage: Doc -> Doc with relations found from sentence structure.

Each relation finder is a pure function ``(doc) -> list[Relation]`` reading ``doc.mentions``.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from kg.model import Doc


def relate(doc: Doc) -> Doc:
    from kg import relate_people, relate_runs

    found = []
    for finder in (relate_runs.relate, relate_people.relate):
        found.extend(finder(doc))
    found.sort(key=_ORDER)
    return replace(doc, relations=doc.relations + tuple(found))


# the relations' order: the same tuples as a lambda's, built in C
_ORDER = attrgetter("start", "predicate", "subject", "object")
