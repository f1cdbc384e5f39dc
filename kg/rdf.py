"""Corpus -> RDF: one model, written by small deterministic streaming writers.

The RDF model (documented in ``ontology/README.md``):

* every entity: ``rdf:type`` its ``cppcc:`` class (Brand and Programme also
  ``cppcc:Initiative``), one ``skos:prefLabel``@zh-Hans, ``skos:altLabel``s (zh-Hans, zh-Hant),
  attributes (division code, level, coordinates, figures' value and unit) and
  ``prov:wasDerivedFrom`` each of its mentions;
* every fact: the direct triple (``cppcc:runs``, ``org:memberOf``...) *and* one
  ``cppcc:Assertion`` node (an ``rdf:Statement``: ``rdf:subject``/``rdf:predicate``/``rdf:object``)
  with ``prov:wasDerivedFrom`` its evidence, so SPARQL can ask where a fact comes from;
  ``holdsPost`` facts become ``org:Membership`` nodes (``org:member``, ``org:organization``,
  ``org:role`` a post concept);
* every article: a ``schema:Article``/``prov:Entity`` node (path, title, date, content hash);
* every evidence span: a ``cppcc:Evidence`` node (``cppcc:Mention`` when it is an entity
  mention) with the sentence, the surface text, ``oa:hasSource`` the article and two
  Web Annotation ``oa:TextPositionSelector``s: the raw character span into the file
  (``cppcc:RawTextPositionSelector``) and the span in the normalised text
  (``cppcc:NormalisedTextPositionSelector``).

No blank nodes: every node has an IRI built from a hash of what it stands for (doc id and
span, predicate and ends...), so the output is the same for the same input and an article's
nodes can be retracted (``graph.trig`` has one named graph per article).

Terms are plain Python values, not rdflib objects, so the writers cost a string join per
triple: an IRI is a ``str``; a literal is a :class:`Lit`.  :func:`to_rdf` converts them to an
rdflib Graph for the library.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.model import (
    BRAND,
    CLAIMS,
    COOPERATES_WITH,
    HELD_BY,
    HOLDS_POST,
    ISSUED_BY,
    MEMBER_OF,
    ORGAN_OF,
    PART_OF,
    PROGRAMME,
    REGION_OF,
    RUNS,
    SUB_ORGANIZATION_OF,
    Corpus,
    Entity,
    Evidence,
    Fact,
)
from kg.vocab import CPPCC, ID_NS, OA, ORG, PREFIXES, PROV, RDF_NS, SCHEMA, SKOS_NS, XSD_NS

RDF_TYPE = RDF_NS + "type"
PREF = SKOS_NS + "prefLabel"
ALT = SKOS_NS + "altLabel"
DERIVED = str(PROV.wasDerivedFrom)
XSD_INT = XSD_NS + "integer"
XSD_DEC = XSD_NS + "decimal"
XSD_BOOL = XSD_NS + "boolean"
XSD_DATE = XSD_NS + "date"

PREDICATES: dict[str, str] = {
    RUNS: str(CPPCC.runs),
    MEMBER_OF: str(ORG.memberOf),
    REGION_OF: str(CPPCC.region),
    SUB_ORGANIZATION_OF: str(ORG.subOrganizationOf),
    PART_OF: str(CPPCC.partOf),
    ORGAN_OF: str(CPPCC.organOf),
    CLAIMS: str(CPPCC.claims),
    HELD_BY: str(CPPCC.heldBy),
    ISSUED_BY: str(CPPCC.issuedBy),
    COOPERATES_WITH: str(CPPCC.cooperatesWith),
}
DEFAULT_GRAPH = ""  # graph key of the structural triples in graph.trig


class Lit(NamedTuple):
    """An RDF literal: lexical form, language tag or datatype IRI (at most one of the two)."""

    lex: str
    lang: str = ""
    dt: str = ""


Term = str | Lit
Quad = tuple[str, str, str, Term]  # (graph key, subject, predicate, object)


# ---------------------------------------------------------------------------------------------
# IRIs


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def article_iri(doc_id: str) -> str:
    """The article's IRI: its doc id, percent-encoded when it is not plain ASCII.

    >>> article_iri("000_65ba71a61d990114")
    'https://w3id.org/cppcc-kg/id/article/000_65ba71a61d990114'
    """
    return f"{ID_NS}article/{quote(doc_id, safe='-_.')}"


def evidence_iri(doc_id: str, start: int, end: int) -> str:
    """Evidence spans are named by article and normalised span: the same span is one node."""
    return f"{ID_NS}evidence/{_h(doc_id, start, end)}"


def assertion_iri(predicate: str, subject: str, obj: str) -> str:
    return f"{ID_NS}assertion/{_h(predicate, subject, obj)}"


def post_iri(role: str) -> str:
    return f"{ID_NS}post/{_h(role)}"


# ---------------------------------------------------------------------------------------------
# literals


def _int(v: Any) -> Lit:
    return Lit(str(int(v)), dt=XSD_INT)


def _dec(v: Any) -> Lit | None:
    """A canonical xsd:decimal lexical form (no exponent), or None when ``v`` is no number."""
    try:
        d = Decimal(str(v))
    except (InvalidOperation, ValueError):
        return None
    if not d.is_finite():
        return None
    text = format(d, "f")
    # XSD 1.0 canonical form, which is what rdflib writes back ("36.0", "2.5"): a value that went
    # through rdflib's Turtle or JSON-LD writers keeps its lexical form, so round trips are isomorphic
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0") or "0"
    text = f"{whole}.{frac}"
    if text == "-0.0":
        text = "0.0"
    return Lit(text, dt=XSD_DEC)


def _date(v: str) -> Lit:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v or ""):
        return Lit(v, dt=XSD_DATE)
    return Lit(v)


def _bool(v: Any) -> Lit:
    return Lit("true" if v else "false", dt=XSD_BOOL)


# ---------------------------------------------------------------------------------------------
# the model


def corpus_quads(corpus: Corpus) -> Iterator[Quad]:
    """Every statement of the export, tagged with the graph it belongs to in ``graph.trig``:
    the article's IRI for what an article attests (its node, evidence, mentions, the facts it
    states), ``DEFAULT_GRAPH`` for entity descriptions and facts derived from the region tree.
    Duplicates are possible; the writers drop them."""
    ents = corpus.entities
    iris = {key: e.iri for key, e in ents.items()}
    seen_ev: set[str] = set()
    for doc in corpus.docs:
        yield from _article(doc.article)
    for e in ents.values():
        yield from _entity(e)
        for ev in e.evidence:
            ev_iri = yield from _evidence(ev, seen_ev)
            g = article_iri(ev.doc_id)
            yield g, ev_iri, RDF_TYPE, str(CPPCC.Mention)
            yield g, e.iri, DERIVED, ev_iri
    for f in corpus.facts:
        if f.subject not in iris or f.object not in iris:
            continue
        yield from _fact(f, iris[f.subject], iris[f.object], ents, seen_ev)


def _article(a: Any) -> Iterator[Quad]:
    s = article_iri(a.doc_id)
    yield s, s, RDF_TYPE, str(SCHEMA.Article)
    yield s, s, RDF_TYPE, str(CPPCC.Article)
    yield s, s, RDF_TYPE, str(PROV.Entity)
    yield s, s, str(SCHEMA.identifier), Lit(a.doc_id)
    yield s, s, str(CPPCC.path), Lit(a.path)
    if a.title:
        yield s, s, str(SCHEMA.headline), Lit(a.title, lang="zh-Hans")
    if a.date:
        yield s, s, str(SCHEMA.datePublished), _date(a.date)
    yield s, s, str(CPPCC.contentHash), Lit(a.content_hash)
    if a.encoding:
        yield s, s, str(CPPCC.encoding), Lit(a.encoding)


def _entity(e: Entity) -> Iterator[Quad]:
    g, s = DEFAULT_GRAPH, e.iri
    yield g, s, RDF_TYPE, ONTO(e.cls)
    if e.cls in (BRAND, PROGRAMME):
        yield g, s, RDF_TYPE, str(CPPCC.Initiative)
    yield g, s, PREF, Lit(e.label, lang="zh-Hans")
    for label, lang in sorted(e.alt_labels):
        if label and not (label == e.label and lang == "zh-Hans"):
            yield g, s, ALT, Lit(label, lang=lang or "zh-Hans")
    yield from _attrs(g, s, e.attrs)


def ONTO(local: str) -> str:  # noqa: N802 - reads like CPPCC[...]
    """An IRI in the ontology's namespace for a class or predicate that kg.vocab lacks
    (tests/test_ontology checks that every term the export uses is declared)."""
    return ONTOLOGY_NS_ + local


ONTOLOGY_NS_ = str(CPPCC._NS)


def _attrs(g: str, s: str, attrs: dict[str, Any]) -> Iterator[Quad]:
    a = attrs
    if a.get("code") not in (None, ""):
        yield g, s, str(CPPCC.divisionCode), Lit(str(a["code"]))
    if isinstance(a.get("level"), int) or str(a.get("level", "")).isdigit():
        yield g, s, str(CPPCC.level), _int(a["level"])
    for key, prop in (("lat", SCHEMA.latitude), ("lon", SCHEMA.longitude), ("value", SCHEMA.value)):
        lit = _dec(a[key]) if a.get(key) is not None else None
        if lit is not None:
            yield g, s, str(prop), lit
    if a.get("unit"):
        yield g, s, str(SCHEMA.unitText), Lit(str(a["unit"]), lang="zh-Hans")
    if a.get("counted"):
        yield g, s, str(CPPCC.counted), Lit(str(a["counted"]), lang="zh-Hans")
    if a.get("text"):
        yield g, s, str(CPPCC.quotedText), Lit(str(a["text"]), lang="zh-Hans")
    if "approx" in a:
        yield g, s, str(CPPCC.approximate), _bool(a["approx"])
    if a.get("inferred"):
        yield g, s, str(CPPCC.inferred), _bool(True)


def _evidence(ev: Evidence, seen: set[str]) -> Iterator[Quad]:
    """The evidence node of a span (once per corpus); returns its IRI."""
    s = evidence_iri(ev.doc_id, ev.start, ev.end)
    if s in seen:
        return s
    seen.add(s)
    g = article_iri(ev.doc_id)
    raw, norm = s + "/raw", s + "/norm"
    yield g, s, RDF_TYPE, str(CPPCC.Evidence)
    yield g, s, str(OA.hasSource), g
    yield g, s, str(CPPCC.sentence), Lit(ev.sentence, lang="zh-Hans")
    if ev.surface:
        yield g, s, str(CPPCC.surface), Lit(ev.surface)
    yield g, s, str(OA.hasSelector), raw
    yield g, s, str(OA.hasSelector), norm
    yield g, raw, RDF_TYPE, str(CPPCC.RawTextPositionSelector)
    yield g, raw, str(OA.start), _int(ev.raw_start)
    yield g, raw, str(OA.end), _int(ev.raw_end)
    yield g, norm, RDF_TYPE, str(CPPCC.NormalisedTextPositionSelector)
    yield g, norm, str(OA.start), _int(ev.start)
    yield g, norm, str(OA.end), _int(ev.end)
    return s


def _fact(f: Fact, s: str, o: str, ents: dict[str, Entity], seen: set[str]) -> Iterator[Quad]:
    """The direct triple, the assertion node (or org:Membership) and their evidence.

    A fact derived from the region tree has no sentence of its own; its evidence is then the
    mentions of its subject (the committee whose existence, with the tree, implies it)."""
    evidence = f.evidence or ents[f.subject].evidence
    derived = not f.evidence
    if f.predicate == HOLDS_POST:
        yield from _membership(f, s, o, evidence, seen)
        return
    p = PREDICATES.get(f.predicate) or ONTO(f.predicate)
    a = assertion_iri(p, s, o)
    graphs = [DEFAULT_GRAPH] if derived else sorted({article_iri(ev.doc_id) for ev in evidence})
    for g in graphs:
        yield g, s, p, o
        yield g, a, RDF_TYPE, str(CPPCC.Assertion)
        yield g, a, RDF_NS + "subject", s
        yield g, a, RDF_NS + "predicate", p
        yield g, a, RDF_NS + "object", o
    if derived:
        yield DEFAULT_GRAPH, a, str(CPPCC.derivation), Lit(str(f.attrs.get("derived") or "region tree"))
    for ev in evidence:
        ev_iri = yield from _evidence(ev, seen)
        yield article_iri(ev.doc_id), a, DERIVED, ev_iri


def _membership(f: Fact, s: str, o: str, evidence: list[Evidence], seen: set[str]) -> Iterator[Quad]:
    role = str(f.attrs.get("role") or f.attrs.get("post") or "")
    m = f"{ID_NS}membership/{_h(s, o, role)}"
    for g in sorted({article_iri(ev.doc_id) for ev in evidence}) or [DEFAULT_GRAPH]:
        yield g, m, RDF_TYPE, str(ORG.Membership)
        yield g, m, str(ORG.member), s
        yield g, m, str(ORG.organization), o
        if role:
            yield g, m, str(ORG.role), post_iri(role)
    if role:
        pi = post_iri(role)
        yield DEFAULT_GRAPH, pi, RDF_TYPE, str(CPPCC.Post)
        yield DEFAULT_GRAPH, pi, PREF, Lit(role, lang="zh-Hans")
        if f.attrs.get("kind"):
            yield DEFAULT_GRAPH, pi, str(CPPCC.postKind), Lit(str(f.attrs["kind"]))
    for ev in evidence:
        ev_iri = yield from _evidence(ev, seen)
        yield article_iri(ev.doc_id), m, DERIVED, ev_iri


# ---------------------------------------------------------------------------------------------
# rdflib


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def _rdflib_term(t: Term) -> URIRef | Literal | BNode:
    if isinstance(t, Lit):
        if t.lang:
            return Literal(t.lex, lang=t.lang)
        return Literal(t.lex, datatype=URIRef(t.dt)) if t.dt else Literal(t.lex)
    if t.startswith("_:"):
        return BNode(t[2:])
    return URIRef(t)


def _from_rdflib(t: Any) -> Term:
    if isinstance(t, Literal):
        return Lit(str(t), lang=t.language or "", dt=str(t.datatype) if t.datatype else "")
    if isinstance(t, BNode):
        return f"_:{t}"
    return str(t)


def to_rdf(corpus: Corpus) -> Graph:
    """The corpus as an rdflib Graph (the union of all graphs of ``graph.trig``)."""
    g = new_graph()
    g.addN((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o), g) for s, p, o in unique_triples(corpus_quads(corpus)))
    return g


def to_dataset(corpus: Corpus) -> Dataset:
    """The corpus as an rdflib Dataset: one named graph per article (see :func:`corpus_quads`)."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    for g, s, p, o in sorted(set(corpus_quads(corpus))):
        ctx = ds.default_graph if g == DEFAULT_GRAPH else ds.graph(URIRef(g))
        ctx.add((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o)))
    return ds


