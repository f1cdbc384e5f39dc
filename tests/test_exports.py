"""Every export format: same triples, deterministic bytes, round trips, atomic writes."""

from __future__ import annotations

import csv
import functools
import io
import json
import multiprocessing
import os
import signal
import tempfile
from dataclasses import replace

import networkx as nx
import pytest
from conftest import SEEDS
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from test_rdf_corpus import make_corpus

import kg.workflow
from kg import cache, exports, forked, rdf, rdfevidence, rdfparts
from kg.graph import KnowledgeGraph
from kg.model import Corpus, Fact, FileReport
from kg.rdfevidence import EvidenceText
from kg.resolve import iri_for


@pytest.fixture(autouse=True, scope="module")
def plain_view():
    """The HTML view is another module's business (tests/test_view*); a stub keeps these tests
    about the RDF and tabular exports."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(exports.view, "graph_html", lambda corpus: f"<html>{len(corpus.entities)}</html>".encode())
        yield


@pytest.fixture(scope="module")
def out(tmp_path_factory, plain_view):
    corpus = make_corpus()
    d = tmp_path_factory.mktemp("exports")
    written = exports.write_exports(KnowledgeGraph(rdf.to_rdf(corpus), corpus), d)
    return corpus, d, written


def test_all_formats_written(out):
    _, d, written = out
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.graphml", "entities.csv",
                 "relations.csv", "graph.html", "report.json"):
        assert name in written and (d / name).stat().st_size > 0
    assert not [p for p in d.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_streaming_turtle_is_isomorphic_to_the_rdflib_graph(out):
    corpus, d, _ = out
    expected = rdf.to_rdf(corpus)
    for name, fmt in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        g = Graph().parse(d / name, format=fmt)
        assert isomorphic(g, expected), name


def test_turtle_to_jsonld_to_turtle_round_trip(out):
    _, d, _ = out
    g1 = Graph().parse(d / "graph.ttl", format="turtle")
    g2 = Graph().parse(data=g1.serialize(format="json-ld"), format="json-ld")
    g3 = Graph().parse(data=g2.serialize(format="turtle"), format="turtle")
    assert isomorphic(g1, g3)


def test_trig_union_is_the_graph_and_articles_are_retractable(out):
    corpus, d, _ = out
    ds = Dataset()
    ds.parse(d / "graph.trig", format="trig")
    union = Graph()
    for ctx in ds.graphs():
        for t in ctx:
            union.add(t)
    assert isomorphic(union, rdf.to_rdf(corpus))
    names = {str(c.identifier) for c in ds.graphs()}
    assert rdf.article_iri("a_0001") in names and rdf.article_iri("b_0002") in names
    # dropping article b removes the programme fact it alone attests, keeps article a's
    art_b = ds.graph(URIRef(rdf.article_iri("b_0002")))
    prov = URIRef(iri_for("committee:420000"))
    assert any(p.endswith("#runs") for _, p, _ in art_b.triples((prov, None, None)))
    art_a = ds.graph(URIRef(rdf.article_iri("a_0001")))
    assert not any(p.endswith("#runs") for _, p, _ in art_a.triples((prov, None, None)))


def test_dataset_has_one_graph_per_article_and_the_graph_as_union():
    corpus = make_corpus()
    ds = rdf.to_dataset(corpus)
    names = {str(c.identifier) for c in ds.graphs()}
    assert {rdf.article_iri("a_0001"), rdf.article_iri("b_0002")} <= names
    union = Graph()
    for ctx in ds.graphs():
        for t in ctx:
            union.add(t)
    assert isomorphic(union, rdf.to_rdf(corpus))


def test_bytes_are_identical_for_the_same_input(tmp_path):
    c1, c2 = make_corpus(), make_corpus()
    c2.entities = dict(reversed(list(c2.entities.items())))
    c2.facts = list(reversed(c2.facts))
    c2.docs = list(reversed(c2.docs))
    a = exports.write_exports(KnowledgeGraph(rdf.to_rdf(c1), c1), tmp_path / "a")
    b = exports.write_exports(KnowledgeGraph(rdf.to_rdf(c2), c2), tmp_path / "b")
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.graphml", "entities.csv",
                 "relations.csv"):
        assert a[name].read_bytes() == b[name].read_bytes(), name


def test_turtle_bytes_of_an_rdflib_graph_matches_the_corpus_writer():
    corpus = make_corpus()
    assert rdf.turtle_bytes(rdf.to_rdf(corpus)) == rdf.corpus_turtle(corpus)


def test_jsonld_context_has_the_project_prefixes(out):
    _, d, _ = out
    doc = json.loads((d / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["cppcc"] == "https://w3id.org/cppcc-kg/ontology#"
    assert doc["@context"]["org"] == "http://www.w3.org/ns/org#"


def test_csv_tables(out):
    _, d, _ = out
    rows = list(csv.DictReader(io.StringIO((d / "entities.csv").read_text(encoding="utf-8-sig"))))
    by_label = {r["label"]: r for r in rows}
    assert by_label["宜昌市"]["division_code"] == "420500"
    assert "湖北省政協" in by_label["湖北省政协"]["alt_labels"].split("|")
    rels = list(csv.DictReader(io.StringIO((d / "relations.csv").read_text(encoding="utf-8-sig"))))
    runs = [r for r in rels if r["predicate"] == "runs" and r["object_label"] == "峡江议事厅"]
    assert runs and runs[0]["subject_label"] == "宜昌市政协" and runs[0]["sentence"].startswith("宜昌市政协")
    derived = [r for r in rels if r["predicate"] == "subOrganizationOf"]
    assert derived and all(r["derivation"] == "region tree" for r in derived)


def test_graphml_for_gephi(out):
    import networkx as nx

    _, d, _ = out
    g = nx.read_graphml(d / "graph.graphml")
    city = iri_for("committee:420500")
    assert g.nodes[city]["label"] == "宜昌市政协"
    assert any(data["predicate"] == "runs" for _, _, data in g.out_edges(city, data=True))


def test_graphml_bytes_are_networkx_bytes_on_awkward_input():
    """The direct writer must give networkx's bytes: markup characters and line breaks in
    labels and IRIs, an empty label, a fact stated twice, a fact whose object is gone, two
    predicates between the same ends, and no entities at all."""
    corpus = make_corpus()
    ents = corpus.entities
    ents["person:王明远"].label = 'A&B <委员> "甲"\n\t乙'
    ents["region:420500"].label = ""
    ents["initiative:峡江议事厅"].iri += "?q=1&x=<y>\n"
    corpus.facts += [replace(corpus.facts[0]), replace(corpus.facts[0], predicate="cooperatesWith"),
                     Fact("runs", "committee:420500", "initiative:nowhere")]
    assert exports.graphml(corpus) == _networkx_graphml(corpus) == exports._graphml_nx(corpus)
    g = nx.read_graphml(io.BytesIO(exports.graphml(corpus)))
    assert g.nodes[ents["person:王明远"].iri]["label"] == 'A&B <委员> "甲"\n\t乙'
    empty = Corpus(docs=[], entities={}, facts=[])
    assert exports.graphml(empty) == _networkx_graphml(empty)


def _networkx_graphml(corpus: Corpus) -> bytes:
    """The reference: the corpus as networkx would be given it, written by networkx."""
    g = nx.MultiDiGraph()
    for e in sorted(corpus.entities.values(), key=lambda x: x.iri):
        g.add_node(e.iri, label=e.label, type=e.cls)
    for f in sorted(corpus.facts, key=lambda x: (x.subject, x.predicate, x.object)):
        s, o = corpus.entities.get(f.subject), corpus.entities.get(f.object)
        if s is not None and o is not None:
            g.add_edge(s.iri, o.iri, key=f.predicate, predicate=f.predicate)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def test_jsonld_bytes_are_json_dumps_bytes():
    """The JSON-LD writer lays the document out itself; json.dumps(indent=1) of the same node
    objects must give the same bytes (escapes, @type lists, a literal rdf:type, no triple)."""
    ex = "https://w3id.org/cppcc-kg/id/x"
    quads = [("", ex, rdf.RDF_TYPE, "https://w3id.org/cppcc-kg/ontology#Post"),
             ("", ex, rdf.RDF_TYPE, rdf.Lit("odd\"type")),
             ("", ex, rdf.PREF, rdf.Lit('一\n"二"\\', lang="zh-Hans")),
             ("", ex, rdf.PREF, rdf.Lit("二", lang="zh-Hant")),
             ("", ex, rdf.XSD_INT, rdf.Lit("3", dt=rdf.XSD_INT)),
             ("", ex + "/y", rdf.DERIVED, ex)]
    for rows in (quads, []):
        ser = rdf.Serialisation(rows)
        nodes: list[dict] = []
        for _, s, p, o in ser.triples:
            if not nodes or nodes[-1]["@id"] != _compact(s):
                nodes.append({"@id": _compact(s)})
            if p == rdf.RDF_TYPE and not isinstance(o, rdf.Lit):
                nodes[-1].setdefault("@type", []).append(_compact(o))
            elif isinstance(o, rdf.Lit):
                v = {"@value": o.lex} | ({"@language": o.lang} if o.lang else {"@type": _compact(o.dt)} if o.dt else {})
                nodes[-1].setdefault(_compact(p), []).append(v)
            else:
                nodes[-1].setdefault(_compact(p), []).append({"@id": _compact(o)})
        doc = {"@context": rdf.jsonld_context(), "@graph": nodes}
        assert ser.jsonld() == (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class _Str(str):
    pass


def _json_report(corpus: Corpus) -> bytes:
    return (json.dumps(exports.report_dict(corpus), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@pytest.mark.parametrize("quality", [
    {}, {"encoding": "utf-8", "html": False, "n": 3, "none": None, "empty": [], "nested": {"a": [1, {}]}},
    {"text": 'a\x00\x1f\x7f"\\\b\f\n\r\t\u2028é政协'}, {"deep": [[[[[["x"]]]]]]},
    {"f": 0.5}, {"f": 5e-05}, {"f": float("nan")}, {"f": float("inf")}, {"f": 1e16},
    {"big": 2 ** 70}, {3: "int key"}, {"sub": _Str("x")}, {"t": ("a", 1)}, {"s": {"a"}}, {"lone": "\ud800"},
])
def test_report_bytes_are_json_dumps_bytes(quality):
    """report.json is written by orjson when it can: its bytes must be json.dumps(indent=1)'s,
    for real reports and awkward values (what orjson spells otherwise, refuses or cannot
    encode goes to json, errors included)."""
    corpus = replace(_seeds_corpus())
    corpus.reports = [*corpus.reports, FileReport("x.txt", "skipped", "why", quality=quality)]
    corpus.merge_log = [*corpus.merge_log, {"key": "k", "quality": quality}]
    try:
        expected: bytes | type = _json_report(corpus)
    except (TypeError, ValueError) as exc:  # (UnicodeEncodeError is a ValueError)
        expected = type(exc)
    try:
        got: bytes | type = exports._report_json(corpus)
    except (TypeError, ValueError) as exc:
        got = type(exc)
    assert got == expected


def test_a_real_report_takes_orjsons_path():
    """The seeds' report is plain values only: written by orjson (the test above would pass if
    every report went to json), and the same bytes as json.dumps."""
    assert exports._plain_tree(exports.report_dict(_seeds_corpus()))
    assert exports._report_json(_seeds_corpus()) == _json_report(_seeds_corpus())


def _compact(iri: str) -> str:
    for p, ns in sorted(rdf.jsonld_context().items(), key=lambda x: -len(x[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri


def test_files_do_not_depend_on_chunk_sizes_or_the_sort_used(tmp_path, monkeypatch):
    corpus = make_corpus()
    whole = exports.write_exports(KnowledgeGraph(rdf.to_rdf(corpus), corpus), tmp_path / "whole")
    monkeypatch.setattr(rdf, "_CHUNK", 1)  # every block, line and node object a chunk of its own
    monkeypatch.setattr(rdf, "_ROWS_CHUNK", 3)  # ranked rows back to Python a few at a time
    monkeypatch.setattr(rdf, "_KEY_LIMIT", 0)  # the sort for graphs too large for one int64 key per triple
    monkeypatch.setattr(rdfevidence, "_BATCH", 2)  # evidence nodes laid out two at a time
    tiny = exports.write_exports(KnowledgeGraph(rdf.to_rdf(corpus), corpus), tmp_path / "tiny")
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig"):
        assert whole[name].read_bytes() == tiny[name].read_bytes(), name
        assert whole[name].read_bytes().endswith(b"\n") and not whole[name].read_bytes().endswith(b"\n\n")


@pytest.mark.parametrize("workers", [2, 3, 7])
def test_files_do_not_depend_on_the_number_of_processes(tmp_path, workers):
    if not forked.can_fork():
        pytest.skip("the export would not fork here")
    corpus = make_corpus()
    one = exports.write_exports(KnowledgeGraph(rdf.to_rdf(corpus), corpus), tmp_path / "one", workers=1)
    many = exports.write_exports(KnowledgeGraph(rdf.to_rdf(corpus), corpus), tmp_path / "many", workers=workers)
    assert list(one) == list(many)
    for name in one:
        assert one[name].read_bytes() == many[name].read_bytes(), name
    assert not multiprocessing.active_children()
    assert not [p.name for p in (tmp_path / "many").iterdir() if p.name.startswith(".")]  # no part file left


@pytest.mark.parametrize("runs", [
    ["", "0123456789abcdef"],  # this process: the structure only
    ["0123456789abcdef", "", ""],  # the children: nothing (no part file at all)
    ["0", "", "12345678", "9abcdef"],  # one digit here, an empty run between two others
])
def test_files_do_not_depend_on_how_the_evidence_nodes_are_shared_out(tmp_path, monkeypatch, runs):
    """Any split of the hex digits into runs, empty ones too, gives the same bytes (the seeds'
    export, hundreds of evidence nodes: every digit has some)."""
    if not forked.can_fork():
        pytest.skip("the export would not fork here")
    corpus = _seeds_corpus()
    one = exports.write_exports(KnowledgeGraph(None, corpus), tmp_path / "one", workers=1)
    monkeypatch.setattr(rdfparts, "share_digits", lambda loads, evidence: runs)
    monkeypatch.setattr(rdfparts, "_READ", 7)  # part files read back in many small pieces
    split = exports.write_exports(KnowledgeGraph(None, corpus), tmp_path / "split", workers=len(runs))
    for name in one:
        assert one[name].read_bytes() == split[name].read_bytes(), name


@pytest.mark.parametrize("workers", [1, 3])
def test_an_entity_named_like_an_evidence_node_is_still_written_in_order(tmp_path, workers):
    """The parts rely on no other subject being named under the evidence nodes' prefix; a corpus
    made by hand that breaks this still gets the one-serialisation bytes."""
    corpus = make_corpus()
    entity = next(iter(corpus.entities.values()))
    entity.iri = rdf.EVIDENCE_NS + "8" * 16 + "/x"  # between evidence nodes, by its IRI
    written = exports.write_exports(KnowledgeGraph(None, corpus), tmp_path / "out", ["ttl", "trig"], workers)
    whole = rdf.Serialisation(rdf.corpus_quads(corpus))
    assert written["graph.ttl"].read_bytes() == whole.turtle()
    assert written["graph.trig"].read_bytes() == whole.trig()


@pytest.mark.parametrize("batch", [1, 3, 4096])
@pytest.mark.parametrize("corpus", ["small", "seeds"])
def test_evidence_nodes_written_straight_are_what_the_generic_writers_give(corpus, batch, monkeypatch):
    """kg.rdfevidence lays out the evidence nodes' text itself; the generic writers, given the
    same nodes' quads, must give the same text in every syntax (Mention or not, with a surface
    or not, escapes in sentences: the seeds have them all), however many nodes are laid out at
    a time (what comes between nodes at a batch's start, a TriG graph over two batches)."""
    monkeypatch.setattr(rdfevidence, "_BATCH", batch)
    c = make_corpus() if corpus == "small" else _seeds_corpus()
    nodes = rdf.evidence_nodes(c)
    assert {n.mention for n in nodes} == {True, False}
    # a span with no raw text, and a sentence that needs escapes in every syntax
    nodes[0] = nodes[0]._replace(ev=replace(nodes[0].ev, surface=""))
    nodes[1] = nodes[1]._replace(ev=replace(nodes[1].ev, sentence='他说："好"\\\n{x}\t'))
    generic = rdf.Serialisation(q for n in nodes for q in rdf._evidence_quads(n))
    straight = EvidenceText(nodes)
    for fmt in ("ttl", "nt", "jsonld"):  # (the straight text comes in UTF-8)
        assert rdf._bytes(straight.body(fmt)) == rdf._bytes(generic.body(fmt)), fmt
    assert [(g, rdf._bytes(b)) for g, b in straight.graph_bodies()] == [
        (g, rdf._bytes(b)) for g, b in generic.graph_bodies()]


@functools.lru_cache(maxsize=1)
def _seeds_corpus() -> Corpus:
    """The seeds' corpus (from any working folder), with evidence nodes under every hex digit:
    the split tests need some in each run."""
    corpus = kg.workflow.analyse([SEEDS], workers=1)
    assert {n.iri[len(rdf.EVIDENCE_NS)] for n in rdf.evidence_nodes(corpus)} == set(rdfparts.HEX)
    return corpus


def test_an_export_process_that_fails_fails_the_export(tmp_path, monkeypatch):
    """A full disk in a forked writer is the caller's OSError, naming the file (the CLI's
    message), and no writer process nor temporary file is left behind."""
    if not forked.can_fork():
        pytest.skip("the export would not fork here")
    real = rdf.write_atomic

    def full_disk(path, data):
        if path.name == "graph.html":  # written by the first child, beside its share of the RDF
            raise OSError(28, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(rdf, "write_atomic", full_disk)
    corpus = make_corpus()
    with pytest.raises(OSError) as err:
        exports.write_exports(KnowledgeGraph(rdf.to_rdf(corpus), corpus), tmp_path / "out", workers=3)
    assert err.value.errno == 28 and err.value.filename.endswith("graph.html")
    assert not multiprocessing.active_children()
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no temporary file


def test_a_fork_that_fails_stops_the_children_already_started(tmp_path, monkeypatch):
    """No memory for the second child: the error is the caller's, and the first child (which
    writes the view and tables) is stopped at once, not left writing into the folder."""
    if not forked.can_fork():
        pytest.skip("the export would not fork here")
    from multiprocessing.context import ForkProcess

    real_start, starts = ForkProcess.start, []

    def start(self):
        starts.append(self)
        if len(starts) == 2:
            raise OSError(12, "Cannot allocate memory")
        real_start(self)

    monkeypatch.setattr(ForkProcess, "start", start)
    corpus = make_corpus()
    with pytest.raises(OSError, match="memory"):
        exports.write_exports(KnowledgeGraph(rdf.to_rdf(corpus), corpus), tmp_path / "out", workers=3)
    assert not multiprocessing.active_children()
    assert not starts[0].is_alive() and starts[0].exitcode is not None
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_an_interrupted_parallel_export_leaves_no_process_nor_part_file(tmp_path, monkeypatch):
    """Ctrl-C while the children write their parts: they are stopped, the part files removed,
    the previous RDF files kept (a file already renamed into place is whole: it stays)."""
    if not forked.can_fork():
        pytest.skip("the export would not fork here")
    corpus = make_corpus()
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_bytes(b"old")

    def interrupted(quads):
        raise KeyboardInterrupt

    monkeypatch.setattr(rdf, "Serialisation", interrupted)  # this process, as it starts on the structure
    with pytest.raises(KeyboardInterrupt):
        exports.write_exports(KnowledgeGraph(rdf.to_rdf(corpus), corpus), out, workers=3)
    assert not multiprocessing.active_children()
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert (out / "graph.ttl").read_bytes() == b"old" and not (out / "graph.nt").exists()


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(KeyboardInterrupt):
        rdf.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]



def _stopped_while_making(write, target) -> None:
    """In a forked child, as the export's and the analysis's children run: unwind on SIGTERM,
    and get one from inside mkstemp, once the temporary file is made."""
    forked.unwind_on_term()
    real = tempfile.mkstemp

    def stopped_inside(*a, **k):
        made = real(*a, **k)
        os.kill(os.getpid(), signal.SIGTERM)  # the parent's terminate(), as the file is made
        return made

    tempfile.mkstemp = stopped_inside
    write(target, b"new")


@pytest.mark.skipif(not forked.can_fork() or not hasattr(signal, "pthread_sigmask"),
                    reason="no forked children, or signals cannot be held back here")
@pytest.mark.parametrize("write", [rdf.write_atomic, cache.write_entry], ids=["export", "cache"])
def test_a_stop_while_the_temporary_file_is_made_leaves_no_file(tmp_path, write):
    """A child stopped by its parent unwinds on SIGTERM (kg.forked.unwind_on_term: the export's
    children and the analysis's, which write cache entries); one arriving inside mkstemp, after
    the file is made and before its name is known, must not leave it.  (In a child: this
    process may have threads of its own, numpy's, which take a signal sent to the process.)"""
    target = tmp_path / "ab" / "graph.ttl"
    child = multiprocessing.get_context("fork").Process(target=_stopped_while_making, args=(write, target))
    child.start()
    child.join(30)
    assert child.exitcode == 128 + signal.SIGTERM  # it unwound (SystemExit), was not killed outright
    assert list(target.parent.iterdir()) == []


@pytest.mark.parametrize("evidence", [False, True])
@pytest.mark.parametrize("hand_made", [False, True])
def test_evidence_links_numbered_as_columns_give_the_quads_own_bytes(evidence, hand_made):
    """A corpus's quads number their links to evidence nodes as columns (rdf.CorpusQuads); the
    same quads given one by one take the generic path: the texts must be the same, with an
    entity named like an evidence node too (the columns then give way)."""
    corpus = make_corpus()
    if hand_made:
        next(iter(corpus.entities.values())).iri = rdf.EVIDENCE_NS + "8" * 16 + "/x"
    quads = rdf.corpus_quads(corpus, evidence=evidence)
    columns, one_by_one = rdf.Serialisation(quads), rdf.Serialisation(iter(list(quads)))
    assert columns.turtle() == one_by_one.turtle() and columns.trig() == one_by_one.trig()
