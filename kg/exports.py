"""Writing a built graph to a folder: every export format, each file atomically.

All RDF formats are written from the corpus by the streaming writers of :mod:`kg.rdf` (no
rdflib serialisation), so they are deterministic and fast; ``graph.ttl``, ``graph.nt`` and
``graph.jsonld`` hold the same triples, ``graph.trig`` the same triples split into one named
graph per article plus the default graph (entities and facts derived from the region tree).
"""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # type: ignore[attr-defined]  # the escaping networkx's writer gets

from kg import rdf, view
from kg.graph import KnowledgeGraph
from kg.model import Corpus, FileReport

# the formats a build can write, by the name ``--formats`` takes, and their files; report.json
# (what was read, skipped and merged) is written by every build
FORMATS: dict[str, tuple[str, ...]] = {
    "ttl": ("graph.ttl",),
    "nt": ("graph.nt",),
    "jsonld": ("graph.jsonld",),
    "trig": ("graph.trig",),
    "graphml": ("graph.graphml",),
    "csv": ("entities.csv", "relations.csv"),
    "html": ("graph.html", "overview.html"),
}
RDF_FORMATS = ("ttl", "nt", "jsonld", "trig")


def parse_formats(text: str) -> tuple[str, ...]:
    """The formats named in a comma-separated list, in :data:`FORMATS` order; ``all``: every one.

    >>> parse_formats("html, ttl")
    ('ttl', 'html')
    >>> parse_formats("all") == tuple(FORMATS)
    True
    >>> parse_formats("turtle")
    Traceback (most recent call last):
    ValueError: unknown format 'turtle' (choose from all, ttl, nt, jsonld, trig, graphml, csv, html)
    """
    names = {n.strip().lower() for n in text.split(",") if n.strip()}
    if "all" in names:
        return tuple(FORMATS)
    for n in sorted(names):
        if n not in FORMATS:
            raise ValueError(f"unknown format {n!r} (choose from all, {', '.join(FORMATS)})")
    if not names:
        raise ValueError(f"no format named (choose from all, {', '.join(FORMATS)})")
    return tuple(f for f in FORMATS if f in names)


ENTITY_COLUMNS = ["iri", "class", "label", "alt_labels", "division_code", "level", "articles", "mentions"]
RELATION_COLUMNS = ["subject", "subject_label", "predicate", "object", "object_label", "attributes",
                    "derivation", "articles", "sentence"]


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


