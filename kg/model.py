"""Data classes that pass between pipeline stages.

Everything here is a frozen dataclass: a stage never mutates its input, it returns a new
object (``dataclasses.replace``).  All offsets are *character* offsets:

* ``Doc.text`` offsets (``start``/``end`` on mentions, sentences, zones) index the
  normalised Simplified text;
* ``raw_start``/``raw_end`` index ``Article.raw`` (the decoded source file, HTML included).

``Doc.raw_span(i, j)`` maps a normalised span back to the raw file through the offset map
built by :mod:`kg.normalise`.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

# Entity classes.  The first five are the contract of shared/spec/ENTITIES.md; the others
# are the project's own ontology (ontology/cppcc.ttl).
COMMITTEE = "CPPCCCommittee"
REGION = "AdministrativeRegion"
BRAND = "Brand"
PROGRAMME = "Programme"
PERSON = "Person"
ORGAN = "CommitteeOrgan"
ORGANISATION = "Organisation"
MEETING = "Meeting"
DOCUMENT = "Document"
FIGURE = "Figure"
POST = "Post"

CONTRACT_CLASSES = (COMMITTEE, REGION, BRAND, PROGRAMME, PERSON)
ENTITY_CLASSES = CONTRACT_CLASSES + (ORGAN, ORGANISATION, MEETING, DOCUMENT, FIGURE)

# Relation predicates (local names; kg.vocab maps them to IRIs).
RUNS = "runs"
MEMBER_OF = "memberOf"
REGION_OF = "region"
SUB_ORGANIZATION_OF = "subOrganizationOf"
HOLDS_POST = "holdsPost"  # person -> post (org:Membership with org:role in RDF)
PART_OF = "partOf"  # region -> parent region
ORGAN_OF = "organOf"  # organ -> committee
CLAIMS = "claims"  # committee/initiative -> figure
HELD_BY = "heldBy"  # meeting -> committee
ISSUED_BY = "issuedBy"  # document -> committee
COOPERATES_WITH = "cooperatesWith"  # committee <-> committee


class _once:  # noqa: N801 - used as a decorator, like functools.cached_property
    """``functools.cached_property`` without its per-object lock (Python 3.11 takes it on every
    first read: a fifth of the cost when hundreds of thousands of objects are asked once each;
    3.12 dropped it).  The value is stored in the instance's ``__dict__``, which then shadows this
    descriptor, so it also works on frozen dataclasses.

    >>> class A:
    ...     @_once
    ...     def x(self):
    ...         print("worked out")
    ...         return 1
    >>> a = A()
    >>> a.x
    worked out
    1
    >>> a.x
    1
    """

    def __init__(self, func: Callable[[Any], Any]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True)
class Article:
    """One input file, decoded.  Produced by :func:`kg.read.read_article`."""

    path: str  # as given by the user (relative paths stay relative)
    doc_id: str  # stable id: file stem + short content hash
    raw: str  # decoded text of the whole file (HTML source for HTML files)
    content_hash: str  # sha256 of the raw bytes
    encoding: str  # e.g. "utf-8", "gb18030", "big5", "utf-16"
    media_type: str = "text/plain"  # or "text/html"
    title: str = ""
    date: str = ""  # ISO date if one was found, else ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Zone:
    """A stretch of the normalised text with a role: "body", "title", "byline",
    "headlines" (lists of other stories), "heading" (a list item heading a section of a digest:
    its places are read, no relation is), "nav", "footer", "lost" (unrecoverable noise)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (line block) the sentence belongs to
    zone: str = "body"


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a document.

    ``key`` is the canonical key used to merge mentions across documents
    (``"region:450200"``, ``"committee:450200"``, ``"committee:CN"``, ``"initiative:峡江议事厅"``,
    ``"person:王明远"``...).  ``label`` is the canonical ``skos:prefLabel``; ``surface`` the
    normalised text as it stands; ``attrs`` holds class-specific extras (``code``, ``level``,
    ``parent``, ``post``, ``hant`` for the Traditional surface form, ``value``/``unit`` for
    figures...).
    """

    cls: str
    key: str
    label: str
    start: int
    end: int
    surface: str
    attrs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Relation:
    """A directed fact between two entity keys, with the span of its evidence."""

    predicate: str
    subject: str  # entity key
    object: str  # entity key
    start: int  # evidence span in Doc.text (usually the sentence)
    end: int
    attrs: Mapping[str, Any] = field(default_factory=dict)


_LAST_ENDS: tuple[tuple | None, list[int] | None] = (None, None)  # see Doc._sentence_ends


@dataclass(frozen=True)
class Doc:
    """The document object that flows through the per-article stages."""

    article: Article
    text: str = ""
    # offset map: text[i] comes from article.raw[raw_starts[i]:raw_ends[i]]; any sequence of
    # ints given is stored as an array (see __post_init__)
    raw_starts: Sequence[int] = ()
    raw_ends: Sequence[int] = ()
    zones: tuple[Zone, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    # what the article is about: region codes from headline/dateline/body, most likely first
    topic_regions: tuple[str, ...] = ()
    quality: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Why arrays: two offsets per character as tuples cost ~70 bytes per character (pointers
        # and int objects): a third of a 3,000-article build's memory once every Doc is held
        # for resolve.  As arrays of C ints they cost 8.
        for name in ("raw_starts", "raw_ends"):
            value = getattr(self, name)
            if type(value) is not array:
                try:
                    value = array("i", value)
                except OverflowError:  # offsets past 2**31: only in files far above the size limit
                    value = array("q", value)
                object.__setattr__(self, name, value)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to a span of ``article.raw``.

        >>> a = Article("x.txt", "x", "AB", "h", "utf-8")
        >>> Doc(a, "ab", (0, 1), (1, 2)).raw_span(0, 2)
        (0, 2)
        """
        if not self.text:
            return (0, 0)
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return (self.raw_starts[start], self.raw_ends[end - 1])

    @_once
    def _sentence_ends(self) -> list[int] | None:
        """The sentences' ends when they are in order and do not overlap (as segment makes
        them), else None: then a bisection finds the sentence of a position.  Worked out once
        per tuple of sentences, not per Doc: every stage after segment makes a new Doc with the
        same tuple (:data:`_LAST_ENDS` holds the last one, so its identity cannot be reused)."""
        global _LAST_ENDS
        sents = self.sentences
        last, ends = _LAST_ENDS
        if last is sents:
            return ends
        ends = None
        if (all(s.start <= s.end for s in sents)
                and all(a.end <= b.start for a, b in zip(sents, sents[1:], strict=False))):
            ends = [s.end for s in sents]
        _LAST_ENDS = (sents, ends)
        return ends

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence containing normalised offset ``pos`` (binary search).

        >>> a = Article("x.txt", "x", "AB。CD。", "h", "utf-8")
        >>> d = Doc(a, "AB。CD。", sentences=(Sentence(0, 3, 0), Sentence(3, 6, 1)))
        >>> [d.sentence_at(i).start if d.sentence_at(i) else None for i in (0, 2, 3, 5, 6)]
        [0, 0, 3, 3, None]
        """
        ends = self._sentence_ends
        if ends is not None:  # the usual case: bisect in C (asked tens of thousands of times per 1,000 articles)
            k = bisect_right(ends, pos)  # the first sentence ending after pos
            if k < len(ends):
                s = self.sentences[k]
                if s.start <= pos:
                    return s
            return None
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if s.end <= pos:
                lo = mid + 1
            elif s.start > pos:
                hi = mid
            else:
                return s
        return None


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: article, sentence and spans (raw and normalised)."""

    doc_id: str
    path: str
    sentence: str  # normalised sentence text
    start: int  # span in the normalised text
    end: int
    raw_start: int  # span in Article.raw
    raw_end: int
    surface: str = ""  # the raw text of the span (e.g. Traditional form)

    @_once
    def node_id(self) -> str:
        """The name of the evidence node in the exports (``.../id/evidence/<node_id>``): a hash
        of the article and the normalised span, so one span is one node whatever it supports.
        Worked out once per object (resolve does it as each article comes in, before the
        export's processes are forked; the export asks for it a few times per span).

        >>> Evidence("a_1", "a.txt", "", 3, 5, 3, 5).node_id == hashlib.sha1(b"a_1\x1f3\x1f5").hexdigest()[:16]
        True
        """
        return evidence_node_id(self.doc_id, self.start, self.end)


