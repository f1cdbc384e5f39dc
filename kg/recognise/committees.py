"""Recogniser for CPPCC committees (全国政协 and one per division).

Forms (text is Simplified after normalisation):

* a region right before 政协: ``柳州市政协``, ``柳州政协``, ``四川眉山市政协`` (the last region of
  a chain), ``广西政协``; coordinated: ``上海、广西两地政协``, ``湖南省永州市、广东省肇庆市政协``,
  ``绵阳、德阳等市政协``,
  ``分别与柳州市和南宁市政协`` (regions of one level joined by 、/和/与/及);
* the official forms ``政协柳州市委员会`` and ``中国人民政治协商会议柳州市委员会``
  (``…全国委员会`` is 全国政协);
* ``全国政协`` (also inside 全国政协委员: the committee is mentioned);
* short forms ``省政协``, ``自治区政协``, ``市政协``, ``州政协``, ``县政协``, ``区政协``, ``旗政协``,
  ``盟政协``, resolved to the article's topic region at that level
  (:func:`kg.recognise.context.topic_at`; inside a digest's 【荔浦市】 section the section's
  region, :func:`kg.recognise.context.topic_near`); when the topic does not say which, nothing is
  guessed.

Not committees: 人民政协 (the institution), collectives such as 全区政协, 各级政协, 市县政协,
四级政协, 各市政协, 设区市政协, 基层政协, 全省政协系统.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg import gazetteer
from kg.model import COMMITTEE, Doc, Mention
from kg.recognise import context, regions

NATIONAL_LABEL = "全国政协"
NATIONAL_FULL = "中国人民政治协商会议全国委员会"
FULL_PREFIX = "中国人民政治协商会议"

# short form -> (name suffixes of the topic region, levels)
_SHORT = {
    "自治区": (("自治区",), (1,)),
    "省": (("省",), (1,)),
    "市": (("市",), (1, 2, 3)),
    "州": (("州",), (2,)),
    "盟": (("盟",), (2,)),
    "地区": (("地区",), (2,)),  # 阿克苏地区, 阿里地区
    "新区": (("新区",), (3,)),  # 滨海新区, 浦东新区: 新区政协 is the one whose district is a 新区
    "县": (("县",), (3,)),
    "区": (("区",), (3,)),
    "旗": (("旗",), (3,)),
}
_SHORT_RE = re.compile(r"(自治区|地区|新区|省|市|州|盟|县|区|旗)政协")
# a character right before a short form that makes it a collective or part of another word:
# 全区政协, 各市政协, 市县政协, 设区市政协, 两级政协, 省市政协, 地州政协, 人民政协; a count (沿黄9市政协,
# 十六市政协)
# (and the 区 of a word that is no district: 山区政协, 园区, 景区, 社区: 六盘山区政协协作联席会)
_COLLECTIVE_BEFORE = set("全各两三四五六七八九十几多数级县市区省州盟旗设乡镇村民基层地0123456789０１２３４５６７８９")
_NOT_A_DISTRICT_BEFORE = set("山园景社")
_COORD = set("、和与及同暨")
# stray commas and spaces a noisy source leaves between coordinated names, around the one character
# that joins them
_ONE_BETWEEN_NOISE = re.compile(r"[\s,，]*([^\s,，])[\s,，]*")
_COUNT_BEFORE_ZX = re.compile(r"^(?:(?:两|三|四|五|六|七|八|九|十|多)(?:地|市|县|省|区)|等(?:地|市|县|区|州)?)")
_TERM = r"第[一二三四五六七八九十〇零\d]{1,4}届"
_NATIONAL_RE = re.compile(rf"全国政协|(?:中国人民政治协商会议|政协)(?:{_TERM})?全国委员会")
# the official forms: 政协柳州市委员会, 中国人民政治协商会议第十三届柳州市委员会, 政协柳州市第十三届委员会
_OFFICIAL_BEFORE = re.compile(rf"(?:中国人民政治协商会议|政协)(?:{_TERM})?$")
_TERM_AFTER = re.compile(rf"(?:{_TERM})?委员会")


def _label(d: gazetteer.Division) -> str:
    return d.name + "政协"


def official_name(d: gazetteer.Division) -> str:
    """The committee's official full name: 中国人民政治协商会议 + the region + 委员会, where a
    district (区) of a city is named with its city, as district committees style themselves.

    >>> from kg.gazetteer import Division
    >>> official_name(Division("450123", "隆安县", 3, "450100"))
    '中国人民政治协商会议隆安县委员会'
    >>> official_name(Division("310104", "徐汇区", 3, "310000"))
    '中国人民政治协商会议上海市徐汇区委员会'
    >>> official_name(Division("450100", "南宁市", 2, "450000"))
    '中国人民政治协商会议南宁市委员会'
    """
    return f"{FULL_PREFIX}{_district_city(d)}{d.name}委员会"


def _district_city(d: gazetteer.Division) -> str:
    """The city before a district's name (""  for any other division: 林区 under a province)."""
    if d.level != 3 or not d.name.endswith("区") or d.parent is None:
        return ""
    city = gazetteer.default().get(d.parent)
    return city.name if city is not None and city.name.endswith("市") else ""


