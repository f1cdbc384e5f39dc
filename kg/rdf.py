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

import bisect
import hashlib
import itertools
import json
import operator
import os
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple
from urllib.parse import quote

import numpy as np
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg import forked
from kg.memo import Filled
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
    evidence_node_id,
)
from kg.vocab import CPPCC, ID_NS, OA, ORG, PREFIXES, PROV, RDF_NS, SCHEMA, SKOS_NS, XSD_NS


def _plain(ns: Any, *terms: str) -> SimpleNamespace:
    """Plain ``str`` IRIs of vocabulary terms: an rdflib (Defined)Namespace lookup builds a new
    URIRef on every access, which cost a second per 100 k quads."""
    return SimpleNamespace(**{t: str(getattr(ns, t)) for t in terms})


_C = _plain(CPPCC, "Article", "Assertion", "Evidence", "Initiative", "Mention", "NormalisedTextPositionSelector",
            "Post", "RawTextPositionSelector", "approximate", "claims", "contentHash", "cooperatesWith", "counted",
            "derivation", "divisionCode", "encoding", "heldBy", "inferred", "issuedBy", "level", "organOf", "partOf",
            "path", "postKind", "quotedText", "region", "runs", "sentence", "surface")
_ORG = _plain(ORG, "Membership", "member", "memberOf", "organization", "role", "subOrganizationOf")
_PROV = _plain(PROV, "Entity", "wasDerivedFrom")
_SCHEMA = _plain(SCHEMA, "Article", "datePublished", "headline", "identifier", "latitude", "longitude", "unitText",
                 "value")
_OA = _plain(OA, "end", "hasSelector", "hasSource", "start")

RDF_TYPE = RDF_NS + "type"
PREF = SKOS_NS + "prefLabel"
ALT = SKOS_NS + "altLabel"
DERIVED = _PROV.wasDerivedFrom
XSD_INT = XSD_NS + "integer"
XSD_DEC = XSD_NS + "decimal"
XSD_BOOL = XSD_NS + "boolean"
XSD_DATE = XSD_NS + "date"

PREDICATES: dict[str, str] = {
    RUNS: _C.runs,
    MEMBER_OF: _ORG.memberOf,
    REGION_OF: _C.region,
    SUB_ORGANIZATION_OF: _ORG.subOrganizationOf,
    PART_OF: _C.partOf,
    ORGAN_OF: _C.organOf,
    CLAIMS: _C.claims,
    HELD_BY: _C.heldBy,
    ISSUED_BY: _C.issuedBy,
    COOPERATES_WITH: _C.cooperatesWith,
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
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1 << 16)  # quote() is slow and every evidence node asks for its article's IRI
def article_iri(doc_id: str) -> str:
    """The article's IRI: its doc id, percent-encoded when it is not plain ASCII.

    >>> article_iri("000_65ba71a61d990114")
    'https://w3id.org/cppcc-kg/id/article/000_65ba71a61d990114'
    """
    return f"{ID_NS}article/{quote(doc_id, safe='-_.')}"


EVIDENCE_NS = f"{ID_NS}evidence/"  # every evidence node and its selectors: one range of subjects


def evidence_iri(doc_id: str, start: int, end: int) -> str:
    """Evidence spans are named by article and normalised span: the same span is one node.

    >>> evidence_iri("a_1", 3, 5) == EVIDENCE_NS + _h("a_1", 3, 5)
    True
    """
    return EVIDENCE_NS + evidence_node_id(doc_id, start, end)


def _evidence_iri(ev: Evidence) -> str:
    """:func:`evidence_iri` of an Evidence (its hash is worked out once per object, see
    :attr:`kg.model.Evidence.node_id`)."""
    return EVIDENCE_NS + ev.node_id


def assertion_iri(predicate: str, subject: str, obj: str) -> str:
    return f"{ID_NS}assertion/{_h(predicate, subject, obj)}"


def post_iri(role: str) -> str:
    return f"{ID_NS}post/{_h(role)}"


# ---------------------------------------------------------------------------------------------
# literals


@lru_cache(maxsize=1 << 16)  # offsets: a few thousand values, each asked for many times
def _int(v: Any) -> Lit:
    return Lit(str(int(v)), dt=XSD_INT)


def _dec(v: Any) -> Lit | None:
    """A canonical xsd:decimal lexical form (no exponent), or None when ``v`` is no number."""
    # a figure's value is a float, asked for once per figure but with few distinct values: those
    # of the types whose equal values (same type) write alike are looked up in a bounded cache
    # (typed: 1 and 1.0 are two keys, as 10**23 and 1e23, equal but written apart; 0.0 and -0.0
    # both write 0.0)
    return _dec_cached(v) if type(v) in (float, int, str) else _dec_text(v)


def _dec_text(v: Any) -> Lit | None:
    """:func:`_dec`, worked out."""
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


_dec_cached = lru_cache(maxsize=1 << 12, typed=True)(_dec_text)


def _date(v: str) -> Lit:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v or ""):
        return Lit(v, dt=XSD_DATE)
    return Lit(v)


_TRUE, _FALSE = Lit("true", dt=XSD_BOOL), Lit("false", dt=XSD_BOOL)


def _bool(v: Any) -> Lit:
    return _TRUE if v else _FALSE


_tuple_new = tuple.__new__  # a Lit made in C: the NamedTuple's __new__ with keywords is a Python call


def _zh(text: str) -> Lit:
    """``Lit(text, lang="zh-Hans")``."""
    return _tuple_new(Lit, (text, "zh-Hans", ""))


# ---------------------------------------------------------------------------------------------
# the model


class EvidenceNode(NamedTuple):
    """An evidence node of the export: its IRI, the span's first evidence (sentence, surface, raw
    span) and whether the span is an entity's mention (``cppcc:Mention``)."""

    iri: str
    ev: Evidence
    mention: bool


class EvidenceSpans(NamedTuple):
    """The evidence nodes of :func:`evidence_spans` as three parallel lists, in IRI order."""

    ids: list[str]  # node ids (the IRIs' distinct ends, :attr:`kg.model.Evidence.node_id`)
    evs: list[Evidence]  # each span's first evidence
    mentions: list[bool]  # whether the span is an entity's mention


def evidence_spans(corpus: Corpus, digits: str | None = None) -> EvidenceSpans:
    """The corpus's evidence nodes, sorted by IRI: every entity's mentions, and every written
    fact's evidence (a fact derived from the region tree has its subject's mentions), each span
    once (its first evidence).  ``digits``: only the nodes whose hash starts with one of them (a
    run of consecutive hex digits is one range of subjects, see :mod:`kg.rdfparts`)."""
    if digits == "":
        return EvidenceSpans([], [], [])
    ents = corpus.entities
    evs = [ev for e in ents.values() for ev in e.evidence]
    n_mentions = len(evs)  # the spans before this are mentions
    evs += [ev for f in corpus.facts if f.subject in ents and f.object in ents
            for ev in f.evidence or ents[f.subject].evidence]
    keys = list(map(_NODE_ID, evs))
    # node id -> the position of its first span: a dict built in C from the end, where the
    # first span is the last to be stored (no Python loop nor test per span)
    first = dict(zip(reversed(keys), reversed(range(len(keys))), strict=True))
    if digits is not None:
        first = {k: i for k, i in first.items() if k[0] in digits}
    ids = list(first)
    # ids are shorter to compare than the IRIs and sort the same; node ids (16 hex digits) are
    # sorted as numbers by numpy
    numbers = _hex_numbers(ids)
    order = np.argsort(numbers) if numbers is not None else np.array(_by_value(ids), dtype=np.int64)  # type: ignore[arg-type]
    at = np.fromiter(first.values(), dtype=np.int64, count=len(first))[order]
    return EvidenceSpans(list(map(ids.__getitem__, order.tolist())), list(map(evs.__getitem__, at.tolist())),
                         (at < n_mentions).tolist())


