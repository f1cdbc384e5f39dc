"""cppcc-kg: a knowledge graph of CPPCC (政协) committees from Chinese news.

>>> import kg
>>> graph = kg.build(["seeds"])                                   # doctest: +SKIP
>>> graph.to_networkx().number_of_nodes() > 0                      # doctest: +SKIP
True
"""

from kg.build import build
from kg.graph import KnowledgeGraph, load, load_string

__all__ = ["build", "load", "load_string", "KnowledgeGraph"]
__version__ = "0.1.0"
