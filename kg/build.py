"""build(): inputs -> per-article stages -> resolve -> RDF -> exports."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from kg import exports, pipeline, rdf, read
from kg.graph import KnowledgeGraph
from kg.model import Corpus, Doc, FileReport
from kg.resolve import resolve


def analyse(inputs: Iterable[str | os.PathLike], workers: int | None = None,
            progress: bool = False) -> Corpus:
    """Run the per-article stages over every input file and resolve the corpus."""
    files, reports = read.expand_inputs(inputs)
    workers = pipeline.default_workers() if workers is None else max(1, workers)
    docs: list[Doc] = []
    by_hash: dict[str, FileReport] = {}
    for report, doc in pipeline.process_all(files, workers=workers, progress=progress):
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
            docs.append(doc)
    reports.sort(key=lambda r: r.path)
    return resolve(docs, reports)


def build(inputs: Iterable[str | os.PathLike] = ("seeds",), outdir: str | os.PathLike | None = None,
          workers: int | None = None, progress: bool = False) -> KnowledgeGraph:
    """Build the knowledge graph of ``inputs`` (files or folders).

    With ``outdir``, also write ``graph.ttl``, ``graph.html`` and ``report.json`` there.
    """
    corpus = analyse(inputs, workers=workers, progress=progress)
    g = rdf.to_rdf(corpus)
    kgraph = KnowledgeGraph(g, corpus)
    if outdir is not None:
        exports.write_exports(kgraph, Path(outdir))
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