def evidence_nodes(corpus: Corpus, digits: str | None = None) -> list[EvidenceNode]:
    """:func:`evidence_spans` as :class:`EvidenceNode` s (with their IRIs)."""
    spans = evidence_spans(corpus, digits)
    make = EvidenceNode._make  # tuple.__new__ in C, not the NamedTuple's __new__ in Python
    return [make((EVIDENCE_NS + k, ev, mention)) for k, ev, mention in zip(*spans, strict=True)]


def corpus_quads(corpus: Corpus, evidence: bool = True) -> CorpusQuads:
    """Every statement of the export, tagged with the graph it belongs to in ``graph.trig``: the
    article's IRI for what an article attests (its node, evidence, mentions, the facts it
    states), ``DEFAULT_GRAPH`` for entity descriptions and facts derived from the region tree.
    ``evidence`` False: without the evidence nodes' own statements (written straight to text
    by :mod:`kg.rdfevidence`).  Duplicates are possible; the writers drop them."""
    return CorpusQuads(corpus, evidence)


Link = tuple[str, list[Evidence]]  # a node's IRI and its evidence: prov:wasDerivedFrom each evidence node


class CorpusQuads:
    """The statements of :func:`corpus_quads`: an iterable of quads, which :class:`_Ranks` also
    reads in two parts: the quads other than the links from nodes to their evidence nodes
    (:meth:`quads`), and those links as (node, evidence) pairs.

    Why: the links are a third of the structure's quads and their objects most of its distinct
    terms (each a new IRI string, hashed and sorted); from the pairs their columns are made in C
    and the evidence IRIs numbered by their node ids (see :func:`_evidence_numbers`)."""

    __slots__ = ("corpus", "evidence")

    def __init__(self, corpus: Corpus, evidence: bool = True):
        self.corpus, self.evidence = corpus, evidence

    def __iter__(self) -> Iterator[Quad]:
        links: list[Link] = []
        yield from self.quads(links)
        for node, evidence in links:
            yield from _derived_from(node, evidence)

    def quads(self, links: list[Link]) -> Iterator[Quad]:
        """Every statement but the links to evidence nodes, which are appended to ``links`` as
        the quads stream (complete when they end)."""
        corpus = self.corpus
        ents = corpus.entities
        iris = {key: e.iri for key, e in ents.items()}
        for doc in corpus.docs:
            yield from _article(doc.article)
        for e in ents.values():
            yield from _entity(e)
            links.append((e.iri, e.evidence))
        for f in corpus.facts:
            if f.subject in iris and f.object in iris:
                yield from _fact(f, iris[f.subject], iris[f.object], ents, links)
        if self.evidence:
            for node in evidence_nodes(corpus):
                yield from _evidence_quads(node)


def _article(a: Any) -> Iterator[Quad]:
    s = article_iri(a.doc_id)
    yield s, s, RDF_TYPE, _SCHEMA.Article
    yield s, s, RDF_TYPE, _C.Article
    yield s, s, RDF_TYPE, _PROV.Entity
    yield s, s, _SCHEMA.identifier, Lit(a.doc_id)
    yield s, s, _C.path, Lit(a.path)
    if a.title:
        yield s, s, _SCHEMA.headline, Lit(a.title, lang="zh-Hans")
    if a.date:
        yield s, s, _SCHEMA.datePublished, _date(a.date)
    yield s, s, _C.contentHash, Lit(a.content_hash)
    if a.encoding:
        yield s, s, _C.encoding, Lit(a.encoding)


def _entity(e: Entity) -> Iterator[Quad]:
    g, s = DEFAULT_GRAPH, e.iri
    yield g, s, RDF_TYPE, ONTO(e.cls)
    if e.cls in (BRAND, PROGRAMME):
        yield g, s, RDF_TYPE, _C.Initiative
    yield g, s, PREF, _zh(e.label)
    for label, lang in sorted(e.alt_labels):
        if label and not (label == e.label and lang == "zh-Hans"):
            yield g, s, ALT, Lit(label, lang=lang or "zh-Hans")
    yield from _attrs(g, s, e.attrs)


def ONTO(local: str) -> str:  # noqa: N802 - reads like CPPCC[...]
    """An IRI in the ontology's namespace for a class or predicate that kg.vocab lacks
    (tests/test_ontology checks that every term the export uses is declared)."""
    return ONTOLOGY_NS_ + local


ONTOLOGY_NS_ = str(CPPCC._NS)


_DECIMAL_ATTRS = (("lat", _SCHEMA.latitude), ("lon", _SCHEMA.longitude), ("value", _SCHEMA.value))


def _attrs(g: str, s: str, attrs: dict[str, Any]) -> Iterator[Quad]:
    a = attrs
    if a.get("code") not in (None, ""):
        yield g, s, _C.divisionCode, Lit(str(a["code"]))
    if isinstance(a.get("level"), int) or str(a.get("level", "")).isdigit():
        yield g, s, _C.level, _int(a["level"])
    for key, prop in _DECIMAL_ATTRS:
        lit = _dec(a[key]) if a.get(key) is not None else None
        if lit is not None:
            yield g, s, prop, lit
    if a.get("unit"):
        yield g, s, _SCHEMA.unitText, _zh(str(a["unit"]))
    if a.get("counted"):
        yield g, s, _C.counted, _zh(str(a["counted"]))
    if a.get("text"):
        yield g, s, _C.quotedText, _zh(str(a["text"]))
    if "approx" in a:
        yield g, s, _C.approximate, _bool(a["approx"])
    if a.get("inferred"):
        yield g, s, _C.inferred, _bool(True)


def _evidence_quads(node: EvidenceNode) -> tuple[Quad, ...]:
    """An evidence node's statements and its selectors'."""
    ev, s = node.ev, node.iri
    g = article_iri(ev.doc_id)
    raw, norm = s + "/raw", s + "/norm"
    return (
        (g, s, RDF_TYPE, _C.Evidence),
        *(((g, s, RDF_TYPE, _C.Mention),) if node.mention else ()),
        (g, s, _OA.hasSource, g),
        (g, s, _C.sentence, Lit(ev.sentence, lang="zh-Hans")),
        *(((g, s, _C.surface, Lit(ev.surface)),) if ev.surface else ()),
        (g, s, _OA.hasSelector, raw),
        (g, s, _OA.hasSelector, norm),
        (g, raw, RDF_TYPE, _C.RawTextPositionSelector),
        (g, raw, _OA.start, _int(ev.raw_start)),
        (g, raw, _OA.end, _int(ev.raw_end)),
        (g, norm, RDF_TYPE, _C.NormalisedTextPositionSelector),
        (g, norm, _OA.start, _int(ev.start)),
        (g, norm, _OA.end, _int(ev.end)),
    )



