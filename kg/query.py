"""SPARQL over an export, with rdflib or Oxigraph, and the library of named queries.

* The project's prefixes (:data:`kg.vocab.PREFIXES`) are predeclared: a query can use
  ``cppcc:``, ``org:``, ``skos:``, ``prov:``, ``oa:``, ``schema:`` ... without PREFIX lines.
* Named queries live in ``kg/queries/NAME.rq``; each starts with ``# title:`` and
  ``# description:`` comment lines.
* Engines: ``rdflib`` (pure Python) or ``oxigraph`` (pyoxigraph, about 20x faster on large
  graphs); ``auto`` loads the file with Oxigraph and keeps it when the graph has more than
  :data:`AUTO_THRESHOLD` triples, else uses rdflib.
* Results are one engine-neutral :class:`Result` (SPARQL 1.1 JSON term dicts), printed as a
  table, CSV or SPARQL JSON.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import UserError
from kg.vocab import PREFIXES, RDF_NS, XSD_NS

QUERY_DIR = Path(__file__).resolve().parent / "queries"
AUTO_THRESHOLD = 100_000
ENGINES = ("auto", "rdflib", "oxigraph")
FORMATS = ("table", "csv", "json")
_XSD_STRING = XSD_NS + "string"
_LANG_STRING = RDF_NS + "langString"


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str


@dataclass
class Result:
    """A query's answer: ``kind`` is "select", "ask" or "graph" (CONSTRUCT/DESCRIBE).

    ``rows`` hold one dict per solution, variable -> SPARQL-JSON term
    (``{"type": "uri"|"literal"|"bnode", "value": ..., "xml:lang"|"datatype": ...}``)."""

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, dict[str, str]]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[dict, dict, dict]] = field(default_factory=list)
    truncated: bool = False  # more rows or triples than the ``limit`` given to the engine


# ---------------------------------------------------------------------------------------------
# named queries


def named_queries() -> dict[str, NamedQuery]:
    """Every ``kg/queries/*.rq``, by file stem."""
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        meta = dict(re.findall(r"^#\s*(title|description):\s*(.+)$", text, flags=re.M))
        out[path.stem] = NamedQuery(path.stem, meta.get("title", path.stem), meta.get("description", ""), text)
    return out


def get_named(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise UserError(f"no named query {name!r}; known: {', '.join(queries)}")
    return queries[name]


# ---------------------------------------------------------------------------------------------
# engines


def _rdf_format(path: Path) -> str:
    return {".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".nq": "nquads",
            ".rdf": "xml", ".xml": "xml", ".owl": "xml"}.get(path.suffix.lower(), "turtle")


def _is_dataset(path: Path) -> bool:
    return path.suffix.lower() in (".trig", ".nq")


class Engine:
    """A loaded graph that answers SPARQL queries."""

    name = ""

    def __len__(self) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def query(self, sparql: str, limit: int | None = None) -> Result:  # pragma: no cover - abstract
        """Run ``sparql``; at most ``limit`` rows or triples are kept (``Result.truncated``)."""
        raise NotImplementedError


class RdflibEngine(Engine):
    name = "rdflib"

    def __init__(self, graph: Any):
        self.graph = graph

    @classmethod
    def from_file(cls, path: Path) -> RdflibEngine:
        from rdflib import Dataset, Graph

        g: Any = Dataset(default_union=True) if _is_dataset(path) else Graph()
        try:
            g.parse(str(path), format=_rdf_format(path))
        except Exception as exc:  # noqa: BLE001 - many parser exceptions; the user needs the message
            raise UserError(f"cannot parse {path}: {exc}") from None
        return cls(g)

    def __len__(self) -> int:
        return len(self.graph)

    def query(self, sparql: str, limit: int | None = None) -> Result:
        from rdflib.namespace import Namespace

        try:
            res = self.graph.query(sparql, initNs={p: Namespace(ns) for p, ns in PREFIXES.items()})
        except Exception as exc:  # noqa: BLE001 - pyparsing and rdflib raise various errors
            raise UserError(f"malformed or unsupported query: {exc}") from None
        if res.type == "ASK":
            return Result("ask", boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            triples = [tuple(_rdflib_cell(t) for t in tr) for tr in _capped(res.graph, limit)]
            return Result("graph", triples=triples[:limit], truncated=limit is not None and len(triples) > limit)
        names = [str(v) for v in res.vars]
        rows = []
        for sol in _capped(res, limit):
            rows.append({v: _rdflib_cell(sol[i]) for i, v in enumerate(names) if sol[i] is not None})
        return Result("select", vars=names, rows=rows[:limit], truncated=limit is not None and len(rows) > limit)


def _capped(items: Any, limit: int | None) -> Any:
    """The first ``limit + 1`` items (one more than kept, to know whether some were cut)."""
    import itertools

    return items if limit is None else itertools.islice(items, limit + 1)


def _rdflib_cell(t: Any) -> dict[str, str]:
    from rdflib import BNode, Literal

    if isinstance(t, Literal):
        d = {"type": "literal", "value": str(t)}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype is not None and str(t.datatype) not in (_XSD_STRING, _LANG_STRING):
            d["datatype"] = str(t.datatype)
        return d
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    return {"type": "uri", "value": str(t)}


class OxigraphEngine(Engine):
    name = "oxigraph"

    def __init__(self, store: Any, union: bool = False):
        self.store = store
        self.union = union

    @classmethod
    def from_file(cls, path: Path) -> OxigraphEngine:
        import pyoxigraph as ox

        store = ox.Store()
        fmt = {".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".trig": ox.RdfFormat.TRIG,
               ".nq": ox.RdfFormat.N_QUADS, ".rdf": ox.RdfFormat.RDF_XML}.get(path.suffix.lower(),
                                                                              ox.RdfFormat.TURTLE)
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise UserError(f"cannot parse {path}: {exc}") from None
        return cls(store, union=_is_dataset(path))

    @classmethod
    def from_bytes(cls, data: bytes, fmt: str = "turtle") -> OxigraphEngine:
        import pyoxigraph as ox

        store = ox.Store()
        store.bulk_load(data, format={"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
                                      "nt": ox.RdfFormat.N_TRIPLES}[fmt])
        return cls(store, union=fmt == "trig")

    def __len__(self) -> int:
        return len(self.store)

    def query(self, sparql: str, limit: int | None = None) -> Result:
        import pyoxigraph as ox

        try:
            res = self.store.query(sparql, prefixes=dict(PREFIXES), use_default_graph_as_union=self.union)
        except SyntaxError as exc:
            raise UserError(f"malformed query: {syntax_message(sparql, str(exc))}") from None
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            triples = [(_ox_cell(t.subject), _ox_cell(t.predicate), _ox_cell(t.object)) for t in _capped(res, limit)]
            return Result("graph", triples=triples[:limit], truncated=limit is not None and len(triples) > limit)
        names = [v.value for v in res.variables]
        rows = []
        for sol in _capped(res, limit):
            row = {}
            for v in names:
                t = sol[v]
                if t is not None:
                    row[v] = _ox_cell(t)
            rows.append(row)
        return Result("select", vars=names, rows=rows[:limit], truncated=limit is not None and len(rows) > limit)


def syntax_message(sparql: str, oxigraph_message: str) -> str:
    """A readable reason for a query Oxigraph refused.

    Oxigraph's parser lists every token it would have accepted (a screenful of Unicode
    ranges); rdflib's parser names what it expected in a few words, so its message is used when
    it refuses the query too, else Oxigraph's, cut before its list of expected characters.
    """
    try:
        from rdflib.namespace import Namespace
        from rdflib.plugins.sparql import prepareQuery

        prepareQuery(sparql, initNs={p: Namespace(ns) for p, ns in PREFIXES.items()})
    except Exception as exc:  # noqa: BLE001 - pyparsing and rdflib raise various errors
        return " ".join(str(exc).split())
    head, sep, rest = oxigraph_message.partition("expected one of ")
    if not sep:
        return oxigraph_message
    words = [w.strip() for w in rest.split(", ") if not w.lstrip().startswith("[")]  # drop character ranges
    return f"{head}expected one of {', '.join(words)}" if words else head.rstrip(": ")


def bcp47_case(tag: str) -> str:
    """Oxigraph lower-cases language tags; give them their conventional case back.

    >>> bcp47_case("zh-hans"), bcp47_case("zh-hant-tw"), bcp47_case("en")
    ('zh-Hans', 'zh-Hant-TW', 'en')
    """
    parts = tag.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        out.append(p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p.lower())
    return "-".join(out)


def _ox_cell(t: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = bcp47_case(t.language)
        elif t.datatype.value not in (_XSD_STRING, _LANG_STRING):
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    return {"type": "uri", "value": t.value}


def open_engine(graph_path: str | Path, engine: str = "auto") -> Engine:
    """Load ``graph_path`` into the chosen engine (see the module docstring for ``auto``)."""
    path = Path(graph_path)
    if engine not in ENGINES:
        raise UserError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if not path.is_file():
        raise UserError(f"no such graph file: {graph_path}")
    if engine == "rdflib":
        return RdflibEngine.from_file(path)
    ox_engine = OxigraphEngine.from_file(path)
    if engine == "oxigraph" or len(ox_engine) > AUTO_THRESHOLD:
        return ox_engine
    return RdflibEngine.from_file(path)


# ---------------------------------------------------------------------------------------------
# formats


def short(iri: str) -> str:
    """A compact name for display: ``cppcc:runs``, ``id:committee/450000``."""
    for p, ns in sorted(PREFIXES.items(), key=lambda x: -len(x[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return f"<{iri}>"


def _display(cell: dict[str, str] | None) -> str:
    if cell is None:
        return ""
    if cell["type"] == "uri":
        return short(cell["value"])
    if cell["type"] == "bnode":
        return f"_:{cell['value']}"
    return cell["value"]


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def _table_rows(result: Result) -> tuple[list[str], list[list[str]]]:
    if result.kind == "ask":
        return ["answer"], [["true" if result.boolean else "false"]]
    if result.kind == "graph":
        return ["subject", "predicate", "object"], [[_display(c) for c in t] for t in result.triples]
    return result.vars, [[_display(r.get(v)) for v in result.vars] for r in result.rows]


def format_table(result: Result) -> str:
    head, rows = _table_rows(result)
    rows = [[c.replace("\n", " ") for c in r] for r in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(head)]
    lines = [" | ".join(_pad(h, w) for h, w in zip(head, widths, strict=True)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_csv(result: Result) -> str:
    """SPARQL 1.1 CSV results: full IRIs, plain literal values."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["_askResult"])
        w.writerow(["true" if result.boolean else "false"])
    elif result.kind == "graph":
        w.writerow(["subject", "predicate", "object"])
        w.writerows([[c["value"] for c in t] for t in result.triples])
    else:
        w.writerow(result.vars)
        for r in result.rows:
            w.writerow([r[v]["value"] if v in r else "" for v in result.vars])
    return buf.getvalue()


def to_json(result: Result) -> dict:
    """SPARQL 1.1 Query Results JSON (CONSTRUCT results as a list of term triples)."""
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    if result.kind == "graph":
        names = ("subject", "predicate", "object")
        return {"head": {"vars": list(names)},
                "results": {"bindings": [dict(zip(names, t, strict=True)) for t in result.triples]}}
    return {"head": {"vars": result.vars}, "results": {"bindings": result.rows}}


def format_json(result: Result) -> str:
    return json.dumps(to_json(result), ensure_ascii=False, indent=1) + "\n"


def format_result(result: Result, fmt: str = "table") -> str:
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return {"table": format_table, "csv": format_csv, "json": format_json}[fmt](result)


# ---------------------------------------------------------------------------------------------
# entry points


def resolve_query_text(query: str | None, name: str | None = None) -> str:
    """The SPARQL text from a named query, a ``.rq`` file or the query itself."""
    if name:
        if query:
            raise UserError("give either a query or --name, not both")
        return get_named(name).text
    if not query:
        raise UserError("no query: give a SPARQL query, a .rq file or --name NAME (named queries: "
                        + ", ".join(named_queries()) + ")")
    if query.endswith(".rq") or (len(query) < 4096 and "\n" not in query and Path(query).is_file()):
        p = Path(query)
        if not p.is_file():
            raise UserError(f"no such query file: {query}")
        try:
            return p.read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot read the query file {query}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise UserError(f"the query file {query} is not UTF-8 text") from None
    if not any(c.isspace() or c in "{}" for c in query.strip()):  # one word: a mistyped file name
        raise UserError(f"no such query file: {query} (and it is not a SPARQL query)")
    return query


def run_query(graph_path: str | Path, sparql: str, engine: str = "auto") -> Result:
    return open_engine(graph_path, engine).query(sparql)


def run_query_cli(graph_path: str | Path, query: str | None, name: str | None = None, fmt: str = "table",
                  engine: str = "auto") -> str:
    """The ``query`` verb: load, run, format."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    from kg.serve import is_update

    sparql = resolve_query_text(query, name)
    if is_update(sparql):  # refused before loading the graph: exports are changed by building again
        raise UserError("the query verb only reads: SPARQL Update (INSERT, DELETE, LOAD, CLEAR ...) is not run")
    loaded = open_engine(graph_path, engine)
    try:
        result = loaded.query(sparql)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - a well-formed query that failed while running (SERVICE ...)
        raise UserError(f"the query failed while running: {type(exc).__name__}: {exc}", exit_code=1) from None
    return format_result(result, fmt)