def entities_csv(corpus: Corpus) -> bytes:
    """One row per entity (UTF-8 with BOM so that spreadsheets read the Chinese correctly)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ENTITY_COLUMNS)
    for e in sorted(corpus.entities.values(), key=lambda x: x.iri):
        w.writerow([e.iri, e.cls, e.label, "|".join(sorted(label for label, _ in e.alt_labels)),
                    e.attrs.get("code", ""), e.attrs.get("level", ""),
                    "|".join(sorted({ev.doc_id for ev in e.evidence})), len(e.evidence)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def relations_csv(corpus: Corpus) -> bytes:
    """One row per fact, with its first evidence sentence."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(RELATION_COLUMNS)
    ents = corpus.entities
    rows = []
    for f in corpus.facts:
        s, o = ents.get(f.subject), ents.get(f.object)
        if s is None or o is None:
            continue
        attrs = json.dumps({k: v for k, v in sorted(f.attrs.items()) if k != "derived"}, ensure_ascii=False,
                           default=str) if f.attrs else ""
        rows.append([s.iri, s.label, f.predicate, o.iri, o.label, attrs if attrs != "{}" else "",
                     "" if f.evidence else str(f.attrs.get("derived") or "region tree"),
                     "|".join(sorted({ev.doc_id for ev in f.evidence})),
                     f.evidence[0].sentence if f.evidence else ""])
    w.writerows(sorted(rows))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def graphml(corpus: Corpus) -> bytes:
    """GraphML for Gephi: one node per entity (label, type), one edge per fact (predicate).

    Written directly, byte for byte what ``networkx.write_graphml`` (ElementTree writer, pretty
    printed) gives for the MultiDiGraph of :func:`_graphml_nx`, which costs ten times as much:
    nodes in IRI order, each node's edges grouped by target in order of first appearance, one
    edge per (source, target, predicate), keys declared in reverse order of first use."""
    ents = corpus.entities
    nodes: dict[str, tuple[str, str]] = {}
    for e in sorted(ents.values(), key=lambda x: x.iri):
        nodes[e.iri] = (e.label, e.cls)  # an IRI twice: networkx keeps the place, updates the data
    adj: dict[str, dict[str, dict[str, None]]] = {iri: {} for iri in nodes}
    for f in sorted(corpus.facts, key=lambda x: (x.subject, x.predicate, x.object)):
        s, o = ents.get(f.subject), ents.get(f.object)
        if s is not None and o is not None:
            adj[s.iri].setdefault(o.iri, {})[f.predicate] = None
    values = [x for pair in nodes.values() for x in pair]
    values += [k for targets in adj.values() for keys in targets.values() for k in keys]
    if not all(type(x) is str for x in (*nodes, *values)):
        return _graphml_nx(corpus)  # networkx types other values (attr.type="int"...): let it
    attr, text = _escape_attrib, _escape_cdata

    def data(key: str, value: str) -> str:
        return f'      <data key="{key}">{text(value)}</data>\n' if value else f'      <data key="{key}" />\n'

    out = ["<?xml version='1.0' encoding='utf-8'?>\n"
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n']
    if any(adj.values()):
        out.append('  <key id="d2" for="edge" attr.name="predicate" attr.type="string" />\n')
    if nodes:
        out.append('  <key id="d1" for="node" attr.name="type" attr.type="string" />\n'
                   '  <key id="d0" for="node" attr.name="label" attr.type="string" />\n'
                   '  <graph edgedefault="directed">\n')
    else:
        out.append('  <graph edgedefault="directed" />\n')
    for iri, (label, cls) in nodes.items():
        out.append(f'    <node id="{attr(iri)}">\n' + data("d0", label) + data("d1", cls) + "    </node>\n")
    for u, targets in adj.items():
        for v, keys in targets.items():
            for k in keys:
                out.append(f'    <edge source="{attr(u)}" target="{attr(v)}" id="{attr(k)}">\n'
                           + data("d2", k) + "    </edge>\n")
    if nodes:
        out.append("  </graph>\n")
    out.append("</graphml>\n")
    return "".join(out).encode("utf-8", "xmlcharrefreplace")  # ElementTree's errors= for utf-8


def _graphml_nx(corpus: Corpus) -> bytes:
    """The GraphML of :func:`graphml`, through networkx (the reference its bytes must equal)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for e in sorted(corpus.entities.values(), key=lambda x: x.iri):
        g.add_node(e.iri, label=e.label, type=e.cls)
    for f in sorted(corpus.facts, key=lambda x: (x.subject, x.predicate, x.object)):
        s, o = corpus.entities.get(f.subject), corpus.entities.get(f.object)
        if s is not None and o is not None:
            g.add_edge(s.iri, o.iri, key=f.predicate, predicate=f.predicate)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _report_json(corpus: Corpus) -> bytes:
    return (json.dumps(report_dict(corpus), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _html(corpus: Corpus) -> bytes:
    return view.render_html(corpus).encode("utf-8")


def _overview(corpus: Corpus) -> bytes | None:
    render = getattr(view, "render_overview", None)
    return render(corpus).encode("utf-8") if render is not None else None


def write_exports(kgraph: KnowledgeGraph, outdir: Path, formats: Iterable[str] | None = None) -> dict[str, Path]:
    """Write ``formats`` (names of :data:`FORMATS`; None: all) and report.json to ``outdir``;
    returns {file name: path}.  Each file is written to a temporary file and renamed, so an
    interrupted build leaves the previous file whole."""
    corpus = kgraph.corpus
    assert corpus is not None, "exports need the corpus of a build"
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    wanted = set(FORMATS if formats is None else formats)
    unknown = wanted - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown export formats: {', '.join(sorted(unknown))}")
    with _no_gc():
        return _write_exports(corpus, outdir, wanted)


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector off while writing.  Why: the writers allocate hundreds of
    thousands of tuples and strings that die by reference counting, and each generation-2
    collection they trigger walks the whole corpus: a third of the export's time.  What cycles
    the writers leave (networkx's cached views) go at the next collection."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _write_exports(corpus: Corpus, outdir: Path, formats: set[str]) -> dict[str, Path]:
    written: dict[str, Path] = {}

    def write(name: str, data: bytes | Iterable[bytes] | None) -> None:
        if data is not None:
            rdf.write_atomic(outdir / name, data)
            written[name] = outdir / name

    def encoded(chunks: Iterable[str]) -> Iterator[bytes]:
        return (c.encode("utf-8") for c in chunks)

    if formats & set(RDF_FORMATS):
        # quads sorted and terms rendered once for all four; each file streamed in chunks (a
        # 3,000-article N-Triples file as one string and its bytes was over a gigabyte)
        ser = rdf.Serialisation(rdf.corpus_quads(corpus))
        writers = {"ttl": ser.turtle_chunks, "nt": ser.ntriples_chunks, "jsonld": ser.jsonld_chunks,
                   "trig": ser.trig_chunks}
        for fmt in RDF_FORMATS:
            if fmt in formats:
                write(FORMATS[fmt][0], encoded(writers[fmt]()))
        del ser, writers  # the sorted quads and rendered terms are not needed for the rest
    producers: list[tuple[str, str, Callable[[], bytes | None]]] = [
        ("graphml", "graph.graphml", lambda: graphml(corpus)),
        ("csv", "entities.csv", lambda: entities_csv(corpus)),
        ("csv", "relations.csv", lambda: relations_csv(corpus)),
        ("html", "graph.html", lambda: _html(corpus)),
        ("html", "overview.html", lambda: _overview(corpus)),
        ("report", "report.json", lambda: _report_json(corpus)),
    ]
    for fmt, name, produce in producers:
        if fmt in formats or fmt == "report":
            write(name, produce())
    return written
