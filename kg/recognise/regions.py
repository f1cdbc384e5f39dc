"""Recogniser for administrative regions (province, prefecture and county level).

How a region is found:

1. every name of the gazetteer (official, short, former), indexed by its first two characters,
   gives the leftmost-longest matches (五大连池市 wins over 大连);
2. a match must start and end on word boundaries of the private jieba segmentation of its
   sentence (大连理工大学 is one word: not Dalian; 张吉林 is split 张|吉林 but a surname right
   before a bare short form makes it a person's name; an official name and its child's official
   name right after it are cut between them whatever jieba says: 上海市|浦东新区);
3. the candidates of an ambiguous name are narrowed by the region printed just before
   (吉林省吉林市, 北京市朝阳区), then by the article's topic (:mod:`kg.recognise.context`), then,
   for short forms, by level (吉林 alone is the province); a name still ambiguous is dropped;
4. county-level short forms (隆安, 融水) are trusted only inside the topic province, and never
   when they are ordinary words (资源, 比如, 同心);
5. a division name right after a region that is not its parent names a place inside that region
   (伊宁市老城区: not 洛阳市's 老城区);
6. a one-character-stem name (和县, 高县) after a Han character that does not introduce a place is
   dropped when its stem is a conjunction (茶农和县…) or its level character starts a word
   (…和县直部门, 提高县域);
7. a short form inside or at the start of a name after a post title is a person (常委黄桂平,
   副主席白城峰); later bare occurrences of an accepted person's name lose their regions in the
   recognise stage (:mod:`kg.recognise`), once people are known;
8. a one-character-stem name before 政协 that rule 6 drops after a verb (察看眉县政协) is kept when
   the article names that division elsewhere (赴陕西省宝鸡市眉县观摩), unless its stem is a
   conjunction (市政协和县政协).

Towns, villages, parks and canals are not in the gazetteer, so they are never regions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from kg import gazetteer
from kg import tokenizer as tok
from kg import vocab_posts as V
from kg.memo import LastCall
from kg.model import REGION, Doc, Mention, Zone

# zones whose text is not the article's own sentences
SKIP_ZONES = frozenset({"lost", "nav", "footer", "headlines", "heading"})
# ... of them, those whose places are not the article's either: a section heading (■ 某省某市
# 标题, :mod:`kg.text.boilerplate`) names the places of the item it heads
_NOT_PLACES = SKIP_ZONES - {"heading"}

# single-character surnames that often precede a two-character given name; prepositions that
# are also surnames (向, 于, 和 ...) are left out because they usually precede a place name
_SURNAMES = frozenset("张王李赵刘陈杨黄周吴徐孙朱马胡郭林何罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任"
                      "沈姚卢姜崔钟谭陆汪范金廖贾夏韦付傅邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严覃戴莫孔汤"
                      "蓝农卓施温欧费"
                      # southern and western ones (蒙百色, 岑来宾, 冉广安)
                      "蒙凌甘岑磨闭冉母苟谌敬蒲鄢赖丘骆兰阮麦邝冼植禤盘")
_WINDOW = 24  # characters of context either side of a match given to the segmenter
# province/prefecture short forms that are also ordinary words of official prose (来宾 guests,
# 长治 in 长治久安, 大庆 a grand celebration, 安康 well-being): trusted inside the topic province only
WEAK_SHORT = frozenset({"来宾", "日照", "阿里", "开封", "海北", "玉树", "白银", "安康", "长治", "大同", "普洱", "黄山",
                        "大庆", "天水", "酒泉", "金昌", "文山", "河源", "清远", "兴安", "黄南", "包头", "三明",
                        "中山", "平凉", "红河", "海东", "海西", "阳江", "通化", "怀化", "自贡",
                        "桃园", "新竹", "嘉义"})  # (桃园合作社, 新竹子: Taiwan's cities in an article about them)
# district names that are also plain words of urban prose (老城区 the old town, 新城区 the new
# town): a division only with its city printed before it
GENERIC_DISTRICTS = frozenset({"老城区", "新城区", "市中区"})
# after a bare short form these make it part of a street or station name (北京路, 长沙街)
_STREET_AFTER = ("路", "街", "大道", "大街", "巷", "胡同", "站")
# after a bare short form these make it a river or lake, which many counties are named after
# (嫩江流域, 赤水两岸, 抚仙湖畔): the water, not the division
_WATER_AFTER = ("流域", "干流", "支流", "水系", "沿岸", "两岸", "上游", "中游", "下游", "江段", "河段", "水域",
                "河畔", "江畔", "湖畔", "岸线", "河道", "航道")


class Match(NamedTuple):
    """One gazetteer match: the span, the name and every division so called.  A named tuple,
    not a frozen dataclass: the scan makes ~17 per article and a tuple is made three times
    faster (same fields, equality, hash and repr)."""

    start: int
    end: int
    name: str
    candidates: tuple[gazetteer.Division, ...]

    def is_full(self, d: gazetteer.Division) -> bool:
        return self.name == d.name

    def is_former(self, d: gazetteer.Division) -> bool:
        return self.name in d.former


@lru_cache(maxsize=2)
def _index(gaz: gazetteer.Gazetteer) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]],
                                                dict[str, tuple[gazetteer.Division, ...]]]:
    """Every gazetteer name of two characters or more, indexed for :func:`all_matches`: a
    pattern matching where a name's first two characters may start (its first character from
    the set of first characters, its second from the set of second characters), the name
    lengths by their first two characters (longest first), and the divisions by name."""
    by_name = {n: tuple(gaz.lookup(n)) for n in sorted(gaz.names()) if len(n) >= 2}
    lengths: dict[str, set[int]] = {}
    for n in by_name:
        lengths.setdefault(n[:2], set()).add(len(n))
    firsts = "".join(sorted({n[0] for n in by_name}))
    seconds = "".join(sorted({n[1] for n in by_name}))
    starts = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])" if by_name else "(?!)")
    return starts, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}, by_name


@lru_cache(maxsize=2)
def _officials(gaz: gazetteer.Gazetteer) -> dict[str, tuple[gazetteer.Division, ...]]:
    """The divisions each name of the index is the official name of (those of its candidates
    whose ``name`` it is), in candidate order; names of none are left out."""
    out = {}
    for n, cands in _index(gaz)[2].items():
        full = tuple(d for d in cands if d.name == n)
        if full:
            out[n] = full
    return out


def all_matches(text: str) -> list[Match]:
    """Every gazetteer match in ``text``, by start, longest first (overlapping)."""
    return list(_all_matches(text, gazetteer.default()))


@lru_cache(maxsize=8)  # the same text is matched by context, regions and committees in turn
def _all_matches(text: str, gaz: gazetteer.Gazetteer) -> tuple[Match, ...]:
    starts, lengths, by_name = _index(gaz)
    new = tuple.__new__
    out: list[Match] = []
    for hit in starts.finditer(text):
        i = hit.start()
        sizes = lengths.get(text[i:i + 2])
        if sizes is None:
            continue
        for n in sizes:  # longest first
            name = text[i:i + n]
            cands = by_name.get(name)
            if cands is not None and len(name) == n:
                out.append(new(Match, (i, i + n, name, cands)))  # Match(...) without its __new__
    return tuple(out)


def matches(text: str) -> list[Match]:
    """Leftmost-longest, non-overlapping gazetteer matches in ``text`` (no filtering)."""
    out: list[Match] = []
    last_end = -1
    for m in all_matches(text):
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def zone_kind(doc: Doc, pos: int) -> str:
    """The kind of the zone containing ``pos`` ("body" when the doc has no zones)."""
    for z in doc.zones:
        if z.start <= pos < z.end:
            return z.kind
    return "body"


def skipped(doc: Doc) -> Callable[[int], bool]:
    """A test of positions of ``doc``: True where :func:`zone_kind` is one of ``_NOT_PLACES``
    (one bisection instead of a walk over the zones for every match)."""
    starts, ends = _SKIPPED.get(doc.zones, lambda: _skipped_spans(doc))

    def test(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]

    return test


def _skipped_spans(doc: Doc) -> tuple[list[int], list[int]]:
    """Starts and ends of the stretches where :func:`zone_kind` is a skipped kind.  Between two
    consecutive zone boundaries the same zones contain every position, so the kind of the
    first one found at the stretch's start holds for the whole stretch (overlapping zones
    included); outside every zone the kind is "body"."""
    if _in_order(doc.zones):
        return _skipped_zones(doc.zones)
    cuts = sorted({z.start for z in doc.zones} | {z.end for z in doc.zones})
    starts: list[int] = []
    ends: list[int] = []
    for a, b in pairwise(cuts):
        if zone_kind(doc, a) in _NOT_PLACES:
            if ends and ends[-1] == a:
                ends[-1] = b
            else:
                starts.append(a)
                ends.append(b)
    return starts, ends


def _in_order(zones: Sequence[Zone]) -> bool:
    """True when ``zones`` are disjoint and in text order (as the normaliser makes them)."""
    last = 0
    for z in zones:
        if z.start < last or z.end < z.start:
            return False
        last = z.end
    return True


def _skipped_zones(zones: Sequence[Zone]) -> tuple[list[int], list[int]]:
    """:func:`_skipped_spans` of zones :func:`_in_order`: no boundary of another zone falls
    inside a zone, so the stretches are the zones themselves (the empty ones hold no position),
    and the skipped ones that touch are joined as before."""
    starts: list[int] = []
    ends: list[int] = []
    for z in zones:
        if z.kind in _NOT_PLACES and z.start < z.end:
            if ends and ends[-1] == z.start:
                ends[-1] = z.end
            else:
                starts.append(z.start)
                ends.append(z.end)
    return starts, ends


# one document at a time; compared with its zones, never hashed (the comparison of the same
# tuple is an identity check of its items)
_SKIPPED: LastCall[tuple[list[int], list[int]]] = LastCall()


def window(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A stretch of text around a span, inside its sentence, short enough for jieba."""
    s = doc.sentence_at(start)
    lo, hi = (s.start, s.end) if s is not None and s.end >= end else (0, len(doc.text))
    return max(lo, start - _WINDOW), min(hi, end + _WINDOW)


