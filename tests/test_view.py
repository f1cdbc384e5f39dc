"""The HTML views without a browser: self-containment, what is drawn, layout, evidence, overview."""

from __future__ import annotations

import html
import json
import re

import pytest
from test_view_corpora import big_corpus, realistic_corpus

from kg import gazetteer, view
from kg.model import COMMITTEE, PERSON, RUNS, Corpus, Entity, Fact


def page_json(html: str, block: str) -> dict:
    m = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', html, re.S)
    assert m, block
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def small() -> Corpus:
    return realistic_corpus()


@pytest.fixture(scope="module")
def small_html(small) -> str:
    return view.render_html(small)


def assert_self_contained(html: str) -> None:
    assert '<meta charset="utf-8">' in html
    urls = set(re.findall(r"https?://[^\s\"'<>()]+", html))
    assert urls <= {"http://www.w3.org/2000/svg"}, urls  # an XML namespace name, never fetched
    assert not re.search(r"<(?:script|img|iframe|link)[^>]*\s(?:src|href)=", html, re.I)
    assert "@font-face" not in html and "@import" not in html
    assert not re.search(r"url\((?!['\"]?data:)", html)


def test_graph_page_is_self_contained_and_utf8(small_html):
    assert_self_contained(small_html)
    assert 'href="overview.html"' in small_html


def test_small_graph_draws_every_entity_with_its_class_and_a_position(small, small_html):
    data = page_json(small_html, "kg-data")
    assert data["promise"] == {"entities": len(small.entities), "shown": len(small.entities), "small": True,
                               "cap": view.INITIAL_CAP}
    assert sorted(n["k"] for n in data["nodes"] if n["v"]) == sorted(small.entities)
    for n in data["nodes"]:
        assert n["c"] == small.entities[n["k"]].cls
        assert isinstance(n["x"], float | int) and isinstance(n["y"], float | int)
    legend = {c["cls"]: c for c in data["classes"]}
    assert legend[COMMITTEE]["count"] == 7 and legend[PERSON]["count"] == 2
    assert len({c["colour"] for c in data["classes"]}) == len(data["classes"])  # one colour per class


def test_layout_shows_the_committee_tree_and_what_each_runs(small):
    pos = view.layout(small)
    y = {k: p[1] for k, p in pos.items()}
    # 全国政协 -> province -> prefecture -> county, top to bottom, and levels line up
    for chain in (["CN", "420000", "420500", "420528"], ["CN", "430000", "430200", "430281"]):
        ys = [y[f"committee:{c}"] for c in chain]
        assert ys == sorted(ys) and len(set(ys)) == 4
    assert y["committee:420000"] == y["committee:430000"]
    assert y["committee:420528"] == y["committee:430281"]
    # what a committee runs sits under it, above its sub-committees, near it horizontally
    for f in small.facts:
        if f.predicate == RUNS:
            (cx, cy), (ix, iy) = pos[f.subject], pos[f.object]
            below = [pos[g.subject][1] for g in small.facts
                     if g.predicate == "subOrganizationOf" and g.object == f.subject]
            assert cy < iy < min(below or [iy + 1])
            assert abs(ix - cx) < 3 * view.DX
    # no two nodes on the same spot
    assert len(set(pos.values())) == len(pos)


def test_output_does_not_depend_on_input_order(small, small_html):
    shuffled = Corpus(docs=list(reversed(small.docs)), entities=dict(reversed(list(small.entities.items()))),
                      facts=list(reversed(small.facts)))
    assert view.render_html(shuffled) == small_html


def test_evidence_panel_data_names_the_sentence_span_and_the_article(small, small_html):
    data, ev = page_json(small_html, "kg-data"), page_json(small_html, "kg-evidence")
    i = next(n for n, node in enumerate(data["nodes"]) if node["k"] == "initiative:宜商量")
    rows, total = ev["n"][str(i)]
    assert total == 1
    doc, sentence, hs, he = rows[0]
    assert sentence[hs:he] == "宜商量"
    assert data["docs"][doc] == ["news/yichang-002.txt", "2025-04-18", "宜昌市政協推出議事平台"]
    # edges carry their evidence too, and the post of a membership
    j = next(n for n, e in enumerate(data["edges"]) if e["p"] == "memberOf" and data["nodes"][e["f"]]["l"] == "王建国")
    assert data["edges"][j]["at"] == {"role": "主席"}
    assert "王建国" in ev["e"][str(j)][0][0][1]


