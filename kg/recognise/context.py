"""What region an article is about: the context that resolves 市政协, 省政协, 县政协, 隆安.

:func:`topic_regions` scores every region named in the article (official names and
province/prefecture short forms only, so that it never depends on itself):

* the title (``Article.title`` and "title" zones; the first line when there are no zones),
  weighs most; the first paragraph (dateline: 本报柳州讯, 新华社南宁电) next;
* a region named as a committee (柳州市政协, 政协柳州市委员会) counts more, the first one most;
* every other mention counts once.

Zones "headlines", "nav", "footer" and "lost" are not about the article and are ignored, and so
is a digest's "heading" here (its places are its section's, not the article's topic).
The result lists the best code first, each code followed by its ancestors, so that asking for
"the topic at prefecture level" finds the prefecture of a county article.

A digest article made of sections headed by a region alone (``【荔浦市】……``, ``【阳朔县】……``)
has a topic of its own in each section: :func:`section_regions` finds them and
:func:`topic_near` gives the topic that holds at a position (the section's, else the article's).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kg import gazetteer
from kg.memo import LastCall
from kg.model import Doc
from kg.recognise import regions  # imported here, not per call (regions imports this module lazily)

TITLE_WEIGHT = 6.0
LEAD_WEIGHT = 2.0
COMMITTEE_WEIGHT = 2.0
FIRST_COMMITTEE_WEIGHT = 4.0


def _is_committee_context(text: str, start: int, end: int) -> bool:
    return text.startswith("政协", end) or (text.endswith("政协", 0, start) and "委员会" in text[end:end + 4])


def _first_line_end(doc: Doc) -> int:
    nl = doc.text.find("\n")
    return nl if nl >= 0 else min(len(doc.text), 60)


def _title_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = [(z.start, z.end) for z in doc.zones if z.kind == "title"]
    if not spans and not doc.zones:
        spans = [(0, _first_line_end(doc))]
    return spans


def _lead_end(doc: Doc) -> int:
    body = [s for s in doc.sentences if s.zone == "body"]
    paragraphs = sorted({s.paragraph for s in body})
    if len(paragraphs) >= 2:
        second = paragraphs[1]
        return max((s.end for s in body if s.paragraph == second), default=0)
    return min(len(doc.text), 200)


def _layout(doc: Doc) -> tuple[tuple[tuple[int, int], ...], int]:
    """:func:`_title_spans` and :func:`_lead_end` of ``doc`` (the same for both topic passes)."""
    return _LAYOUT.get((doc.text, doc.zones, doc.sentences), lambda: (tuple(_title_spans(doc)), _lead_end(doc)))


_LAYOUT: LastCall[tuple[tuple[tuple[int, int], ...], int]] = LastCall()


def _accepted(doc: Doc, topic: tuple[str, ...]) -> list:
    """Region matches of the article's own zones with their division (no segmentation: the
    topic is needed before the recognisers' word-boundary checks)."""
    out = []
    prev = None
    prev_end = -1
    text = doc.text
    choose, weak = regions.choose_in, regions.weak_stem_context
    for m, named in _candidates(doc):
        d = choose(text, m, prev, topic, adjacent=(m.start == prev_end), named=named)
        if d is None or (m.start != prev_end and weak(text, m, d)):
            continue  # 茶农和县直部门: no 和县
        out.append((m, d))
        prev, prev_end = d, m.end
    return out


def _candidates(doc: Doc) -> tuple:
    """The matches :func:`_accepted` considers, whatever the topic, with their
    :func:`~kg.recognise.regions.strong_stem_context` (False where it does not matter,
    :func:`~kg.recognise.regions.named_names`): outside skipped zones and dotted names,
    and not a name after a post title (副主席白城峰: a person, not 白城市), which is never accepted."""
    # two topic passes per article
    return _CANDIDATES.get((doc.text, doc.zones, gazetteer.default()), lambda: _find_candidates(doc))


def _find_candidates(doc: Doc) -> tuple:
    text = doc.text
    names = regions.in_dotted_names(text)
    is_skipped = regions.skipped(doc)
    # a digest's headings name their sections' places (regions of the graph), not the topic
    headings = [(z.start, z.end) for z in doc.zones if z.kind == "heading"]
    after_title, strong = regions.name_after_title, regions.strong_stem_context
    named_ok = regions.named_names()  # the others' choice does not depend on strong_stem_context
    out = []
    for m in regions.matches(text):
        if is_skipped(m.start) or names and _inside(names, m.start) or after_title(text, m) \
                or headings and _inside(headings, m.start):
            continue
        out.append((m, m.name in named_ok and strong(text, m)))
    return tuple(out)


def _inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """True when ``pos`` lies in one of ``spans`` (a loop: cheaper than any() over a generator
    for the one or two spans there usually are)."""
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


_CANDIDATES: LastCall[tuple] = LastCall()


