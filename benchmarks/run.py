"""Throughput benchmark: ``python benchmarks/run.py [--articles 3000] [--workers 1,2] [--repeat 3]``.

Not part of the test suite.  In one run it (each measurement ``--repeat`` times, in turns, keeping
the fastest: the shared machine's noise only ever adds time)

1. writes a corpus of N distinct articles recombined from the seeds (:mod:`corpus`);
2. times plain ``jieba.lcut`` (HMM on, dictionary loaded beforehand) over the same text: the
   reference every build is compared with; and the same shared out among as many forked
   processes as the most workers of the sweep: the speed-up this machine gives a job with no
   serial part, the ceiling for the build's;
3. runs the full build (read -> ... -> Turtle + HTML + report) in a fresh process per worker
   count, without cache, with the per-stage timing hook on, and records wall time,
   articles/s, MB/s, per-stage seconds (summed over worker processes) and peak memory
   (ru_maxrss of the build process and of its largest worker);
4. measures the incremental cache: a cold build with the cache, then the same corpus plus one
   new article, then without it;
5. optionally (``--profile``) profiles one worker over a slice of the corpus and lists the
   functions with the most own time: the hot spots.

Prints a table and writes ``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus import make_article, make_corpus, paragraphs  # noqa: E402

# (module, attribute, stage name) of the functions split out of the coarse stages
PARTS = [
    ("kg.relate_runs", "relate", "relate.runs"),
    ("kg.relate_people", "relate", "relate.people"),
    # with several workers, the export's figures are this process's share only (see kg.rdfparts)
    ("kg.rdf", "Serialisation.__init__", "export.quads_sort"),  # corpus_quads, dedup, sort
    # the RDF files are streamed: their chunks are made while write_files writes them, so
    # export.write_files includes export.turtle/ntriples/jsonld/trig
    ("kg.rdf", "turtle_text", "export.turtle"),
    ("kg.rdf", "ntriples_text", "export.ntriples"),
    ("kg.rdf", "jsonld_text", "export.jsonld"),
    ("kg.rdf", "trig_text", "export.trig"),
    ("kg.rdf", "write_atomic", "export.write_files"),
    # the writers before Serialisation (not called by today's exports): lets this script time an
    # older checkout stage by stage, for before/after figures
    ("kg.rdf", "unique_triples", "export.unique_triples"),
    ("kg.rdf", "write_turtle", "export.turtle"),
    ("kg.rdf", "write_ntriples", "export.ntriples"),
    ("kg.rdf", "write_jsonld", "export.jsonld"),
    ("kg.rdf", "write_trig", "export.trig"),
    ("kg.exports", "graphml", "export.graphml"),
    ("kg.exports", "entities_csv", "export.entities_csv"),
    ("kg.exports", "relations_csv", "export.relations_csv"),
    ("kg.exports", "_report_json", "export.report"),
    ("kg.view", "graph_html", "export.html"),
    ("kg.view", "render_html", "export.html"),  # (what older checkouts call: never both)
    ("kg.view", "render_overview", "export.overview"),
    # one-time loads, counted inside the stage that first needs them (their first call): a
    # stage's steady cost is its time minus these
    ("kg.gazetteer", "default", "startup.gazetteer"),
    ("kg.tokenizer", "tokenizer", "startup.jieba_tokenizer"),
    ("kg.recognise.people", "_pos_tokenizer", "startup.jieba_posseg"),
]


def _instrument() -> None:
    """Split the recognise/relate/export stages into their parts (see kg.pipeline.instrument)."""
    import importlib
    import pkgutil

    import kg.recognise
    from kg import pipeline

    for info in pkgutil.iter_modules(kg.recognise.__path__):
        mod = importlib.import_module(f"kg.recognise.{info.name}")
        if callable(getattr(mod, "recognise", None)):
            pipeline.instrument(mod, "recognise", f"recognise.{info.name}")
    for modname, attr, name in PARTS:
        try:
            owner = importlib.import_module(modname)
        except ImportError:
            continue
        *path, attr = attr.split(".")  # "Class.method": instrument the method on its class
        for part in path:
            owner = getattr(owner, part, None)
        if owner is not None and callable(getattr(owner, attr, None)):
            if attr.endswith("_text"):  # functions returning an iterator of chunks
                _instrument_chunks(owner, attr, name)
            else:
                pipeline.instrument(owner, attr, name)


def _instrument_chunks(owner: Any, attr: str, name: str) -> None:
    """Like :func:`kg.pipeline.instrument` for a function returning an iterator: the time is
    spent making each item (one call counted per chunk)."""
    from kg import pipeline

    func = getattr(owner, attr)

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = func(*args, **kwargs)
        while True:
            with pipeline.timed(name):
                item = next(it, _END)
            if item is _END:
                return
            yield item

    setattr(owner, attr, wrapper)


_END = object()


def child(args: argparse.Namespace) -> None:
    """One build in this (fresh) process; prints a JSON line with its measurements."""
    t0 = time.perf_counter()
    from kg import exports, gcpause, pipeline
    from kg import workflow as b  # (imports counted in the wall time)

    if gcpause.alone():  # as the command does for the whole build (kg.cli._build)
        gc.disable()

    pipeline.enable_timing(True)
    _instrument()
    timings: dict[str, list[float]] = {}
    stats: dict = {}
    corpus = b.analyse([args.corpus], workers=args.workers, cache_dir=args.cache_dir, timings=timings, stats=stats)
    kgraph = b.to_graph(corpus)
    b.export(kgraph, args.out, exports.parse_formats(args.formats), args.workers)
    wall = time.perf_counter() - t0
    pipeline.add_timings(timings, pipeline.take_timings())
    # unique triples = lines of graph.nt; len(kgraph.rdf) would build the rdflib Graph, which
    # the build never does, and its gigabytes would be reported as the build's peak memory
    triples = None
    if (Path(args.out) / "graph.nt").is_file():
        with open(Path(args.out) / "graph.nt", "rb") as nt:
            triples = sum(1 for _ in nt)
    print(json.dumps({
        "wall": wall,
        "timings": timings,
        "stats": stats,
        "triples": triples,
        "entities": len(corpus.entities),
        "maxrss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def run_build(corpus: Path, out: Path, workers: int, formats: str, cache_dir: Path | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", "--corpus", str(corpus), "--out", str(out), "--workers", str(workers),
           "--formats", formats]
    if cache_dir is not None:
        cmd += ["--cache-dir", str(cache_dir)]
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    outer = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"build failed ({r.returncode}):\n{r.stderr[-3000:]}")
    res = json.loads(r.stdout.strip().splitlines()[-1])
    res["process_wall"] = outer
    return res


def jieba_reference(texts: list[str]) -> dict:
    import jieba

    t = time.perf_counter()
    jieba.initialize()
    init = time.perf_counter() - t
    t = time.perf_counter()
    n = 0
    for text in texts:
        n += len(jieba.lcut(text))
    return {"seconds": time.perf_counter() - t, "init_seconds": init, "tokens": n}


def jieba_parallel(texts: list[str], processes: int) -> float:
    """Seconds for ``jieba.lcut`` over ``texts`` shared out (every ``processes``-th text) among
    that many forked processes: what this machine's cores give a job with no serial part and
    nothing to send back, the ceiling for a build's speed-up (call after
    :func:`jieba_reference`, which loads the dictionary the children inherit)."""
    import jieba

    t = time.perf_counter()
    pids = []
    for k in range(processes):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 0
            try:
                for text in texts[k::processes]:
                    jieba.lcut(text)
            except BaseException:
                code = 1
            os._exit(code)
        pids.append(pid)
    failed = [pid for pid in pids if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
    if failed:
        sys.exit(f"the parallel jieba reference failed in {len(failed)} of {processes} processes")
    return time.perf_counter() - t


def profile(corpus: Path, n: int) -> list[dict]:
    """Own time per function over the first ``n`` articles, one process (the hot spots)."""
    import cProfile
    import pstats

    from kg import pipeline

    files = sorted(str(p) for p in corpus.glob("*.txt"))[:n]
    for f in files[:2]:  # warm up: dictionaries, gazetteer
        pipeline.process_path(f)
    prof = cProfile.Profile()
    prof.enable()
    for f in files:
        pipeline.process_path(f)
    prof.disable()
    st = pstats.Stats(prof)
    rows = []
    for (fname, line, func), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{_short(fname)}:{line}({func})", "calls": nc, "own_s": tt, "cum_s": ct})
    rows.sort(key=lambda r: -r["own_s"])
    return rows[:25]


def _short(fname: str) -> str:
    for marker in ("/kg/", "site-packages/"):
        if marker in fname:
            return fname.split(marker, 1)[1] if marker != "/kg/" else "kg/" + fname.split(marker, 1)[1]
    return fname


# timed on their own, outside the timer their prefix names (resolve's merge): stages, not parts
STANDALONE = {"resolve.prepare"}


def _is_stage(name: str) -> bool:
    """A whole stage (its share of the total is shown), not a part of one (``stage.part``)."""
    return "." not in name or name in STANDALONE


def _fmt_table(results: dict) -> str:
    lines = []
    n = results["articles"]
    mb = results["megabytes"]
    ref = results["jieba"]["seconds"]
    lines.append(f"corpus: {n} articles, {mb:.2f} MB; jieba.lcut: {ref:.2f} s ({mb / ref:.2f} MB/s, "
                 f"+{results['jieba']['init_seconds']:.2f} s dictionary load)")
    par = results["jieba"].get("parallel")
    if par:
        lines.append(f"jieba.lcut in {par['processes']} processes: {par['seconds']:.2f} s, {par['speedup']:.2f}x "
                     f"(rounds: {', '.join(f'{x:.2f}' for x in par['round_speedups'])}): this machine's ceiling "
                     f"for a speed-up")
    lines.append(f"{'formats':<10} {'workers':>7} {'wall s':>8} {'art/s':>8} {'MB/s':>6} {'vs jieba':>8} "
                 f"{'speed-up':>8} {'RSS main MB':>11} {'RSS worker MB':>13}")
    base: dict[str, float] = {}  # speed-up against the first run with the same formats
    for run in results["runs"]:
        fm = run.get("formats", "all")
        base.setdefault(fm, run["wall"])
        lines.append(f"{fm:<10} {run['workers']:>7} {run['wall']:>8.2f} {n / run['wall']:>8.0f} "
                     f"{mb / run['wall']:>6.2f} {ref / run['wall']:>8.2f} {base[fm] / run['wall']:>8.2f} "
                     f"{run['maxrss_main_mb']:>11.0f} {run['maxrss_worker_mb']:>13.0f}")
    first = results["runs"][0]
    lines.append(f"\nper stage (workers={first['workers']}; seconds summed over processes):")
    total = sum(v[0] for k, v in first["timings"].items() if _is_stage(k))
    for name, (secs, calls) in sorted(first["timings"].items(), key=lambda kv: -kv[1][0]):
        share = f"{100 * secs / total:5.1f}%" if _is_stage(name) and total else "      "
        lines.append(f"  {name:<28} {secs:8.3f} s {share} ({calls} calls)")
    inc = results.get("incremental")
    if inc:
        lines.append(f"\nincremental (workers={inc['workers']}, formats {inc.get('formats', 'all')}): "
                     f"cold build with cache {inc['cold']:.2f} s, "
                     f"+1 article {inc['plus_one']:.2f} s ({100 * inc['plus_one'] / inc['cold']:.1f} %), "
                     f"-1 article {inc['minus_one']:.2f} s")
    if results.get("profile"):
        lines.append("\nhot spots (own time, one worker):")
        for row in results["profile"][:15]:
            lines.append(f"  {row['own_s']:7.3f} s {row['calls']:>9} calls  {row['function']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts (default: 1,2)")
    ap.add_argument("--formats", default="ttl,html",
                    help="export formats of the worker sweep (default: ttl,html = Turtle + HTML + report, the "
                         "full build as issue 7 defines it)")
    ap.add_argument("--all-formats", type=int, default=-1, metavar="W",
                    help="one more run writing every format, with W workers (default: the most; 0: none)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--repeat", type=int, default=3,
                    help="run every measurement this many times and keep the fastest (default: 3)")
    ap.add_argument("--no-incremental", action="store_true")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile N articles on one worker")
    ap.add_argument("--results", default=str(HERE / "results.json"))
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--cache-dir", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        args.workers = int(args.workers)
        child(args)
        return 0
    # kg's bytecode written once, as Python does at a first import unless told not to (this
    # machine sets PYTHONDONTWRITEBYTECODE=1, and every build process would compile the package
    # again: 0.13 s) and as an installed wheel ships it
    compileall.compile_dir(str(ROOT / "kg"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmpd = Path(tmp)
        corpus = tmpd / "corpus"
        paths = make_corpus(corpus, args.articles, seed=args.seed)
        data = [p.read_bytes() for p in paths]
        mb = sum(len(d) for d in data) / 1e6
        results: dict = {"articles": len(paths), "megabytes": mb, "seed": args.seed,
                         "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                     "platform": platform.platform()},
                         "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        texts = [d.decode("utf-8") for d in data]
        del data
        sweep = [int(x) for x in args.workers.split(",")]
        plan = [(w, args.formats) for w in sweep]
        if args.all_formats != 0:
            plan.append((args.all_formats if args.all_formats > 0 else max(sweep), "all"))
        # every measurement repeated, in turns (a slow spell of the shared machine hits them all
        # alike), and the fastest kept, as timeit does: the noise only ever adds time
        best: dict[tuple[int, str], dict] = {}
        walls: dict[tuple[int, str], list[float]] = {}
        jieba_runs = []
        most = max(sweep)
        parallel: list[float] = []  # jieba in ``most`` processes, when the sweep has more than one
        for _ in range(max(1, args.repeat)):
            jieba_runs.append(jieba_reference(texts))
            if most > 1 and hasattr(os, "fork"):
                parallel.append(jieba_parallel(texts, most))
            for w, fm in plan:
                run = run_build(corpus, tmpd / f"out{w}-{fm}", w, fm)
                run["workers"], run["formats"] = w, fm
                walls.setdefault((w, fm), []).append(run["wall"])
                if (w, fm) not in best or run["wall"] < best[w, fm]["wall"]:
                    best[w, fm] = run
        del texts
        results["jieba"] = min(jieba_runs, key=lambda r: r["seconds"])
        results["jieba"]["all_seconds"] = [r["seconds"] for r in jieba_runs]
        # only the first run loads the dictionary: the later ones find it in this process
        results["jieba"]["init_seconds"] = jieba_runs[0]["init_seconds"]
        if parallel:
            # round by round (each measured right after the one-process run), and of the fastest
            results["jieba"]["parallel"] = {
                "processes": most, "seconds": min(parallel), "all_seconds": parallel,
                "speedup": results["jieba"]["seconds"] / min(parallel),
                "round_speedups": [r["seconds"] / p for r, p in zip(jieba_runs, parallel, strict=True)]}
        results["runs"] = [dict(best[key], all_walls=walls[key]) for key in plan]
        if not args.no_incremental:
            import random

            w = max(sweep)
            extra = corpus / "zz_extra.txt"
            inc: dict = {}
            for rep in range(max(1, args.repeat)):
                cache = tmpd / f"cache{rep}"
                cold = run_build(corpus, tmpd / "outc", w, args.formats, cache)["wall"]
                extra.write_text(make_article(random.Random(-1), paragraphs(), 3000), encoding="utf-8")
                plus = run_build(corpus, tmpd / "outc", w, args.formats, cache)
                extra.unlink()
                minus = run_build(corpus, tmpd / "outc", w, args.formats, cache)["wall"]
                if not inc or plus["wall"] < inc["plus_one"]:
                    inc = {"workers": w, "formats": args.formats, "cold": cold, "plus_one": plus["wall"],
                           "minus_one": minus, "plus_one_stats": plus["stats"]}
            results["incremental"] = inc
        if args.profile:
            results["profile"] = profile(corpus, args.profile)
    table = _fmt_table(results)
    print(table)
    Path(args.results).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