NO_COMMITTEE_PREFIXES = ("71", "81", "82")  # division codes of Taiwan, Hong Kong and Macau


def _mention(d: gazetteer.Division, start: int, end: int, text: str, **extra: object) -> Mention:
    alt = [official_name(d)]
    surface = text[start:end]
    if surface.startswith("政协") and surface.endswith("委员会"):
        alt.append(surface)
    own = extra.pop("own", None)
    if own:
        alt.append(str(own))  # 湖南省永州市政协, read out of 湖南省永州市、广东省肇庆市政协
    attrs = {"code": d.code, "level": d.level, "alt": alt, **extra}
    return Mention(cls=COMMITTEE, key=f"committee:{d.code}", label=_label(d), start=start, end=end,
                   surface=surface, attrs=attrs)


def _national(start: int, end: int, text: str) -> Mention:
    return Mention(cls=COMMITTEE, key=f"committee:{gazetteer.NATIONAL}", label=NATIONAL_LABEL, start=start, end=end,
                   surface=text[start:end], attrs={"code": gazetteer.NATIONAL, "level": 0, "alt": [NATIONAL_FULL]})


def _chains(found: list[tuple[regions.Match, gazetteer.Division]]) -> list[list[tuple[regions.Match,
                                                                                      gazetteer.Division]]]:
    """Group adjacent region matches into chains (湖南省永州市 is one chain)."""
    chains: list[list[tuple[regions.Match, gazetteer.Division]]] = []
    for m, d in found:
        if chains and chains[-1][-1][0].end == m.start:
            chains[-1].append((m, d))
        else:
            chains.append([(m, d)])
    return chains


def _coordinated(text: str, chains: list, i: int) -> list[tuple[regions.Match, gazetteer.Division]]:
    """Earlier chains coordinated with chain ``i`` (joined by 、/和/与/及; of the same level unless
    all are official names)."""
    out = []
    level = chains[i][-1][1].level
    full = chains[i][-1][0].is_full(chains[i][-1][1])
    j = i
    while j > 0:
        prev = chains[j - 1]
        # the gap without noise is one coordinating character (a fullmatch fails at the second
        # other character instead of rewriting a long gap)
        gap = _ONE_BETWEEN_NOISE.fullmatch(text, prev[-1][0].end, chains[j][0][0].start)
        # same level (柳州、南宁两地政协), or official names of any levels (柳州市、融安县政协)
        same = prev[-1][1].level == level or full and prev[-1][0].is_full(prev[-1][1])
        if gap is None or gap.group(1) not in _COORD or not same:
            break
        out.append(prev[-1])
        j -= 1
    return list(reversed(out))