_new_object = object.__new__


def evidence_with_node_id(doc_id: str, path: str, sentence: str, start: int, end: int, raw_start: int,
                          raw_end: int, surface: str = "") -> Evidence:
    """``Evidence(doc_id, ..., surface)`` with its :attr:`~Evidence.node_id` already worked out.

    The same object as the constructor's, made in about half the time (resolve makes one per
    mention and relation): a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, while here the instance dict is filled at once, in the fields' order
    and then ``node_id``, as reading ``node_id`` leaves it, so the pickle is the same too.

    >>> ev = evidence_with_node_id("a_1", "a.txt", "s", 3, 5, 3, 5, "x")
    >>> ev == Evidence("a_1", "a.txt", "s", 3, 5, 3, 5, "x") and ev.node_id == evidence_node_id("a_1", 3, 5)
    True
    """
    ev = _new_object(Evidence)
    ev.__dict__.update(doc_id=doc_id, path=path, sentence=sentence, start=start, end=end, raw_start=raw_start,
                       raw_end=raw_end, surface=surface, node_id=evidence_node_id(doc_id, start, end))
    return ev


_DOC_FIELDS = tuple(f.name for f in fields(Doc))


def doc_with_mentions(doc: Doc, mentions: tuple[Mention, ...]) -> Doc:
    """``dataclasses.replace(doc, mentions=mentions)`` in about a third of the time (recognise
    makes one per recogniser that finds something and once more at the end: 8 times per article).

    The same object: ``Doc.__init__`` sets the fields in the instance dict in their order and
    its ``__post_init__`` only turns ``raw_starts``/``raw_ends`` into arrays, which they already
    are in ``doc``; only the fields are copied (not a value :class:`_once` kept in
    ``doc.__dict__``), as ``replace`` does.  Another class (a subclass) goes through ``replace``.

    >>> d = Doc(Article("x.txt", "x", "AB", "h", "utf-8"), "AB", (0, 1), (1, 2))
    >>> m = (Mention("Region", "region:1", "A", 0, 1, "A"),)
    >>> new = doc_with_mentions(d, m)
    >>> new == replace(d, mentions=m) and new.__dict__ == replace(d, mentions=m).__dict__
    True
    """
    if type(doc) is not Doc:
        return replace(doc, mentions=mentions)
    new = _new_object(Doc)
    values = doc.__dict__
    state = {name: values[name] for name in _DOC_FIELDS}
    state["mentions"] = mentions
    new.__dict__.update(state)
    return new


