"""Evidence nodes written straight to text, in every syntax, without ranking their quads.

Why: two thirds of an export's quads describe evidence nodes (:func:`kg.rdf.evidence_nodes`),
and numbering, sorting and rendering them one quad at a time was the largest single cost of a
build.  Every evidence node has the same shape: the node (``a cppcc:Evidence`` and maybe
``cppcc:Mention``, its source article, sentence, surface and two selectors) and its two selector
nodes (``<node>/norm``, ``<node>/raw``: a type, ``oa:end``, ``oa:start``).  So the three subject
blocks of a node are consecutive in the writers' order, nodes come in IRI order, and each block
is filled in from the shape's predicates, laid out once in the order the generic writers
(:class:`kg.rdf.Serialisation`) use: ``rdf:type`` first, then by IRI; objects by IRI.  The
nodes' fields are read once into columns of codes (:class:`_Columns`) and each syntax lays out a
batch of nodes at a time, a column of pieces at a time, in numpy (:meth:`_Syntax.laid`).

:class:`EvidenceText` gives the same ``body``/``graph_bodies`` as a serialisation's range of
subjects, so :mod:`kg.rdfparts` assembles files from either; ``tests/test_exports.py`` checks
the bytes against the generic writers.
"""

from __future__ import annotations

import itertools
import operator
import os
import re
import string
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np

from kg import rdf
from kg.model import Corpus
from kg.rdf import _C, _OA, RDF_TYPE, EvidenceNode, Lit

Shape = list[tuple[str, list[str]]]  # (predicate, objects) in writer order; an object: a term or a {slot}


def _node_shape(surface: bool, mention: bool) -> Shape:
    """A node's statements: rdf:type first, then by predicate IRI; objects by IRI (the selector
    IRIs end in /norm and /raw, in that order)."""
    rest = {_OA.hasSource: ["{src}"], _C.sentence: ["{sent}"], _C.surface: ["{surf}"] if surface else [],
            _OA.hasSelector: ["{norm}", "{raw}"]}
    types = sorted([_C.Evidence, _C.Mention] if mention else [_C.Evidence])
    return [(RDF_TYPE, types)] + [(p, rest[p]) for p in sorted(rest) if rest[p]]


def _selector_shape(cls: str, start: str, end: str) -> Shape:
    rest = {_OA.start: [f"{{{start}}}"], _OA.end: [f"{{{end}}}"]}
    return [(RDF_TYPE, [cls])] + [(p, rest[p]) for p in sorted(rest)]


class EvidenceText:
    """The text of some evidence nodes (sorted by IRI) in each syntax."""

    def __init__(self, nodes: list[EvidenceNode] | rdf.EvidenceSpans):
        if not isinstance(nodes, rdf.EvidenceSpans):
            cut = len(rdf.EVIDENCE_NS)
            nodes = rdf.EvidenceSpans([n.iri[cut:] for n in nodes], [n.ev for n in nodes], [n.mention for n in nodes])
        self.spans = nodes
        self._columns: _Columns | None = None

    @classmethod
    def of(cls, corpus: Corpus, digits: str | None = None) -> EvidenceText:
        """The corpus's evidence nodes whose hash starts with one of ``digits`` (None: all)."""
        return cls(rdf.evidence_spans(corpus, digits))  # no IRI made: the rows write them around the ids

    def columns(self) -> _Columns:
        """The nodes' fields, read once for every syntax."""
        if self._columns is None:
            self._columns = _Columns(self.spans)
        return self._columns

    def body(self, fmt: str) -> rdf.Body:
        """The text of format ``fmt`` (ttl, nt, jsonld) for these nodes, in chunks of UTF-8."""
        syntax = {"ttl": lambda: _Turtle("", "\n"), "nt": _NTriples, "jsonld": _JsonLd}.get(fmt)
        if syntax is None:
            raise ValueError(f"no body for {fmt!r}")
        return syntax().laid(self.columns()).text()

    def graph_bodies(self) -> Iterator[tuple[str, rdf.Body]]:
        """TriG: (graph key, text in UTF-8) for each article with nodes here (a node is in its
        article's graph), in graph order."""
        cols = self.columns()
        # one graph per doc id (quote() is one-to-one), in order; each node's graph as its rank
        graphs, graph = rdf._rank([rdf.article_iri(d) for d in cols.docs], cols.doc, rdf._by_value)
        # the nodes are in IRI order and the sort is stable: sorting by graph alone keeps it
        order = np.argsort(graph, kind="stable")
        laid = _Turtle("    ", "").laid(cols, order)
        graph = graph[order]
        bounds = [*np.flatnonzero(rdf._starts(graph)).tolist(), len(graph)] if len(graph) else []
        for i, j in itertools.pairwise(bounds):
            yield graphs[graph[i]], laid.text(i, j)