def test_search_data_covers_traditional_forms(small, small_html):
    data = page_json(small_html, "kg-data")
    node = next(n for n in data["nodes"] if n["k"] == "committee:420500")
    assert ["宜昌市政協", "zh-Hant"] in node["alt"]
    # a Traditional query for a label only ever seen in Simplified still maps back to it
    assert "".join(data["t2s"].get(ch, ch) for ch in "湖南省政協") == "湖南省政协"


def test_labels_cannot_break_out_of_the_page():
    c = realistic_corpus()
    c.entities["person:x"] = Entity("person:x", PERSON, "</script><script>alert(1)</script>")
    html = view.render_html(c)
    assert "<script>alert(1)" not in html
    assert page_json(html, "kg-data")["nodes"][-1]["l"] == "</script><script>alert(1)</script>"


def test_big_graph_draws_the_top_and_keeps_the_rest_behind_expansion():
    c = big_corpus(600)
    data, ev = view.view_data(c)
    drawn = [n for n in data["nodes"] if n["v"]]
    assert len(c.entities) > view.SMALL_GRAPH
    assert data["promise"]["shown"] == len(drawn) <= view.INITIAL_CAP
    classes = {n["c"] for n in drawn}
    assert PERSON not in classes and "Figure" not in classes
    provinces = {k for k, e in c.entities.items() if e.cls == COMMITTEE and e.attrs.get("level") in (0, 1)}
    assert provinces <= {n["k"] for n in drawn}
    assert all(len(rows) <= view.MAX_EVIDENCE for rows, _ in ev["n"].values())
    # every node, drawn or not, has a place to appear when expanded
    assert all(abs(n["x"]) < 1e7 and abs(n["y"]) < 1e7 for n in data["nodes"])


def test_empty_corpus_still_renders():
    html = view.render_html(Corpus(docs=[], entities={}, facts=[]))
    assert_self_contained(html)
    assert page_json(html, "kg-data")["nodes"] == []
    assert "no committees" in view.render_overview(Corpus(docs=[], entities={}, facts=[]))


def test_overview_ranks_committees_and_lists_people_with_posts(small):
    d = view.overview_data(small)
    counts = {c: n for c, _, n in d["counts"]}
    assert counts[COMMITTEE] == 7 and counts[PERSON] == 2
    top = d["committees"][0]
    assert top[1] == "宜昌市政协" and (top[3], top[4]) == (1, 1)  # one brand, one programme
    assert d["people"][0][1] in ("王建国", "李红梅") and any("主席" in p for _, _, ps in d["people"] for p in ps)
    root = d["tree"][0]
    assert root[0] == "全国政协" and [child[0] for child in root[3]] == ["湖北省政协", "湖南省政协"]
    html = view.render_overview(small)
    assert_self_contained(html)
    assert 'href="graph.html"' in html and "长阳土家族自治县政协" in html


def test_posts_from_attributes_and_facts_are_listed_once(small):
    p = view.posts(small)
    assert p["person:王建国"] == ["湖北省政协 主席"]  # attribute dict and memberOf role agree
    assert p["person:李红梅"] == ["醴陵市政协 委员"]
    c = realistic_corpus()
    c.facts.append(Fact("memberOf", "person:李红梅", "committee:430200"))  # a membership without a post
    assert view.posts(c)["person:李红梅"] == ["株洲市政协 成员", "醴陵市政协 委员"]


def test_overview_map_from_coordinates(monkeypatch):
    """Coordinates come from the region entity, else from the gazetteer by division code."""
    c = realistic_corpus()
    for code, (lat, lon) in {"420000": (30.5, 114.3), "430000": (28.2, 112.9)}.items():
        c.entities[f"region:{code}"].attrs.update(lat=lat, lon=lon)
    monkeypatch.setattr(gazetteer, "default", lambda: gazetteer.Gazetteer([]))
    html = view.render_overview(c)
    assert html.count("<circle") == 2 and "湖北省政协" in html
    hubei, hunan = sorted(view.overview_data(c)["map"])[:2]
    assert hubei[1:3] == [114.3, 30.5] and hunan[1:3] == [112.9, 28.2]
    division = gazetteer.Division("420500", "宜昌市", 2, "420000", lat=30.7, lon=111.3)
    monkeypatch.setattr(gazetteer, "default", lambda: gazetteer.Gazetteer([division]))
    assert view.render_overview(c).count("<circle") == 3