def unique_triples(quads: Iterable[Quad]) -> list[tuple[str, str, Term]]:
    """The triples of ``quads`` without their graph, each once, sorted."""
    return sorted({(s, p, o) for _, s, p, o in quads}, key=_triple_key)


def graph_triples(g: Graph) -> list[tuple[str, str, Term]]:
    return sorted({(_from_rdflib(s), _from_rdflib(p), _from_rdflib(o)) for s, p, o in g}, key=_triple_key)


# ---------------------------------------------------------------------------------------------
# writers


def _term_key(t: Term) -> tuple:
    if isinstance(t, Lit):
        return (1, t.lex, t.lang, t.dt)
    return (0, t, "", "")


def _triple_key(t: tuple[str, str, Term]) -> tuple:
    s, p, o = t
    return (s, p != RDF_TYPE, p, _term_key(o))


_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESC = re.compile(r'[\\"\n\r\t\b\f\x00-\x1f\x7f]')
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL_OK = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def _esc_char(m: re.Match) -> str:
    c = m.group(0)
    return _ESC.get(c) or f"\\u{ord(c):04X}"


def _lit(t: Lit, prefixed: bool) -> str:
    lex = _NEEDS_ESC.sub(_esc_char, t.lex)
    if t.lang:
        return f'"{lex}"@{t.lang}'
    if t.dt:
        if prefixed and t.dt.startswith(XSD_NS):
            return f'"{lex}"^^xsd:{t.dt[len(XSD_NS):]}'
        return f'"{lex}"^^<{_iri_esc(t.dt)}>'
    return f'"{lex}"'


