"""cppcc-kg: a knowledge graph of CPPCC (政协) committees from Chinese news.

>>> import kg
>>> graph = kg.build(["seeds"])                                   # doctest: +SKIP
>>> graph.to_networkx().number_of_nodes() > 0                      # doctest: +SKIP
True
"""

from __future__ import annotations

from typing import Any

__all__ = ["build", "load", "load_string", "KnowledgeGraph"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """The public API, imported on first use (PEP 562): ``import kg`` stays light, so that the
    command line is up - and handles Ctrl-C - before rdflib, jieba and the gazetteer load."""
    if name == "build":
        from kg.workflow import build

        return build
    if name in ("KnowledgeGraph", "load", "load_string"):
        from kg import graph

        return getattr(graph, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
