"""Relation finder (first version finds nothing; issue 4 implements it)."""

from __future__ import annotations

from kg.model import Doc, Relation


def relate(doc: Doc) -> list[Relation]:
    return []
