"""The RDF files of a corpus, written in parts, on several cores.

Why parts: on 3,000 articles, numbering, sorting and rendering the 2.3 M quads was half of a
build, in one process.  Two thirds of them describe evidence nodes, which are named by a hash
under one IRI prefix (:data:`kg.rdf.EVIDENCE_NS`) and are written straight to text
(:mod:`kg.rdfevidence`); the other subjects, the *structure*, are ranked and sorted
(:class:`kg.rdf.Serialisation`).  The evidence nodes whose hash starts with a run of consecutive
hex digits are one range of subjects, so every RDF file is: the structure before that prefix,
the evidence nodes run by run, the structure after it.  TriG is grouped by graph first; it is
assembled graph by graph from the parts' text for each graph.

With ``workers`` = N, this process takes the structure and the first run of digits, and N - 1
forked children (:mod:`kg.forked`) take the other runs, the first child after a *side task*
(the files that need no RDF), the runs sized so that every process has about the same work
(:func:`share_digits`).  A child writes each file's text for its run to a part file; this
process assembles every file from its own text and the part files.  The files are
byte-identical whatever the number of processes (``tests/test_exports.py`` checks it).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Union

from kg import forked, rdf
from kg.model import Corpus
from kg.rdfevidence import EvidenceText

HEX = "0123456789abcdef"
# rough costs, in seconds on the benchmark's 3,000 articles in one process (this 2-core machine,
# measured 2026-12-02): the structure's quads numbered and sorted (""), then written in each
# syntax; the evidence nodes collected and their fields read (""), then written in each syntax.
# share_digits weighs them against the side task's cost, the export jobs' figures of
# kg.exports in the same seconds, so both are measured alike; collecting evidence also costs
# each process about 0.2 s whatever its share (a walk over the corpus), not modelled: every
# process with a share pays it alike.
STRUCTURE_COST = {"": 1.2, "ttl": 0.27, "nt": 0.27, "jsonld": 0.33, "trig": 0.2}
EVIDENCE_COST = {"": 0.6, "ttl": 0.15, "nt": 0.21, "jsonld": 0.12, "trig": 0.15}
_READ = 1 << 20  # bytes per read of a part file
PARTS_PREFIX = ".parts-"  # the folder of part files, in the output folder (see forked.remove_leftovers)


def write_files(corpus: Corpus, targets: dict[str, Path], workers: int = 1,
                side: tuple[Callable[[], None], float] | None = None) -> None:
    """Write the RDF file of each format of ``targets`` ({ttl, nt, jsonld, trig: path}), each
    atomically, with ``workers`` processes; ``side``: (a task, its cost in the units of
    :data:`STRUCTURE_COST`) to run too, in the first child (here when there is none)."""
    formats = list(targets)
    workers = max(1, workers) if forked.can_fork() else 1
    structure_cost, evidence_cost = (sum(costs[f] for f in ("", *formats)) for costs in (STRUCTURE_COST, EVIDENCE_COST))
    side_cost = side[1] if side else 0.0
    digits = share_digits([structure_cost, side_cost] + [0.0] * (workers - 2), evidence_cost) \
        if workers > 1 and formats else [HEX]
    folder = next(iter(targets.values())).parent
    tmp = Path(tempfile.mkdtemp(prefix=PARTS_PREFIX + forked.owner_tag(), dir=folder)) if any(digits[1:]) else None
    stems = {i: tmp / str(i) for i in range(1, len(digits)) if digits[i]} if tmp is not None else {}

    def child(i: int) -> Callable[[], None]:
        def task() -> None:
            if i == 1 and side:
                side[0]()
            if i in stems:
                _write(EvidenceText.of(corpus, digits[i]), formats, stems[i])
        return task

    busy = [i for i in range(1, len(digits)) if i in stems or (i == 1 and side)]  # no child without work
    try:
        with forked.children([child(i) for i in busy]) as wait:
            if side and len(digits) == 1:
                side[0]()
            structure = rdf.Serialisation(rdf.corpus_quads(corpus, evidence=False))
            cut = structure.subject_rank(rdf.EVIDENCE_NS)  # the structure's subjects after the evidence nodes'
            own: list[Piece] = [_Range(structure, 0, cut), EvidenceText.of(corpus, digits[0]), _Range(structure, cut)]
            others = [_File(stem) for stem in stems.values()]
            if structure.subject_rank(rdf.after(rdf.EVIDENCE_NS)) != cut:
                # an entity named like an evidence node (a corpus made by hand): the ranges would
                # interleave, so every quad goes through one serialisation, in order
                own, others = [_Range(rdf.Serialisation(rdf.corpus_quads(corpus)))], []
            if tmp is not None:  # while the others work, this text too goes to part files: then all is copying
                own = [_write(piece, formats, tmp / f"own{k}") for k, piece in enumerate(own)]
            wait()
        pieces = [*own[:-1], *others, own[-1]]
        for fmt in formats:
            if fmt == "trig":
                text = rdf.trig_text([piece.graph_bodies() for piece in pieces])
            else:
                text = {"ttl": rdf.turtle_text, "nt": rdf.ntriples_text, "jsonld": rdf.jsonld_text}[fmt](
                    [piece.body(fmt) for piece in pieces])
            rdf.write_atomic(targets[fmt], rdf.encoded(text))
            for piece in pieces:  # the part files of this format are no longer needed: free the disk
                if isinstance(piece, _File):
                    piece.remove(fmt)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def share_digits(loads: list[float], evidence: float) -> list[str]:
    """Consecutive runs of the hex digits, one per process, so that each process's load (its
    ``loads`` plus its share of ``evidence``, a sixteenth per digit) is about the same; the
    last process takes what is left.

    >>> share_digits([3.0, 2.5], 8.0)
    ['01234567', '89abcdef']
    >>> share_digits([1.0, 9.0, 0.0], 8.0)
    ['0123456789', '', 'abcdef']
    >>> share_digits([1.0], 8.0)
    ['0123456789abcdef']
    """
    target = (sum(loads) + evidence) / len(loads)
    unit = evidence / len(HEX)
    runs, start = [], 0
    for i, load in enumerate(loads):
        end = len(HEX) if i == len(loads) - 1 else start
        while end < len(HEX) and load + (end - start + 0.5) * unit <= target:
            end += 1
        runs.append(HEX[start:end])
        start = end
    return runs


class _Range:
    """The text of a serialisation's subjects ranked ``lo`` to ``hi`` (None: to the end)."""

    def __init__(self, ser: rdf.Serialisation, lo: int = 0, hi: int | None = None):
        self.ser, self.lo, self.hi = ser, lo, hi

    def body(self, fmt: str) -> rdf.Body:
        return self.ser.body(fmt, self.lo, self.hi)

    def graph_bodies(self) -> rdf.GraphBodies:
        return self.ser.graph_bodies(self.lo, self.hi)