# organs that follow a region name: it ends there whatever the segmenter says (jieba has
# 北京市委 and 北京市政协 as single words)
_ORGAN_AFTER = ("政协", "委", "政府", "人大", "人民", "党委", "纪委", "统战", "工商联", "文联", "总工会", "妇联",
                "团委", "政法", "监委")


def on_boundary(doc: Doc, start: int, end: int, chained_before: bool = False, chained_after: bool = False) -> bool:
    """True when ``doc.text[start:end]`` is whole words in its context.  ``chained_before`` /
    ``chained_after``: an official division name is printed right before / after this official
    name (jieba has 上海市浦东新区 as one word), which is a boundary too."""
    start_ok = chained_before or doc.text.endswith("政协", 0, start)
    end_ok = chained_after or doc.text.startswith(_ORGAN_AFTER, end)
    if start_ok and end_ok:
        return True
    lo, hi = window(doc, start, end)
    text = doc.text
    b = _BLOCK_HEAD.match(text, start, hi).end()
    if b < end:  # a character of the name jieba does not cut as part of a block: the whole window
        bounds = tok.boundaries(text[lo:hi])  # memoised there
        return (start_ok or start - lo in bounds) and (end_ok or end - lo in bounds)
    # jieba cuts a text block by block (runs of _JIEBA_BLOCK; every other character is a word of
    # its own), each block whatever the others hold: the boundaries of the window at ``start``
    # and ``end`` are those of the cut of the one block of the window that holds the name (its
    # edges are boundaries of the window's cut as well), and a name that is its whole block needs
    # no cut at all
    a = _BLOCK_TAIL.search(text, lo, start).start()
    start_ok = start_ok or start == a
    end_ok = end_ok or end == b
    if start_ok and end_ok:
        return True
    bounds = tok.boundaries(text[a:b])  # memoised there
    return (start_ok or start - a in bounds) and (end_ok or end - a in bounds)


