"""Recogniser for figures (first version: finds nothing; issue 4 implements it)."""

from __future__ import annotations

from kg.model import Doc, Mention


def recognise(doc: Doc) -> list[Mention]:
    return []