_SPAN_FIELDS = operator.attrgetter("doc_id", "sentence", "surface", "start", "end", "raw_start", "raw_end")
_BATCH = 4096  # nodes laid out (and joined into one chunk of text) at a time


class _Columns:
    """The evidence nodes' fields as columns of codes: each distinct article, sentence, surface
    and offset numbered once, for every syntax, which then renders each once and picks a
    column's texts by its codes in C (no attribute nor dictionary read per node and syntax)."""

    def __init__(self, spans: rdf.EvidenceSpans):
        self.n = n = len(spans.ids)
        self.ids = _encoded(spans.ids)  # as the syntaxes write them (UTF-8)
        self.mention = np.array(spans.mentions, dtype=np.intp)
        doc, sentence, surface, *offsets = zip(*map(_SPAN_FIELDS, spans.evs), strict=True) if n else [()] * 7
        self.docs, self.doc = _coded(doc)
        self.sentences, self.sentence = _coded(sentence)
        self.surfaces, self.surface = _coded(surface)
        self.no_surface = np.array([not t for t in self.surfaces], dtype=bool)[self.surface]  # no statement
        ints: defaultdict[int, int] = defaultdict(itertools.count().__next__)  # the four offsets share one numbering
        self.offsets = [np.fromiter(map(ints.__getitem__, c), dtype=np.intp, count=n) for c in offsets]
        self.ints = list(ints)


def _encoded(texts: list[str]) -> np.ndarray:
    """The texts in UTF-8, as a numpy object array."""
    return rdf._objects([t.encode() for t in texts])


def _coded(values: Iterable[Any]) -> tuple[list[Any], np.ndarray]:
    """The distinct values (in order of first sight) and each value as its index among them.

    >>> _coded(["b", "a", "b"])
    (['b', 'a'], array([0, 1, 0]))
    """
    ids: defaultdict[Any, int] = defaultdict(itertools.count().__next__)
    codes = np.fromiter(map(ids.__getitem__, values), dtype=np.intp)
    return list(ids), codes