class _File:
    """The text of a part, from the files :func:`_write` made: ``stem.<format>``, in UTF-8, and
    for TriG an index of its graphs, ``stem.trig.json`` ([graph key, length in bytes] in order)."""

    def __init__(self, stem: Path):
        self.stem = stem

    def body(self, fmt: str) -> Iterator[bytes]:
        with open(f"{self.stem}.{fmt}", "rb") as fh:
            while chunk := fh.read(_READ):
                yield chunk

    def remove(self, fmt: str) -> None:
        Path(f"{self.stem}.{fmt}").unlink(missing_ok=True)
        Path(f"{self.stem}.{fmt}.json").unlink(missing_ok=True)

    def graph_bodies(self) -> Iterator[tuple[str, rdf.Body]]:
        index = json.loads(Path(f"{self.stem}.trig.json").read_text(encoding="utf-8"))
        with open(f"{self.stem}.trig", "rb") as fh:
            for g, n in index:
                yield g, _read(fh, n)


Piece = Union["_Range", "_File", EvidenceText]  # the text of one range of subjects, in every syntax


def _write(piece: Piece, formats: list[str], stem: Path) -> _File:
    """Write each format's text of ``piece`` to part files (see :class:`_File`)."""
    for fmt in formats:
        with open(f"{stem}.{fmt}", "wb") as fh:
            if fmt == "trig":
                index = [[g, _write_counted(fh, body)] for g, body in piece.graph_bodies()]
            else:
                fh.writelines(rdf.encoded(piece.body(fmt)))
        if fmt == "trig":
            Path(f"{stem}.{fmt}.json").write_text(json.dumps(index), encoding="utf-8")
    return _File(stem)


def _write_counted(fh: BinaryIO, body: rdf.Body) -> int:
    """Write ``body`` in UTF-8; the number of bytes written."""
    n = 0
    for chunk in rdf.encoded(body):
        fh.write(chunk)
        n += len(chunk)
    return n


def _read(fh: BinaryIO, n: int) -> Iterator[bytes]:
    """``n`` bytes of ``fh``, in chunks (consumed before the next graph is asked for)."""
    while n > 0:
        chunk = fh.read(min(n, _READ))
        if not chunk:
            raise OSError(f"part file {fh.name} ends early")
        n -= len(chunk)
        yield chunk
