"""The graph and overview pages in a real browser: Debian's Chromium driven by Playwright.

The network is blocked (every non-file request is aborted and recorded; none may be
attempted), console errors are collected (none allowed), and the page is used as a person
would: the number of drawn nodes, search by a Traditional label, a click on a node that shows
its evidence, the filters.  Skipped only when no ``chromium`` is on PATH (or no Playwright).

Set ``KG_UPDATE_SCREENSHOT=1`` to write docs/screenshot.png (the seeds' view, for the README);
otherwise the screenshot goes to a temporary folder so the suite leaves the checkout clean.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from test_view_corpora import big_corpus, realistic_corpus

from kg import view

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the Python package) is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """One opened page with its console errors and the requests it tried to make."""

    def __init__(self, browser, path: Path, width: int = 1600, height: int = 1000):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def wait_drawn(self, timeout: float = 15000) -> None:
        self.page.wait_for_selector('body[data-ready="1"]', state="attached", timeout=timeout)

    def js(self, expr: str):
        return self.page.evaluate(expr)

    def assert_clean(self) -> None:
        assert self.requests == [], "the page tried to reach the network"
        assert self.errors == []

    def close(self) -> None:
        self.page.close()


def write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture
def small_page(browser, tmp_path):
    corpus = realistic_corpus()
    write(tmp_path, "overview.html", view.render_overview(corpus))
    page = Page(browser, write(tmp_path, "graph.html", view.render_html(corpus)))
    page.wait_drawn()
    yield page, corpus
    page.close()


def test_every_entity_is_drawn_without_network_or_errors(small_page):
    page, corpus = small_page
    assert page.js("kgView.drawnCount()") == len(corpus.entities)
    assert page.js("document.body.dataset.shown") == str(len(corpus.entities))
    # node size grows with links and mentions, within a class
    sized = page.js("""kgView.nodes.get().map(n => [kgView.data.nodes[n.id].c,
        kgView.data.nodes[n.id].g + kgView.data.nodes[n.id].m, n.size || n.font.size])""")
    for cls, weight, size in sized:
        assert all(size >= s for c, w, s in sized if c == cls and w < weight)
    assert len({size for _, _, size in sized}) > 3
    page.assert_clean()


def test_search_finds_a_committee_by_its_traditional_label_and_focuses_it(small_page):
    page, _ = small_page
    page.page.fill("#search", "宜昌市政協")
    first = page.page.locator("#search-results li").first
    assert first.inner_text().startswith("宜昌市政协")
    page.page.press("#search", "Enter")
    assert page.js("kgView.network.getSelectedNodes().map(i => kgView.data.nodes[i].k)") == ["committee:420500"]
    assert page.page.locator("#panel h2").inner_text() == "宜昌市政协"
    # a label only ever printed in Simplified is found from its Traditional spelling too
    page.page.fill("#search", "醴陵市政協")
    assert page.page.locator("#search-results li").first.inner_text().startswith("醴陵市政协")
    page.assert_clean()


def test_clicking_a_node_shows_its_evidence_and_highlights_its_neighbours(small_page):
    page, _ = small_page
    xy = page.js("kgView.domPosition('initiative:荆楚议事厅')")
    page.page.mouse.click(xy["x"], xy["y"])
    panel = page.page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "荆楚议事厅" in text and "品牌 Brand" in text
    assert "湖北省政协持续擦亮“荆楚议事厅”协商品牌。" in text
    assert "hubei-001.txt" in text and "2025-03-02" in text and "湖北省政协推进协商品牌建设" in text
    assert page.page.locator("#panel mark").first.inner_text() == "荆楚议事厅"
    # neighbours keep their colour, the rest is dimmed
    colours = page.js("""Object.fromEntries(kgView.nodes.get().map(n => [kgView.data.nodes[n.id].k,
        (n.color && n.color.background) || '']))""")
    assert colours["committee:420000"] != "#eaeded" and colours["committee:430000"] == "#eaeded"
    page.assert_clean()


def test_clicking_an_edge_shows_the_relation_and_its_evidence(small_page):
    page, _ = small_page
    a = page.js("kgView.domPosition('committee:420528')")
    b = page.js("kgView.domPosition('initiative:委员说事')")
    page.page.mouse.click((a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)
    assert page.page.locator("#panel h2").inner_text() == "主办 runs"
    text = page.page.locator("#panel").inner_text()
    assert "长阳土家族自治县政协 → 委员说事" in text
    assert "长阳土家族自治县政协打造“委员说事”协商平台。" in text
    page.assert_clean()


def test_filters_by_class_region_and_article(small_page):
    page, corpus = small_page
    n = len(corpus.entities)
    page.page.uncheck('#legend input[data-cls="Person"]')
    assert page.js("kgView.drawnCount()") == n - 2
    page.page.check('#legend input[data-cls="Person"]')
    page.page.uncheck('#levels input[data-level="3"]')  # county level: its committees and what hangs from them
    keys = page.js("kgView.nodes.getIds().map(i => kgView.data.nodes[i].k)")
    assert "committee:420528" not in keys and "initiative:委员说事" not in keys and "person:李红梅" not in keys
    assert "committee:420500" in keys
    page.page.check('#levels input[data-level="3"]')
    page.page.select_option("#region", "430000")
    keys = page.js("kgView.nodes.getIds().map(i => kgView.data.nodes[i].k)")
    assert keys and all(k.startswith(("committee:43", "region:43", "initiative:", "person:")) for k in keys)
    assert "committee:420000" not in keys and "initiative:协商在一线" in keys
    page.page.select_option("#region", "")
    page.page.select_option("#article", label="2025-04-18 宜昌市政協推出議事平台")
    keys = page.js("kgView.nodes.getIds().map(i => kgView.data.nodes[i].k)")
    assert "initiative:宜商量" in keys and "initiative:协商在一线" not in keys
    page.page.click("#reset")
    assert page.js("kgView.drawnCount()") == n
    page.assert_clean()


def test_overview_page_opens_offline_and_links_to_the_graph(browser, small_page, tmp_path):
    page = Page(browser, tmp_path / "overview.html")
    assert page.page.locator('a[href="graph.html"]').count() == 1
    assert "宜昌市政协" in page.page.locator("#committees").inner_text()
    page.assert_clean()
    page.close()


def test_seeds_view_and_screenshot(browser, seeds_export, tmp_path):
    graph, out = seeds_export
    page = Page(browser, out / "graph.html")
    page.wait_drawn()
    promise = page.js("kgView.data.promise")
    assert promise["entities"] == len(graph.corpus.entities)
    assert page.js("kgView.drawnCount()") == promise["shown"]
    if promise["small"]:
        assert promise["shown"] == len(graph.corpus.entities)
    t2s = page.js("kgView.data.t2s")
    hant = sorted((lab, e.key) for e in graph.corpus.entities.values() if e.cls == "CPPCCCommittee"
                  for lab, lang in e.alt_labels
                  if lang == "zh-Hant" and "".join(t2s.get(ch, ch) for ch in lab) == e.label)
    target = ROOT / "docs" / "screenshot.png" if os.environ.get("KG_UPDATE_SCREENSHOT") else tmp_path / "shot.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000
    if hant:  # search by the Traditional spelling of a committee's name, as the seeds printed it
        label, key = hant[0]
        page.page.fill("#search", label)
        page.page.press("#search", "Enter")
        assert page.js("kgView.network.getSelectedNodes().map(i => kgView.data.nodes[i].k)") == [key]
    page.assert_clean()
    page.close()


def test_a_3000_article_graph_opens_draws_its_top_and_expands(browser, tmp_path, record_property):
    """The 5 s target of issue 6 is measured by ``benchmarks/view_speed.py`` (timed tests flake on
    shared machines); here a page that takes more than 20 s counts as broken, not slow."""
    corpus = big_corpus(3000)
    path = write(tmp_path, "graph.html", view.render_html(corpus))
    start = time.perf_counter()
    page = Page(browser, path)
    page.wait_drawn(timeout=10000)
    wall = time.perf_counter() - start
    drawn_at = page.js("kgView.drawnAt")  # ms from navigation start to the end of the first drawing
    record_property("drawn_at_ms", drawn_at)
    record_property("wall_s", wall)
    assert drawn_at < 20000 and wall < 20.0
    assert page.js("kgView.drawnCount()") == page.js("kgView.data.promise.shown") <= view.INITIAL_CAP
    # expansion on demand: a double-click on a committee brings its hidden neighbours in
    before = page.js("kgView.drawnCount()")
    page.js("kgView.focusKey(kgView.data.nodes[0].k)")
    page.page.click("#expand")
    assert page.js("kgView.drawnCount()") > before
    page.assert_clean()
    page.close()