class _Syntax:
    """One syntax's text of evidence nodes: a node's three subject blocks from one template,
    laid out once per shape (:meth:`layout`), then cut into the pieces of a row (:meth:`row`),
    which are laid out a batch of nodes at a time with numpy column operations and joined
    (:meth:`laid`); ``joiner`` goes between a node's blocks, ``between`` between nodes."""

    joiner = ""
    between = ""

    def __init__(self) -> None:
        norm = self.layout(_selector_shape(_C.NormalisedTextPositionSelector, "start", "end"))
        raw = self.layout(_selector_shape(_C.RawTextPositionSelector, "rstart", "rend"))
        self.templates = {(surface, mention): self._positional(self.joiner.join(
            [self.layout(_node_shape(surface, mention)), norm.replace("{subj}", "{nsubj}"),
             raw.replace("{subj}", "{rsubj}")])) for surface in (False, True) for mention in (False, True)}

    def layout(self, shape: Shape) -> str:
        """The template of a subject block: ``{subj}`` and the shape's slots to fill."""
        raise NotImplementedError

    def subject(self, iri: str) -> str:
        raise NotImplementedError

    def obj(self, term: rdf.Term) -> str:
        raise NotImplementedError

    def const(self, term: str) -> str:
        """A constant object of a template (a class), braces doubled for str.format."""
        return _braced(self.obj(term))

    def _positional(self, template: str) -> str:
        """``template`` with its named slots numbered as in :data:`_FIELDS` and the node's own
        IRIs (``subj``, ``nsubj``, ``rsubj`` as subjects; ``norm``, ``raw`` as objects) written
        around field 0, the hex id: evidence IRIs are a hex hash under one namespace, so each
        renders as the same head and tail around the IRI's local part, found once from a sample."""
        cut = len(rdf.EVIDENCE_NS)
        sample = rdf.EVIDENCE_NS + "0123456789abcdef/raw"
        around = [render(sample).split(sample[cut:]) for render in (self.subject, self.obj)]
        assert all(len(parts) == 2 for parts in around), "evidence IRIs render as head + local part + tail"
        (s_head, s_tail), (o_head, o_tail) = around
        own = {"subj": (s_head, "", s_tail), "nsubj": (s_head, "/norm", s_tail), "rsubj": (s_head, "/raw", s_tail),
               "norm": (o_head, "/norm", o_tail), "raw": (o_head, "/raw", o_tail)}
        out = []
        for literal, name, _, _ in string.Formatter().parse(template):
            out.append(_braced(literal))
            if name in own:
                head, suffix, tail = own[name]
                out.append(_braced(head) + "{0}" + _braced(suffix + tail))
            elif name is not None:
                out.append(f"{{{_FIELDS.index(name)}}}")
        return "".join(out)

    def row(self) -> list[Piece]:
        """A node's text as a row of pieces, the same for every node: why, the four templates
        (with or without a surface, a Mention or not) differ by those two statements only, each
        a piece of text present or not (found by comparing the templates' texts, the fields
        written as private-use characters); then a batch of nodes is laid out a column of
        pieces at a time by numpy (:meth:`laid`).  Checked to give each template's text back."""
        text = {v: t.format(*_MARKS) for v, t in self.templates.items()}
        full = text[True, True]
        mention, surface = _inserted(full, text[True, False]), _inserted(full, text[False, True])
        (i, j, first), (k, m, second) = sorted([(*mention, _MENTION), (*surface, _SURFACE)])
        assert j <= k, "the optional statements are apart"
        row = [*_pieces(full[:i]), *_pieces(full[i:j], first), *_pieces(full[j:k]), *_pieces(full[k:m], second),
               *_pieces(full[m:])]
        for (has_surface, is_mention), want in text.items():
            shown = {None: True, _MENTION: is_mention, _SURFACE: has_surface}
            got = "".join(_MARKS[p] if isinstance(p, int) else p for p, when in row if shown[when])
            assert got == want, "a row of pieces gives every template's text"
        return ([(self.between, _NOT_FIRST)] if self.between else []) + _merged(row)

    def laid(self, cols: _Columns, order: np.ndarray | None = None) -> rdf._Laid:
        """The text of the nodes of ``cols`` (in ``order``: positions in ``cols``; None: as they
        are), laid out a batch at a time."""
        # UTF-8 from here on: each distinct value and constant encoded once, not all the text
        row = [(piece.encode() if isinstance(piece, str) else piece, when) for piece, when in self.row()]
        ints = _encoded([self.obj(rdf._int(v)) for v in cols.ints])
        columns = {  # field -> (each distinct value rendered once, the codes of the nodes' values)
            1: (_encoded([self.obj(rdf.article_iri(d)) for d in cols.docs]), cols.doc),
            2: (_encoded([self.obj(Lit(t, lang="zh-Hans")) for t in cols.sentences]), cols.sentence),
            3: (_encoded([self.obj(Lit(t)) for t in cols.surfaces]), cols.surface),
            **{4 + k: (ints, c) for k, c in enumerate(cols.offsets)},
        }
        ids, absent = cols.ids, {_MENTION: cols.mention == 0, _SURFACE: cols.no_surface}
        if order is not None:
            columns = {k: (texts, codes[order]) for k, (texts, codes) in columns.items()}
            ids, absent = ids[order], {k: a[order] for k, a in absent.items()}

        def lay(i: int, j: int) -> list[bytes]:
            out = np.empty((j - i, len(row)), dtype=object)
            for k, (piece, when) in enumerate(row):
                col = out[:, k]
                if isinstance(piece, bytes):
                    col[:] = piece
                elif piece == 0:
                    col[:] = ids[i:j]
                else:
                    texts, codes = columns[piece]
                    col[:] = texts[codes[i:j]]
                if when == _NOT_FIRST:
                    if i == 0:
                        col[0] = b""  # nothing before the first node
                elif when is not None:
                    col[absent[when][i:j]] = b""
            return out.ravel().tolist()

        return rdf._Laid(cols.n, len(row), lay, _BATCH, b"")


