"""Writing a built graph to a folder: every export format, atomically."""

from __future__ import annotations

import json
from pathlib import Path

from kg import rdf, view
from kg.graph import KnowledgeGraph
from kg.model import Corpus, FileReport


def report_dict(corpus: Corpus) -> dict:
    return {
        "articles": sum(1 for r in corpus.reports if r.status == "ok"),
        "files": [_report_entry(r) for r in corpus.reports],
        "merge_log": corpus.merge_log,
    }


def _report_entry(r: FileReport) -> dict:
    d = {"path": r.path, "status": r.status, "reason": r.reason, "doc_id": r.doc_id,
         "counts": dict(sorted(r.counts.items())), "warnings": r.warnings, "quality": r.quality}
    if r.duplicate_of:
        d["duplicate_of"] = r.duplicate_of
    return d


def write_exports(kgraph: KnowledgeGraph, outdir: Path) -> dict[str, Path]:
    corpus = kgraph.corpus
    assert corpus is not None, "exports need the corpus of a build"
    outdir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, data in (
        ("graph.ttl", rdf.turtle_bytes(kgraph.rdf)),
        ("graph.html", view.render_html(corpus).encode("utf-8")),
        ("report.json", (json.dumps(report_dict(corpus), ensure_ascii=False, indent=1) + "\n").encode("utf-8")),
    ):
        rdf.write_atomic(outdir / name, data)
        written[name] = outdir / name
    return written