def _body_scores(doc: Doc, found: list) -> Counter[str]:
    """The weights of the regions :func:`_accepted` found in the text."""
    text = doc.text
    titles, lead_end = _layout(doc)
    out: Counter[str] = Counter()
    get = out.get  # out[c] = get(c, 0) + w is out[c] += w without Counter.__missing__ (same sums)
    is_within = gazetteer.default().is_within
    first_committee = True
    head = 0  # start of the current chain (四川省眉山市: the province only qualifies the city)
    prev_end = -1
    last = len(found) - 1
    for i, (m, d) in enumerate(found):
        start = m.start
        if start != prev_end:
            head = start
        prev_end = m.end
        if i < last:
            nxt_m, nxt_d = found[i + 1]
            if nxt_m.start == prev_end and nxt_d.parent is not None and is_within(nxt_d.code, d.code):
                out[d.code] = get(d.code, 0) + 1.0  # a qualifier
                continue
        w = 1.0
        if _inside(titles, start):
            w += TITLE_WEIGHT
        elif start < lead_end:
            w += LEAD_WEIGHT
        if _is_committee_context(text, head, prev_end):
            w += FIRST_COMMITTEE_WEIGHT if first_committee else COMMITTEE_WEIGHT
            first_committee = False
        out[d.code] = get(d.code, 0) + w
    return out


def _with_title(doc: Doc, body: Counter[str], topic: tuple[str, ...]) -> Counter[str]:
    """``body`` with the regions of ``Article.title`` when the text has no title zone (a new
    Counter then: ``body`` may serve both topic passes)."""
    title = doc.article.title
    if not title or any(z.kind == "title" for z in doc.zones):
        return body
    out = Counter(body)  # the same codes in the same order, then the title's weights added
    get = out.get
    for m in regions.matches(title):
        d = regions.choose(m, None, topic, adjacent=False, named=regions.strong_stem_context(title, m))
        if d is not None:
            out[d.code] = get(d.code, 0) + TITLE_WEIGHT
    return out


def topic_regions(doc: Doc) -> tuple[str, ...]:
    """Region codes the article is about, most likely first, each followed by its ancestors.

    ``doc.topic_regions`` is returned as it is when a stage already set it.
    """
    if doc.topic_regions:
        return tuple(doc.topic_regions)
    return _TOPIC.get(_doc_key(doc), lambda: _compute(doc))  # regions and committees both ask


def _doc_key(doc: Doc) -> tuple:
    """What the topic and the sections of a document depend on."""
    return (doc.article.doc_id, doc.article.title, doc.text, doc.zones, doc.sentences)


_TOPIC: LastCall[tuple[str, ...]] = LastCall()


def _compute(doc: Doc) -> tuple[str, ...]:
    """The topic: the regions ranked by their scores (region code -> weight of evidence that the
    article is about it: :func:`_body_scores` of the regions :func:`_accepted` finds, then
    :func:`_with_title`), then ranked again by the scores with the first three of them as a
    provisional topic (county short forms inside its provinces then count too: 隆安：党建引领……).
    Most articles name no region whose division depends on the topic: the second pass then
    accepts the same regions, and its scores and rank are the first pass's (the weights are not
    added up nor ranked again)."""
    found = _accepted(doc, ())
    body = _body_scores(doc, found)
    first_scores = _with_title(doc, body, ())
    first = _rank(first_scores)
    if not first:
        return first
    topic = first[:3]
    found_again = _accepted(doc, topic)
    if found_again != found:  # the same matches and divisions in the same order: the same weights
        body = _body_scores(doc, found_again)
    again = _with_title(doc, body, topic)
    # the same weights in the same order rank the same (the rank's sums follow their order)
    if again is first_scores or list(again.items()) == list(first_scores.items()):
        return first
    return _rank(again)


def _rank(sc: Counter[str]) -> tuple[str, ...]:
    gaz = gazetteer.default()
    # ranked by their own weight; a county's weight also speaks for its prefecture and province,
    # which only breaks ties (a province would otherwise outrank every article about its parts)
    total = dict(sc)  # a plain dict: total.get(a, 0) + x is Counter's += without __missing__
    lineage = gaz.ancestor_codes
    for code, w in sc.items():
        for anc in lineage(code):
            total[anc] = total.get(anc, 0) + w * 0.5
    get = gaz.get

    def key(c: str) -> tuple[float, float, int, str]:
        d = get(c)
        return (-sc[c], -total[c], -(d.level if d else 0), c)

    ranked = sorted(sc, key=key)
    out: dict[str, None] = {}  # in order, once each
    for code in ranked:
        out.setdefault(code)
        for anc in lineage(code):
            out.setdefault(anc)
    return tuple(out)


def topic_at(doc: Doc, suffixes: tuple[str, ...], levels: tuple[int, ...],
             topic: tuple[str, ...] | None = None) -> str | None:
    """The first topic region whose name ends with one of ``suffixes`` at one of ``levels``
    (市政协 -> the topic 市, prefecture- or county-level)."""
    gaz = gazetteer.default()
    for code in topic if topic is not None else topic_regions(doc):
        d = gaz.get(code)
        if d is not None and d.level in levels and d.name.endswith(suffixes):
            return code
    return None


