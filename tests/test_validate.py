"""SHACL validation: a good graph conforms, graphs broken on purpose fail readably."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS
from test_rdf_corpus import make_corpus

from kg import rdf, validate
from kg.cli import main
from kg.errors import UserError
from kg.resolve import iri_for
from kg.vocab import CPPCC, PROV

CITY = URIRef(iri_for("committee:420500"))


def _check(g):
    ok, violations = validate.validate_graph(g)
    return ok, validate.format_violations(violations)


def test_good_graph_conforms():
    ok, text = _check(rdf.to_rdf(make_corpus()))
    assert ok, text


@pytest.mark.parametrize("breaker, expected", [
    (lambda g: g.remove((CITY, CPPCC.region, None)), "宜昌市政协"),
    (lambda g: g.add((CITY, SKOS.prefLabel, Literal("宜昌政协", lang="zh-Hans"))), "skos:prefLabel"),
    (lambda g: g.set((URIRef(iri_for("region:420500")), CPPCC.divisionCode, Literal("4205"))), "six-digit"),
    (lambda g: g.add((CITY, CPPCC.runs, URIRef(iri_for("person:王明远")))), "cppcc:runs"),
    (lambda g: g.remove((None, PROV.wasDerivedFrom, None)), "evidence"),
])
def test_broken_graph_fails_readably(breaker, expected):
    g = rdf.to_rdf(make_corpus())
    breaker(g)
    ok, text = _check(g)
    assert not ok
    assert expected in text
    assert all(line.startswith("- ") for line in text.splitlines()[1:])


def test_missing_region_names_the_committee_by_label(tmp_path):
    g = rdf.to_rdf(make_corpus())
    g.remove((CITY, CPPCC.region, None))
    path = tmp_path / "broken.ttl"
    path.write_bytes(rdf.turtle_bytes(g))
    ok, text = validate.validate(path)
    assert not ok
    line = next(line for line in text.splitlines() if "宜昌市政协" in line)
    assert "cppcc:region" in line and str(CITY) in line


def test_cli_exit_status(tmp_path, capsys):
    good = tmp_path / "good.ttl"
    good.write_bytes(rdf.corpus_turtle(make_corpus()))
    assert main(["validate", str(good)]) == 0
    g = rdf.to_rdf(make_corpus())
    g.add((CITY, SKOS.prefLabel, Literal("宜昌", lang="en")))
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(rdf.turtle_bytes(g))
    assert main(["validate", str(bad)]) == 1
    assert "宜昌市政协" in capsys.readouterr().out
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2


def test_unparsable_graph_is_a_user_error(tmp_path):
    p = tmp_path / "x.ttl"
    p.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(UserError, match="cannot parse"):
        validate.validate(p)


def test_seeds_export_conforms(seeds_export):
    _, out = seeds_export
    ok, text = validate.validate(out / "graph.ttl")
    assert ok, text
