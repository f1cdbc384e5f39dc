"""The ordered stages, their declared inputs and outputs, and the runner.

Per-article stages are pure functions ``Doc -> Doc`` (``normalise`` turns the Article into a
Doc).  Each declares which ``Doc`` fields it needs and which it fills; the runner checks the
declaration after every stage, so a stage that forgets its job fails loudly in the tests
instead of silently producing an empty graph.  Corpus-wide work (resolve, RDF, exports) runs
once, after all articles.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from kg import normalise as _normalise
from kg import read as _read
from kg import recognise as _recognise
from kg import relate as _relate
from kg import segment as _segment
from kg.model import Doc, FileReport

PIPELINE_VERSION = "1"

@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Doc], Doc]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("segment", _segment.segment, requires=("text",), assigns=("sentences",)),
    Stage("recognise", _recognise.recognise, requires=("text", "sentences"), assigns=("mentions",)),
    Stage("relate", _relate.relate, requires=("mentions", "sentences"), assigns=("relations",)),
)


def run_stages(doc: Doc, stages: Iterable[Stage] = STAGES) -> Doc:
    """Run ``stages`` over ``doc`` in order, checking each one's declared inputs."""
    for stage in stages:
        for name in stage.requires:
            if getattr(doc, name) is None:
                raise RuntimeError(f"stage {stage.name!r} needs Doc.{name}, which no stage before it set")
        doc = stage.func(doc)
    return doc


def process_path(path: str) -> tuple[FileReport, Doc | None]:
    """Read and analyse one file.  Never raises for bad input: the report says what happened."""
    try:
        article = _read.read_article(path)
    except _read.UnreadableFile as exc:
        return FileReport(path=path, status="skipped", reason=str(exc)), None
    try:
        doc = run_stages(_normalise.normalise(article))
    except Exception as exc:  # a bug on one article must not cost the others
        return FileReport(path=path, status="failed", reason=f"{type(exc).__name__}: {exc}",
                          doc_id=article.doc_id), None
    counts: dict[str, int] = {}
    for m in doc.mentions:
        counts[m.cls] = counts.get(m.cls, 0) + 1
    counts["relations"] = len(doc.relations)
    report = FileReport(path=path, status="ok", doc_id=article.doc_id, counts=counts,
                        warnings=list(article.warnings) + list(doc.warnings),
                        quality={"encoding": article.encoding, **dict(doc.quality)})
    return report, doc


def process_all(files: list[str], workers: int = 1, progress: bool = False) -> Iterator[tuple[FileReport, Doc | None]]:
    """Process ``files`` with ``workers`` processes; results come back in input order."""
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="article", file=sys.stderr)
    try:
        if workers <= 1 or len(files) < 2:
            for f in files:
                yield process_path(f)
                if bar:
                    bar.update()
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for result in pool.map(process_path, files, chunksize=max(1, len(files) // (workers * 8))):
                    yield result
                    if bar:
                        bar.update()
    finally:
        if bar:
            bar.close()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