# the characters of a block of jieba's cut (jieba.re_han_default, checked by a test)
_JIEBA_BLOCK = "[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]"
_BLOCK_HEAD = re.compile(_JIEBA_BLOCK + "*")  # the block part from pos on
# possessive: a shorter run than the longest from a position never ends at endpos either, so
# giving characters back (the plain ``*``) only repeats the failing test of ``\Z`` at every one
_BLOCK_TAIL = re.compile(_JIEBA_BLOCK + "*+\\Z")  # the block part that ends at endpos


# last characters of post titles and of words before a listed name (主席, 书记, 常委, 领导,
# 负责人, 编辑 ...): after one of them, surname + short form is a person (常委黄桂平)
_TITLE_ENDS = "长记者员任席和与及、委导人理师授士辑审"


def _looks_like_person(text: str, m: Match) -> bool:
    """A bare two-character short form right after a surname: 张吉林, 黄南宁."""
    if len(m.name) != 2 or m.start == 0 or text[m.start - 1] not in _SURNAMES or _official(m):
        return False
    prev2 = text[m.start - 2] if m.start >= 2 else ""
    # 区长黄南宁 / 、黄吉林 / line start: the surname begins a word
    return not ("\u4e00" <= prev2 <= "\u9fff") or prev2 in _TITLE_ENDS


