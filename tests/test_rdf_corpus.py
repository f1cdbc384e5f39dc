"""A small hand-made corpus in the style of CPPCC news, shared by the RDF, export, query,
validation and endpoint tests (``from test_rdf_corpus import make_corpus``), and the tests of
the RDF model itself."""

from __future__ import annotations

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SKOS

from kg import rdf
from kg.model import (
    BRAND,
    CLAIMS,
    COMMITTEE,
    FIGURE,
    HOLDS_POST,
    MEMBER_OF,
    PART_OF,
    PERSON,
    PROGRAMME,
    REGION,
    REGION_OF,
    RUNS,
    SUB_ORGANIZATION_OF,
    Article,
    Corpus,
    Doc,
    Entity,
    Evidence,
    Fact,
)
from kg.resolve import iri_for
from kg.vocab import CPPCC, ORG, PROV

TEXT_A = "宜昌市政协深入实施“峡江议事厅”协商品牌。市政协主席王明远出席。全年开展协商活动36场。"
TEXT_B = "湖北省政協推進“荊楚同心 委員行動”。"


def _ev(doc: Doc, needle: str, sentence: str) -> Evidence:
    start = doc.text.index(needle)
    end = start + len(needle)
    return Evidence(doc.article.doc_id, doc.article.path, sentence, start, end, start + 3, end + 3,
                    doc.article.raw[start + 3:end + 3])


def _entity(key: str, cls: str, label: str, **attrs) -> Entity:
    return Entity(key=key, cls=cls, label=label, iri=iri_for(key), attrs=dict(attrs))


def make_corpus() -> Corpus:
    """Two articles: a city committee that runs a brand, its chair, a figure; a province
    committee (Traditional source) that runs a programme; 全国政协 as the inferred root."""
    a = Article("news/a.txt", "a_0001", "<p>" + TEXT_A, "0" * 64, "utf-8", title="宜昌市政协协商", date="2024-03-01")
    b = Article("news/b.txt", "b_0002", "<p>湖北省政協推進“荊楚同心 委員行動”。", "1" * 64, "big5")
    da = Doc(a, TEXT_A)
    db = Doc(b, "湖北省政协推进“荆楚同心 委员行动”。")
    s1, s2, s3 = TEXT_A.split("。")[:3]
    s1, s2, s3 = s1 + "。", s2 + "。", s3 + "。"
    ents = {
        "committee:CN": _entity("committee:CN", COMMITTEE, "全国政协", level=0, inferred=True),
        "committee:420000": _entity("committee:420000", COMMITTEE, "湖北省政协", level=1),
        "committee:420500": _entity("committee:420500", COMMITTEE, "宜昌市政协", level=2),
        "region:420000": _entity("region:420000", REGION, "湖北省", code="420000", level=1, lat=30.59, lon=114.3),
        "region:420500": _entity("region:420500", REGION, "宜昌市", code="420500", level=2),
        "initiative:峡江议事厅": _entity("initiative:峡江议事厅", BRAND, "峡江议事厅"),
        "initiative:荆楚同心委员行动": _entity("initiative:荆楚同心委员行动", PROGRAMME, "荆楚同心 委员行动"),
        "person:王明远": _entity("person:王明远", PERSON, "王明远"),
        "figure:a_0001:36": _entity("figure:a_0001:36", FIGURE, "36场", value=36, unit="场", counted="协商活动",
                                    text="全年开展协商活动36场", approx=False),
    }
    e = ents
    e["committee:420500"].evidence.append(_ev(da, "宜昌市政协", s1))
    e["committee:420500"].evidence.append(_ev(da, "市政协", s2))
    e["committee:420500"].alt_labels.add(("市政协", "zh-Hans"))
    e["committee:420000"].evidence.append(_ev(db, "湖北省政协", db.text))
    e["committee:420000"].alt_labels.add(("湖北省政協", "zh-Hant"))
    e["region:420500"].evidence.append(_ev(da, "宜昌市", s1))
    e["region:420000"].evidence.append(_ev(db, "湖北省", db.text))
    e["initiative:峡江议事厅"].evidence.append(_ev(da, "峡江议事厅", s1))
    e["initiative:荆楚同心委员行动"].evidence.append(_ev(db, "荆楚同心 委员行动", db.text))
    e["initiative:荆楚同心委员行动"].alt_labels.add(("荊楚同心 委員行動", "zh-Hant"))
    e["person:王明远"].evidence.append(_ev(da, "王明远", s2))
    e["figure:a_0001:36"].evidence.append(_ev(da, "36场", s3))
    sent = lambda doc, s: Evidence(doc.article.doc_id, doc.article.path, s, doc.text.index(s),  # noqa: E731
                                   doc.text.index(s) + len(s), doc.text.index(s) + 3, doc.text.index(s) + 3 + len(s))
    facts = [
        Fact(RUNS, "committee:420500", "initiative:峡江议事厅", evidence=[sent(da, s1)]),
        Fact(RUNS, "committee:420000", "initiative:荆楚同心委员行动", evidence=[sent(db, db.text)]),
        Fact(MEMBER_OF, "person:王明远", "committee:420500", evidence=[sent(da, s2)]),
        Fact(HOLDS_POST, "person:王明远", "committee:420500", attrs={"role": "主席", "kind": "cppcc"},
             evidence=[sent(da, s2)]),
        Fact(CLAIMS, "committee:420500", "figure:a_0001:36", evidence=[sent(da, s3)]),
        Fact(REGION_OF, "committee:420500", "region:420500", evidence=list(e["committee:420500"].evidence)),
        Fact(REGION_OF, "committee:420000", "region:420000", evidence=list(e["committee:420000"].evidence)),
        Fact(SUB_ORGANIZATION_OF, "committee:420500", "committee:420000", attrs={"derived": "region tree"}),
        Fact(SUB_ORGANIZATION_OF, "committee:420000", "committee:CN", attrs={"derived": "region tree"}),
        Fact(PART_OF, "region:420500", "region:420000", attrs={"derived": "region tree"}),
    ]
    facts.sort(key=lambda f: (f.predicate, f.subject, f.object))
    return Corpus(docs=[da, db], entities=dict(sorted(ents.items())), facts=facts)


