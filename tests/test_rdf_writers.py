"""The generic RDF writers' fast paths against their term-at-a-time definitions, on random
awkward input: names rendered in bulk (kg.rdf._Names.many, _nt_iris, _JsonLdTerms.iris) and
JSON-LD laid out by columns (_jsonld_laid) against the node-at-a-time writer (_jsonld_nodes)."""

from __future__ import annotations

import random

import pytest

from kg import rdf
from kg.vocab import ID_NS, ONTOLOGY_NS, PROV

NAMESPACES = [ID_NS, ONTOLOGY_NS, str(PROV), "http://x.org/", "", "cppcc:", "id:", "_:"]
LOCALS = ["a", "b", "x/y", "é", "", "a b", "q:1", "/z", "#h", "?q", "c<d>", 'q"r', "s\\t", "u\nv", "\x7f/", "Post"]


def _iris(rng: random.Random, n: int, clean: bool) -> list[str]:
    """Sorted distinct IRIs; ``clean``: only local parts that need no escape anywhere."""
    locals_ = ["a", "b", "x/y", "é", "Post", "1x"] if clean else LOCALS
    return sorted({rng.choice(NAMESPACES) + rng.choice(locals_) + rng.choice(["", "2"]) for _ in range(n)})


@pytest.mark.parametrize("seed", range(200))
def test_names_in_bulk_are_the_names_one_by_one(seed):
    rng = random.Random(seed)
    iris = _iris(rng, rng.randint(0, 30), clean=seed % 2 == 0)
    names = rdf._Names()
    assert names.many(iris) == [rdf._Names()._name(t) for t in iris]
    assert rdf._nt_iris(iris) == [rdf._nt(t) for t in iris]
    j = rdf._JsonLdTerms(rdf.jsonld_context())
    assert j.iris(iris) == [j.iri(t) for t in iris]


def _quads(rng: random.Random, n: int) -> list[rdf.Quad]:
    subjects = _iris(rng, rng.randint(1, 10), clean=rng.random() < 0.7) or [ID_NS + "s"]
    preds = [rdf.RDF_TYPE, rdf.PREF, rdf.DERIVED, "http://x.org/p", *_iris(rng, 3, clean=True)]
    graphs = [rdf.DEFAULT_GRAPH, ID_NS + "article/a", ID_NS + "article/b"]

    def obj() -> rdf.Term:
        if rng.random() < 0.5:
            return rng.choice(subjects)
        lex = rng.choice(["1", "二", 'a"b', "x\ny", "{}"])
        return rdf.Lit(lex, lang="zh-Hans") if rng.random() < 0.5 else rdf.Lit(lex, dt=rng.choice(["", rdf.XSD_INT]))

    return [(rng.choice(graphs), rng.choice(subjects), rng.choice(preds), obj()) for _ in range(n)]


@pytest.mark.parametrize("seed", range(200))
def test_jsonld_laid_out_by_columns_is_the_node_at_a_time_text(seed, monkeypatch):
    rng = random.Random(seed)
    monkeypatch.setattr(rdf, "_ROWS_CHUNK", rng.choice([1, 3, 1 << 16]))
    ser = rdf.Serialisation(_quads(rng, rng.randint(0, 50)))
    terms = rdf._JsonLdRendered.of(ser.ranks)
    if terms.merges:  # two subjects or keys compact alike: the node-at-a-time writer writes them
        assert "".join(ser.body("jsonld")) == "".join(rdf.jsonld_body(rdf._jsonld_nodes(ser.ranks.triples, ser.ranks)))
        return
    cut = rng.randint(0, len(ser.ranks.s))
    for lo, hi in ((0, None), (0, cut), (cut, None)):
        rows = rdf._between(ser.ranks.triples, lo, hi)
        laid = "".join(rdf._jsonld_laid(rows, terms, ser.ranks).text())
        assert laid == "".join(rdf.jsonld_body(rdf._jsonld_nodes(rows, ser.ranks)))