def name_after_title(text: str, m: Match) -> bool:
    """A bare two-character short form that starts a three-character name after a post title
    or in a list: 省政协副主席白城峰主持, 、白城峰出席 (a surname, the short form's second character
    and one more given-name character, then the end of the name)."""
    if len(m.name) != 2 or m.start == 0 or m.name[0] not in V.SINGLE_SURNAMES or text[m.start - 1] not in _TITLE_ENDS \
            or _official(m):
        return False
    if text[m.start - 1] != "、" and not any(text.endswith(t, 0, m.start) for t in _LONG_TITLES):
        return False  # 和, 与 ... end other words too: only a real title or a list of names
    nxt = m.end
    if nxt >= len(text) or text[nxt] not in V.GIVEN_NAME_CHARS or text[nxt] in V.NON_NAME_CHARS:
        return False
    after = nxt + 1
    return after >= len(text) or not "\u4e00" <= text[after] <= "\u9fff" or text.startswith(_NAME_FOLLOWERS, after)


_LONG_TITLES = tuple(t for t in V.ALL_TITLES if len(t) >= 2)
_NAME_FOLLOWERS = V.FOLLOW_WORDS + V.CLAUSE_VERBS


def _street(text: str, m: Match) -> bool:
    """A bare short form that names a street, a station, a river, an institution, or a village,
    town or neighbourhood named after it: 北京路, 南宁站, 嫩江流域, 井冈山大学, 某江村党支部书记."""
    if not text.startswith(_NAMED_AFTER_IT, m.end) or _official(m):
        return False
    if text.startswith(_INSTITUTION_AFTER, m.end):
        return bool(_INSTITUTION.match(text, m.end))
    return not text.startswith(_SETTLEMENT_AFTER, m.end) or bool(_SETTLEMENT.match(text, m.end))


# after a bare short form these make it a village, town or neighbourhood of that name (villages
# are often named like a county elsewhere); 村镇, 村级, 镇村 … are the division's own villages
_SETTLEMENT_AFTER = ("村", "镇", "街道", "社区")
# (not the county's own people and places: 隆安村民, 村干部, 村屯, 村医, 村务, 镇村)
_SETTLEMENT = re.compile(r"村(?![镇级庄落居组民干屯医务])|镇(?![村街级域])|街道|社区")
# after a bare short form these make it part of an institution's name (井冈山大学, 桃园合作社), but
# not its students (武汉大学生)
_INSTITUTION = re.compile("(?:大学|学院|师范|中学|小学|医院|合作社)(?!生)")
_INSTITUTION_AFTER = ("大学", "学院", "师范", "中学", "小学", "医院", "合作社")
# everything a bare short form may start the name of: a street, water, a settlement, an institution
_NAMED_AFTER_IT = _STREET_AFTER + _WATER_AFTER + _SETTLEMENT_AFTER + _INSTITUTION_AFTER


def _person_or_street(text: str, m: Match) -> bool:
    """:func:`_looks_like_person`, :func:`name_after_title` or :func:`_street`.  The first two
    need a two-character name after a surname or a title's last character, the third a street
    or water word after the name: most matches have neither, and are let go after one test of
    the characters around them instead of three calls."""
    start = m.start
    if not (len(m.name) == 2 and start and text[start - 1] in _BEFORE_PERSON
            or text.startswith(_NAMED_AFTER_IT, m.end)):
        return False
    return _looks_like_person(text, m) or name_after_title(text, m) or _street(text, m)


_BEFORE_PERSON = _SURNAMES | frozenset(_TITLE_ENDS)


def _official(m: Match) -> bool:
    """The match is the official or a former name of one of its divisions (not a bare short form)."""
    return any(m.is_full(d) or m.is_former(d) for d in m.candidates)


# words that start with a level character (县直, 县委, 区域): in 茶农和县直部门 or 提高县域 the
# character before them ends another word (和, 提高) and only looks like a one-character stem
_LEVEL_WORDS = ("县直", "县里", "县委", "县政府", "县级", "县域", "县城", "县乡", "县区", "县市", "县镇", "县长",
                "县内", "县外", "县人大", "县政协", "县纪委", "县领导", "县两级", "县一级", "县财政", "县人民",
                "县属", "县各", "县有关", "县相关", "县主要", "县四套", "县直属",
                "区直", "区里", "区委", "区政府", "区级", "区域", "区内", "区外", "区人大", "区政协", "区领导",
                "区属", "区各", "区有关", "区相关", "区主要", "区四套")
