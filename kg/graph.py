"""The library's main object: a built or loaded knowledge graph."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

if TYPE_CHECKING:
    import networkx as nx

    from kg.model import Corpus

CPPCC_NS = "https://w3id.org/cppcc-kg/ontology#"


class KnowledgeGraph:
    """An RDF graph of CPPCC committees, regions, initiatives and people.

    ``rdf`` is the :class:`rdflib.Graph`; ``corpus`` holds the pipeline's objects when the
    graph was built in this process (``None`` after :func:`kg.load`).

    >>> import kg
    >>> g = kg.load_string('''
    ... @prefix cppcc: <https://w3id.org/cppcc-kg/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <urn:c> a cppcc:CPPCCCommittee ; skos:prefLabel "宜昌市政协"@zh-Hans ;
    ...     cppcc:runs <urn:b> .
    ... <urn:b> a cppcc:Programme ; skos:prefLabel "清江护航 委员行动"@zh-Hans .
    ... ''')
    >>> nxg = g.to_networkx()
    >>> nxg.nodes["urn:c"]["label"], nxg.nodes["urn:c"]["type"]
    ('宜昌市政协', 'CPPCCCommittee')
    >>> [d["predicate"] for _, _, d in nxg.edges(data=True)]
    ['runs']
    """

    def __init__(self, rdf: Graph, corpus: Corpus | None = None):
        self.rdf = rdf
        self.corpus = corpus

    def __len__(self) -> int:
        return len(self.rdf)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {len(self.entities())} entities, {len(self.rdf)} triples>"

    def entities(self) -> dict[str, tuple[str, str]]:
        """IRI -> (label, class local name) for every entity typed with a cppcc: class
        and carrying a skos:prefLabel."""
        out: dict[str, tuple[str, str]] = {}
        for s, _, cls in self.rdf.triples((None, RDF.type, None)):
            if not isinstance(s, URIRef) or not str(cls).startswith(CPPCC_NS):
                continue
            label = self.rdf.value(s, SKOS.prefLabel)
            if label is None:
                continue
            local = str(cls)[len(CPPCC_NS):]
            prev = out.get(str(s))
            # keep the most specific class: Brand/Programme over Initiative
            if prev is None or prev[1] == "Initiative":
                out[str(s)] = (str(label), local)
        return dict(sorted(out.items()))

    def to_networkx(self) -> nx.MultiDiGraph:
        """One node per entity (attributes ``iri``, ``label``, ``type``) and one edge per
        relation between two entities (attribute ``predicate``: the local name)."""
        import networkx as nx

        g = nx.MultiDiGraph()
        ents = self.entities()
        for iri, (label, cls) in ents.items():
            g.add_node(iri, iri=iri, label=label, type=cls)
        for s, p, o in sorted(self.rdf):
            if str(s) in ents and str(o) in ents and p != RDF.type:
                local = str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
                g.add_edge(str(s), str(o), key=local, predicate=local, iri=str(p))
        return g

    def query(self, sparql: str):
        """Run a SPARQL query over the graph with rdflib (see :mod:`kg.query` for more)."""
        return self.rdf.query(sparql)


def load(path: str | Path) -> KnowledgeGraph:
    """Load an exported graph (any RDF format rdflib can guess from the file name)."""
    g = Graph()
    g.parse(str(path))
    return KnowledgeGraph(g)


def load_string(data: str, format: str = "turtle") -> KnowledgeGraph:
    g = Graph()
    g.parse(data=data, format=format)
    return KnowledgeGraph(g)