def evidence_node_id(doc_id: str, start: int, end: int) -> str:
    """:attr:`Evidence.node_id` of a span (one f-string hashed: it is asked for once per span)."""
    return hashlib.sha1(f"{doc_id}\x1f{start}\x1f{end}".encode()).hexdigest()[:16]


@dataclass
class Entity:
    """One node per real thing, after corpus-wide resolution."""

    key: str
    cls: str
    label: str
    iri: str = ""
    alt_labels: set[tuple[str, str]] = field(default_factory=set)  # (label, lang)
    attrs: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    subclasses: set[str] = field(default_factory=set)


@dataclass
class Fact:
    """One relation between two resolved entities, with every piece of evidence for it."""

    predicate: str
    subject: str  # entity key
    object: str  # entity key
    attrs: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class FileReport:
    """One line of report.json."""

    path: str
    status: str  # "ok" | "skipped" | "failed"
    reason: str = ""
    doc_id: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    quality: dict[str, Any] = field(default_factory=dict)
    duplicate_of: str = ""


@dataclass
class Corpus:
    """The corpus-wide result of :func:`kg.resolve.resolve`."""

    docs: list[Doc]
    entities: dict[str, Entity]
    facts: list[Fact]
    merge_log: list[dict[str, Any]] = field(default_factory=list)
    reports: list[FileReport] = field(default_factory=list)
