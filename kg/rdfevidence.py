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
from collections.abc import Callable, Iterator

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


def _selector_shape(cls: str) -> Shape:
    rest = {_OA.start: ["{start}"], _OA.end: ["{end}"]}
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
        by_graph = sorted(((rdf.article_iri(n.ev.doc_id), n) for n in self.nodes), key=lambda x: (x[0], x[1].iri))
        writer = _Turtle("    ", "")
        for g, group in itertools.groupby(by_graph, key=lambda x: x[0]):
            yield g, rdf._chunked(writer.blocks([n for _, n in group]))


class _Syntax:
    """One syntax's text of the three subject blocks of a node, from templates laid out once per
    shape (:meth:`layout`), their ``{slots}`` filled with rendered terms (:meth:`subject`,
    :meth:`obj`)."""

    def __init__(self) -> None:
        self.nodes = {(surface, mention): self.layout(_node_shape(surface, mention))
                      for surface in (False, True) for mention in (False, True)}
        self.norm = self.layout(_selector_shape(_C.NormalisedTextPositionSelector))
        self.raw = self.layout(_selector_shape(_C.RawTextPositionSelector))
        # rendered once: the articles, sentences (the evidence of several spans) and offsets
        self.sources: dict[str, str] = {}
        self.sentences: dict[str, str] = {}
        self.ints: dict[int, str] = {}
        self.own_iri = self._node_iri()

    def layout(self, shape: Shape) -> str:
        """The template of a subject block: ``{subj}`` and the shape's slots to fill."""
        raise NotImplementedError

    def subject(self, iri: str) -> str:
        raise NotImplementedError

    def obj(self, term: rdf.Term) -> str:
        raise NotImplementedError

    def const(self, term: str) -> str:
        """A constant object of a template (a class), braces doubled for str.format."""
        return self.obj(term).replace("{", "{{").replace("}", "}}")

    def _node_iri(self) -> Callable[[str], tuple[str, str]]:
        """The text of a node's (or selector's) own IRI, as subject and as object.  Evidence IRIs
        are a hex hash under one namespace, so each text is the same prefix and suffix around the
        IRI's tail, found once from a sample (rendered in full when the sample says otherwise)."""
        cut = len(rdf.EVIDENCE_NS)
        sample = rdf.EVIDENCE_NS + "0123456789abcdef/raw"
        around = [render(sample).split(sample[cut:]) for render in (self.subject, self.obj)]
        if any(len(parts) != 2 for parts in around):
            return lambda iri: (self.subject(iri), self.obj(iri))
        (s_head, s_tail), (o_head, o_tail) = around
        return lambda iri: (f"{s_head}{iri[cut:]}{s_tail}", f"{o_head}{iri[cut:]}{o_tail}")

    def blocks(self, nodes: list[EvidenceNode]) -> Iterator[str]:
        obj, names = self.obj, self.own_iri
        templates, norm_t, raw_t = self.nodes, self.norm, self.raw
        sources, sentences, ints = self.sources, self.sentences, self.ints
        for node in nodes:
            ev, s = node.ev, node.iri
            g = rdf.article_iri(ev.doc_id)
            src = sources.get(g)
            if src is None:
                src = sources[g] = obj(g)
            sent = sentences.get(ev.sentence)
            if sent is None:
                sent = sentences[ev.sentence] = obj(Lit(ev.sentence, lang="zh-Hans"))
            span = []
            for v in (ev.start, ev.end, ev.raw_start, ev.raw_end):
                text = ints.get(v)
                if text is None:
                    text = ints[v] = obj(rdf._int(v))
                span.append(text)
            s_subj, _ = names(s)
            norm_subj, norm = names(s + "/norm")
            raw_subj, raw = names(s + "/raw")
            yield templates[bool(ev.surface), node.mention].format(
                subj=s_subj, src=src, sent=sent, surf=obj(Lit(ev.surface)) if ev.surface else "", norm=norm, raw=raw)
            yield norm_t.format(subj=norm_subj, start=span[0], end=span[1])
            yield raw_t.format(subj=raw_subj, start=span[2], end=span[3])


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
        return self.names._name(iri)  # not cached: the nodes' own IRIs are a million

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
    """JSON-LD node objects, as :func:`kg.rdf._jsonld_nodes` lays them out: "@type" holds
    compact IRIs, every other property value objects."""

    def __init__(self) -> None:
        self.j = rdf._JsonLdTerms(rdf.jsonld_context())
        super().__init__()

    def layout(self, shape: Shape) -> str:
        def brace(text: str) -> str:
            return text.replace("{", "{{").replace("}", "}}")

        props = []
        for p, objs in shape:
            if p == RDF_TYPE:
                key, vals = self.j.enc("@type"), [brace(self.j.iri(o)) for o in objs]
            else:
                key, vals = brace(self.j.iri(p)), [_slot_or(o, self.const) for o in objs]
            props.append(f",\n   {key}: [\n    " + ",\n    ".join(vals) + "\n   ]")
        return '  {{\n   "@id": {subj}' + "".join(props) + "\n  }}"

    def subject(self, iri: str) -> str:
        return self.j.iri(iri)

    def obj(self, term: rdf.Term) -> str:
        return self.j.value(term)