def _fact(f: Fact, s: str, o: str, ents: dict[str, Entity], links: list[Link]) -> Iterator[Quad]:
    """The direct triple and the assertion node (or org:Membership); its links to its evidence
    are appended to ``links``.

    A fact derived from the region tree has no sentence of its own; its evidence is then the
    mentions of its subject (the committee whose existence, with the tree, implies it)."""
    evidence = f.evidence or ents[f.subject].evidence
    derived = not f.evidence
    if f.predicate == HOLDS_POST:
        yield from _membership(f, s, o, evidence, links)
        return
    p = PREDICATES.get(f.predicate) or ONTO(f.predicate)
    a = assertion_iri(p, s, o)
    graphs = [DEFAULT_GRAPH] if derived else _graphs(evidence)
    for g in graphs:
        yield g, s, p, o
        yield g, a, RDF_TYPE, _C.Assertion
        yield g, a, RDF_NS + "subject", s
        yield g, a, RDF_NS + "predicate", p
        yield g, a, RDF_NS + "object", o
    if derived:
        yield DEFAULT_GRAPH, a, _C.derivation, Lit(str(f.attrs.get("derived") or "region tree"))
    links.append((a, evidence))


def _graphs(evidence: list[Evidence]) -> list[str]:
    """The articles' IRIs of the evidence, sorted, each once (most facts have one evidence)."""
    if len(evidence) == 1:
        return [article_iri(evidence[0].doc_id)]
    return sorted({article_iri(ev.doc_id) for ev in evidence})


def _membership(f: Fact, s: str, o: str, evidence: list[Evidence], links: list[Link]) -> Iterator[Quad]:
    role = str(f.attrs.get("role") or f.attrs.get("post") or "")
    m = f"{ID_NS}membership/{_h(s, o, role)}"
    for g in _graphs(evidence) or [DEFAULT_GRAPH]:
        yield g, m, RDF_TYPE, _ORG.Membership
        yield g, m, _ORG.member, s
        yield g, m, _ORG.organization, o
        if role:
            yield g, m, _ORG.role, post_iri(role)
    if role:
        pi = post_iri(role)
        yield DEFAULT_GRAPH, pi, RDF_TYPE, _C.Post
        yield DEFAULT_GRAPH, pi, PREF, _zh(role)
        if f.attrs.get("kind"):
            yield DEFAULT_GRAPH, pi, _C.postKind, Lit(str(f.attrs["kind"]))
    links.append((m, evidence))


def _derived_from(node: str, evidence: list[Evidence]) -> Iterator[Quad]:
    """A node's links to its evidence nodes (an entity's, an assertion's, a membership's)."""
    for ev in evidence:
        yield article_iri(ev.doc_id), node, DERIVED, _evidence_iri(ev)


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
    for g, s, p, o in Serialisation(corpus_quads(corpus)).quads:  # sorted; a plain sort fails on str vs Lit
        ctx = ds.default_graph if g == DEFAULT_GRAPH else ds.graph(URIRef(g))
        ctx.add((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o)))
    return ds


def unique_triples(quads: Iterable[Quad]) -> list[tuple[str, str, Term]]:
    """The triples of ``quads`` without their graph, each once, sorted."""
    return _sorted_triples({(s, p, o) for _, s, p, o in quads})


def graph_triples(g: Graph) -> list[tuple[str, str, Term]]:
    return _sorted_triples({(_from_rdflib(s), _from_rdflib(p), _from_rdflib(o)) for s, p, o in g})


# ---------------------------------------------------------------------------------------------
# order


Ranked = tuple[int, int, int, int]  # (graph, subject, predicate, object) ranks
_ROWS_CHUNK = 1 << 16  # ranked rows turned into Python ints, or laid out as text (_Laid), this many at a time
_KEY_LIMIT = 1 << 62  # subjects x predicates x objects below this: a triple's ranks fit one int64


class Rows:
    """Ranked quads as four parallel numpy columns (graph, subject, predicate, object ranks).

    Why columns and not a list of tuples: at a few million quads the tuples and their ints
    were the largest objects of a build (about 190 bytes per quad and ordering); four int32
    columns cost 16 bytes and sort in C; the writers lay their text out from the columns
    (:class:`_Laid`)."""

    __slots__ = ("g", "s", "p", "o")

    def __init__(self, g: Any, s: Any, p: Any, o: Any):
        self.g, self.s, self.p, self.o = g, s, p, o

    def __len__(self) -> int:
        return len(self.s)

    def __iter__(self) -> Iterator[Ranked]:
        for i in range(0, len(self.s), _ROWS_CHUNK):
            j = i + _ROWS_CHUNK
            yield from zip(self.g[i:j].tolist(), self.s[i:j].tolist(), self.p[i:j].tolist(),
                           self.o[i:j].tolist(), strict=True)

    def take(self, index: Any) -> Rows:
        return Rows(self.g[index], self.s[index], self.p[index], self.o[index])


