"""Corpus -> rdflib Graph, and the deterministic serialisers.

First version: types, labels and the direct relation triples.  Issue 5 adds evidence,
posts, figures and the other export formats.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kg.model import MEMBER_OF, PART_OF, REGION_OF, RUNS, SUB_ORGANIZATION_OF, Corpus
from kg.vocab import CPPCC, ORG, PROV, SCHEMA

PREDICATES = {
    RUNS: CPPCC.runs,
    MEMBER_OF: ORG.memberOf,
    REGION_OF: CPPCC.region,
    SUB_ORGANIZATION_OF: ORG.subOrganizationOf,
    PART_OF: CPPCC.partOf,
}


def new_graph() -> Graph:
    g = Graph()
    g.bind("cppcc", CPPCC._NS)
    g.bind("org", ORG)
    g.bind("skos", SKOS)
    g.bind("prov", PROV)
    g.bind("schema", SCHEMA)
    g.bind("id", "https://w3id.org/cppcc-kg/id/")
    return g


def to_rdf(corpus: Corpus) -> Graph:
    g = new_graph()
    iris = {key: URIRef(e.iri) for key, e in corpus.entities.items()}
    for e in corpus.entities.values():
        s = iris[e.key]
        g.add((s, RDF.type, CPPCC[e.cls]))
        g.add((s, SKOS.prefLabel, Literal(e.label, lang="zh-Hans")))
        for label, lang in sorted(e.alt_labels):
            g.add((s, SKOS.altLabel, Literal(label, lang=lang)))
        if "code" in e.attrs:
            g.add((s, CPPCC.divisionCode, Literal(str(e.attrs["code"]))))
        if "level" in e.attrs:
            g.add((s, CPPCC.level, Literal(int(e.attrs["level"]), datatype=XSD.integer)))
    for f in corpus.facts:
        p = PREDICATES.get(f.predicate)
        if p is not None:
            g.add((iris[f.subject], p, iris[f.object]))
    return g


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so that a reader
    (or a build killed half-way) never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(tmp, 0o644 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def turtle_bytes(g: Graph) -> bytes:
    return g.serialize(format="turtle").encode("utf-8")
