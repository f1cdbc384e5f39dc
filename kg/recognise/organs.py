"""Recogniser for the organs of a committee and for other organisations.

Organs (cls ``CommitteeOrgan``) are the parts of one committee: its special committees
(社会和法制委员会, 提案委员会, 专委会), its Party groups (党组, 机关党组, 机关党委), its general
office (办公厅/办公室) and its sector studios (致公党界别委员工作室).  An organ only means
something together with its committee, so its key is ``organ:<committee code>/<name>`` and
the committee comes from the committee mention right before it (``自治区政协社会和法制委员会``)
or, for a bare organ name, from the article's context (:func:`context_committee`).

Other organisations (cls ``Organisation``): democratic parties (民革 ... 台盟) and 工商联,
companies (…有限公司, …集团) and media (…日报, …政协报), keyed ``org:<name>``.

The helpers :func:`match_organ_at` and :func:`context_committee` are shared with the people
recogniser, which needs them to attach a post (``社会和法制委员会主任``) to its committee.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from kg import vocab_posts as V
from kg.model import COMMITTEE, ORGAN, ORGANISATION, Doc, Mention

NATIONAL_KEY = "committee:CN"
_HAN = r"\u4e00-\u9fff"


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _organ_re() -> re.Pattern[str]:
    """Organ names that may follow a committee mention (longest alternative first)."""
    fields = _alt(V.SPECIAL_COMMITTEE_FIELDS)
    fixed = _alt(V.FIXED_ORGANS)
    sectors = _alt(V.SECTOR_WORDS + tuple(V.DEMOCRATIC_PARTIES))
    return re.compile(
        rf"(?:(?:{sectors})界别委员工作室|界别委员工作室|(?:{sectors})界别"
        rf"|(?:{fields})(?:专门)?委员会(?:分党组|办公室)?|专门委员会|(?:各)?专委会(?:分党组)?"
        rf"|办公厅(?:党组|机关党委)?|{fixed})(?!织)"
    )


# the organs of the committee's own office named after 政协 (政协党组, 政协办公厅)
_OWN_OFFICES = ("机关党组", "机关党委", "党组", "办公厅")


@lru_cache(maxsize=1)
def _bare_organ_re() -> re.Pattern[str]:
    """Organ names specific enough to stand without a committee before them."""
    fields = _alt(V.SPECIAL_COMMITTEE_FIELDS)
    sectors = _alt(V.SECTOR_WORDS + tuple(V.DEMOCRATIC_PARTIES))
    return re.compile(
        rf"(?:{sectors})界别委员工作室|(?:{fields})(?:专门)?委员会(?!委员)"
        rf"|(?<![级各系全])政协(?:{'|'.join(_OWN_OFFICES)})(?!织)"
    )


def _finditer_near(regex: re.Pattern[str], text: str,
                   anchors: Sequence[tuple[tuple[str, ...], int, int]]) -> list[re.Match[str]]:
    """``list(regex.finditer(text))`` for a regex whose every match starts between ``lo`` and
    ``hi`` characters before a place where one of the words of an ``(words, lo, hi)`` anchor
    starts: the regex is only tried at those starts, in order, instead of at every character."""
    starts: set[int] = set()
    for scan, tests in _scans(tuple(anchors)):
        # every offset where one of the scan's words starts (overlapping ones too): the search
        # skips in C to the next such offset, one scan for all the words instead of one per word
        m = scan.search(text)
        while m is not None:
            p = m.start()
            for test, lo, hi in tests:
                if test is None or test.match(text, p):  # a word of this anchor starts at p
                    starts.update(range(max(0, p - hi), p - lo + 1))
            m = scan.search(text, p + 1)
    out = []
    pos = 0
    for start in sorted(starts):
        if start < pos:
            continue
        m = regex.match(text, start)
        if m is not None:
            out.append(m)
            pos = m.end()  # matches are never empty
    return out


@lru_cache(maxsize=16)
def _scans(anchors: tuple[tuple[tuple[str, ...], int, int], ...]) -> tuple[
        tuple[re.Pattern[str], tuple[tuple[re.Pattern[str] | None, int, int], ...]], ...]:
    """How :func:`_finditer_near` finds the words of ``anchors``: scans, each a pattern of words
    and, for every anchor it serves, a pattern telling at one of its hits whether a word of that
    anchor starts there (None: every word of the scan is the anchor's) and the anchor's bounds.

    An anchor whose words share a first character is scanned alone: its pattern opens with a
    literal, which the engine finds as fast as ``str.find``.  The others (party names, company
    and media suffixes: many first characters, each tested at every offset) share one scan, as
    costly as each of theirs alone."""
    shared = [a for a in anchors if len({w[0] for w in a[0]}) > 1]
    if len(shared) < 2:  # nothing to share a scan with
        shared = []
    out = [(_words_re(words), ((None, lo, hi),)) for words, lo, hi in anchors if (words, lo, hi) not in shared]
    if shared:
        every = tuple(sorted({w for words, _, _ in shared for w in words}))
        out.append((_words_re(every), tuple((_words_re(words), lo, hi) for words, lo, hi in shared)))
    return tuple(out)


@lru_cache(maxsize=16)
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that matches at an offset when one of ``words`` starts there."""
    return re.compile("|".join(re.escape(w) for w in words))


@lru_cache(maxsize=1)
def _bare_organ_anchors() -> tuple[tuple[tuple[str, ...], int, int], ...]:
    """Where matches of :func:`_bare_organ_re` start: a sector word before 界别委员工作室, a field
    (and 专门) before 委员会, or 政协 itself when one of its offices follows (not every 政协:
    most of them, a score per article, name the committee, not an organ)."""
    sectors = [len(w) for w in V.SECTOR_WORDS + tuple(V.DEMOCRATIC_PARTIES)]
    fields = [len(w) for w in V.SPECIAL_COMMITTEE_FIELDS]
    return ((("界别委员工作室",), min(sectors), max(sectors)),
            (("委员会",), min(fields), max(fields) + len("专门")),
            (tuple("政协" + office for office in _OWN_OFFICES), 0, 0))


@lru_cache(maxsize=1)
def _org_anchors() -> tuple[tuple[tuple[str, ...], int, int], ...]:
    """Where matches of :func:`_org_re` start: a party's name, or 2 to 20 characters before a
    company suffix, or 2 to 6 before a media suffix (人民政协 is 4)."""
    return ((tuple(sorted(set(V.DEMOCRATIC_PARTIES) | set(V.DEMOCRATIC_PARTY_FULL))), 0, 0),
            (tuple(sorted(set(V.COMPANY_SUFFIXES))), 2, 20),
            (tuple(sorted(set(V.MEDIA_SUFFIXES))), 2, 6))


# a Party committee named by its level (区委书记, 党委委员): never an organ of the CPPCC committee
_PARTY_COMMITTEES = ("党委", "党工委", "省委", "市委", "州委", "县委", "区委", "旗委", "盟委", "镇委", "乡委")
_GENERIC_BEFORE_TITLE = re.compile(
    rf"[{_HAN}]{{2,14}}?(?:委员会|委)(?=(?:驻会)?(?:副)?主任|(?:分党组)?(?:副)?书记|委员|召集人)")


def match_organ_at(text: str, pos: int, before_title: bool = False) -> str:
    """The organ name that starts at ``pos`` (longest), or "".

    With ``before_title``, any "…委员会"/"…委" followed by a post title is an organ too
    (县政协农业农村委主任: the committees abbreviate their special committees freely).

    >>> match_organ_at("省政协提案委员会主任", 3)
    '提案委员会'
    >>> match_organ_at("省政协主席", 3)
    ''
    >>> match_organ_at("县政协农业农村委主任", 3, before_title=True)
    '农业农村委'
    >>> match_organ_at("区政协将认真落实区委书记", 3, before_title=True)
    ''
    """
    m = _organ_re().match(text, pos)
    if m:
        return m.group()
    if before_title:
        g = _GENERIC_BEFORE_TITLE.match(text, pos)
        if g and not g.group().endswith(_PARTY_COMMITTEES):
            return g.group()  # (not 区政协将认真落实区委书记某某: 区委书记 is the Party's)
    return ""


def committee_mentions(doc: Doc) -> list[Mention]:
    """The committee mentions of ``doc``, in text order."""
    return sorted([m for m in doc.mentions if m.cls == COMMITTEE], key=_START_END)


_START_END = attrgetter("start", "end")  # (m.start, m.end), made in C


def dominant_committee(committees: Sequence[Mention], text: str = "") -> Mention | None:
    """The committee the article is about: the most mentioned one, a local committee before
    全国政协 (national news mention 全国政协 as the frame, not the subject); ties go to the first.
    全国政协 is the article's own committee when it is named more than twice as often as any
    local one (a national meeting where provincial chairs speak: their committees are guests),
    its mentions in a membership (全国政协委员, 全国政协常委) counting half: a provincial committee's
    article about the national members of its province names them so (``text``: the article's).

    >>> import re
    >>> from kg.model import COMMITTEE
    >>> text = "四川省政协组织全国政协委员视察。全国政协委员张明说。全国政协常委赵强说。"
    >>> ms = [Mention(COMMITTEE, "committee:510000" if c.group() == "四川省政协" else NATIONAL_KEY, "",
    ...               c.start(), c.end(), c.group()) for c in re.finditer("四川省政协|全国政协", text)]
    >>> dominant_committee(ms, text).key, dominant_committee(ms).key  # (without the text: all count)
    ('committee:510000', 'committee:CN')
    """
    if not committees:
        return None
    local = [m for m in committees if m.key != NATIONAL_KEY] or list(committees)
    counts = Counter(m.key for m in local)
    national = sum(0.5 if text.startswith(_MEMBERSHIP, m.end) else 1 for m in committees if m.key == NATIONAL_KEY)
    if local[0].key != NATIONAL_KEY and national > 2 * max(counts.values()):
        return next(m for m in committees if m.key == NATIONAL_KEY)
    first = {}
    for i, m in enumerate(local):
        first.setdefault(m.key, i)
    key = max(counts, key=lambda k: (counts[k], -first[k]))
    return next(m for m in local if m.key == key)


_MEMBERSHIP = ("委员", "常委")  # after 全国政协: a membership, not the national committee as subject


def context_committee(doc: Doc, pos: int, committees: Sequence[Mention] | None = None,
                      same_sentence: bool = True) -> Mention | None:
    """The committee a bare organ or post at ``pos`` belongs to: the nearest committee mention
    before it in the same sentence (when ``same_sentence``), else the article's dominant one."""
    if committees is None:
        committees = committee_mentions(doc)
    if same_sentence:
        sent = doc.sentence_at(pos)
        lo = sent.start if sent else max(0, pos - 60)
        before = [m for m in committees if lo <= m.start and m.end <= pos]
        if before:
            return before[-1]
    return dominant_committee(committees, doc.text)


def organ_key(committee: Mention, name: str) -> str:
    return f"organ:{committee.key.partition(':')[2]}/{name}"


def organ_mention(committee: Mention, name: str, start: int, end: int, surface: str) -> Mention:
    """An organ mention under ``committee`` (label: the committee's label + the organ name)."""
    return Mention(ORGAN, organ_key(committee, name), committee.label + name, start, end, surface,
                   attrs={"committee": committee.key, "organ": name})


def _organs(doc: Doc, committees: list[Mention]) -> list[Mention]:
    text = doc.text
    found: dict[tuple[int, int], Mention] = {}
    for c in committees:
        name = match_organ_at(text, c.end)
        if name:
            found[(c.start, c.end + len(name))] = organ_mention(c, name, c.start, c.end + len(name),
                                                               text[c.start:c.end + len(name)])
    covered = [(s, e) for s, e in found]
    for m in _finditer_near(_bare_organ_re(), text, _bare_organ_anchors()):
        s, e = m.span()
        if any(a <= s < b for a, b in covered):
            continue
        name = m.group().removeprefix("政协")
        c = context_committee(doc, s, committees)
        if c is None:
            continue
        found[(s, e)] = organ_mention(c, name, s, e, m.group())
    return [found[k] for k in sorted(found)]


@lru_cache(maxsize=1)
def _org_re() -> re.Pattern[str]:
    parties = _alt(tuple(V.DEMOCRATIC_PARTIES) + tuple(V.DEMOCRATIC_PARTY_FULL))
    company = _alt(V.COMPANY_SUFFIXES)
    media = _alt(V.MEDIA_SUFFIXES)
    return re.compile(
        rf"(?P<party>{parties})(?!界别)"
        rf"|(?P<company>[{_HAN}（）()]{{2,20}}?(?:{company}))"
        rf"|(?P<media>(?:人民政协|[{_HAN}]{{2,6}}?)(?:{media}))(?<!网(?=[{_HAN}]))"
    )


# words that end a company-name search backwards: a company name never contains them
_COMPANY_STOP = re.compile(
    r".*(?:企业|委员|获评|荣获|获|成为|参加|代表|与|和|及|在|由|的|了|是|为|等|对|向|到|让|把|将|从|被|经|"
    r"帮助|走进|打造|联系|调研|入驻|引进|支持|推动|带动|组织|参观|考察|依托|"
    # a committee before its partner (县政协联合某台): no company or medium has 政协 inside but
    # the CPPCC's own papers and sites (某某政协报, 人民政协网)
    r"政协(?!报|网)|"
    + "|".join(re.escape(t) for t in V.ALL_TITLES if len(t) >= 2) + ")")


def _company_name(raw: str, lead: str = "") -> str:
    """Cut the verbs and nouns that the lazy match swallowed before a company name.  ``lead``: the
    characters right before the match, so that a stop word cut by the match's start is seen
    (县政|协联合某台: the match starts inside 政协)."""
    cname = _company_name_in(lead + raw)
    return cname[-len(raw):] if len(cname) > len(raw) else cname


def _company_name_in(raw: str) -> str:
    m = _COMPANY_STOP.match(raw)
    name = raw[m.end():] if m else raw
    # a preposition of partnership opening what is left (联合某市广播电视台开办…): not part of the
    # name (inside one it stays: 某某联合化工有限公司)
    name = _PARTNER_LEAD.sub("", name)
    return name if len(name) >= 4 else ""


_PARTNER_LEAD = re.compile(r"^(?:联合|会同|携手|协同)+")


def _organisations(doc: Doc) -> list[Mention]:
    text = doc.text
    out: list[Mention] = []
    for m in _finditer_near(_org_re(), text, _org_anchors()):
        kind = m.lastgroup or ""
        s, e = m.span()
        name = m.group()
        if kind == "party":
            short = V.DEMOCRATIC_PARTY_FULL.get(name, name)
            out.append(Mention(ORGANISATION, f"org:{short}", short, s, e, name,
                               attrs={"kind": "party" if short != "工商联" else "federation",
                                      "full_name": V.DEMOCRATIC_PARTIES.get(short, short)}))
        elif kind == "company":
            cname = _company_name(name, text[max(0, s - 2):s])
            if cname:
                out.append(Mention(ORGANISATION, f"org:{cname}", cname, e - len(cname), e, cname,
                                   attrs={"kind": "company"}))
        elif kind == "media":
            mname = _company_name(name, text[max(0, s - 2):s])
            if mname and (not mname.endswith("网") or mname.endswith("新闻网") or mname.startswith("人民政协")):
                label = mname[:-1] if mname.endswith("报社") else mname  # the paper and its publisher
                out.append(Mention(ORGANISATION, f"org:{label}", label, e - len(mname), e, mname,
                                   attrs={"kind": "media"}))
    return out


def recognise(doc: Doc) -> list[Mention]:
    """Organ and organisation mentions of ``doc`` (needs the committee mentions)."""
    committees = committee_mentions(doc)
    return _organs(doc, committees) + _organisations(doc)