class _Ranks:
    """Unique quads as ranks: every distinct graph, subject, predicate and object is numbered in
    the writers' order (graphs by IRI with the default graph first; triples by subject, rdf:type
    first, then by predicate, then IRI objects before literals), and
    each quad becomes four small integers.

    Why: at a few million quads every dictionary lookup of a term is a cache miss, and a literal
    (a tuple) is hashed anew each time; the writers used to look every term of every triple up
    once per syntax.  Here each term occurrence is looked up once, as the quads stream in (no
    tuple of a quad is kept, no set of quads is built); sorting, deduplicating and grouping
    are done on integer columns in numpy; the writers compare integers and index lists of
    pre-rendered terms.  The numbering keeps the order, so sorted ranks are sorted triples.
    Objects: IRIs (plain strings) first, by string, then literals, by their NamedTuple order
    (lex, lang, dt)."""

    def __init__(self, quads: Iterable[Quad]):
        links: list[Link] = []  # a CorpusQuads' links to evidence nodes, numbered apart
        if isinstance(quads, CorpusQuads):
            quads = quads.quads(links)
        # per column, a term's id is the order of its first sight (a defaultdict counting in C)
        ids: list[defaultdict[Term, int]] = [defaultdict(itertools.count().__next__) for _ in range(4)]
        cols = [array("q") for _ in range(4)]
        ids_g, ids_s, ids_p, ids_o = ids
        add_g, add_s, add_p, add_o = (c.append for c in cols)
        for g, s, p, o in quads:
            add_g(ids_g[g])
            add_s(ids_s[s])
            add_p(ids_p[p])
            add_o(ids_o[o])
        g, s, p, o = (np.frombuffer(c, dtype=np.int64) if len(c) else np.zeros(0, np.int64) for c in cols)
        objects, object_order = list(ids_o), _object_order
        if links:
            lg, ls, lp, node_ids = _link_columns(links, ids_g, ids_s, ids_p)
            evidence_ids, lo = _evidence_numbers(node_ids)
            # the evidence IRIs: ids after the other objects', in their order (node ids are their
            # distinct ends); ranked as one run among the other IRI objects, unless one of those
            # starts like them too (then all go through the objects' dict and sort)
            objects, object_order, lo = _with_evidence_objects(objects, ids_o, evidence_ids, lo)
            g, s, p, o = (np.concatenate(c) for c in ((g, lg), (s, ls), (p, lp), (o, lo)))
        self.g, g = _rank(list(ids_g), g, _by_value)  # type: ignore[arg-type]
        self.s, s = _rank(list(ids_s), s, _by_value)  # type: ignore[arg-type]
        self.p, p = _rank(list(ids_p), p, _predicate_order)  # type: ignore[arg-type]
        self.o, o = _rank(objects, o, object_order)
        del ids, ids_g, ids_s, ids_p, ids_o, cols, objects
        # object ranks from here on are literals (IRIs come first: one bisection finds the end)
        self.n_iris = bisect.bisect_left(self.o, True, key=lambda t: isinstance(t, Lit))
        self.type_rank = 0 if self.p and self.p[0] == RDF_TYPE else -1
        n = len(s)
        n_triples = len(self.s) * len(self.p) * len(self.o)
        if n_triples < _KEY_LIMIT:  # one key per triple: the fastest sort
            tkey = (s * len(self.p) + p) * len(self.o) + o
        else:  # a dense triple number from a three-key sort
            order = np.lexsort((o, p, s))
            so, po, oo = s[order], p[order], o[order]
            new = np.ones(n, dtype=bool)
            new[1:] = (so[1:] != so[:-1]) | (po[1:] != po[:-1]) | (oo[1:] != oo[:-1])
            tkey = np.empty(n, dtype=np.int64)
            tkey[order] = np.cumsum(new) - 1
            n_triples = n
        if n_triples * max(1, len(self.g)) < _KEY_LIMIT:
            # one key per quad, in the triples' order then by graph: any sort gives one order,
            # as equal keys are equal quads
            by_triple = np.argsort(tkey * len(self.g) + g)
        else:
            by_triple = np.lexsort((g, tkey))
        gk, tk = g[by_triple], tkey[by_triple]
        first = np.ones(n, dtype=bool)  # a quad seen twice is written once
        first[1:] = (gk[1:] != gk[:-1]) | (tk[1:] != tk[:-1])
        unique = by_triple[first]  # the quads once each, by triple, then by graph
        # by graph, then in the triples' order: a stable sort by graph alone (a radix sort when
        # the graphs' ranks fit 16 bits), the same order as sorting by (graph, triple)
        graph_type = np.int16 if len(self.g) < 1 << 15 else np.int64
        by_graph = unique[np.argsort(g[unique].astype(graph_type), kind="stable")]
        tk = tkey[unique]
        first = np.ones(len(tk), dtype=bool)  # the same triple in several graphs: once (its first graph)
        first[1:] = tk[1:] != tk[:-1]
        by_triple = unique[first]
        small = np.int32 if max(len(self.g), len(self.s), len(self.p), len(self.o)) < 1 << 31 else np.int64
        self.quads = Rows(*(c[by_graph].astype(small) for c in (g, s, p, o)))
        self.triples = Rows(*(c[by_triple].astype(small) for c in (g, s, p, o)))  # one per distinct triple

    def terms(self, rows: Rows) -> list[Quad]:
        """Ranked rows back as terms."""
        g, s, p, o = self.g, self.s, self.p, self.o
        return [(g[gi], s[si], p[pi], o[oi]) for gi, si, pi, oi in rows]


def _rank(values: list[Term], ids: Any, order: Callable[[list[Term]], list[int]]) -> tuple[list[Term], Any]:
    """A column's distinct terms (``values[id]``) in the writers' order, and the column of ids
    as ranks in that list.  ``order`` gives the ids in that order: sorting ids by their value
    hashes no term again (a literal's hash is not cached)."""
    ordered = order(values)
    rank_of = np.empty(len(values), dtype=np.int64)
    rank_of[np.array(ordered, dtype=np.int64)] = np.arange(len(ordered), dtype=np.int64)
    return [values[i] for i in ordered], rank_of[np.asarray(ids, dtype=np.int64)]


