"""SPARQL: named queries, both engines agree, formats, user errors."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from test_rdf_corpus import make_corpus

from kg import query, rdf
from kg.cli import main
from kg.errors import UserError


@pytest.fixture(scope="module")
def small_ttl(tmp_path_factory):
    p = tmp_path_factory.mktemp("q") / "graph.ttl"
    p.write_bytes(rdf.corpus_turtle(make_corpus()))
    return p


def _canon(result: query.Result) -> list[tuple]:
    """Engine-neutral, order-free rows: numbers compared by value."""
    def cell(c):
        if c is None:
            return None
        v = c["value"]
        if c.get("datatype", "").endswith(("#decimal", "#integer", "#double", "#float")):
            v = Decimal(v)
        return (c["type"], v, c.get("xml:lang", ""))

    return sorted((tuple(cell(r.get(v)) for v in result.vars) for r in result.rows), key=repr)


def _labels(result: query.Result, *names: str) -> list[tuple[str, ...]]:
    return [tuple(r[n]["value"] if n in r else "" for n in names) for r in result.rows]


def test_named_queries_are_documented():
    qs = query.named_queries()
    for required in ("initiatives-per-committee", "committees-by-level", "people-and-posts", "figures",
                     "fact-evidence", "committees-without-chair", "who-runs"):
        assert required in qs
    for q in qs.values():
        assert q.title and q.title != q.name and q.description, q.name


@pytest.mark.parametrize("name", sorted(query.named_queries()))
def test_both_engines_agree_on_every_named_query(small_ttl, name):
    text = query.get_named(name).text
    a = query.RdflibEngine.from_file(small_ttl).query(text)
    b = query.OxigraphEngine.from_file(small_ttl).query(text)
    assert a.vars == b.vars
    assert _canon(a) == _canon(b)
    assert a.rows, f"{name} answers nothing on the small corpus"


def test_answers_on_the_small_corpus(small_ttl):
    eng = query.OxigraphEngine.from_file(small_ttl)
    runs = _labels(eng.query(query.get_named("who-runs").text), "initiative", "committee", "region")
    assert ("峡江议事厅", "宜昌市政协", "宜昌市") in runs
    no_chair = _labels(eng.query(query.get_named("committees-without-chair").text), "committee")
    assert ("宜昌市政协",) not in no_chair and ("湖北省政协",) in no_chair
    ev = _labels(eng.query(query.get_named("fact-evidence").text), "predicate", "object", "sentence", "article")
    assert ("runs", "荆楚同心 委员行动", "湖北省政协推进“荆楚同心 委员行动”。", "news/b.txt") in ev
    posts = _labels(eng.query(query.get_named("people-and-posts").text), "person", "post", "organisation")
    assert posts == [("王明远", "主席", "宜昌市政协")]
    levels = _labels(eng.query(query.get_named("committees-by-level").text), "committee", "parent")
    assert ("宜昌市政协", "湖北省政协") in levels and ("全国政协", "") in levels


def test_prefixes_are_predeclared_and_formats(small_ttl):
    q = "SELECT ?l WHERE { ?c a cppcc:CPPCCCommittee ; cppcc:level 2 ; skos:prefLabel ?l }"
    for engine in ("rdflib", "oxigraph"):
        table = query.run_query_cli(small_ttl, q, engine=engine)
        assert "宜昌市政协" in table and "(1 row)" in table
        rows = list(csv.reader(io.StringIO(query.run_query_cli(small_ttl, q, fmt="csv", engine=engine))))
        assert rows == [["l"], ["宜昌市政协"]]
        doc = json.loads(query.run_query_cli(small_ttl, q, fmt="json", engine=engine))
        assert doc["head"]["vars"] == ["l"]
        assert doc["results"]["bindings"] == [{"l": {"type": "literal", "value": "宜昌市政协", "xml:lang": "zh-Hans"}}]


def test_ask_and_construct(small_ttl):
    for engine in ("rdflib", "oxigraph"):
        assert "true" in query.run_query_cli(small_ttl, "ASK { ?c cppcc:runs ?i }", engine=engine)
        out = query.run_query_cli(small_ttl, "CONSTRUCT { ?c cppcc:runs ?i } WHERE { ?c cppcc:runs ?i }",
                                  fmt="csv", engine=engine)
        assert out.count("https://w3id.org/cppcc-kg/ontology#runs") == 2


def test_query_from_a_file_and_auto_engine(small_ttl, tmp_path, monkeypatch):
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s cppcc:runs ?o }", encoding="utf-8")
    assert query.run_query_cli(small_ttl, str(f), fmt="csv").splitlines()[1] == "2"
    assert query.open_engine(small_ttl, "auto").name == "rdflib"
    monkeypatch.setattr(query, "AUTO_THRESHOLD", 10)
    assert query.open_engine(small_ttl, "auto").name == "oxigraph"


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_malformed_query_is_a_user_error(small_ttl, engine):
    with pytest.raises(UserError, match="malformed"):
        query.run_query_cli(small_ttl, "SELECT ?x WHERE { ?x ", engine=engine)


def test_cli_errors_exit_2(small_ttl, tmp_path, capsys):
    assert main(["query", str(small_ttl), "--name", "no-such-query"]) == 2
    assert main(["query", str(tmp_path / "missing.ttl"), "SELECT * WHERE {?s ?p ?o}"]) == 2
    assert main(["query", str(small_ttl)]) == 2
    assert main(["query", str(small_ttl), str(tmp_path / "missing.rq")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("error:") == 4
    assert main(["query", str(small_ttl), "--name", "who-runs", "--format", "csv"]) == 0
    assert "峡江议事厅" in capsys.readouterr().out


def test_trig_is_queried_as_the_union(tmp_path):
    c = make_corpus()
    p = tmp_path / "graph.trig"
    p.write_bytes(rdf.write_trig(rdf.corpus_quads(c)))
    q = "SELECT ?i WHERE { ?c cppcc:runs ?x . ?x skos:prefLabel ?i }"
    for engine in ("rdflib", "oxigraph"):
        assert len(query.run_query(p, q, engine).rows) == 2


@pytest.mark.parametrize("name", sorted(query.named_queries()))
def test_both_engines_agree_on_the_seeds(seeds_export, name):
    _, out = seeds_export
    text = query.get_named(name).text
    a = query.RdflibEngine.from_file(out / "graph.ttl").query(text)
    b = query.OxigraphEngine.from_file(out / "graph.ttl").query(text)
    assert _canon(a) == _canon(b)


def test_who_runs_gui_zai_xie_shang_on_the_seeds(seeds_export):
    _, out = seeds_export
    res = query.run_query(out / "graph.ttl", query.get_named("who-runs").text, "oxigraph")
    rows = [r for r in _labels(res, "initiative", "committee") if r[0].replace(" ", "") == "桂在协商"]
    assert ("桂在协商", "广西壮族自治区政协") in rows