# characters that introduce a place (在和县, 赴歙县, 到泾县, 市和县 ...)
_PLACE_INTRO = frozenset("在赴到至往于来去从抵由对向经回省市州、")
# one-character stems that are conjunctions (和县: 茶农和县直部门, 市政协和县政协)
_CONJUNCTION_STEMS = frozenset("和与及同并或暨跟")


def weak_stem_context(text: str, m: Match, d: gazetteer.Division) -> bool:
    """True when a one-character-stem name (和县, 高县, 城区) is not read as the division: it
    follows a Han character that does not introduce a place and either its stem is a
    conjunction (茶农和县…) or its level character starts a word of its own (和县直部门,
    提高县域).  A parent printed before it is checked by the caller."""
    if m.name != d.name or m.start == 0 or len(gazetteer.stem(d.name)) >= 2:  # not m.is_full(d) ...
        return False
    before = text[m.start - 1]
    if not "\u4e00" <= before <= "\u9fff" or before in _PLACE_INTRO:
        return False
    return m.name[0] in _CONJUNCTION_STEMS or text.startswith(_LEVEL_WORDS, m.end - 1)


def _collective_head(text: str, m: Match) -> bool:
    """A name or short form that opens with 全/各 and a level character (全州县, 全州) before a word
    that starts with a level character (全州县级政协: 全州 + 县级): it may read as "the whole
    prefecture"."""
    return len(m.name) >= 2 and m.name[0] in "全各" and m.name[1] in "州市县区省" \
        and (text.startswith(_LEVEL_WORDS, m.end - 1) or text.startswith(_LEVEL_WORDS, m.end))


def strong_stem_context(text: str, m: Match) -> bool:
    """A one-character-stem name (歙县, 和县) named with its committee (歙县政协, 政协歙县委员会)
    or opening a line before a colon (泾县：…), not after a Han character that could end another
    word (市政协和县政协 is 市政协 + 县政协), nor, when its stem is a conjunction, after a mark that
    opens a clause (…，和县政协主任某某一起…)."""
    if m.start and "\u4e00" <= text[m.start - 1] <= "\u9fff" and text[m.start - 1] not in _PLACE_INTRO \
            and not (text.endswith("政协", 0, m.start) and text.startswith("委员会", m.end)):
        return False
    if m.name[0] in _CONJUNCTION_STEMS and m.start and text[m.start - 1] not in _PLACE_INTRO \
            and text[m.start - 1] not in "\n。！？" and not text.endswith("政协", 0, m.start):
        return False  # ……，和县政协某某一起…: a clause may open with the conjunction (the topic decides)
    if text.startswith("政协", m.end) or text.startswith("委员会", m.end) and text.endswith("政协", 0, m.start):
        return True
    return (m.start == 0 or text[m.start - 1] == "\n") and text[m.end:m.end + 1] in ("：", ":")


def _within_any(gaz: gazetteer.Gazetteer, code: str, scopes: tuple[str, ...]) -> bool:
    return not gaz.lineage(code).isdisjoint(scopes)


@lru_cache(maxsize=64)
def _provinces(gaz: gazetteer.Gazetteer, topic: tuple[str, ...]) -> tuple[str, ...]:
    """The provinces of the topic regions, in order, once each."""
    return tuple(dict.fromkeys(p for p in (gaz.province_of(t) for t in topic) if p))


def choose(m: Match, prev: gazetteer.Division | None, topic: tuple[str, ...],
           adjacent: bool, named: bool = False) -> gazetteer.Division | None:
    """The division a match stands for, or None when the text does not say which.  ``named``:
    the text names it as a committee or a dateline (:func:`strong_stem_context`), which is
    enough for a one-character-stem name outside the topic."""
    gaz = gazetteer.default()
    # only the code of ``prev`` counts, and only when adjacent: the key of the memos below
    above = prev.code if adjacent and prev is not None else None
    name = m.name
    if _index(gaz)[2].get(name) is m.candidates:
        # the gazetteer's own candidates of the name (every match of all_matches): the name
        # stands for them, so the answer is memoised by name (the same names come back in
        # each topic pass and in resolve, and article after article); ``named`` is left out
        # where it cannot change the answer
        named = named and name in _named_names(gaz)
        # most names resolve the same whatever the topic (an official name of one division, a
        # province's short form): their answer is memoised without the topic, which differs
        # from article to article
        d = _choose_fixed(gaz, name, above, named)
        if d is _TOPIC_NEEDED:
            d = _choose_name(gaz, name, above, tuple(topic), named)
        return d
    d = _choose(gaz, name, m.candidates, above, tuple(topic), named)
    assert d is not _TOPIC_NEEDED  # a topic was given
    return d


