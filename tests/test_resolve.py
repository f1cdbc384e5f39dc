"""Corpus-wide resolution: merging, structural facts from the region tree, determinism."""

from __future__ import annotations

import dataclasses

import pytest

from kg import gazetteer, resolve
from kg.model import (
    COMMITTEE,
    PROGRAMME,
    REGION,
    RUNS,
    Article,
    Doc,
    Mention,
    Relation,
    Sentence,
)

TREE = [
    gazetteer.Division("420000", "湖北省", 1, None, short=("湖北",)),
    gazetteer.Division("420500", "宜昌市", 2, "420000", short=("宜昌",)),
    gazetteer.Division("420528", "长阳土家族自治县", 3, "420500", short=("长阳",)),
    gazetteer.Division("430000", "湖南省", 1, None, short=("湖南",)),
]


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch):
    g = gazetteer.Gazetteer(TREE)
    monkeypatch.setattr(gazetteer, "default", lambda: g)


def make_doc(name: str, text: str, mentions: list[tuple[str, str, str, str]], relations=()) -> Doc:
    """A Doc whose raw text equals its text; mentions given as (cls, key, label, surface)."""
    article = Article(path=f"{name}.txt", doc_id=name, raw=text, content_hash=name, encoding="utf-8")
    ms = []
    for cls, key, label, surface in mentions:
        start = text.index(surface)
        ms.append(Mention(cls, key, label, start, start + len(surface), surface))
    n = len(text)
    return Doc(article=article, text=text, raw_starts=tuple(range(n)), raw_ends=tuple(range(1, n + 1)),
               sentences=(Sentence(0, n, 0),), mentions=tuple(ms), relations=tuple(relations))


def corpus_of_two():
    t1 = "长阳县政协打造“委员说事”协商平台。"
    d1 = make_doc("a", t1, [
        (COMMITTEE, "committee:420528", "长阳土家族自治县政协", "长阳县政协"),
        (PROGRAMME, "initiative:委员说事", "委员说事", "委员说事"),
    ], [Relation(RUNS, "committee:420528", "initiative:委员说事", 0, len(t1))])
    t2 = "湖北省政协调研长阳“委员说事”。"
    d2 = make_doc("b", t2, [
        (COMMITTEE, "committee:420000", "湖北省政协", "湖北省政协"),
        (REGION, "region:420528", "长阳土家族自治县", "长阳"),
        (PROGRAMME, "initiative:委员说事", "委员说事", "委员说事"),
    ])
    return [d1, d2]


def test_one_entity_per_key_across_articles():
    corpus = resolve.resolve(corpus_of_two())
    prog = corpus.entities["initiative:委员说事"]
    assert {ev.doc_id for ev in prog.evidence} == {"a", "b"}
    assert [e.key for e in corpus.entities.values()].count("initiative:委员说事") == 1
    assert any(m["key"] == "initiative:委员说事" for m in corpus.merge_log)


def test_committee_links_to_nearest_attested_ancestor_and_its_region():
    corpus = resolve.resolve(corpus_of_two())
    facts = {(f.predicate, f.subject, f.object) for f in corpus.facts}
    # 宜昌市政协 is never named: the county committee hangs under the province committee
    assert ("subOrganizationOf", "committee:420528", "committee:420000") in facts
    assert ("subOrganizationOf", "committee:420000", "committee:CN") in facts
    assert ("region", "committee:420528", "region:420528") in facts
    assert "committee:420500" not in corpus.entities
    assert corpus.entities["committee:CN"].label == "全国政协"
    # every committee below the national one has exactly one region and one parent
    for e in corpus.entities.values():
        if e.cls == COMMITTEE and e.key != "committee:CN":
            assert sum(1 for f in corpus.facts if f.subject == e.key and f.predicate == "region") == 1
            assert sum(1 for f in corpus.facts if f.subject == e.key and f.predicate == "subOrganizationOf") == 1


def test_result_does_not_depend_on_article_order():
    a = resolve.resolve(corpus_of_two())
    b = resolve.resolve(list(reversed(corpus_of_two())))
    assert list(a.entities) == list(b.entities)
    assert [(f.predicate, f.subject, f.object, [ev.doc_id for ev in f.evidence]) for f in a.facts] == \
        [(f.predicate, f.subject, f.object, [ev.doc_id for ev in f.evidence]) for f in b.facts]


def test_documents_fed_one_at_a_time_resolve_as_a_whole():
    docs = corpus_of_two()
    whole = resolve.resolve(docs)
    r = resolve.Resolver()
    r.add(docs[1])
    first = r.corpus()
    assert list(first.entities) == sorted(first.entities) and "committee:420528" not in first.entities
    r.add(docs[0])
    assert r.corpus() == whole  # entities, facts with their evidence, merge log, documents
    assert r.corpus() == whole  # asking again changes nothing


def test_relation_with_unrecognised_end_is_dropped_and_logged():
    t = "某某打造“议事厅”平台。"
    d = make_doc("c", t, [(PROGRAMME, "initiative:议事厅", "议事厅", "议事厅")],
                 [Relation(RUNS, "committee:999999", "initiative:议事厅", 0, len(t))])
    corpus = resolve.resolve([d])
    assert not [f for f in corpus.facts if f.predicate == RUNS]
    assert any("dropped" in m["reason"] for m in corpus.merge_log)