Piece = tuple[str | int, int | None]  # constant text or a field's number; when it is shown (None: always)


# the slots of a node's template, by position (see _Syntax._positional); field 0 is the hex id
_FIELDS = ("id", "src", "sent", "surf", "start", "end", "rstart", "rend")
_MARKS = "".join(chr(0xE000 + i) for i in range(len(_FIELDS)))  # private-use characters, standing for the fields
# when a piece of a row is shown: only with a surface, only for a Mention, for every node but the first
_SURFACE, _MENTION, _NOT_FIRST = 0, 1, 2


def _inserted(longer: str, shorter: str) -> tuple[int, int]:
    """Where ``longer`` has text that ``shorter`` lacks: ``longer[i:j]``, one piece, when
    ``shorter == longer[:i] + longer[j:]``.

    >>> _inserted("a, b ;", "a ;")
    (1, 4)
    """
    i = len(os.path.commonprefix([longer, shorter]))
    tail = len(os.path.commonprefix([longer[::-1], shorter[::-1]]))
    j = len(longer) - min(tail, len(shorter) - i)
    assert longer[:i] + longer[j:] == shorter, "one piece of text apart"
    return i, j


def _pieces(text: str, when: int | None = None) -> list[Piece]:
    """``text`` as pieces: constant text, or the number of a field (its mark in the text)."""
    parts = re.split(f"([{_MARKS}])", text)
    return [(p if k % 2 == 0 else _MARKS.index(p), when) for k, p in enumerate(parts) if p]


def _merged(row: list[Piece]) -> list[Piece]:
    """Consecutive constant pieces shown alike as one."""
    out: list[Piece] = []
    for p, when in row:
        if isinstance(p, str) and out and isinstance(out[-1][0], str) and out[-1][1] == when:
            out[-1] = (out[-1][0] + p, when)
        else:
            out.append((p, when))
    return out


def _braced(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _slot_or(obj: str, const: Callable[[str], str]) -> str:
    return obj if obj.startswith("{") else const(obj)


class _Turtle(_Syntax):
    """Turtle subject blocks (``indent``: TriG's, in a named graph), each followed by ``gap``."""

    def __init__(self, indent: str, gap: str):
        self.indent, self.gap = indent, gap
        self.names = rdf._Names()
        super().__init__()

    def layout(self, shape: Shape) -> str:
        sep = f" ;\n{self.indent}    "
        props = [f"{self.const(p)} " + ", ".join(_slot_or(o, self.const) for o in objs) for p, objs in shape]
        return self.indent + "{subj} " + sep.join(props) + " .\n" + self.gap

    def subject(self, iri: str) -> str:
        return self.names._name(iri)

    def obj(self, term: rdf.Term) -> str:
        return rdf._lit(term, True) if isinstance(term, Lit) else self.names._name(term)


class _NTriples(_Syntax):
    def layout(self, shape: Shape) -> str:
        return "".join(f"{{subj}} {self.const(p)} {_slot_or(o, self.const)} .\n" for p, objs in shape for o in objs)

    def subject(self, iri: str) -> str:
        return rdf._nt(iri)

    def obj(self, term: rdf.Term) -> str:
        return rdf._nt(term)


class _JsonLd(_Syntax):
    """JSON-LD node objects, as :func:`kg.rdf._jsonld_laid` lays them out: "@type" holds
    compact IRIs, every other property value objects; the objects joined as
    :func:`kg.rdf.jsonld_body` joins nodes."""

    joiner = between = ",\n"

    def __init__(self) -> None:
        self.j = rdf._JsonLdTerms(rdf.jsonld_context())
        super().__init__()

    def layout(self, shape: Shape) -> str:
        props = []
        for p, objs in shape:
            if p == RDF_TYPE:
                key, vals = self.j.enc("@type"), [_braced(self.j.iri(o)) for o in objs]
            else:
                key, vals = _braced(self.j.iri(p)), [_slot_or(o, self.const) for o in objs]
            props.append(f",\n   {key}: [\n    " + ",\n    ".join(vals) + "\n   ]")
        return '  {{\n   "@id": {subj}' + "".join(props) + "\n  }}"

    def subject(self, iri: str) -> str:
        return self.j.iri(iri)

    def obj(self, term: rdf.Term) -> str:
        return self.j.value(term)