def named_names() -> frozenset[str]:
    """The names whose division :func:`choose` may accept only when ``named`` is true: for
    every other name of the gazetteer, :func:`strong_stem_context` need not be asked."""
    return _named_names(gazetteer.default())


@lru_cache(maxsize=2)
def _named_names(gaz: gazetteer.Gazetteer) -> frozenset[str]:
    # ``named`` is read by _choose for one of its full-name candidates (official or former name)
    # with a stem of one character that is not a 区 only
    return frozenset(n for n, cands in _index(gaz)[2].items()
                     if any((d.name == n or n in d.former) and len(gazetteer.stem(d.name)) < 2
                            and not d.name.endswith("区") for d in cands))


@lru_cache(maxsize=8192)
def _choose_name(gaz: gazetteer.Gazetteer, name: str, above: str | None, topic: tuple[str, ...],
                 named: bool) -> gazetteer.Division | None:
    return _choose(gaz, name, _index(gaz)[2][name], above, topic, named)  # type: ignore[return-value]


@lru_cache(maxsize=8192)
def _choose_fixed(gaz: gazetteer.Gazetteer, name: str, above: str | None,
                  named: bool) -> gazetteer.Division | None | object:
    """:func:`_choose_name` for every topic, or ``_TOPIC_NEEDED`` when the topic may change it
    (the same code path as with a topic, stopped where the topic would be read: the answer
    given is the one every topic gives)."""
    return _choose(gaz, name, _index(gaz)[2][name], above, None, named)


# what _choose answers without a topic where the answer depends on it
_TOPIC_NEEDED = object()


def _choose(gaz: gazetteer.Gazetteer, name: str, cands: Sequence[gazetteer.Division], above: str | None,
            topic: tuple[str, ...] | None, named: bool) -> gazetteer.Division | None | object:
    """:func:`choose` for the match ``name`` with ``cands``; ``above``: the code of the region
    printed right before it, if any.  ``topic`` None: the topic is not known, and
    ``_TOPIC_NEEDED`` is returned where it would be read."""
    if above is not None:
        lineage = gaz.lineage
        under = [d for d in cands if d.code != above and above in lineage(d.code)]
        if not under:
            # 伊宁市老城区: a division name right after a region that is not its parent names a
            # place inside that region (a quarter, a street), not the distant division
            return None
        cands = under
    full = [d for d in cands if d.name == name or name in d.former]  # is_full or is_former
    if full:
        cands = full
    if len(cands) > 1:
        if topic is None:
            return _TOPIC_NEEDED
        provinces = _provinces(gaz, topic)
        in_topic = [d for d in cands if _within_any(gaz, d.code, topic)]
        if not in_topic:
            in_topic = [d for d in cands if _within_any(gaz, d.code, provinces)]
        if in_topic:
            cands = in_topic
    if len(cands) > 1 and not full:
        top = min(d.level for d in cands)
        cands = [d for d in cands if d.level == top]
    if len(cands) != 1:
        return None
    d = cands[0]
    parent_named = above is not None and gaz.is_within(d.code, above)
    if full and d.name in GENERIC_DISTRICTS and not parent_named:
        return None  # 依托老城区的街巷: the old town, unless its city is printed before it
    if full and len(gazetteer.stem(d.name)) < 2 and not parent_named:
        # 城区, 郊区, 东区 need their city printed before them; 和县, 新县 (市和县, 新县城) the topic province
        # or a committee of their own (歙县政协 opening the article)
        if d.name.endswith("区"):
            return None
        if not named:
            return _in_topic_provinces(gaz, d, topic)
    if not full and d.level <= 2 and name in WEAK_SHORT and not parent_named:
        return _in_topic_provinces(gaz, d, topic)
    if not full and d.level == 3:
        # district short forms (东坡, 港口, 江南) name people, ports and landscapes far more often
        if d.name.endswith("区"):
            return None
        if not parent_named:
            return None if tok.common_word(name) else _in_topic_provinces(gaz, d, topic)
    return d