def _iri_esc(iri: str) -> str:
    return _IRI_BAD.sub(lambda m: f"\\u{ord(m.group(0)):04X}", iri)


class _Names:
    """Turtle names of IRIs: prefixed names for vocabulary terms, ``<relative>`` IRIs against
    ``@base`` for the resources (their local parts hold '/', which prefixed names cannot)."""

    def __init__(self) -> None:
        self.prefixes = [(ns, p) for p, ns in sorted(PREFIXES.items(), key=lambda x: -len(x[1])) if p != "id"]
        self.cache: dict[str, str] = {}

    def __call__(self, t: Term) -> str:
        if isinstance(t, Lit):
            return _lit(t, True)
        name = self.cache.get(t)
        if name is None:
            name = self.cache[t] = self._name(t)
        return name

    def _name(self, iri: str) -> str:
        if iri.startswith("_:"):
            return iri
        if iri == RDF_TYPE:
            return "a"
        if iri.startswith(ID_NS) and not iri[len(ID_NS):].startswith(("/", "#", "?")) and ":" not in iri[len(ID_NS):]:
            return f"<{_iri_esc(iri[len(ID_NS):])}>"
        for ns, p in self.prefixes:
            if iri.startswith(ns) and _LOCAL_OK.fullmatch(iri[len(ns):]):
                return f"{p}:{iri[len(ns):]}"
        return f"<{_iri_esc(iri)}>"


