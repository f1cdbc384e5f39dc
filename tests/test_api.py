"""The library as users embed it: ``kg.build`` and ``kg.load`` give the same graph, and the
networkx view is a faithful picture of the RDF."""

from __future__ import annotations

from collections import Counter

from rdflib import RDF, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

import kg

CPPCC = "https://w3id.org/cppcc-kg/ontology#"
CONTRACT = {"AdministrativeRegion", "CPPCCCommittee", "Brand", "Programme", "Person"}


def test_loaded_export_is_the_built_graph(seeds_export):
    built, out = seeds_export
    loaded = kg.load(out / "graph.ttl")
    assert isomorphic(built.rdf, loaded.rdf)
    assert loaded.entities() == built.entities()
    assert loaded.corpus is None and built.corpus is not None


def test_every_contract_class_is_present(seeds_export):
    built, _ = seeds_export
    classes = Counter(cls for _, cls in built.entities().values())
    assert CONTRACT <= set(classes), f"missing classes: {CONTRACT - set(classes)}"


def test_every_entity_has_exactly_one_simplified_label(seeds_export):
    g = seeds_export[0].rdf
    for iri in seeds_export[0].entities():
        labels = [o for o in g.objects(URIRef(iri), SKOS.prefLabel) if isinstance(o, Literal)]
        assert [lab.language for lab in labels] == ["zh-Hans"], (iri, labels)


def test_networkx_has_a_node_per_entity_and_an_edge_per_relation(seeds_export):
    built, _ = seeds_export
    ents = built.entities()
    nxg = built.to_networkx()
    assert set(nxg.nodes) == set(ents)
    for iri, (label, cls) in ents.items():
        assert nxg.nodes[iri] == {"iri": iri, "label": label, "type": cls}
    # every triple linking two entities is one edge, and nothing else is
    expected = Counter((str(s), str(o), str(p)) for s, p, o in built.rdf
                       if str(s) in ents and str(o) in ents and p != RDF.type)
    got = Counter((u, v, d["iri"]) for u, v, d in nxg.edges(data=True))
    assert got == expected
    preds = {d["predicate"] for *_, d in nxg.edges(data=True)}
    assert {"region", "subOrganizationOf", "runs", "memberOf"} <= preds


def test_committee_tree_is_a_tree_rooted_at_the_national_committee(seeds_export):
    built, _ = seeds_export
    nxg = built.to_networkx()
    committees = [n for n, d in nxg.nodes(data=True) if d["type"] == "CPPCCCommittee"]
    roots = []
    for c in committees:
        parents = [v for _, v, d in nxg.out_edges(c, data=True) if d["predicate"] == "subOrganizationOf"]
        assert len(parents) <= 1, (nxg.nodes[c]["label"], parents)
        if not parents:
            roots.append(nxg.nodes[c]["label"])
    assert roots == ["全国政协"]


def test_runs_goes_from_a_committee_to_an_initiative(seeds_export):
    g = seeds_export[0].rdf
    runs = list(g.subject_objects(URIRef(CPPCC + "runs")))
    assert runs
    for s, o in runs:
        assert (s, RDF.type, URIRef(CPPCC + "CPPCCCommittee")) in g
        assert {URIRef(CPPCC + "Brand"), URIRef(CPPCC + "Programme")} & set(g.objects(o, RDF.type))


def test_load_string_reads_other_formats(seeds_export):
    _, out = seeds_export
    nt = (out / "graph.nt").read_text("utf-8")
    assert isomorphic(kg.load_string(nt, format="nt").rdf, kg.load(out / "graph.ttl").rdf)