def _region_forms(doc: Doc, found: list, used: list[tuple[int, int]]) -> list[Mention]:
    text = doc.text
    out: list[Mention] = []
    chains = _chains(found)
    for i, chain in enumerate(chains):
        m, d = chain[-1]
        start = chain[0][0].start
        after = text[m.end:m.end + 8]
        count = _COUNT_BEFORE_ZX.match(after)
        gap = count.end() if count and after[count.end():].startswith("政协") else 0
        if after[gap:].startswith("政协"):
            end = m.end + gap + 2
            if text.startswith("委员会", end) and not text.startswith("委员会委员", end):
                end += 3
            if start >= 2 and text.endswith("政协", 0, start):
                start -= 2
            partners = _coordinated(text, chains, i)
            if not partners and not gap:
                out.append(_mention(d, start, end, text))
            else:
                first = min([start] + [chains[j][0][0].start for j in range(i - len(partners), i)])
                for j in range(i - len(partners), i + 1):
                    own = text[chains[j][0][0].start:chains[j][-1][0].end] + "政协"
                    out.append(_mention(chains[j][-1][1], first, end, text, coordinated=True, surface_alt=False,
                                        own=own))
                start = first
            used.append((start, end))
        else:
            tail = _TERM_AFTER.match(text, m.end)
            if tail is None:
                continue
            head = _OFFICIAL_BEFORE.search(text[max(0, start - 20):start])
            if head is None:
                continue
            start -= len(head.group())
            out.append(_mention(d, start, tail.end(), text))
            used.append((start, tail.end()))
    return out


_ANNOTATION = re.compile(r"\([a-zü\u00c0-\u024f]{1,8}[1-5]?\)$")


def _char_before(text: str, pos: int) -> str:
    """The character before ``pos``, skipping pinyin annotations a noisy source leaves in
    (设(shè)区(qū)市政协 is still 设区市政协)."""
    head = text[max(0, pos - 40):pos]
    if ")" not in head[-2:]:  # _ANNOTATION ends with ")" at the end of head or before a final newline
        return head[-1:]
    while True:
        m = _ANNOTATION.search(head)
        if m is None:
            return head[-1:] if head else ""
        head = head[: m.start()]


def _overlaps(span: tuple[int, int], used: list[tuple[int, int]]) -> bool:
    lo, hi = span
    for s, e in used:
        if lo < e and s < hi:
            return True
    return False


def _nearest_named(doc: Doc, pos: int, suffixes: tuple[str, ...], levels: tuple[int, ...],
                   named: list[Mention]) -> str | None:
    """The committee of that kind named last before ``pos`` in the same paragraph
    (桂林市政协……，市政协党组成员 -> 桂林市政协 in an article about many cities)."""
    here = doc.sentence_at(pos)
    if here is None:
        return None
    for m in reversed(named):
        if m.start >= pos or m.attrs.get("coordinated"):
            continue
        there = doc.sentence_at(m.start)
        if there is None or there.paragraph != here.paragraph:
            return None
        if m.attrs["level"] in levels and m.label[:-2].endswith(suffixes):
            return str(m.attrs["code"])
    return None


def _named_in_sentence(doc: Doc, pos: int, code: str, named: list[Mention]) -> bool:
    """Is the committee ``code`` named in full earlier in the sentence of ``pos`` (its clauses
    after a semicolon included: ……泰州市政协持续擦亮…；同时，市政协…), not as a post's?"""
    text = doc.text
    lo = max(0, pos - 200)  # (a sentence is shorter: no scan back to the start of the text)
    start = max(lo, max(text.rfind(mark, lo, pos) for mark in "。！？\n") + 1)
    # as the subject of its clause, not as the body of a post (玉林市政协副主席到会指导，市政协常委…:
    # the own city's)
    return any(start <= m.start < pos and str(m.attrs.get("code")) == code and not text.startswith(_POSTS, m.end)
               for m in named)


_POSTS = ("主席", "副主席", "委员", "常委", "秘书长", "副秘书长", "党组", "办公室", "机关", "领导", "负责")


def _calls_it_自治区政协(text: str, full_names: list[tuple[int, int]]) -> bool:
    """The article writes the short form 自治区政协 (not only inside a full name such as
    宁夏回族自治区政协, whose spans ``full_names`` holds)."""
    return any(not _overlaps((i, i + 5), full_names) for i in _find_all(text, "自治区政协"))