def _prologue() -> list[str]:
    lines = [f"@base <{ID_NS}> ."]
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items() if p != "id"]
    return lines


def _turtle_body(triples: list[tuple[str, str, Term]], names: _Names, indent: str = "") -> Iterator[str]:
    """Subject blocks of sorted triples: ``s p o, o ; p o .``"""
    i, n = 0, len(triples)
    while i < n:
        s = triples[i][0]
        parts: list[str] = []
        while i < n and triples[i][0] == s:
            p = triples[i][1]
            objs = []
            while i < n and triples[i][0] == s and triples[i][1] == p:
                objs.append(names(triples[i][2]))
                i += 1
            parts.append(f"{names(p)} {', '.join(objs)}")
        yield f"{indent}{names(s)} " + f" ;\n{indent}    ".join(parts) + " .\n"


def write_turtle(triples: list[tuple[str, str, Term]]) -> bytes:
    """Deterministic Turtle of sorted, unique triples (see :func:`unique_triples`)."""
    names = _Names()
    out = ["\n".join(_prologue()) + "\n\n"]
    out.extend(b + "\n" for b in _turtle_body(triples, names))
    return "".join(out).rstrip("\n").encode("utf-8") + b"\n"


def write_ntriples(triples: list[tuple[str, str, Term]]) -> bytes:
    def nt(t: Term) -> str:
        if isinstance(t, Lit):
            return _lit(t, False)
        return t if t.startswith("_:") else f"<{_iri_esc(t)}>"

    return "".join(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples).encode("utf-8")


