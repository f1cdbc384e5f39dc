"""The ontology documents every term the export uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from test_rdf_corpus import make_corpus

from kg import rdf
from kg.vocab import CPPCC, ONTOLOGY_NS

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
DECLARING = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY / "cppcc.ttl", format="turtle")


def _declared(onto: Graph) -> set[URIRef]:
    return {s for s, _, o in onto.triples((None, RDF.type, None)) if o in DECLARING}


def _used(g: Graph) -> set[URIRef]:
    preds = {p for p in g.predicates() if p != RDF.type}
    classes = set(g.objects(None, RDF.type))
    return preds | classes


def test_ontology_header(onto):
    o = URIRef("https://w3id.org/cppcc-kg/ontology")
    assert (o, RDF.type, OWL.Ontology) in onto
    assert onto.value(o, OWL.versionIRI) is not None


def test_every_vocab_term_is_declared_with_labels_and_comment(onto):
    declared = _declared(onto)
    for name in CPPCC.__annotations__:
        term = URIRef(ONTOLOGY_NS + name)
        assert term in declared, name
        langs = {lbl.language for lbl in onto.objects(term, RDFS.label) if isinstance(lbl, Literal)}
        assert {"zh-Hans", "en"} <= langs, name
        assert onto.value(term, RDFS.comment) is not None, name


def test_every_term_of_an_export_is_declared(onto):
    used = _used(rdf.to_rdf(make_corpus()))
    assert not sorted(used - _declared(onto))


def test_every_term_of_the_seeds_export_is_declared(onto, seeds_export):
    graph, _ = seeds_export
    assert not sorted(_used(graph.rdf) - _declared(onto))


def test_shapes_parse_and_target_the_ontology(onto):
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert targets and targets <= _declared(onto)