def _link_columns(links: list[Link], ids_g: dict[Term, int], ids_s: dict[Term, int],
                  ids_p: dict[Term, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """The graph, subject and predicate id columns of the quads ``(article_iri(ev.doc_id), node,
    prov:wasDerivedFrom, evidence IRI)`` of the links, numbered in the columns' dicts, and each
    link's evidence node id (the object's IRI is ``EVIDENCE_NS + node id``)."""
    evs: list[Evidence] = []
    counts: list[int] = []
    nodes: list[int] = []
    for node, evidence in links:
        evs += evidence
        counts.append(len(evidence))
        nodes.append(ids_s[node])
    # by doc id (its hash is cached), one article IRI asked for per article
    graph_of = Filled(lambda doc_id: ids_g[article_iri(doc_id)])
    n = len(evs)
    g = np.fromiter(map(graph_of.__getitem__, map(_DOC_ID, evs)), dtype=np.int64, count=n)
    s = np.repeat(np.array(nodes, dtype=np.int64), counts)
    p = np.full(n, ids_p[DERIVED] if n else 0, dtype=np.int64)
    return g, s, p, list(map(_NODE_ID, evs))


_DOC_ID = operator.attrgetter("doc_id")
_NODE_ID = operator.attrgetter("node_id")


def _evidence_numbers(node_ids: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct node ids, sorted, and each one of ``node_ids`` as its index among them.

    Node ids are 16 lowercase hex digits (a hash, :func:`kg.model.evidence_node_id`), whose
    string order is the order of their numbers: then they are read as 64-bit integers at once
    and sorted by numpy, without a dict lookup nor a string comparison each.  Other ids (made
    by hand) are numbered through a dict and sorted as strings.

    >>> _evidence_numbers(["00000000000000ff", "000000000000000a", "00000000000000ff"])
    (['000000000000000a', '00000000000000ff'], array([1, 0, 1]))
    >>> _evidence_numbers(["b", "A", "b"])
    (['A', 'b'], array([1, 0, 1]))
    """
    numbers = _hex_numbers(node_ids)
    if numbers is not None and len(numbers):
        _, first, index = np.unique(numbers, return_index=True, return_inverse=True)
        return list(map(node_ids.__getitem__, first.tolist())), index.astype(np.int64, copy=False)
    ids: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    index = np.fromiter(map(ids.__getitem__, node_ids), dtype=np.int64, count=len(node_ids))
    return _rank(list(ids), index, _by_value)  # type: ignore[arg-type]


def _hex_numbers(ids: list[str]) -> np.ndarray | None:
    """The ids read as 64-bit numbers when every one is 16 lowercase hex digits (whose string
    order is their numbers' order), else None.

    >>> _hex_numbers(["00000000000000ff", "000000000000000a"]).tolist(), _hex_numbers(["0A"])
    ([255, 10], None)
    """
    joined = "".join(ids)
    try:
        raw = bytes.fromhex(joined)  # skips whitespace: then fewer bytes than digits / 2
    except ValueError:
        return None
    # every character a hex digit (2 per byte), none upper case, 16 of them in all per id and
    # no id shorter: every id is 16 lower case hex digits
    if (2 * len(raw) == len(joined) == 16 * len(ids) and joined == joined.lower()
            and min(map(len, ids), default=16) == 16):
        return np.frombuffer(raw, dtype=">u8")
    return None


def _with_evidence_objects(objects: list[Term], ids_o: dict[Term, int], evidence_ids: list[str],
                           index: np.ndarray) -> tuple[list[Term], Callable[[list[Term]], list[int]], np.ndarray]:
    """The object column's distinct terms with the evidence IRIs of ``evidence_ids`` (sorted,
    distinct), their order (as :func:`_object_order` gives it), and ``index`` (into
    ``evidence_ids``) as ids in that list.

    The evidence IRIs all start with :data:`EVIDENCE_NS`, so they are one run of the sorted
    IRIs, placed by one bisection, when no other object starts so; else (always with the
    evidence nodes' own quads: their selectors ``…/norm``, ``…/raw`` are objects too) each is
    looked up (and numbered) in the objects' dict ``ids_o`` and all are sorted together."""
    if any(type(t) is str and t.startswith(EVIDENCE_NS) for t in objects):
        ids = np.array([ids_o[EVIDENCE_NS + k] for k in evidence_ids], dtype=np.int64)
        return list(ids_o), _object_order, ids[index]
    order = _object_order(objects)
    n_iris = sum(1 for t in objects if not isinstance(t, Lit))
    at = bisect.bisect_left([objects[i] for i in order[:n_iris]], EVIDENCE_NS)
    n = len(objects)
    merged = order[:at] + list(range(n, n + len(evidence_ids))) + order[at:]
    return objects + [EVIDENCE_NS + k for k in evidence_ids], lambda _: merged, index + n


def _by_value(values: list[Term]) -> list[int]:
    return sorted(range(len(values)), key=values.__getitem__)


def _predicate_order(values: list[Term]) -> list[int]:
    """rdf:type first (Turtle's ``a``), then by IRI."""
    return sorted(range(len(values)), key=lambda i: (values[i] != RDF_TYPE, values[i]))


def _object_order(values: list[Term]) -> list[int]:
    """IRIs (plain strings) by string, then literals by their NamedTuple order (lex, lang, dt)."""
    get = values.__getitem__
    return (sorted((i for i, v in enumerate(values) if not isinstance(v, Lit)), key=get)
            + sorted((i for i, v in enumerate(values) if isinstance(v, Lit)), key=get))


class _Rendered(NamedTuple):
    """One syntax's text of every ranked subject, predicate and object: ``s[rank]`` for a
    subject, and so on, as numpy object arrays (references to the strings), so that a column of
    ranks picks its texts in C.  (Graph names: :func:`trig_text` writes them.)"""

    s: np.ndarray
    p: np.ndarray
    o: np.ndarray

    @classmethod
    def of(cls, ranks: _Ranks, render: Callable[[Term], str], iris: Callable[[list[str]], list[str]]) -> _Rendered:
        """``render`` each term; ``iris``: the same for a list of IRIs sorted by string (the
        subjects, the IRI objects: nearly all terms), faster."""
        k = ranks.n_iris
        return cls(_objects(iris(ranks.s)), _objects([render(t) for t in ranks.p]),  # type: ignore[arg-type]
                   _objects(iris(ranks.o[:k]) + [render(t) for t in ranks.o[k:]]))  # type: ignore[arg-type]


def _objects(texts: list[str] | list[bytes]) -> np.ndarray:
    """The strings as a numpy object array (``np.array`` would make a fixed-width str array)."""
    a = np.empty(len(texts), dtype=object)
    a[:] = texts
    return a


def _sorted_triples(triples: set[tuple[str, str, Term]]) -> list[tuple[str, str, Term]]:
    ranks = _Ranks([(DEFAULT_GRAPH, s, p, o) for s, p, o in triples])
    return [q[1:] for q in ranks.terms(ranks.triples)]  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------
# terms


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


def _nt(t: Term) -> str:
    """A term in N-Triples."""
    if isinstance(t, Lit):
        return _lit(t, False)
    return t if t.startswith("_:") else f"<{_iri_esc(t)}>"


def _nt_iris(iris: list[str]) -> list[str]:
    """:func:`_nt` of each IRI; when none needs an escape (one search of them all, the usual
    case), without a search each."""
    if _IRI_BAD.search("".join(iris)):
        return [_nt(t) for t in iris]
    return [t if t.startswith("_:") else f"<{t}>" for t in iris]


_JSON_ESC = re.compile(r'[\x00-\x1f\\"]')  # what json's encode_basestring escapes
_SEP = "\x7f"  # between the parts searched at once: no IRI nor JSON escape, no '/', '#', '?' nor ':'
# in local parts joined by _SEP: one that _Names._name would not write <local> (an escape as in
# _IRI_BAD, a ':', a leading '/', '#' or '?'); a _SEP inside a part can only make a false alarm
_NOT_RELATIVE = re.compile(r'[\x00-\x20<>"{}|^`\\:]|\x7f[/#?]')


def _sorted_run(iris: list[str], ns: str) -> tuple[int, int]:
    """The positions ``[i, j)`` of the IRIs that start with ``ns`` in a list sorted by string.

    >>> _sorted_run(["a/", "b/1", "b/2", "b0", "c"], "b/")
    (1, 3)
    """
    return bisect.bisect_left(iris, ns), bisect.bisect_left(iris, after(ns))


def after(prefix: str) -> str:
    """The first string after every string that starts with ``prefix``.

    >>> after("a/")
    'a0'
    """
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


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

    def many(self, iris: list[str]) -> list[str]:
        """The names of IRIs sorted by string: the resources' (under ``@base``, most of them) as
        ``<local>`` when one search of all their local parts finds nothing that :meth:`_name`
        would escape or write otherwise."""
        i, j = _sorted_run(iris, ID_NS)
        cut = len(ID_NS)
        local = [t[cut:] for t in iris[i:j]]
        if _NOT_RELATIVE.search(_SEP + _SEP.join(local)):
            return [self(t) for t in iris]
        return [self(t) for t in iris[:i]] + [f"<{x}>" for x in local] + [self(t) for t in iris[j:]]

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


def jsonld_context() -> dict[str, str]:
    return dict(PREFIXES)


class _JsonLdTerms:
    """JSON-LD text of terms, as ``json.dumps(..., ensure_ascii=False, indent=1)`` writes them at
    their depth in :func:`write_jsonld`'s document: IRIs compacted through the context's prefixes
    (longest namespace first), values as expanded value objects."""

    def __init__(self, ctx: dict[str, str]) -> None:
        pairs = sorted(((ns, p) for p, ns in ctx.items()), key=lambda x: -len(x[0]))
        self.prefix = {ns: p for ns, p in reversed(pairs)}  # a namespace listed twice: its first prefix
        # the longest namespace that leaves a non-empty local part (the alternation backtracks to
        # the next one when the local part would be empty)
        self.ns_re = re.compile("(?s)(" + "|".join(re.escape(ns) for ns, _ in pairs) + ")(.+)") if pairs else None
        self.enc = json.encoder.encode_basestring  # type: ignore[attr-defined]  # json's own, C when available
        # the namespaces that no other extends, in order: the one that matches an IRI under one
        # of them is the longest, so its prefix is the IRI's (unless the local part is empty)
        self.leaves = sorted(ns for ns in self.prefix if not any(o != ns and o.startswith(ns) for o in self.prefix))

    def compact(self, iri: str) -> str:
        m = self.ns_re.match(iri) if self.ns_re is not None else None
        return f"{self.prefix[m.group(1)]}:{m.group(2)}" if m else iri

    def iri(self, iri: str) -> str:
        """A compact IRI as a JSON string (node ids, types, property keys)."""
        return self.enc(self.compact(iri))

    def iris(self, iris: list[str]) -> list[str]:
        """:meth:`iri` of each IRI of a list sorted by string; the run of those under each of
        :attr:`leaves` (nearly all of them) compacted by slicing, when one search finds nothing
        in them that JSON escapes."""
        out: list[str] = []
        done = 0
        for ns in self.leaves:
            i, j = _sorted_run(iris, ns)
            if i < j and iris[i] == ns:  # the namespace itself (sorted first): not compacted by it
                i += 1
            if i == j or _JSON_ESC.search("".join(iris[i:j])):
                continue  # left to iri(), with the IRIs before the next run
            head, cut = self.enc(f"{self.prefix[ns]}:")[:-1], len(ns)
            out += [self.iri(t) for t in iris[done:i]]
            out += [f'{head}{t[cut:]}"' for t in iris[i:j]]
            done = j
        return out + [self.iri(t) for t in iris[done:]]

    def value(self, t: Term) -> str:
        """A value object in a property's list (depth 4, keys at depth 5)."""
        if isinstance(t, Lit):
            body = f'"@value": {self.enc(t.lex)}'
            if t.lang:
                body += f',\n     "@language": {self.enc(t.lang)}'
            elif t.dt:
                body += f',\n     "@type": {self.iri(t.dt)}'
        else:
            body = f'"@id": {self.iri(t)}'
        return "{\n     " + body + "\n    }"


# ---------------------------------------------------------------------------------------------
# writers


def _prologue() -> list[str]:
    lines = [f"@base <{ID_NS}> ."]
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items() if p != "id"]
    return lines


def _starts(*cols: np.ndarray) -> np.ndarray:
    """True at the rows where any of the columns differs from the row before, and at row 0:
    the first rows of runs."""
    new = np.zeros(len(cols[0]), dtype=bool)
    new[:1] = True
    for c in cols:
        new[1:] |= c[1:] != c[:-1]
    return new


def _ends(starts: np.ndarray) -> np.ndarray:
    """The last rows of the runs that ``starts`` begins."""
    ends = np.ones(len(starts), dtype=bool)
    ends[:-1] = starts[1:]
    return ends


class _Laid:
    """The text of sorted ranked rows, each row ``width`` pieces laid out by ``lay(i, j)`` (a
    list of the pieces of rows ``i`` to ``j``, worked out with whole-column numpy operations),
    asked for a range of rows at a time.

    Why: a writer looping over the rows in Python cost a microsecond a row; here a row costs a
    few references copied in C and its share of one join.  The rows are laid out a batch
    of ``size`` (:data:`_ROWS_CHUNK`) at a time (the last batch kept: TriG asks for one small
    graph after the other), so no file's text nor its list of pieces is ever held whole."""

    def __init__(self, n: int, width: int, lay: Callable[[int, int], list[Any]], size: int | None = None,
                 empty: Chunk = ""):
        """``size`` None: :data:`_ROWS_CHUNK` as it is now (tests set it small); ``empty``: ""
        when the pieces are ``str``, b"" when they are UTF-8 ``bytes``."""
        self.n, self.width, self.lay, self.join = n, width, lay, empty.join
        self.size = _ROWS_CHUNK if size is None else size
        self.batch, self.pieces = -1, []

    def text(self, i: int = 0, j: int | None = None) -> Iterator[Any]:
        """The text of rows ``i`` to ``j`` (None: to the end), a chunk per batch it spans."""
        size, w = self.size, self.width
        j = self.n if j is None else j
        while i < j:
            k = i // size
            if k != self.batch:
                self.batch, self.pieces = k, self.lay(k * size, min(self.n, (k + 1) * size))
            end = min(j, (k + 1) * size)
            yield self.join(self.pieces[w * (i - k * size):w * (end - k * size)])
            i = end


def _turtle_laid(rows: Rows, r: _Rendered, indent: str = "", gap: str = "", graphs: bool = False) -> _Laid:
    """Subject blocks of sorted ranked rows: ``s p o, o ; p o .`` each followed by ``gap``
    (``graphs``: a new graph starts a new block, for TriG's named graphs; else the rows' graph is
    ignored).  A row is four pieces: what comes before its predicate (the subject, ``;`` or
    ``,``), its predicate when it starts a run of them, its object, and the end of the block
    after its block's last row."""
    new_s = _starts(rows.g, rows.s) if graphs else _starts(rows.s)
    new_p = new_s | _starts(rows.p)
    last = _ends(new_s)
    p_open = r.p + " "
    sep, tail = f" ;\n{indent}    ", " .\n" + gap
    subj, pred, obj = rows.s, rows.p, rows.o

    def lay(i: int, j: int) -> list[str]:
        out = np.empty((j - i, 4), dtype=object)
        ns, np_, ls = new_s[i:j], new_p[i:j], last[i:j]
        lead = out[:, 0]
        lead[:] = ", "
        lead[np_] = sep
        lead[ns] = indent + r.s[subj[i:j][ns]] + " "  # (numpy: the openings of these blocks only)
        p_col = out[:, 1]
        p_col[:] = ""
        p_col[np_] = p_open[pred[i:j][np_]]
        out[:, 2] = r.o[obj[i:j]]
        end = out[:, 3]
        end[:] = ""
        end[ls] = tail
        return out.ravel().tolist()

    return _Laid(len(rows), 4, lay)


def _ntriples_laid(rows: Rows, r: _Rendered) -> _Laid:
    """N-Triples lines: a row is its subject, `` predicate ``, object and `` .\\n``."""
    p_mid = " " + r.p + " "
    subj, pred, obj = rows.s, rows.p, rows.o

    def lay(i: int, j: int) -> list[str]:
        out = np.empty((j - i, 4), dtype=object)
        out[:, 0] = r.s[subj[i:j]]
        out[:, 1] = p_mid[pred[i:j]]
        out[:, 2] = r.o[obj[i:j]]
        out[:, 3] = " .\n"
        return out.ravel().tolist()

    return _Laid(len(rows), 4, lay)


_CHUNK = 4096  # parts per chunk (:func:`_chunked`): whole files are never held as one string


def _chunked(parts: Iterable[str]) -> Iterator[str]:
    """``parts`` joined into chunks of :data:`_CHUNK` parts."""
    buf: list[str] = []
    for part in parts:
        buf.append(part)
        if len(buf) >= _CHUNK:
            yield "".join(buf)
            buf = []
    if buf:
        yield "".join(buf)


def _one_final_newline(chunks: Iterable[Chunk]) -> Iterator[Chunk]:
    """The chunks of a text, its trailing newlines replaced by one (``text.rstrip("\\n") +
    "\\n"``) without holding the text: a chunk of newlines only waits for the next one.  Chunks
    may be ``str`` or UTF-8 ``bytes`` (part files, :mod:`kg.rdfparts`); each keeps its type."""
    pending: list[Chunk] = []  # the last chunk with text, then the chunks of newlines after it
    for chunk in chunks:
        if chunk.strip(b"\n" if isinstance(chunk, bytes) else "\n"):
            yield from pending
            pending = [chunk]
        else:
            pending.append(chunk)
    last = next((c for c in pending if c.strip(b"\n" if isinstance(c, bytes) else "\n")), "")
    if isinstance(last, bytes):
        yield last.rstrip(b"\n") + b"\n"
    else:
        yield last.rstrip("\n") + "\n"


Chunk = str | bytes  # a piece of a file's text: a str, or its UTF-8 bytes (read from a part file)
Body = Iterable[Chunk]  # a writer's text for one range of subjects, in chunks
GraphBodies = Iterable[tuple[str, Body]]  # TriG: (graph key, its text) for each graph, in order


def turtle_text(bodies: Iterable[Body]) -> Iterator[Chunk]:
    """A Turtle file of the bodies of consecutive ranges of subjects (:meth:`Serialisation.body`)."""
    return _one_final_newline(itertools.chain(["\n".join(_prologue()) + "\n\n"], *bodies))


def ntriples_text(bodies: Iterable[Body]) -> Iterator[Chunk]:
    return itertools.chain.from_iterable(bodies)


def jsonld_text(bodies: Iterable[Body]) -> Iterator[Chunk]:
    """The text ``json.dumps({"@context": ctx, "@graph": nodes}, ensure_ascii=False, indent=1)``
    gives, the node objects being the bodies' (each body: its nodes joined by ``,\n``)."""
    enc = json.encoder.encode_basestring  # type: ignore[attr-defined]
    ctx = jsonld_context()
    head = "{\n"
    if ctx:
        head += ' "@context": {\n' + ",\n".join(f"  {enc(k)}: {enc(v)}" for k, v in ctx.items()) + "\n },\n"
    else:
        head += ' "@context": {},\n'
    started = False
    for body in bodies:
        it = iter(body)
        first = next((c for c in it if c), "")
        if not first:
            continue
        yield ",\n" if started else head + ' "@graph": [\n'
        yield first
        started = True
        yield from it
    yield "\n ]\n}\n" if started else head + ' "@graph": []\n}\n'


def trig_text(parts: Iterable[GraphBodies]) -> Iterator[Chunk]:
    """A TriG file of the per-graph bodies of consecutive ranges of subjects
    (:meth:`Serialisation.graph_bodies`): the default graph first, then each named graph, its
    body being its bodies in every part, in order."""
    names = _Names()

    def text() -> Iterator[Chunk]:
        yield "\n".join(_prologue()) + "\n\n"
        streams = [iter(p) for p in parts]
        heads = [next(st, None) for st in streams]
        while any(h is not None for h in heads):
            g = min(h[0] for h in heads if h is not None)
            if g != DEFAULT_GRAPH:
                yield f"GRAPH {names(g)} {{\n"
            for i, h in enumerate(heads):
                if h is not None and h[0] == g:
                    yield from h[1]
                    heads[i] = next(streams[i], None)
            if g != DEFAULT_GRAPH:
                yield "}\n\n"

    return _one_final_newline(text())


def jsonld_body(nodes: Iterator[str]) -> Body:
    """A JSON-LD body: node objects joined by ``,\\n``, in chunks (empty: no node)."""
    first = next(nodes, None)
    return [] if first is None else itertools.chain([first], _chunked(",\n" + n for n in nodes))


def _between(rows: Rows, lo: int, hi: int | None) -> Rows:
    """The rows (sorted by subject) whose subject rank is in ``[lo, hi)`` (``hi`` None: no end)."""
    i = int(np.searchsorted(rows.s, lo))
    j = len(rows) if hi is None else int(np.searchsorted(rows.s, hi))
    return rows.take(slice(i, j))


class _JsonLdRendered(NamedTuple):
    """The JSON-LD text of every ranked term, as :func:`_jsonld_laid` places it."""

    node_open: np.ndarray  # subject rank -> the start of its node object, up to its "@id"
    key_open: np.ndarray  # predicate rank -> the start of its property's list; last: "@type"'s
    values: np.ndarray  # object rank -> its value object; then IRI object rank -> its "@type" entry
    n_values: int
    merges: bool  # two subjects or two keys compact alike: :func:`_jsonld_nodes` merges them

    @classmethod
    def of(cls, ranks: _Ranks) -> _JsonLdRendered:
        j = _JsonLdTerms(jsonld_context())
        ids = j.iris(ranks.s)  # type: ignore[arg-type]
        keys = [j.iri(t) for t in ranks.p] + [j.enc("@type")]
        types = j.iris(ranks.o[:ranks.n_iris])  # type: ignore[arg-type]  # IRI objects, for "@type"
        values = [f'{{\n     "@id": {t}\n    }}' for t in types] + [j.value(t) for t in ranks.o[ranks.n_iris:]]
        merges = len(set(ids)) < len(ids) or len(set(keys)) < len(keys)
        return cls('  {\n   "@id": ' + _objects(ids), ",\n   " + _objects(keys) + ": [\n    ",
                   _objects(values + types), len(values), merges)


def _jsonld_laid(rows: Rows, j: _JsonLdRendered, ranks: _Ranks) -> _Laid:
    """The JSON-LD node objects of the triples of ``rows``, joined by ``,\\n`` (what
    :func:`jsonld_body` makes of :func:`_jsonld_nodes`' when no two subjects nor two keys compact
    alike: then a node is a run of rows of one subject, a property list a run of one key).  A
    row is four pieces: the start of its node when it starts one, the start of its property's
    list or the comma before its value, its value, and the ends of the list and node it closes."""
    s, p, o = rows.s, rows.p, rows.o
    typed = (p == ranks.type_rank) & (o < ranks.n_iris)  # "@type" entries, not rdf:type values
    key = np.where(typed, len(j.key_open) - 1, p)
    value = np.where(typed, o + j.n_values, o)
    new_s = _starts(s)
    new_k = new_s | _starts(key)
    last_k, last_s = _ends(new_k), _ends(new_s)
    n = len(rows)

    def lay(i: int, k: int) -> list[str]:
        out = np.empty((k - i, 4), dtype=object)
        ns, nk = new_s[i:k], new_k[i:k]
        col = out[:, 0]
        col[:] = ""
        col[ns] = j.node_open[s[i:k][ns]]
        col = out[:, 1]
        col[:] = ",\n    "
        col[nk] = j.key_open[key[i:k][nk]]
        out[:, 2] = j.values[value[i:k]]
        col = out[:, 3]
        col[:] = ""
        col[last_k[i:k]] = "\n   ]"
        col[last_s[i:k]] = "\n   ]\n  },\n"
        if k == n:
            col[-1] = "\n   ]\n  }"
        return out.ravel().tolist()

    return _Laid(n, 4, lay)


def _jsonld_nodes(rows: Rows, ranks: _Ranks) -> Iterator[str]:
    """The JSON-LD node objects of the triples of ``rows`` (one per subject, "@type" then the
    properties in order, expanded values), as :func:`jsonld_text` places them, a node at a time:
    the definition :func:`_jsonld_laid` is tested against, and the writer when two subjects or two
    keys compact alike (hand-made IRIs), which :func:`_jsonld_laid` cannot lay out."""
    j = _JsonLdTerms(jsonld_context())
    ids = [j.iri(t) for t in ranks.s]
    keys = [j.iri(t) for t in ranks.p]
    values = [j.value(t) for t in ranks.o]
    types = [j.iri(t) for t in ranks.o[:ranks.n_iris]]  # IRI objects, for "@type"
    type_rank, n_iris = ranks.type_rank, ranks.n_iris
    type_key = j.enc("@type")

    def node(sid: str, props: dict[str, list[str]]) -> str:
        return '  {\n   "@id": ' + sid + "".join(
            f",\n   {key}: [\n    " + ",\n    ".join(vals) + "\n   ]" for key, vals in props.items()) + "\n  }"

    cur_id: str | None = None
    cur: dict[str, list[str]] = {}
    s0 = p0 = -1
    lst: list[str] = []
    for _, s, p, o in rows:
        if p == p0 and s == s0 and p != type_rank:  # the next object of the same property
            lst.append(values[o])
            continue
        s0, p0 = s, p
        sid = ids[s]
        if sid != cur_id:  # subjects that compact alike share a node, as in a dict keyed by "@id"
            if cur_id is not None:
                yield node(cur_id, cur)
            cur_id, cur = sid, {}
        if p == type_rank and o < n_iris:
            key, val = type_key, types[o]
        else:
            key, val = keys[p], values[o]
        got = cur.get(key)
        if got is None:
            lst = cur[key] = [val]
        else:
            lst = got
            lst.append(val)
    if cur_id is not None:
        yield node(cur_id, cur)


def _bytes(chunks: Iterable[Chunk]) -> bytes:
    return b"".join(encoded(chunks))


def encoded(chunks: Iterable[Chunk]) -> Iterator[bytes]:
    """The chunks of a text as UTF-8 bytes."""
    for c in chunks:
        yield c if isinstance(c, bytes) else c.encode("utf-8")


def write_turtle(triples: list[tuple[str, str, Term]]) -> bytes:
    """Deterministic Turtle of sorted, unique triples (see :func:`unique_triples`)."""
    return Serialisation((DEFAULT_GRAPH, s, p, o) for s, p, o in triples).turtle()


def write_ntriples(triples: list[tuple[str, str, Term]]) -> bytes:
    return Serialisation((DEFAULT_GRAPH, s, p, o) for s, p, o in triples).ntriples()


def write_trig(quads: Iterable[Quad]) -> bytes:
    """TriG: the default graph first (entities, derived facts), then one graph per article."""
    return Serialisation(quads).trig()


def write_jsonld(triples: list[tuple[str, str, Term]]) -> bytes:
    """JSON-LD (expanded values, compact IRIs through the project's prefixes), one node object
    per subject in IRI order; deterministic."""
    return Serialisation((DEFAULT_GRAPH, s, p, o) for s, p, o in triples).jsonld()


class Serialisation:
    """Every RDF export of one set of quads, from one pass: the quads deduplicated, ranked and
    sorted once (:class:`_Ranks`), every distinct term rendered once per syntax (Turtle and
    TriG share their names), so that writing costs a string join per triple.  :meth:`body` and
    :meth:`graph_bodies` give the text of a range of subjects in chunks, which the ``*_text``
    functions assemble into a file's text, also in chunks (for :func:`write_atomic`: no file is
    ever held whole), from one serialisation or several (:mod:`kg.rdfparts`).

    >>> q = [("", "https://w3id.org/cppcc-kg/id/x", RDF_TYPE, "https://w3id.org/cppcc-kg/ontology#Post")]
    >>> s = Serialisation(q + q)  # duplicates are written once
    >>> len(s.triples), s.turtle().decode().splitlines()[-1]
    (1, '<x> a cppcc:Post .')
    """

    def __init__(self, quads: Iterable[Quad]):
        self.ranks = _Ranks(quads)
        self._names: _Rendered | None = None
        self._nt: _Rendered | None = None
        self._jsonld: _JsonLdRendered | None = None

    @property
    def quads(self) -> list[Quad]:
        """The unique quads, by graph then in the triples' order."""
        return self.ranks.terms(self.ranks.quads)

    @property
    def triples(self) -> list[Quad]:
        """One quad per distinct triple (its graph: any of them), in the writers' order."""
        return self.ranks.terms(self.ranks.triples)

    def names(self) -> _Rendered:
        if self._names is None:
            names = _Names()
            self._names = _Rendered.of(self.ranks, names, names.many)
        return self._names

    def subject_rank(self, iri: str) -> int:
        """The rank of the first subject at or after ``iri`` in the writers' order."""
        return bisect.bisect_left(self.ranks.s, iri)

    def body(self, fmt: str, lo: int = 0, hi: int | None = None) -> Body:
        """The text of format ``fmt`` (ttl, nt, jsonld) for the subjects ranked ``lo`` to ``hi``
        (excluded; None: to the end), in chunks: what :func:`turtle_text`, :func:`ntriples_text`
        and :func:`jsonld_text` assemble."""
        rows = _between(self.ranks.triples, lo, hi)
        if fmt == "ttl":
            return _turtle_laid(rows, self.names(), gap="\n").text()
        if fmt == "nt":
            if self._nt is None:
                self._nt = _Rendered.of(self.ranks, _nt, _nt_iris)
            return _ntriples_laid(rows, self._nt).text()
        if fmt == "jsonld":
            if self._jsonld is None:
                self._jsonld = _JsonLdRendered.of(self.ranks)
            if self._jsonld.merges:
                return jsonld_body(_jsonld_nodes(rows, self.ranks))
            return _jsonld_laid(rows, self._jsonld, self.ranks).text()
        raise ValueError(f"no body for {fmt!r}")

    def graph_bodies(self, lo: int = 0, hi: int | None = None) -> Iterator[tuple[str, Body]]:
        """TriG: (graph key, the text of its subjects ranked ``lo`` to ``hi``) for each graph
        that has some, in order (what :func:`trig_text` assembles)."""
        r = self.names()
        rows = self.ranks.quads
        inside = rows.s >= lo if hi is None else (rows.s >= lo) & (rows.s < hi)
        rows = rows.take(inside)
        if not len(rows):
            return
        bounds = [*np.flatnonzero(_starts(rows.g)).tolist(), len(rows)]  # each graph's first row
        first = 0
        if self.ranks.g[int(rows.g[0])] == DEFAULT_GRAPH:  # the default graph's blocks: as in Turtle
            first = bounds[1]
            yield DEFAULT_GRAPH, _turtle_laid(rows.take(slice(0, first)), r, gap="\n").text()
        named = _turtle_laid(rows.take(slice(first, None)), r, "    ", graphs=True)
        for i, j in itertools.pairwise(bounds):
            if i >= first:
                yield self.ranks.g[int(rows.g[i])], named.text(i - first, j - first)

    def turtle(self) -> bytes:
        return _bytes(turtle_text([self.body("ttl")]))

    def trig(self) -> bytes:
        return _bytes(trig_text([self.graph_bodies()]))

    def ntriples(self) -> bytes:
        return _bytes(ntriples_text([self.body("nt")]))

    def jsonld(self) -> bytes:
        return _bytes(jsonld_text([self.body("jsonld")]))


# ---------------------------------------------------------------------------------------------
# files


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or chunks of bytes written as they come) to ``path`` through a
    temporary file and a rename, so that a reader (or a build killed half-way) never sees a
    half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with forked.temporary_file(path.parent, prefix=f".{path.name}.") as (fd, tmp):
        os.chmod(tmp, 0o644 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes | bytearray | memoryview):
                fh.write(data)
            else:
                for chunk in data:
                    fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)


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
