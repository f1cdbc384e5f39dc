"""The relate stage: Doc -> Doc with relations (runs, memberOf, ...) from sentence structure.

First version: finds nothing; issue 4 implements it.
"""

from __future__ import annotations

from kg.model import Doc


def relate(doc: Doc) -> Doc:
    return doc