# ------------------------------------------------------------------------------------------
# tests of the RDF model


def test_contract_types_labels_and_relations():
    g = rdf.to_rdf(make_corpus())
    city = URIRef(iri_for("committee:420500"))
    brand = URIRef(iri_for("initiative:峡江议事厅"))
    assert (city, RDF.type, CPPCC.CPPCCCommittee) in g
    assert (brand, RDF.type, CPPCC.Brand) in g and (brand, RDF.type, CPPCC.Initiative) in g
    assert list(g.objects(city, SKOS.prefLabel)) == [Literal("宜昌市政协", lang="zh-Hans")]
    assert (city, CPPCC.runs, brand) in g
    assert (city, CPPCC.region, URIRef(iri_for("region:420500"))) in g
    assert (city, ORG.subOrganizationOf, URIRef(iri_for("committee:420000"))) in g
    assert (URIRef(iri_for("person:王明远")), ORG.memberOf, city) in g
    prov = URIRef(iri_for("committee:420000"))
    assert Literal("湖北省政協", lang="zh-Hant") in set(g.objects(prov, SKOS.altLabel))


def test_every_entity_has_exactly_one_zh_hans_preflabel_and_no_other_node_is_a_contract_entity():
    g = rdf.to_rdf(make_corpus())
    contract = [CPPCC.CPPCCCommittee, CPPCC.AdministrativeRegion, CPPCC.Brand, CPPCC.Programme, CPPCC.Person]
    typed = {s for c in contract for s in g.subjects(RDF.type, c)}
    assert len(typed) == 8
    for s in typed:
        labels = list(g.objects(s, SKOS.prefLabel))
        assert len(labels) == 1 and labels[0].language == "zh-Hans"


def test_fact_evidence_answers_where_does_this_come_from():
    g = rdf.to_rdf(make_corpus())
    q = """
    PREFIX cppcc: <https://w3id.org/cppcc-kg/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?sentence ?path ?rs ?re WHERE {
      ?a rdf:subject ?c ; rdf:predicate cppcc:runs ; rdf:object ?b ; prov:wasDerivedFrom ?ev .
      ?b skos:prefLabel "峡江议事厅"@zh-Hans .
      ?ev cppcc:sentence ?sentence ; oa:hasSource ?art ; oa:hasSelector ?sel .
      ?sel a cppcc:RawTextPositionSelector ; oa:start ?rs ; oa:end ?re .
      ?art cppcc:path ?path .
    }"""
    rows = list(g.query(q))
    assert len(rows) == 1
    sentence, path, rs, re_ = rows[0]
    assert str(sentence).startswith("宜昌市政协深入实施") and str(path) == "news/a.txt"
    assert (rs.toPython(), re_.toPython()) == (3, 3 + len(str(sentence)))


def test_derived_facts_cite_the_subject_mentions():
    g = rdf.to_rdf(make_corpus())
    city = URIRef(iri_for("committee:420500"))
    a = URIRef(rdf.assertion_iri(str(ORG.subOrganizationOf), str(city), iri_for("committee:420000")))
    assert g.value(a, CPPCC.derivation) == Literal("region tree")
    assert len(list(g.objects(a, PROV.wasDerivedFrom))) == 2


def test_membership_with_post_and_figure_quantity():
    g = rdf.to_rdf(make_corpus())
    person = URIRef(iri_for("person:王明远"))
    m = g.value(predicate=ORG.member, object=person)
    role = g.value(m, ORG.role)
    assert g.value(role, SKOS.prefLabel) == Literal("主席", lang="zh-Hans")
    assert (role, RDF.type, CPPCC.Post) in g
    fig = URIRef(iri_for("figure:a_0001:36"))
    assert (URIRef(iri_for("committee:420500")), CPPCC.claims, fig) in g
    assert g.value(fig, URIRef("https://schema.org/value")).toPython() == 36


def test_no_blank_nodes():
    g = rdf.to_rdf(make_corpus())
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for tr in g for t in tr)


def test_literal_escaping_survives_a_round_trip():
    c = make_corpus()
    c.entities["person:王明远"].alt_labels.add(('王"明\\远\n\t\x01', "zh-Hans"))
    data = rdf.corpus_turtle(c)
    from rdflib import Graph
    from rdflib.compare import isomorphic

    g = Graph().parse(data=data, format="turtle")
    assert isomorphic(g, rdf.to_rdf(c))
