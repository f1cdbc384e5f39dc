"""Corpus-wide resolution: one :class:`Entity` per real thing, one :class:`Fact` per relation.

Mentions are merged by their canonical ``key`` (built by the recognisers: the division code
for regions and committees, the normalised name for initiatives and people...).  Structural
facts that follow from the region tree are added here, once, for the whole corpus:

* every committee gets ``region`` (its division) and ``subOrganizationOf`` its nearest
  *attested* ancestor committee (全国政协 is the root and is always present when any
  committee is), so that no committee the articles never name is invented;
* every region gets ``partOf`` its nearest attested ancestor region.

IRIs are deterministic: they are built from the keys only.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import NamedTuple

import numpy as np

from kg import gazetteer, gcpause
from kg.model import (
    COMMITTEE,
    PART_OF,
    REGION,
    REGION_OF,
    SUB_ORGANIZATION_OF,
    Corpus,
    Doc,
    Entity,
    Evidence,
    Fact,
    FileReport,
    Mention,
    Relation,
)

BASE = "https://w3id.org/cppcc-kg/id/"
NATIONAL_KEY = f"committee:{gazetteer.NATIONAL}"
NATIONAL_LABEL = "全国政协"

_IRI_KIND = {
    "committee": "committee",
    "region": "region",
    "initiative": "initiative",
    "person": "person",
}


def iri_for(key: str) -> str:
    """A deterministic IRI for an entity key.

    Codes stay readable; free-text keys are hashed so that the IRI is always safe.

    >>> iri_for("committee:450200")
    'https://w3id.org/cppcc-kg/id/committee/450200'
    >>> iri_for("person:王明远").startswith('https://w3id.org/cppcc-kg/id/person/')
    True
    """
    kind, _, rest = key.partition(":")
    if rest.isascii() and rest.replace("-", "").replace("_", "").isalnum():
        return f"{BASE}{kind}/{rest}"
    digest = hashlib.sha1(rest.encode("utf-8")).hexdigest()[:16]
    return f"{BASE}{kind}/{digest}"


def evidence_for(doc: Doc, start: int, end: int, sentence_span: tuple[int, int] | None = None) -> Evidence:
    """Evidence of a span of ``doc.text``: the sentence around it (or ``sentence_span``) and the
    raw spans (:meth:`Doc.raw_span`)."""
    return _DocEvidence(doc).evidence(start, end, sentence_span)


class _DocEvidence:
    """:func:`evidence_for` and :func:`traditional_surface` for one document, with what they
    read from it looked up once.  ``breaks``: the offsets where the one-to-one mapping of
    characters to raw characters breaks (:func:`_breaks`); ``aligned``: each character comes from
    the raw character at the same offset; ``plain``: besides, the raw text is the normalised text
    (then no span has a Traditional form of its own)."""

    __slots__ = ("doc", "doc_id", "path", "text", "raw", "starts", "ends", "n", "breaks", "aligned", "plain")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.doc_id, self.path, self.raw = doc.article.doc_id, doc.article.path, doc.article.raw
        self.text, self.starts, self.ends = doc.text, doc.raw_starts, doc.raw_ends
        self.n = n = len(self.text)
        self.breaks = _breaks(self.starts, self.ends) if len(self.starts) == n == len(self.ends) else None
        # text[i] comes from raw[i] alone, for every i
        self.aligned = self.breaks == [] and (n == 0 or self.starts[0] == 0)
        self.plain = self.aligned and self.raw == self.text

    def evidence(self, start: int, end: int, sentence_span: tuple[int, int] | None = None) -> Evidence:
        if sentence_span is None:
            s = self.doc.sentence_at(start)
            sentence_span = (s.start, s.end) if s else (start, end)
        n = self.n
        if n:  # Doc.raw_span
            a = start if start < n - 1 else n - 1
            if a < 0:
                a = 0
            b = end if end < n else n
            raw_start, raw_end = self.starts[a], self.ends[(b if b > a + 1 else a + 1) - 1]
        else:
            raw_start = raw_end = 0
        return Evidence(self.doc_id, self.path, self.text[sentence_span[0]:sentence_span[1]], start, end,
                        raw_start, raw_end, self.raw[raw_start:raw_end])

    def traditional(self, start: int, end: int) -> str:
        if 0 <= start < end <= self.n:
            if self.plain:
                return ""
            if self.aligned:
                hant = self.raw[start:end]
                return hant if hant != self.text[start:end] else ""
            breaks = self.breaks
            # one raw character per character, in a row: the raw span itself (no loop needed)
            k = bisect_right(breaks, start) if breaks is not None else -1
            if k >= 0 and (k == len(breaks) or breaks[k] >= end) and self.ends[start] == self.starts[start] + 1:
                first = self.starts[start]
                hant = self.raw[first:first + end - start]
                return hant if hant != self.text[start:end] else ""
        return traditional_surface(self.doc, start, end)


def _breaks(starts: Sequence[int], ends: Sequence[int]) -> list[int]:
    """The offsets ``i`` where character ``i`` is not one raw character (``ends[i] != starts[i]
    + 1``) or does not follow the raw character of ``i - 1`` (``starts[i] != starts[i - 1] + 1``).
    A span holds none but maybe its first offset exactly when it is a run of raw characters.

    >>> _breaks([0, 1, 2, 5, 6], [1, 2, 3, 6, 8])
    [3, 4]
    """
    s = np.asarray(starts, dtype=np.int64)
    e = np.asarray(ends, dtype=np.int64)
    bad = e != s + 1
    bad[1:] |= s[1:] != s[:-1] + 1
    return np.flatnonzero(bad).tolist()


def _add_mention(entities: dict[str, Entity], m: Mention, ev: Evidence, hant: str | None) -> None:
    """Merge mention ``m`` (its evidence ``ev``, its Traditional form ``hant``) into its entity."""
    e = entities.get(m.key)
    if e is None:
        e = entities[m.key] = Entity(key=m.key, cls=m.cls, label=m.label, iri=iri_for(m.key))
    elif e.cls != m.cls:
        # Brand vs Programme for the same name: keep the first decision, remember the other
        e.subclasses.add(m.cls)
    e.evidence.append(ev)
    if _own_surface(m) and m.surface and m.surface != e.label:
        e.alt_labels.add((m.surface, "zh-Hans"))
    if hant:
        e.alt_labels.add((hant, "zh-Hant"))
    for k, v in m.attrs.items():
        if k == "surface_alt":
            continue
        if k == "alt":
            for alt in v:
                if alt != e.label:
                    e.alt_labels.add((alt, "zh-Hans"))
        elif k not in e.attrs and v not in (None, ""):
            e.attrs[k] = v


def _own_surface(m: Mention) -> bool:
    """False when the mention's surface is coordinated (上海、广西两地政协 names several
    entities): it is then no label of any one of them."""
    return bool(m.attrs.get("surface_alt", True))


class _Prepared(NamedTuple):
    """What resolve needs of one document besides its mentions and relations, worked out from
    that document alone: each mention's evidence and Traditional form, each relation's evidence."""

    doc: Doc
    mentions: list[tuple[Mention, Evidence, str | None]]
    relations: list[tuple[Relation, Evidence]]


def _prepare(doc: Doc) -> _Prepared:
    ev_of = _DocEvidence(doc)
    evidence, traditional = ev_of.evidence, ev_of.traditional
    mentions = [(m, evidence(m.start, m.end), traditional(m.start, m.end) if _own_surface(m) else None)
                for m in doc.mentions]
    relations = [(r, evidence(r.start, r.end)) for r in doc.relations]
    # each evidence node's name hashed here, while the other articles are being analysed, once
    # (the export's processes, forked later, ask for it again and again)
    for _, ev, _ in mentions:
        ev.node_id  # noqa: B018 - worked out once, now
    for _, ev in relations:
        ev.node_id  # noqa: B018
    return _Prepared(doc, mentions, relations)


def traditional_surface(doc: Doc, start: int, end: int) -> str:
    """The Traditional form of ``doc.text[start:end]`` as printed in the raw file, or "".

    Built character by character through the offset map, so pinyin annotations and doubled
    punctuation between the characters (which the normaliser dropped) are not part of it.
    Returns "" when the raw text is not a one-to-one Traditional spelling of the span.

    >>> from kg.model import Article
    >>> a = Article("x", "x", "協(xié)商", "h", "utf-8")
    >>> d = Doc(a, "协商", (0, 6), (1, 7))
    >>> traditional_surface(d, 0, 2)
    '協商'
    """
    raw = doc.article.raw
    chars = []
    for i in range(start, end):
        s, e = doc.raw_starts[i], doc.raw_ends[i]
        if e - s != 1:
            return ""
        chars.append(raw[s])
    hant = "".join(chars)
    return hant if hant != doc.text[start:end] else ""


def _ensure_national(entities: dict[str, Entity]) -> None:
    if NATIONAL_KEY not in entities:
        entities[NATIONAL_KEY] = Entity(key=NATIONAL_KEY, cls=COMMITTEE, label=NATIONAL_LABEL,
                                        iri=iri_for(NATIONAL_KEY), attrs={"level": 0, "inferred": True})


def _structural_facts(entities: dict[str, Entity]) -> list[Fact]:
    gaz = gazetteer.default()
    facts: list[Fact] = []
    committees = [e for e in entities.values() if e.cls == COMMITTEE]
    if committees:
        _ensure_national(entities)
    for e in sorted(committees, key=lambda x: x.key):
        code = e.key.partition(":")[2]
        if code == gazetteer.NATIONAL:
            continue
        region_key = f"region:{code}"
        if region_key not in entities:
            d = gaz.get(code)
            entities[region_key] = Entity(key=region_key, cls=REGION, label=d.name if d else code,
                                          iri=iri_for(region_key), attrs=_division_attrs(code))
            entities[region_key].evidence.extend(e.evidence)
        facts.append(Fact(REGION_OF, e.key, region_key, evidence=list(e.evidence)))
        parent = NATIONAL_KEY
        for anc in gaz.ancestors(code):
            if f"committee:{anc.code}" in entities:
                parent = f"committee:{anc.code}"
                break
        facts.append(Fact(SUB_ORGANIZATION_OF, e.key, parent, attrs={"derived": "region tree"}))
    for e in sorted((e for e in entities.values() if e.cls == REGION), key=lambda x: x.key):
        code = e.key.partition(":")[2]
        for anc in gaz.ancestors(code):
            if f"region:{anc.code}" in entities:
                facts.append(Fact(PART_OF, e.key, f"region:{anc.code}", attrs={"derived": "region tree"}))
                break
    return facts


def _division_attrs(code: str) -> dict:
    d = gazetteer.default().get(code)
    if d is None:
        return {"code": code}
    attrs: dict = {"code": d.code, "level": d.level}
    if d.lat is not None and d.lon is not None:
        attrs["lat"], attrs["lon"] = d.lat, d.lon
    return attrs


def resolve(docs: Iterable[Doc], reports: list[FileReport] | None = None) -> Corpus:
    """Merge the mentions and relations of all documents into entities and facts.

    The result does not depend on the order of ``docs``.
    """
    with gcpause.paused():  # resolve makes no cycles; its evidence and keys would set off full collections
        resolver = Resolver()
        for doc in docs:
            resolver.add(doc)
        return resolver.corpus(reports)


class Resolver:
    """:func:`resolve`, fed one document at a time: ``add`` each document, then ``corpus``.

    Why: most of resolve's work (the evidence of every span, its Traditional form) depends on one
    document only; done in ``add`` as the documents come back from the workers, it overlaps
    their analysis instead of following it.  The merge, which depends on the documents' order,
    is done in :meth:`corpus`.

    >>> r = Resolver()
    >>> r.corpus().entities
    {}
    """

    def __init__(self) -> None:
        self._prepared: list[_Prepared] = []

    def add(self, doc: Doc) -> None:
        self._prepared.append(_prepare(doc))

    def corpus(self, reports: list[FileReport] | None = None) -> Corpus:
        """The resolved corpus of the documents added so far (and ``reports``, kept as they are)."""
        with gcpause.paused():
            return _resolve(self._prepared, reports)


def _resolve(prepared: list[_Prepared], reports: list[FileReport] | None) -> Corpus:
    prepared = sorted(prepared, key=lambda p: (p.doc.article.doc_id, p.doc.article.path))
    entities: dict[str, Entity] = {}
    merge_log: list[dict] = []
    for p in prepared:
        for m, ev, hant in p.mentions:
            _add_mention(entities, m, ev, hant)
    facts_by_key: dict[tuple[str, str, str], Fact] = {}
    dangling = 0
    for p in prepared:
        for r, ev in p.relations:
            if r.subject not in entities or r.object not in entities:
                dangling += 1
                continue
            k = (r.predicate, r.subject, r.object)
            f = facts_by_key.get(k)
            if f is None:
                f = facts_by_key[k] = Fact(r.predicate, r.subject, r.object, attrs=dict(r.attrs))
            f.evidence.append(ev)
    facts = list(facts_by_key.values())
    have = {(f.predicate, f.subject, f.object) for f in facts}
    facts += [f for f in _structural_facts(entities) if (f.predicate, f.subject, f.object) not in have]
    merged: dict[str, set[str]] = defaultdict(set)
    for e in entities.values():
        if e.evidence:
            merged[e.key].update([ev.doc_id for ev in e.evidence])
    for key in sorted(merged):
        if len(merged[key]) > 1:
            merge_log.append({"key": key, "label": entities[key].label, "reason": "same canonical key",
                              "articles": sorted(merged[key])})
    if dangling:
        merge_log.append({"key": "", "reason": f"{dangling} relations dropped: an end was never recognised"})
    by_place = attrgetter("doc_id", "start", "end")  # the same keys as a lambda making the tuple
    for e in entities.values():
        e.evidence.sort(key=by_place)
    for f in facts:
        f.evidence.sort(key=by_place)
    facts.sort(key=attrgetter("predicate", "subject", "object"))
    return Corpus(docs=[p.doc for p in prepared], entities=dict(sorted(entities.items())), facts=facts,
                  merge_log=merge_log, reports=list(reports or []))
