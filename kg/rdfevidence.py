"""Evidence nodes written straight to text, in every syntax, without ranking their quads.

Why: two thirds of an export's quads describe evidence nodes (:func:`kg.rdf.evidence_nodes`),
and numbering, sorting and rendering them one quad at a time was the largest single cost of a
build.  Every evidence node has the same shape: the node (``a cppcc:Evidence`` and maybe
``cppcc:Mention``, its source article, sentence, surface and two selectors) and its two selector
nodes (``<node>/norm``, ``<node>/raw``: a type, ``oa:end``, ``oa:start``).  So the three subject
blocks of a node are consecutive in the writers' order, nodes come in IRI order, and each block
is filled in from the shape's predicates, laid out once in the order the generic writers
(:class:`kg.rdf.Serialisation`) use: ``rdf:type`` first, then by IRI; objects by IRI.

:class:`EvidenceText` gives the same ``body``/``graph_bodies`` as a serialisation's range of
subjects, so :mod:`kg.rdfparts` assembles files from either; ``tests/test_exports.py`` checks
the bytes against the generic writers.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable, Iterator

from kg import rdf
from kg.memo import Filled
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

    def __init__(self, nodes: list[EvidenceNode]):
        self.nodes = nodes

    @classmethod
    def of(cls, corpus: Corpus, digits: str | None = None) -> EvidenceText:
        """The corpus's evidence nodes whose hash starts with one of ``digits`` (None: all)."""
        return cls(rdf.evidence_nodes(corpus, digits))

    def body(self, fmt: str) -> rdf.Body:
        """The text of format ``fmt`` (ttl, nt, jsonld) for these nodes, in chunks."""
        if fmt == "ttl":
            return rdf._chunked(_Turtle("", "\n").blocks(self.nodes))
        if fmt == "nt":
            return rdf._chunked(_NTriples().blocks(self.nodes))
        if fmt == "jsonld":
            return rdf.jsonld_body(_JsonLd().blocks(self.nodes))
        raise ValueError(f"no body for {fmt!r}")

    def graph_bodies(self) -> Iterator[tuple[str, rdf.Body]]:
        """TriG: (graph key, text) for each article with nodes here (a node is in its article's
        graph), in graph order."""
        # the nodes are in IRI order and sorted() is stable: sorting by graph alone keeps it
        by_graph = sorted(((rdf.article_iri(n.ev.doc_id), n) for n in self.nodes), key=lambda x: x[0])
        writer = _Turtle("    ", "")
        for g, group in itertools.groupby(by_graph, key=lambda x: x[0]):
            yield g, rdf._chunked(writer.blocks([n for _, n in group]))


class _Syntax:
    """One syntax's text of an evidence node: its three subject blocks from one template, laid
    out once per shape (:meth:`layout`) and filled by position (:data:`_FIELDS`) with the node's
    hex id and rendered terms (:meth:`obj`); ``joiner`` goes between the blocks."""

    joiner = ""

    def __init__(self) -> None:
        norm = self.layout(_selector_shape(_C.NormalisedTextPositionSelector, "start", "end"))
        raw = self.layout(_selector_shape(_C.RawTextPositionSelector, "rstart", "rend"))
        self.templates = {(surface, mention): self._positional(self.joiner.join(
            [self.layout(_node_shape(surface, mention)), norm.replace("{subj}", "{nsubj}"),
             raw.replace("{subj}", "{rsubj}")])) for surface in (False, True) for mention in (False, True)}
        # rendered once: the articles, sentences (the evidence of several spans), surfaces (a
        # name is mentioned again and again) and offsets
        self.sources = Filled(lambda doc_id: self.obj(rdf.article_iri(doc_id)))
        self.sentences = Filled(lambda text: self.obj(Lit(text, lang="zh-Hans")))
        self.surfaces = Filled(lambda text: self.obj(Lit(text)) if text else "")  # none: no statement
        self.ints = Filled(lambda v: self.obj(rdf._int(v)))

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
        """``template`` with its named slots numbered as in :data:`_FIELDS` (a positional
        ``str.format`` is half the cost of a keyword one) and the node's own IRIs (``subj``,
        ``nsubj``, ``rsubj`` as subjects; ``norm``, ``raw`` as objects) written around field 0,
        the hex id: evidence IRIs are a hex hash under one namespace, so each renders as the same
        head and tail around the IRI's local part, found once from a sample."""
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

    def blocks(self, nodes: list[EvidenceNode]) -> Iterator[str]:
        """The text of each node (its three blocks), in the order of ``nodes``."""
        templates, cut = self.templates, len(rdf.EVIDENCE_NS)
        sources, sentences, surfaces, ints = self.sources, self.sentences, self.surfaces, self.ints
        for node in nodes:
            ev = node.ev
            yield templates[bool(ev.surface), node.mention].format(
                node.iri[cut:], sources[ev.doc_id], sentences[ev.sentence], surfaces[ev.surface],
                ints[ev.start], ints[ev.end], ints[ev.raw_start], ints[ev.raw_end])


# the slots of a node's template, by position (see _Syntax._positional); field 0 is the hex id
_FIELDS = ("id", "src", "sent", "surf", "start", "end", "rstart", "rend")


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

    joiner = ",\n"

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