def write_trig(quads: Iterable[Quad]) -> bytes:
    """TriG: the default graph first (entities, derived facts), then one graph per article."""
    by_graph: dict[str, set[tuple[str, str, Term]]] = defaultdict(set)
    for g, s, p, o in quads:
        by_graph[g].add((s, p, o))
    names = _Names()
    out = ["\n".join(_prologue()) + "\n\n"]
    for g in sorted(by_graph):
        triples = sorted(by_graph[g], key=_triple_key)
        if g == DEFAULT_GRAPH:
            out.extend(b + "\n" for b in _turtle_body(triples, names))
        else:
            out.append(f"GRAPH {names(g)} {{\n")
            out.extend(_turtle_body(triples, names, "    "))
            out.append("}\n\n")
    return "".join(out).rstrip("\n").encode("utf-8") + b"\n"


def jsonld_context() -> dict[str, str]:
    return dict(PREFIXES)


def write_jsonld(triples: list[tuple[str, str, Term]]) -> bytes:
    """JSON-LD (expanded values, compact IRIs through the project's prefixes), one node object
    per subject in IRI order; deterministic."""
    ctx = jsonld_context()
    pairs = sorted(((ns, p) for p, ns in ctx.items()), key=lambda x: -len(x[0]))

    def compact(iri: str) -> str:
        for ns, p in pairs:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{p}:{iri[len(ns):]}"
        return iri

    def value(t: Term) -> dict[str, str]:
        if isinstance(t, Lit):
            d = {"@value": t.lex}
            if t.lang:
                d["@language"] = t.lang
            elif t.dt:
                d["@type"] = compact(t.dt)
            return d
        return {"@id": compact(t)}

    nodes: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None
    for s, p, o in triples:
        if cur is None or cur["@id"] != compact(s):
            cur = {"@id": compact(s)}
            nodes.append(cur)
        if p == RDF_TYPE and not isinstance(o, Lit):
            cur.setdefault("@type", []).append(compact(o))
        else:
            cur.setdefault(compact(p), []).append(value(o))
    doc = {"@context": ctx, "@graph": nodes}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# files


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so that a reader
    (or a build killed half-way) never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(tmp, 0o644 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def turtle_bytes(g: Graph) -> bytes:
    """Deterministic Turtle of an rdflib Graph (same writer as the corpus export)."""
    return write_turtle(graph_triples(g))


def corpus_turtle(corpus: Corpus) -> bytes:
    """Deterministic Turtle of a corpus, without building an rdflib Graph."""
    return write_turtle(unique_triples(corpus_quads(corpus)))
