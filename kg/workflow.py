"""The workflow wiring of a build.

:func:`build`: inputs -> per-article stages -> resolve -> RDF -> exports (-> store, endpoint).

The per-article stages run in :mod:`kg.pipeline` (processes, a Dask cluster, the cache); the
corpus-wide ones run here, once.  The graph is always the resolve of the *current* inputs: a
cached article that is no longer among the inputs contributes nothing.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg import exports, gcpause, pipeline, rdf, read
from kg.cache import Cache
from kg.graph import KnowledgeGraph
from kg.model import Corpus, FileReport
from kg.resolve import Resolver


def analyse(inputs: Iterable[str | os.PathLike], workers: int | None = None, progress: bool = False,
            cache_dir: str | os.PathLike | None = None, dask: Any = None,
            timings: dict[str, list[float]] | None = None, stats: dict[str, Any] | None = None) -> Corpus:
    """Run the per-article stages over every input file and resolve the corpus.

    ``cache_dir``: reuse and store per-article results there (:mod:`kg.cache`); None: no cache.
    ``dask``: a scheduler address or ``distributed.Client`` to run the per-article stages on.
    ``timings`` collects per-stage seconds when :func:`kg.pipeline.enable_timing` is on;
    ``stats`` receives counts (files, ok, cached, analysed).
    """
    with pipeline.timed("expand"):
        files, reports = read.expand_inputs(inputs)
    workers = pipeline.default_workers() if workers is None else max(1, workers)
    cache = Cache(cache_dir, pipeline.PIPELINE_VERSION) if cache_dir is not None else None
    resolver = Resolver()  # fed as the articles come back (see Resolver)
    by_hash: dict[str, FileReport] = {}
    # the collector paused: the docs pile up here (and make no cycles, nor do the stages: see
    # tests/test_pipeline.py), and each full collection would walk them all again (not with
    # other threads, a Dask client's for one: see gcpause.paused_if_alone)
    with gcpause.paused_if_alone(threads_to_come=dask is not None):
        for report, doc in pipeline.process_all(files, workers=workers, progress=progress, cache=cache,
                                                dask=dask, timings=timings):
            if doc is not None:
                first = by_hash.get(doc.article.content_hash)
                if first is not None:  # the same article twice: one article, both paths recorded
                    report.status = "skipped"
                    report.reason = f"duplicate of {first.path}"
                    report.duplicate_of = first.path
                    report.counts = {}
                    doc = None
                else:
                    by_hash[doc.article.content_hash] = report
            reports.append(report)
            if doc is not None:
                with pipeline.timed("resolve.prepare"):
                    resolver.add(doc)
        reports.sort(key=lambda r: r.path)
        if stats is not None:
            stats.update(files=len(files), ok=len(by_hash), cached=cache.hits if cache else 0,
                         analysed=cache.misses if cache else len(files))
        with pipeline.timed("resolve"):
            return resolver.corpus(reports)


def export(kgraph: KnowledgeGraph, outdir: str | os.PathLike, formats: Iterable[str] | None = None,
           workers: int | None = 1) -> dict[str, Path]:
    """Write the export ``formats`` (None: all of :data:`kg.exports.FORMATS`) and report.json to
    ``outdir``, each file atomically, with ``workers`` processes (None: all cores)."""
    workers = pipeline.default_workers() if workers is None else max(1, workers)
    with pipeline.timed("exports"):
        return exports.write_exports(kgraph, Path(outdir), formats, workers)


class LazyKnowledgeGraph(KnowledgeGraph):
    """A :class:`KnowledgeGraph` whose rdflib Graph is built on first use.

    Why: the exports are written straight from the corpus by streaming writers, so a command
    line build never needs the rdflib Graph; building it anyway cost more than all the
    per-article stages on 3,000 articles (about 50 s and 3 GB for 1.2 M triples).  Library
    users who touch ``.rdf`` (query, networkx, len) get it built once, transparently.
    """

    def __init__(self, corpus: Corpus):  # noqa: D107 - no rdflib Graph yet
        self._rdf: Graph | None = None
        self.corpus = corpus

    @property  # type: ignore[override]
    def rdf(self) -> Graph:
        if self._rdf is None:
            with pipeline.timed("rdf"):
                self._rdf = rdf.to_rdf(self.corpus)
        return self._rdf

    @rdf.setter
    def rdf(self, value: Graph) -> None:
        self._rdf = value


def to_graph(corpus: Corpus) -> KnowledgeGraph:
    """The KnowledgeGraph of a corpus (its rdflib Graph is built when first used)."""
    return LazyKnowledgeGraph(corpus)


def publish(kgraph: KnowledgeGraph, outdir: str | os.PathLike | None = None, store: str | os.PathLike | None = None,
            push: str | None = None) -> dict[str, Any]:
    """Load the graph into an Oxigraph store and/or push it to a Graph Store endpoint.

    Give ``outdir`` only when this build has just written ``outdir/graph.ttl``: its bytes are
    loaded (no second serialisation)."""
    from kg import scale

    done: dict[str, Any] = {}
    if store is None and push is None:
        return done
    ttl = Path(outdir) / "graph.ttl" if outdir is not None else None
    if ttl is not None and ttl.is_file():
        data = ttl.read_bytes()
    elif kgraph.corpus is not None and hasattr(rdf, "corpus_turtle"):
        data = rdf.corpus_turtle(kgraph.corpus)
    else:
        data = rdf.turtle_bytes(kgraph.rdf)
    if store is not None:
        with pipeline.timed("store"):
            done["store"] = scale.load_store(data, store)
    if push is not None:
        with pipeline.timed("push"):
            done["push"] = scale.push(data, push)
    return done


def build(inputs: Iterable[str | os.PathLike] = ("seeds",), outdir: str | os.PathLike | None = None,
          workers: int | None = None, progress: bool = False, cache_dir: str | os.PathLike | None = None,
          dask: Any = None, store: str | os.PathLike | None = None, push: str | None = None,
          formats: Iterable[str] | None = None) -> KnowledgeGraph:
    """Build the knowledge graph of ``inputs`` (files or folders).

    With ``outdir``, also write the export ``formats`` there (None: every format; report.json
    always); with ``cache_dir``, reuse per-article results (see :mod:`kg.cache`); with ``dask``
    (an address or a client), run the per-article stages on that cluster; with ``store`` (a
    folder) and
    ``push`` (a Graph Store Protocol URL), publish the graph (see :mod:`kg.scale`).
    """
    with gcpause.paused_if_alone(threads_to_come=dask is not None):  # one collection after the build
        corpus = analyse(inputs, workers=workers, progress=progress, cache_dir=cache_dir, dask=dask)
        kgraph = to_graph(corpus)
        written: dict[str, Path] = {}
        if outdir is not None:
            written = export(kgraph, outdir, formats, workers)
    publish(kgraph, outdir if "graph.ttl" in written else None, store=store, push=push)
    return kgraph


def summary(corpus: Corpus) -> str:
    """One line: articles read, entities per class, relations."""
    ok = sum(1 for r in corpus.reports if r.status == "ok")
    skipped = sum(1 for r in corpus.reports if r.status != "ok")
    per_class = Counter(e.cls for e in corpus.entities.values())
    classes = ", ".join(f"{n} {c}" for c, n in sorted(per_class.items()))
    line = f"{ok} articles read"
    if skipped:
        line += f" ({skipped} skipped)"
    return f"{line}; entities: {classes or 'none'}; {len(corpus.facts)} relations"