def _in_topic_provinces(gaz: gazetteer.Gazetteer, d: gazetteer.Division,
                        topic: tuple[str, ...] | None) -> gazetteer.Division | None | object:
    """``d`` when it lies in a province of the topic, else None (``_TOPIC_NEEDED`` without one)."""
    if topic is None:
        return _TOPIC_NEEDED
    return d if _within_any(gaz, d.code, _provinces(gaz, topic)) else None


_NAME_DOTS = V.NAME_DOTS + V.NAME_DOT_VARIANTS


def in_dotted_names(text: str) -> list[tuple[int, int]]:
    """Spans of dotted transliterated names (哈密提·吐尔逊, 阿勒泰·木沙): the places their parts
    spell are no regions."""
    if not any(c in text for c in _NAME_DOTS):
        return []
    from kg.recognise.people import dotted_name_spans

    return dotted_name_spans(text)


def resolve_matches(doc: Doc, topic: tuple[str, ...] | None = None) -> list[tuple[Match, gazetteer.Division]]:
    """Every accepted match with its division, in text order (used by committees too)."""
    if topic is None:
        from kg.recognise import context

        topic = context.topic_regions(doc)
    key = (doc.text, doc.zones, doc.sentences, topic, gazetteer.default())
    return list(_RESOLVED.get(key, lambda: _resolve(doc, topic)))  # regions and committees both ask


_RESOLVED: LastCall[list[tuple[Match, gazetteer.Division]]] = LastCall()


def _resolve(doc: Doc, topic: tuple[str, ...]) -> list[tuple[Match, gazetteer.Division]]:
    text = doc.text
    out: list[tuple[Match, gazetteer.Division]] = []
    prev: gazetteer.Division | None = None
    prev_end = -1
    names = in_dotted_names(text)
    is_skipped = skipped(doc)
    later: list[Match] = []  # one-character-stem committees after a verb: kept when named elsewhere
    listed: list[Match] = []  # short forms refused alone, each followed by 、 or 等地: kept beside a sibling
    gaz = gazetteer.default()
    every = _all_matches(text, gaz)
    named_ok = _named_names(gaz)
    # the divisions each match is the official name of
    officials = _officials(gaz)
    fulls = [officials.get(x.name, ()) for x in every]
    # official names by start (上海市|浦东新区): a parent and its child are cut between them
    official_at: dict[int, list[gazetteer.Division]] = {}
    for x, full in zip(every, fulls, strict=True):
        if full:
            official_at.setdefault(x.start, []).extend(full)
    for m, full in zip(every, fulls, strict=True):  # longest first at each start: 南宁市|委 falls back to 南宁
        if m.start < prev_end or (out and out[-1][0].start == m.start):
            continue
        if names and any(a <= m.start < b for a, b in names):
            continue
        if is_skipped(m.start):
            continue
        official = bool(full)
        chained_before = official and m.start == prev_end and out and out[-1][0].is_full(out[-1][1])
        chained_after = official and m.end in official_at and any(
            c.code != d.code and d.code in gaz.lineage(c.code) for c in official_at[m.end] for d in full)
        if _person_or_street(text, m):
            continue
        # the word-boundary test (a jieba cut of the window) comes last: a match the text does not
        # resolve is dropped whatever the boundaries, unless it may be a committee named later
        d = choose_in(text, m, prev, topic, adjacent=(m.start == prev_end),
                      named=m.name in named_ok and strong_stem_context(text, m))
        if d is None or (m.start != prev_end and weak_stem_context(text, m, d)):
            if _committee_after_verb(text, m) and on_boundary(doc, m.start, m.end, bool(chained_before),
                                                              chained_after):
                later.append(m)
            elif d is None and not official and _LISTED.match(text, m.end):
                listed.append(m)
            continue
        if _collective_head(text, m) and _in_topic_provinces(gaz, d, topic[:1]) is not d:
            continue  # 在全州县级政协推广: 全州 is the whole prefecture, 县级 a word (not 全州县)
        if not on_boundary(doc, m.start, m.end, bool(chained_before), chained_after):
            continue
        out.append((m, d))
        prev, prev_end = d, m.end
    if later:
        # 赴某省某市凤县观摩，实地察看凤县政协“…”: the county named in full elsewhere in the article is the
        # one whose committee is visited, though a verb stands right before it
        named = {d.code: d for _, d in out}
        extra = [(m, named[c.code]) for m in later for c in m.candidates if m.is_full(c) and c.code in named
                 and not any(x.start < m.end and m.start < x.end for x, _ in out)]
        one: dict[int, tuple[Match, gazetteer.Division]] = {}
        for m, d in extra:  # one division per span (two counties of one name both named: the first)
            one.setdefault(m.start, (m, d))
        out = sorted(out + list(one.values()), key=lambda x: x[0].start)
    if listed and out:
        out = sorted(out + _listed_districts(text, listed, out, gaz), key=lambda x: x[0].start)
    return out


