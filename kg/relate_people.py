"""Relations of people, organs, meetings, documents and figures.

* ``memberOf`` person -> committee, for every CPPCC post the people recogniser attached to a
  committee (主席, 秘书长, 委员, a special committee's 主任 ...);
* ``holdsPost`` person -> committee or organ, with ``{"role": title, "kind": kind}``, for every
  post whose organisation was recognised (Party and government posts stay in the mention's
  ``posts`` attribute: their organisations are not entities of this graph);
* ``organOf`` organ -> committee; ``heldBy`` meeting -> committee; ``issuedBy`` document ->
  committee; ``claims`` committee -> figure: read from the ``committee`` attribute the
  recognisers of :mod:`kg.recognise` put on those mentions.

The evidence span of each relation is the sentence of the mention it comes from.  A headline
line (宋立伟在市县政协工作座谈会上强调) names no post, so it gives no ``memberOf``: the
recogniser gives those names no post and nothing is invented here.
"""

from __future__ import annotations

from kg.model import (
    CLAIMS,
    DOCUMENT,
    FIGURE,
    HELD_BY,
    HOLDS_POST,
    ISSUED_BY,
    MEETING,
    MEMBER_OF,
    ORGAN,
    ORGAN_OF,
    PERSON,
    Doc,
    Mention,
    Relation,
)

_FROM_ATTR = {ORGAN: ORGAN_OF, MEETING: HELD_BY, DOCUMENT: ISSUED_BY}


def _sentence_span(doc: Doc, m: Mention) -> tuple[int, int]:
    s = doc.sentence_at(m.start)
    return (s.start, s.end) if s else (m.start, m.end)


def _person_relations(doc: Doc, m: Mention) -> list[Relation]:
    out: list[Relation] = []
    start, end = _sentence_span(doc, m)
    for post in m.attrs.get("posts", ()):
        committee = post.get("committee", "")
        if post.get("kind") == "cppcc" and committee:
            out.append(Relation(MEMBER_OF, m.key, committee, start, end,
                                attrs={"role": post["title"], "via": post.get("org", "")}))
        if post.get("org"):
            out.append(Relation(HOLDS_POST, m.key, post["org"], start, end,
                                attrs={"role": post["title"], "kind": post.get("kind", "")}))
    return out


def relate(doc: Doc) -> list[Relation]:
    """The relations of people and of the beyond-contract entities of ``doc``."""
    out: list[Relation] = []
    for m in doc.mentions:
        if m.cls == PERSON:
            out.extend(_person_relations(doc, m))
        elif m.cls in _FROM_ATTR and m.attrs.get("committee"):
            start, end = _sentence_span(doc, m)
            out.append(Relation(_FROM_ATTR[m.cls], m.key, m.attrs["committee"], start, end))
        elif m.cls == FIGURE and m.attrs.get("claimant"):
            start, end = _sentence_span(doc, m)
            out.append(Relation(CLAIMS, m.attrs["claimant"], m.key, start, end))
    seen: set[tuple[str, str, str, int]] = set()
    unique = []
    for r in out:
        k = (r.predicate, r.subject, r.object, r.start)
        if k not in seen:
            seen.add(k)
            unique.append(r)
    return unique