def _find_all(text: str, word: str) -> Iterator[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _named_in_previous_paragraph(doc: Doc, pos: int, suffixes: tuple[str, ...], levels: tuple[int, ...],
                                 named: list[Mention]) -> str | None:
    """The one committee of that kind named in the paragraph right before ``pos``'s, when
    nothing else says which one a short form is: in an article about a prefecture, a paragraph
    about one of its counties (``在某县，县政协……某县政协主席……``) is often followed by one about a
    member of that county's committee that names the county no more (``县政协委员某某……``)."""
    here = doc.sentence_at(pos)
    if here is None:
        return None
    # the paragraph before (paragraph numbers may skip: blank lines)
    previous = max((s.paragraph for s in doc.sentences if s.end <= here.start and s.paragraph < here.paragraph),
                   default=None)
    if previous is None:
        return None
    # one committee of that kind there, or it is no guide (某县政协、某县政协作交流发言。¶县政协要……)
    codes = {str(m.attrs["code"]) for m in named if m.start < pos and m.attrs["level"] in levels
             and m.label[:-2].endswith(suffixes) and (s := doc.sentence_at(m.start)) is not None
             and s.paragraph == previous}
    return codes.pop() if len(codes) == 1 else None


def _kind_matches(d: gazetteer.Division | None, suffixes: tuple[str, ...], levels: tuple[int, ...]) -> bool:
    return d is not None and d.level in levels and d.name.endswith(suffixes)


def _from_topic(suffixes: tuple[str, ...], levels: tuple[int, ...], topic: tuple[str, ...]) -> str | None:
    """The topic region of that kind when the topic says which: the only one of its kind, or
    the most likely region itself or one of its ancestors (市政协 in a 隆安县 article: 南宁市)."""
    return _topic_choice(gazetteer.default(), suffixes, levels, tuple(topic))


@lru_cache(maxsize=256)
def _topic_choice(gaz: gazetteer.Gazetteer, suffixes: tuple[str, ...], levels: tuple[int, ...],
                  topic: tuple[str, ...]) -> str | None:
    fits = [c for c in topic if _kind_matches(gaz.get(c), suffixes, levels)]
    if len(fits) == 1:
        return fits[0]
    if fits and topic:
        chain = {topic[0], *(a.code for a in gaz.ancestors(topic[0]))}
        inside = [c for c in fits if c in chain]
        if inside:
            return inside[0]
    return None


def _topic_fits(code: str, suffixes: tuple[str, ...], levels: tuple[int, ...], topic: tuple[str, ...]) -> bool:
    """True when the article's own region is of the short form's kind and the committee just
    named is another one above or below it (峨眉山市政协 or 玉林市政协 in a 乐山市 or 北流市
    article): the author writes 市政协 for the own city and the others out in full.  In an
    article about a province, 市政协 is the city just named."""
    gaz = gazetteer.default()
    own = gaz.get(topic[0]) if topic else None
    return (own is not None and own.code != code and _kind_matches(own, suffixes, levels)
            and (gaz.is_within(code, own.code) or gaz.is_within(own.code, code)))


def _nearest_region(doc: Doc, pos: int, suffixes: tuple[str, ...], levels: tuple[int, ...],
                    found: list[tuple[regions.Match, gazetteer.Division]]) -> str | None:
    """The region of that kind named last before ``pos`` in the same paragraph."""
    here = doc.sentence_at(pos)
    if here is None:
        return None
    for m, d in reversed(found):
        if m.start >= pos:
            continue
        there = doc.sentence_at(m.start)
        if there is None or there.paragraph != here.paragraph:
            return None
        if _kind_matches(d, suffixes, levels):
            return d.code
    return None


def _region_in_sentence(doc: Doc, pos: int, suffixes: tuple[str, ...], levels: tuple[int, ...],
                        found: list[tuple[regions.Match, gazetteer.Division]]) -> str | None:
    """The region of that kind that opens the sentence of ``pos`` (乳源分会场上，县政协委员…; 在某县，
    县政协…): the place the sentence is set in, before the article's own (not a region further in,
    a company's seat in a chain of posts: 市政协委员、长葛市某公司负责人…)."""
    here = doc.sentence_at(pos)
    if here is None:
        return None
    head = doc.text[here.start:pos].lstrip(" \t\u3000")
    lead = here.start + (pos - here.start - len(head)) + (1 if head.startswith("在") else 0)
    for m, d in found:  # (in text order: none after the sentence's lead)
        if m.start > lead:
            break
        # (not a committee's name: 玉林市政协副主席到会，市政协常委… is for _nearest_named)
        if m.start == lead and m.end <= pos and _kind_matches(d, suffixes, levels) \
                and not doc.text.startswith("政协", m.end):
            return d.code
    return None


def _short_forms(doc: Doc, used: list[tuple[int, int]], topic: tuple[str, ...], named: list[Mention],
                 found: list[tuple[regions.Match, gazetteer.Division]]) -> list[Mention]:
    text = doc.text
    gaz = gazetteer.default()
    out: list[Mention] = []
    sections = context.section_regions(doc)
    is_skipped = regions.skipped(doc)
    full_names = list(used)  # (the short forms found below join used)
    calls_it: bool | None = None  # _calls_it_自治区政协, asked once (only when a 区政协 stays unresolved)
    for m in _SHORT_RE.finditer(text):
        kind = m.group(1)
        start, end = m.start(), m.end()
        if _overlaps((start, end), used) or is_skipped(start):
            continue
        if kind == "区" and text.endswith("自治", 0, start):
            continue
        before = _char_before(text, start)
        if before in _COLLECTIVE_BEFORE or text.startswith("系统", end) and before not in "我本" \
                or kind == "区" and before in _NOT_A_DISTRICT_BEFORE:
            continue
        # 新区政协: the committee whose district is a 新区; none named (西海岸新区, no division's
        # name), its 区政协 as any district's short form
        d = None
        tries = [(kind, start), ("区", start + 1)] if kind == "新区" else [(kind, start)]
        for kind, start in tries:  # (the try that resolves gives the mention its start)
            before = _char_before(text, start)
            suffixes, levels = _SHORT[kind]
            # in a digest's 【荔浦市】 section, 市政协 is that section's city (topic_near)
            here_topic = context.topic_near(doc, start) if sections else topic
            code = _nearest_named(doc, start, suffixes, levels, named)
            if code is not None and _topic_fits(code, suffixes, levels, here_topic) \
                    and not _named_in_sentence(doc, start, code, named):
                code = None  # (but 泰州市政协持续擦亮…；同时，市政协…: the one just named in the sentence)
            code = (code or _region_in_sentence(doc, start, suffixes, levels, found)
                    or _from_topic(suffixes, levels, here_topic)
                    or _nearest_region(doc, start, suffixes, levels, found))
            if code is None:  # 在元阳县，县政协……¶县政协委员某某……: the paragraph goes on about the county
                code = _named_in_previous_paragraph(doc, start, suffixes, levels, named)
            if code is None and kind == "区" and before != "我" and calls_it is None:
                calls_it = _calls_it_自治区政协(text, full_names)
            if code is None and kind == "区" and (before == "我" or calls_it):
                # 我区政协 in an autonomous region's news; 区政协 in an article that calls its own
                # committee 自治区政协 (no district said which it would be)
                code = _from_topic(("自治区",), (1,), topic)
            d = gaz.get(code) if code else None
            if d is not None:
                break
        if d is None:
            continue
        out.append(_mention(d, start, end, text))
        used.append((start, end))
    return out


def recognise(doc: Doc) -> list[Mention]:
    """Committee mentions of ``doc``, in text order."""
    text = doc.text
    topic = context.topic_regions(doc)
    used: list[tuple[int, int]] = []
    out: list[Mention] = []
    is_skipped = regions.skipped(doc)
    # every form of _NATIONAL_RE contains 全国: one substring test spares the regex's slow scan
    # (its alternatives share no first character) in most articles
    for m in _NATIONAL_RE.finditer(text) if "全国" in text else ():
        if is_skipped(m.start()):
            continue
        out.append(_national(m.start(), m.end(), text))
        used.append(m.span())
    found = [(m, d) for m, d in regions.resolve_matches(doc, topic) if not _overlaps((m.start, m.end), used)]
    # Hong Kong, Macau and Taiwan have no committee of their own: 澳门政协委员联谊会, 香港政协委员 are
    # members who live there (of the national or a mainland committee), no 澳门特别行政区政协; their
    # spans stay used, and no short form is resolved to a committee that does not exist
    named = sorted((m for m in _region_forms(doc, found, used)
                    if not str(m.attrs["code"]).startswith(NO_COMMITTEE_PREFIXES)), key=lambda x: x.start)
    out.extend(named)
    out.extend(_short_forms(doc, used, topic, named, found))
    return sorted(out, key=lambda x: (x.start, x.end, x.key))
