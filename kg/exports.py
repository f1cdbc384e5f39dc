"""Writing a built graph to a folder: the export formats asked for, each file atomically.

All RDF formats are written from the corpus by the streaming writers of :mod:`kg.rdf` (no
rdflib serialisation), so they are deterministic and fast; ``graph.ttl``, ``graph.nt`` and
``graph.jsonld`` hold the same triples, ``graph.trig`` the same triples split into one named
graph per article plus the default graph (entities and facts derived from the region tree).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # type: ignore[attr-defined]  # the escaping networkx's writer gets

import orjson

from kg import forked, gcpause, rdf, rdfparts, view
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
ALL_FILES = tuple(name for names in FORMATS.values() for name in names)


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
    nodes, adj = _graphml_rows(corpus)
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


def _graphml_rows(corpus: Corpus) -> tuple[dict[str, tuple[str, str]], dict[str, dict[str, dict[str, None]]]]:
    """GraphML's nodes {IRI: (label, class)} in IRI order and edges {source: {target: {predicate}}}
    (targets in order of first appearance), as networkx would hold them."""
    ents = corpus.entities
    nodes: dict[str, tuple[str, str]] = {}
    for e in sorted(ents.values(), key=lambda x: x.iri):
        nodes[e.iri] = (e.label, e.cls)  # an IRI twice: networkx keeps the place, updates the data
    adj: dict[str, dict[str, dict[str, None]]] = {iri: {} for iri in nodes}
    for f in sorted(corpus.facts, key=lambda x: (x.subject, x.predicate, x.object)):
        s, o = ents.get(f.subject), ents.get(f.object)
        if s is not None and o is not None:
            adj[s.iri].setdefault(o.iri, {})[f.predicate] = None
    return nodes, adj


def _graphml_nx(corpus: Corpus) -> bytes:
    """The GraphML of :func:`graphml` written by networkx: for values that are not all strings,
    which networkx types (attr.type="int" ...)."""
    import networkx as nx

    nodes, adj = _graphml_rows(corpus)
    g = nx.MultiDiGraph()
    for iri, (label, cls) in nodes.items():
        g.add_node(iri, label=label, type=cls)
    for u, targets in adj.items():
        for v, keys in targets.items():
            for k in keys:
                g.add_edge(u, v, key=k, predicate=k)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _report_json(corpus: Corpus) -> bytes:
    """report.json: ``json.dumps(report, ensure_ascii=False, indent=1)`` and a newline, in UTF-8.

    json indents in pure Python (its C encoder takes no indent): a million generator steps, four
    times what orjson's two-space indent plus :func:`_halve_indent` costs.  The two write the same
    text for the report's plain values (strings, ints, booleans, None, lists and dicts with string
    keys: they escape strings alike); anything else (a float, which they spell otherwise with an
    exponent or when NaN, a subclass, another type) or what orjson refuses (ints beyond 64 bits,
    lone surrogates, keys that are not strings) is written by json.
    """
    report = report_dict(corpus)
    if _plain_tree(report):
        try:
            return _halve_indent(orjson.dumps(report, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return (json.dumps(report, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


_PLAIN_LEAVES = view.PLAIN_TYPES  # (floats: json and orjson spell some otherwise)
_CONTAINERS = (dict, list, tuple)


def _plain_tree(obj: dict | list | tuple) -> bool:
    """Whether ``obj`` holds nothing but dicts, lists and tuples of :data:`_PLAIN_LEAVES` (exact
    types: a subclass may be written otherwise).  One type set per container, made in C."""
    stack = [obj]
    while stack:
        o = stack.pop()
        types = set(map(type, o.values() if type(o) is dict else o))
        if types <= _PLAIN_LEAVES:
            continue
        if not types <= _PLAIN_LEAVES.union(_CONTAINERS):
            return False
        stack += [v for v in (o.values() if type(o) is dict else o) if type(v) in _CONTAINERS]
    return True


def _halve_indent(text: bytes) -> bytes:
    """orjson's two-space indented JSON with one space a level instead (json's ``indent=1``).

    Every newline of indented JSON is followed by its line's indent, and only there (a newline
    inside a string is escaped), so replacing "newline + 2d spaces" with "newline + d NULs" for
    d from the deepest level up touches each line once (a line done no longer starts with
    spaces); NUL, escaped in JSON text, then becomes the space.

    >>> _halve_indent(b'{\\n  "a": [\\n    1\\n  ]\\n}')
    b'{\\n "a": [\\n  1\\n ]\\n}'
    """
    depth = 0
    while b"\n" + b"  " * (depth + 1) in text:
        depth += 1
    for d in range(depth, 0, -1):
        text = text.replace(b"\n" + b"  " * d, b"\n" + b"\0" * d)
    return text.replace(b"\0", b" ")


def _html(corpus: Corpus) -> bytes:
    return view.graph_html(corpus)


def _overview(corpus: Corpus) -> bytes:
    return view.render_overview(corpus).encode("utf-8")


def write_exports(kgraph: KnowledgeGraph, outdir: Path, formats: Iterable[str] | None = None,
                  workers: int = 1) -> dict[str, Path]:
    """Write ``formats`` (names of :data:`FORMATS`; None: all) and report.json to ``outdir``;
    returns {file name: path}.  Each file is written to a temporary file and renamed, so an
    interrupted build leaves the previous file whole.  With ``workers`` > 1 (on Linux, in a
    process without other threads), the work is shared out between processes forked from this
    one, each with a share of the RDF files' work, the first also with the files that need no
    RDF (:mod:`kg.rdfparts`)."""
    corpus = kgraph.corpus
    assert corpus is not None, "exports need the corpus of a build"
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    # the temporary files and part folders of a build killed outright (SIGKILL, a power cut)
    # would stay forever: gone now, unless their process still runs (a build beside this one)
    forked.remove_leftovers(outdir, [f".{name}." for name in (*ALL_FILES, "report.json")] + [rdfparts.PARTS_PREFIX])
    wanted = set(FORMATS if formats is None else formats)
    unknown = wanted - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown export formats: {', '.join(sorted(unknown))}")
    plain = _plain_jobs(corpus, wanted)
    rdf_formats = [f for f in RDF_FORMATS if f in wanted]
    with gcpause.paused():  # the writers make no cycles (see kg.gcpause)
        if rdf_formats:  # the files that need no RDF (the view above all) are a side task
            rdfparts.write_files(corpus, {f: outdir / FORMATS[f][0] for f in rdf_formats}, workers,
                                 side=(lambda: _run_jobs(plain, outdir), sum(cost for _, cost, _ in plain)))
        else:
            _run_jobs(plain, outdir)
    names = [FORMATS[f][0] for f in rdf_formats] + [name for name, _, _ in plain]
    return {name: outdir / name for name in names}


Job = tuple[str, float, Callable[[], bytes]]  # file name, rough cost (seconds on 3,000 articles), producer


def _plain_jobs(corpus: Corpus, formats: set[str]) -> list[Job]:
    """The other files of ``formats`` (and report.json), in :data:`FORMATS` order."""
    producers: list[tuple[str, str, float, Callable[[], bytes]]] = [
        ("graphml", "graph.graphml", 0.23, lambda: graphml(corpus)),
        ("csv", "entities.csv", 0.27, lambda: entities_csv(corpus)),
        ("csv", "relations.csv", 0.21, lambda: relations_csv(corpus)),
        ("html", "graph.html", 1.1, lambda: _html(corpus)),
        ("html", "overview.html", 0.04, lambda: _overview(corpus)),
        ("report", "report.json", 0.07, lambda: _report_json(corpus)),
    ]
    return [(name, cost, produce) for fmt, name, cost, produce in producers if fmt in formats or fmt == "report"]


def _run_jobs(jobs: list[Job], outdir: Path) -> None:
    for name, _, produce in jobs:
        rdf.write_atomic(outdir / name, produce())