# what follows an item of a list of places: 、 or the list's end (镇海、北仑、余姚等地)
_LISTED = re.compile(r"、|等(?:地|县|区|市|县区|区县|县市区)")


def _listed_districts(text: str, listed: list[Match], out: list[tuple[Match, gazetteer.Division]],
                      gaz: gazetteer.Gazetteer) -> list[tuple[Match, gazetteer.Division]]:
    """District short forms refused alone (北仑, 镇海: :func:`choose`) that stand in one list of
    places with a county-level division accepted on its own (余姚): the districts of that
    division's city of that name, one each.  ``镇海、北仑、余姚等地`` names three places of 宁波."""
    added = []
    taken = {(x.start, x.end) for x, _ in out}
    for m in listed:
        # the list around m, within its clause: a county-level sibling accepted, joined to m by 、
        left = max((b.start() for b in _LIST_STOP.finditer(text, max(0, m.start - 40), m.start)), default=-1)
        stop = _LIST_STOP.search(text, m.end)
        hi = stop.start() if stop else len(text)
        siblings = [d for x, d in out if left < x.start < hi and d.level == 3
                    and "、" in text[min(x.end, m.end):max(x.start, m.start)]]
        cities = {d.code[:4] for d in siblings}
        cands = [c for c in m.candidates if c.level == 3 and c.name.endswith("区") and c.code[:4] in cities]
        if len(cands) == 1 and (m.start, m.end) not in taken:
            added.append((m, cands[0]))
    return added


_LIST_STOP = re.compile(r"[，,。；;：:！!？?\n]")


def choose_in(text: str, m: Match, prev: gazetteer.Division | None, topic: tuple[str, ...], adjacent: bool = False,
              named: bool = False) -> gazetteer.Division | None:
    """:func:`choose`, and a district's short form right before 政协 in ``text`` (门头沟政协:
    :func:`district_committee`), which ``choose`` alone, given no text, refuses."""
    d = choose(m, prev, topic, adjacent=adjacent, named=named)
    if d is None and text.startswith("政协", m.end):
        d = district_committee(gazetteer.default(), m, topic)
    return d


def district_committee(gaz: gazetteer.Gazetteer, m: Match, topic: tuple[str, ...]) -> gazetteer.Division | None:
    """The district whose short form ``m`` is, right before 政协 (the caller checks): 门头沟政协,
    徐汇政协, as district committees name themselves in mastheads and bylines.  Elsewhere a
    district's short form is no region (:func:`choose`: 东坡, 港口, 江南 name people, ports and
    landscapes); before 政协 it names a committee, when it is the short form of one district
    only and that district lies in a province of the article's topic.

    >>> gaz = gazetteer.default()
    >>> m = Match(0, 3, "门头沟", tuple(gaz.lookup("门头沟")))
    >>> district_committee(gaz, m, ("110000",)).name, district_committee(gaz, m, ("310000",))
    ('门头沟区', None)
    """
    cands = [d for d in m.candidates if d.level == 3 and d.name.endswith("区") and m.name in d.short]
    if len(cands) != 1 or len(cands) != len(m.candidates):
        return None
    d = cands[0]
    return d if _within_any(gaz, d.code, _provinces(gaz, topic)) else None


def _committee_after_verb(text: str, m: Match) -> bool:
    """A one-character-stem name (凤县, 歙县) before 政协 after a Han character that is not a
    conjunction stem (察看凤县政协, not 市政协和县政协): the division when the article names it
    elsewhere (see :func:`resolve_matches`)."""
    return (len(m.name) == 2 and any(m.is_full(d) for d in m.candidates) and text.startswith("政协", m.end)
            and m.name[0] not in _CONJUNCTION_STEMS)


def mention(m: Match, d: gazetteer.Division) -> Mention:
    return Mention(cls=REGION, key=f"region:{d.code}", label=d.name, start=m.start, end=m.end, surface=m.name,
                   attrs={"code": d.code, "level": d.level})


def recognise(doc: Doc) -> list[Mention]:
    """Region mentions of ``doc`` (the region inside a committee name counts too)."""
    return [mention(m, d) for m, d in resolve_matches(doc)]