def test_evidence_spans_point_into_the_raw_text():
    corpus = resolve.resolve(corpus_of_two())
    docs = {d.article.doc_id: d for d in corpus.docs}
    for e in corpus.entities.values():
        for ev in e.evidence:
            raw = docs[ev.doc_id].article.raw
            assert raw[ev.raw_start:ev.raw_end] == ev.surface
            assert docs[ev.doc_id].text[ev.start:ev.end] in ev.sentence


def test_iris_are_stable_and_distinct():
    keys = ["committee:420000", "committee:CN", "initiative:委员说事", "initiative:委员说事 ", "person:张三"]
    iris = [resolve.iri_for(k) for k in keys]
    assert iris == [resolve.iri_for(k) for k in keys]
    assert len(set(iris)) == len(iris)


def test_a_coordinated_surface_is_no_label_of_either_committee():
    t = "湖北、湖南两省政协联合调研。"
    d = make_doc("c", t, [(COMMITTEE, "committee:420000", "湖北省政协", "湖北、湖南两省政协"),
                          (COMMITTEE, "committee:430000", "湖南省政协", "湖北、湖南两省政协")])
    d = dataclasses.replace(d, mentions=tuple(
        dataclasses.replace(m, attrs={"surface_alt": False, "alt": [m.label[:2] + "政协"]}) for m in d.mentions))
    corpus = resolve.resolve([d])
    for key, own in (("committee:420000", "湖北政协"), ("committee:430000", "湖南政协")):
        labels = {text for text, _ in corpus.entities[key].alt_labels}
        assert labels == {own}
        assert "surface_alt" not in corpus.entities[key].attrs


@pytest.mark.parametrize("raw", ["市政协召开會議。委员们提出建议。", "市政協(xié)召开會議,,委员们提出建议。"])
def test_evidence_and_traditional_forms_match_the_document_s_own_mapping(raw):
    """Resolve's per-document shortcuts (aligned offsets, spans copied from the raw text) give
    what ``Doc.raw_span``, ``Doc.sentence_at`` and ``traditional_surface`` give, for every span:
    on a document whose characters map one to one (first) and on one whose do not (pinyin
    removed, punctuation repaired)."""
    from kg import normalise, segment
    from kg.model import Article

    doc = segment.segment(normalise.normalise(Article("x.txt", "x_1", raw, "h", "utf-8")))
    assert resolve._DocEvidence(doc).aligned is ("(" not in raw)  # both shortcuts are exercised
    n = len(doc.text)
    for start in range(n):
        for end in range(start + 1, n + 1):
            ev = resolve.evidence_for(doc, start, end)
            s = doc.sentence_at(start)
            raw_start, raw_end = doc.raw_span(start, end)
            assert (ev.sentence, ev.raw_start, ev.raw_end, ev.surface) == (
                doc.text[s.start:s.end] if s else doc.text[start:end], raw_start, raw_end, raw[raw_start:raw_end])
            assert resolve._DocEvidence(doc).traditional(start, end) == resolve.traditional_surface(doc, start, end)



def test_evidence_is_in_article_and_span_order_whatever_the_stages_order():
    """The merge sorts no evidence when documents come in span order with distinct doc_ids; when
    a document's mentions are out of span order, or two documents share a doc_id, it must still
    give every list in (doc_id, start, end) order."""
    t = "委员说事好。长阳“委员说事”。"
    two = [(PROGRAMME, "initiative:委员说事", "委员说事", "委员说事")]
    a = make_doc("a", t, two)
    later = dataclasses.replace(a.mentions[0], start=9, end=13)  # the second 委员说事
    out_of_order = dataclasses.replace(a, mentions=(later, a.mentions[0]))
    # the same doc_id, a later path, an earlier span: its evidence goes between a's
    twin = make_doc("a", "说“委员说事”。" + t, two)
    twin = dataclasses.replace(twin, article=dataclasses.replace(twin.article, path="b.txt"),
                               mentions=(dataclasses.replace(twin.mentions[0], start=2, end=6),))
    b = make_doc("b", "湖北“委员说事”。", two)
    in_order = dataclasses.replace(a, mentions=(a.mentions[0], later))
    for docs in ([in_order, b], [b, in_order],  # the fast path (no sort), and documents given backwards
                 [out_of_order, b], [in_order, twin, b], [twin, out_of_order]):
        corpus = resolve.resolve(docs)
        evidence = corpus.entities["initiative:委员说事"].evidence
        assert len(evidence) == len([m for d in docs for m in d.mentions])
        assert evidence == sorted(evidence, key=lambda ev: (ev.doc_id, ev.start, ev.end))
        ids = sorted({d.article.doc_id for d in docs})
        assert [m["articles"] for m in corpus.merge_log] == ([ids] if len(ids) > 1 else [])


def test_evidence_made_with_its_node_id_is_the_constructors_object():
    """kg.model.evidence_with_node_id fills the instance dict itself (resolve makes one per
    span): it must stay the object the constructor makes once node_id is read, field for field
    and in pickle, whatever fields Evidence gains."""
    import pickle
    from dataclasses import fields

    from kg.model import Evidence, evidence_with_node_id

    ref = Evidence("a_1", "a.txt", "句子", 3, 5, 4, 7, "甲")
    assert ref.node_id
    ev = evidence_with_node_id("a_1", "a.txt", "句子", 3, 5, 4, 7, "甲")
    assert list(ev.__dict__) == [f.name for f in fields(Evidence)] + ["node_id"]
    assert ev.__dict__ == ref.__dict__ and pickle.dumps(ev) == pickle.dumps(ref)
