"""How fast the view of a big corpus opens: ``python benchmarks/view_speed.py [--articles 3000]``.

Renders ``graph.html`` for a synthetic corpus of N articles (the generator of the view tests),
opens it in Debian's Chromium (headless, network blocked) with Playwright and prints the time from
navigation start to the end of the first drawing, the part spent in the page's scripts, and the
wall time from launch to drawn.  Not part of the test suite: timings flake on shared machines.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from test_view_corpora import big_corpus  # noqa: E402

from kg import view  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    chromium = shutil.which("chromium")
    if chromium is None:
        print("no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    corpus = big_corpus(args.articles)
    t = time.perf_counter()
    html = view.render_html(corpus)
    render = time.perf_counter() - t
    path = Path(tempfile.mkdtemp()) / "graph.html"
    path.write_text(html, encoding="utf-8")
    print(f"{args.articles} articles, {len(corpus.entities)} entities; page {len(html) >> 10} KiB rendered in "
          f"{render:.2f} s")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for run in range(args.runs):
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.route("http*://**", lambda route: route.abort())  # offline: nothing may leave the page
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.kgView && kgView.drawnAt > 0", timeout=60000)
            wall = time.perf_counter() - start
            drawn_at, draw_ms = page.evaluate("[kgView.drawnAt, kgView.drawMs]")
            print(f"run {run + 1}: drawn {drawn_at:.0f} ms after navigation start ({draw_ms:.0f} ms in the page's "
                  f"scripts), {wall:.2f} s wall, {page.evaluate('kgView.drawnCount()')} nodes drawn")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