def test_seeds_build_renders_a_self_contained_page(seeds_export):
    graph, out = seeds_export
    html = view.render_html(graph.corpus)
    assert_self_contained(html)
    data = page_json(html, "kg-data")
    assert data["promise"]["entities"] == len(graph.corpus.entities)
    assert_self_contained(view.render_overview(graph.corpus))


def _awkward_corpus() -> Corpus:
    """Labels with every kind of character json escapes or leaves: controls, quotes, backslashes,
    U+2028, non-BMP, markup."""
    c = realistic_corpus()
    labels = ['"引号"\\反斜杠', "\x00\x01\x08\t\n\x0b\x0c\r\x1f\x7f", "\u2028\u2029\ufeff", "𠀋𝄞😀", "</script>&<!--"]
    for i, label in enumerate(labels):
        c.entities[f"person:odd{i}"] = Entity(f"person:odd{i}", PERSON, label)
    # figures whose values orjson and json spell differently (5e-05 / 0.00005, NaN / null)
    for i, value in enumerate([5e-05, 1e22, float("nan"), float("-inf"), 0.1]):
        key = f"figure:odd{i}"
        c.entities[key] = Entity(key, "Figure", f"数字{i}", attrs={"value": value, "unit": "%"})
    return c


@pytest.mark.parametrize("make", [realistic_corpus, _awkward_corpus, lambda: big_corpus(600),
                                  lambda: Corpus(docs=[], entities={}, facts=[])])
def test_page_data_text_is_jsons(make):
    """The page data is written by orjson; its text must be json.dumps's (the bytes of
    graph.html do not depend on which writer ran)."""
    for part in view.view_data(make()):
        assert view._json_for_script(part) == view._json_text(part).replace("<", "\\u003c").encode("utf-8")


@pytest.mark.parametrize("value", [{1: "int key"}, [2**70]])
def test_page_data_orjson_refuses_goes_to_json(value):
    assert view._json_for_script(value) == view._json_text(value).replace("<", "\\u003c").encode("utf-8")


def test_page_data_with_a_lone_surrogate_fails_to_encode():
    """orjson refuses it, json writes it, and UTF-8 cannot hold it (as writing graph.html never could)."""
    with pytest.raises(UnicodeEncodeError):
        view._json_for_script({"k": "\ud800"})


@pytest.mark.parametrize("make", [realistic_corpus, _awkward_corpus])
def test_page_bytes_are_the_page_text_put_together_as_text(make, monkeypatch):
    """graph.html is put together as bytes: the same bytes as filling in the JSON text and
    scrubbing the whole page as text, with marks and URLs in the data, and URLs on two lines
    of the title (the page is scrubbed line by line)."""
    c = make()
    labels = ["见 http://example.org/a 与 https://x.cn/b?c=1\u3000后", "/*@EVIDENCE@*/ 与 /*@DATA@*/"]
    for i, label in enumerate(labels):
        c.entities[f"person:url{i}"] = Entity(f"person:url{i}", PERSON, label)
    monkeypatch.setattr(view, "vis_network_js", lambda: "var a = 'http://vis.example/x';\n/*@DATA@*/")
    title = "t http://a.b\nhttp://c.d"
    data, evidence = view.view_data(c)
    page = view._fill(view._static("graph.html"), {
        "TITLE": html.escape(title), "CSS": view._static("view.css"), "VIS": view.scrub_urls(view.vis_network_js()),
        "APP": view._static("view.js"), "DATA": view._json_for_script(data).decode("utf-8"),
        "EVIDENCE": view._json_for_script(evidence).decode("utf-8")})
    expected = view.scrub_urls(page).encode("utf-8")
    assert view.graph_html(c, title) == expected
    assert b"[url removed]" in expected and b"example.org" not in expected and b"c.d" not in expected


def test_a_label_quoting_a_template_mark_stays_text():
    """An article may quote a template's mark (``/*@EVIDENCE@*/``): it is text like any other,
    never the place of another part (which pasted the evidence JSON into a label and left the
    page data unreadable)."""
    c = realistic_corpus()
    marks = "见 /*@EVIDENCE@*/ 与 /*@DATA@*/ 及 /*@APP@*/"
    c.entities["person:mark"] = Entity("person:mark", PERSON, marks)
    page = view.render_html(c)
    labels = [n["l"] for n in page_json(page, "kg-data")["nodes"]]
    assert marks in labels
    assert isinstance(page_json(page, "kg-evidence"), dict)
    committee = next(e for e in c.entities.values() if e.cls == COMMITTEE)
    committee.label = "/*@PEOPLE@*/政协"
    assert html.escape("/*@PEOPLE@*/政协") in view.render_overview(c)
