"""SHACL validation of an export against ``ontology/shapes.ttl`` (pySHACL), reported readably.

Each violation is one line: the focus node's label (or IRI), the property path, the message;
the ontology is mixed in so that ``sh:class`` sees its subclass hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.errors import UserError

ROOT = Path(__file__).resolve().parent.parent
SH = Namespace("http://www.w3.org/ns/shacl#")
MAX_LISTED = 200


def ontology_dir() -> Path:
    """Where ``cppcc.ttl`` and ``shapes.ttl`` are: the repository's ``ontology/``."""
    return ROOT / "ontology"


def load_graph(path: str | Path) -> Graph:
    """Parse an export (format from the file name); a missing or broken file is a UserError."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"no such graph file: {path}")
    g = Graph()
    try:
        g.parse(str(p))
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds; the user needs the message
        _raise_located(p)
        raise UserError(f"cannot parse {path}: {exc}") from None
    return g


def _raise_located(path: Path) -> None:
    """rdflib's Turtle errors quote bytes and name no column: on that error path only, ask
    Oxigraph's parser, whose message gives the line and column and says what is wrong, and
    raise its UserError.  Returns when Oxigraph cannot say better."""
    from kg.query import OxigraphEngine

    try:
        OxigraphEngine.from_file(path)
    except UserError:
        raise
    except Exception:  # noqa: BLE001 - keep rdflib's message then
        return


def validate_graph(data: Graph) -> tuple[bool, list[dict[str, str]]]:
    """Run the shapes over ``data``; returns (conforms, violations as dicts)."""
    import pyshacl

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    ont = Graph().parse(ontology_dir() / "cppcc.ttl", format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="none",
                                           advanced=True, allow_warnings=True)
    if not isinstance(report, Graph):  # pySHACL could not run the shapes at all
        raise UserError(f"validation could not run: {report}")
    return bool(conforms), _violations(report, data)


def _violations(report: Graph, data: Graph) -> list[dict[str, str]]:
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        value = report.value(r, SH.value)
        messages = sorted(str(m) for m in report.objects(r, SH.resultMessage))
        severity = report.value(r, SH.resultSeverity)
        out.append({
            "focus": _name(data, focus),
            "focus_iri": str(focus),
            "path": _short(path) if path is not None else "",
            "value": _name(data, value) if value is not None else "",
            "message": messages[0] if messages else "",
            "severity": _short(severity) if severity is not None else "Violation",
        })
    out.sort(key=lambda v: (v["focus"], v["path"], v["message"], v["value"]))
    return out


def _name(data: Graph, node) -> str:
    if isinstance(node, Literal):
        return repr(str(node))
    labels = sorted(data.objects(node, SKOS.prefLabel), key=lambda x: (x.language != "zh-Hans", str(x))) \
        if isinstance(node, URIRef) else []
    label = labels[0] if labels else None
    return f"{label} <{node}>" if label is not None else f"<{node}>"


def _short(iri) -> str:
    from kg.vocab import PREFIXES

    s = str(iri)
    for p, ns in sorted(PREFIXES.items(), key=lambda x: -len(x[1])):
        if s.startswith(ns):
            return f"{p}:{s[len(ns):]}"
    return s


def format_violations(violations: Iterable[dict[str, str]], total_nodes: int | None = None) -> str:
    vs = list(violations)
    if not vs:
        return "conforms: every shape of ontology/shapes.ttl holds" + (
            f" ({total_nodes} triples checked)" if total_nodes is not None else "")
    lines = [f"{len(vs)} violation{'s' if len(vs) != 1 else ''} of ontology/shapes.ttl:"]
    for v in vs[:MAX_LISTED]:
        where = f" {v['path']}" if v["path"] else ""
        value = f" (value {v['value']})" if v["value"] else ""
        lines.append(f"- {v['focus']}{where}: {v['message']}{value}")
    if len(vs) > MAX_LISTED:
        lines.append(f"... and {len(vs) - MAX_LISTED} more")
    return "\n".join(lines)


def validate(graph_path: str | Path) -> tuple[bool, str]:
    """The ``validate`` verb: (conforms, readable text)."""
    data = load_graph(graph_path)
    conforms, violations = validate_graph(data)
    return conforms and not violations, format_violations(violations, len(data))