# a section header on a line of its own or opening a line or a sentence (paragraphs merged by
# a scraper: …。【阳朔县】…): 【荔浦市】, 〔阳朔县政协〕, [某县]
_SECTION_RE = re.compile(r"(?:^|(?<=[\n。！？；]))[ \t\u3000]*[【〔\[［]([^【】〔〕\[\]［］\n]{2,16})[】〕\]］]")
_SECTION_OPENERS = "【〔[［"
_HEADER_TAIL = ("政协委员会", "委员会", "政协")
# the words a heading line opens with, after its bullet, up to a space (■ 湖南岳阳　…)
_HEADING_REGION = re.compile(r"[ \t\u3000]*[•▪●◆■□◇◎★☆▲△▶►]?[ \t\u3000]*([\u4e00-\u9fff]{2,12})[ \t\u3000]")
# a header naming the article's own committee by its level alone (【市政协】, 【本级】): its section
# is the article's own, whatever region the section before it was about
OWN_HEAD = re.compile(r"^(?:[省市州盟区县旗]|自治区|自治州|市本级|本级)(?:政协(?:委员会)?)?$")


def _header_region(head: str, topic: tuple[str, ...]) -> str | None:
    """The region a header names when it names nothing but a region (a chain: 广西荔浦市, or
    its committee: 荔浦市政协); None for 【打印本页】, 【字体：大 中 小】, 【荔浦市】一线传真."""
    for tail in _HEADER_TAIL:
        if head.endswith(tail) and len(head) > len(tail):
            head = head[: -len(tail)]
            break
    pos = 0
    prev = None
    for m in regions.matches(head):
        if m.start != pos:
            return None
        d = regions.choose(m, prev, topic, adjacent=prev is not None, named=True)
        if d is None:
            return None
        prev, pos = d, m.end
    return prev.code if prev is not None and pos == len(head) else None


def section_regions(doc: Doc) -> list[tuple[int, int, tuple[str, ...]]]:
    """``(start, end, topic)`` of every section headed by a region alone (``【荔浦市】``, a digest's
    ``■ 湖南岳阳　…`` heading line) or by the article's own level (``【市政协】``): from the header
    to the next such header or the end
    of the text; ``topic`` is the header's region followed by its ancestors (a topic as
    :func:`topic_regions` gives it), the article's topic for its own level.  Empty when the
    article has no region header."""
    return _SECTIONS.get(_doc_key(doc), lambda: _sections(doc))


def _sections(doc: Doc) -> list[tuple[int, int, tuple[str, ...]]]:
    gaz = gazetteer.default()
    heads: list[tuple[int, tuple[str, ...]]] = []
    topic: tuple[str, ...] | None = None
    text = doc.text
    brackets = any(c in text for c in _SECTION_OPENERS)  # no header without one
    for m in _SECTION_RE.finditer(text) if brackets else ():
        if regions.zone_kind(doc, m.start(1)) in regions.SKIP_ZONES:
            continue
        if topic is None:
            topic = topic_regions(doc)
        if OWN_HEAD.match(m.group(1)):
            heads.append((m.start(), topic))
            continue
        code = _header_region(m.group(1), topic)
        if code is not None:
            heads.append((m.start(), (code, *(a.code for a in gaz.ancestors(code)))))
    # a digest's heading line (■ 湖南岳阳　标题, :mod:`kg.text.boilerplate`) heads a section too,
    # when it opens with a region chain alone before a space
    for z in doc.zones:
        if z.kind != "heading" or (head := _HEADING_REGION.match(text, z.start, z.end)) is None:
            continue
        if topic is None:
            topic = topic_regions(doc)
        code = _header_region(head.group(1), topic)
        if code is not None:
            heads.append((z.start, (code, *(a.code for a in gaz.ancestors(code)))))
    heads.sort(key=lambda h: h[0])
    if topic is not None and all(t == topic for _, t in heads):
        heads = []  # only headers of the article's own level: no digest
    return [(start, heads[i + 1][0] if i + 1 < len(heads) else len(doc.text), t)
            for i, (start, t) in enumerate(heads)]


_SECTIONS: LastCall[list[tuple[int, int, tuple[str, ...]]]] = LastCall()


def topic_near(doc: Doc, pos: int) -> tuple[str, ...]:
    """The topic that holds at ``pos``: the region of the section ``pos`` lies in (市政协委员 in
    the 【荔浦市】 section of a 桂林市 digest is of 荔浦市政协), followed by the article's own
    topic regions; the article's topic outside sections."""
    topic = topic_regions(doc)
    for start, end, local in section_regions(doc):
        if start <= pos < end:
            return tuple(dict.fromkeys(local + topic))
    return topic
