"""Recogniser for meetings (cls ``Meeting``).

Two shapes:

* session meetings, numbered by term and session: ``自治区政协十二届四次会议``,
  ``市政协十届二十九次主席会议``, ``七届八次常委会议``; with the committee before them the
  label is the committee's canonical label + the numbering (one node per real session);
* named meetings: a qualifier + a meeting word (座谈会, 协商会, 交流会, 研讨会, 分析会,
  主席会议, 常委会议 ...): ``设区市政协主席座谈会``, ``“产业振兴 委员行动”工作经验交流会``.
  The qualifier runs back from the meeting word to a punctuation mark, a verb such as 召开 or
  举办, or a committee mention; a bare meeting word (座谈会) is too generic to be a node.

``attrs["committee"]`` is the committee holding it: named in the meeting's name, or the
subject of the sentence (``全国政协召开远程协商会``).  The relate stage turns it into ``heldBy``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from kg.model import MEETING, Doc, Mention
from kg.recognise.organs import _finditer_near, committee_mentions

_NUM = "一二三四五六七八九十百零〇两0-9"
_SESSION = re.compile(
    rf"(?:第)?[{_NUM}]+届(?:委员会)?(?:第)?[{_NUM}]+次(?:全体会议|主席会议|常委会议|常委会会议|常务委员会议|会议)"
    rf"(?:主席团第[{_NUM}]+次会议)?"
)
_NUM_CHARS = frozenset(_NUM.replace("0-9", "0123456789"))


def _sessions(text: str) -> list[re.Match[str]]:
    """``list(_SESSION.finditer(text))`` in linear time.  A session's numbering is a run of
    numerals (after 第 or not) ending right before 届, and every start inside the run leads to
    the same 届 and the same rest: the regex is tried once per 届, at the first start not inside
    the previous match, instead of at every numeral (a long number then cost a scan per digit)."""
    out: list[re.Match[str]] = []
    pos = 0
    j = text.find("届")
    while j >= 0:
        r = j
        while r > 0 and text[r - 1] in _NUM_CHARS:
            r -= 1
        if r < j:
            first = r - 1 if r > 0 and text[r - 1] == "第" else r
            start = max(first, pos)
            if start < j:
                m = _SESSION.match(text, start)
                if m is not None:
                    out.append(m)
                    pos = m.end()
        j = text.find("届", j + 1)
    return out


_WORDS = ("座谈会", "协商会", "交流会", "研讨会", "分析会", "推进会", "宣讲会", "视频会", "报告会", "现场会",
          "调度会", "动员会", "部署会", "总结会", "表彰会", "恳谈会", "通报会", "读书会", "分享会", "评议会",
          "议政会", "论证会", "听证会", "见面会", "茶话会", "联谊会", "培训会", "推介会", "协调会", "观摩会",
          "主席会议", "常委会议", "常委会会议", "全体会议", "联席会议", "工作会议", "党组会议", "专题会议",
          "论坛", "研讨班", "培训班", "读书班")
# 联谊会 is also an association of its members (港区委员联谊会, 校友联谊会): after the members it
# gathers it is an organisation, not a gathering (新春联谊会)
_ASSOCIATION_MEMBERS = ("委员", "人士", "校友", "同乡", "乡亲", "侨胞", "同学")
# (one lookbehind per word: Python's must each have a fixed width)
_NOT_AFTER_MEMBERS = "".join(f"(?<!{re.escape(w)})" for w in _ASSOCIATION_MEMBERS)
_WORD_RE = re.compile("(?:" + "|".join(w if w != "联谊会" else f"{_NOT_AFTER_MEMBERS}联谊会"
                                       for w in sorted(_WORDS, key=lambda w: (-len(w), w))) + ")(?!议|成员)")


def _word_anchors(chars: str = "会坛班") -> tuple[tuple[tuple[str, ...], int, int], ...]:
    """Where matches of :data:`_WORD_RE` start, as anchors for the organs recogniser's
    :func:`~kg.recognise.organs._finditer_near`: every meeting word holds one of ``chars`` (会,
    坛 of 论坛, 班 of 培训班) a few characters after its start.  The regex is then tried before
    each of them, found by a literal search in C, instead of at every character (the words open
    with some thirty different characters, common ones such as 工 and 全 among them).

    >>> _word_anchors()
    ((('会',), 2, 3), (('坛',), 1, 1), (('班',), 2, 2))
    """
    assert all(any(c in w for c in chars) for w in _WORDS)  # else a word would be missed
    return tuple(((c,), min(offsets), max(offsets))
                 for c in chars
                 for offsets in [[i for w in _WORDS for i, ch in enumerate(w) if ch == c]])


_WORD_ANCHORS = _word_anchors()
# words that end the qualifier (scanning back from the meeting word)
_STOP_BEFORE = ("召开", "增开", "举行", "举办", "出席", "参加", "主持", "组织", "开展", "列席", "在", "于", "的", "了",
                "和", "与", "暨", "及", "上", "次", "首次", "并", "还", "都", "是", "通过", "参与", "即", "前",
                "后", "为", "到", "赴", "场", "场次", "期", "个", "多", "近日", "日前", "近期", "同时", "持续",
                "每季度", "一次", "定期", "坚持", "相继", "先后", "分别", "围绕", "聚焦", "多次", "联合",
                "视频", "线上", "以", "该", "此", "这", "本", "各", "重要")
_HOLD_VERBS = re.compile(r"召开|增开|举行|举办|组织|主办|承办|召集")
_OPEN_Q = "“‘「『《"
_CLOSE_Q = "”’」』》"


def _stops_before(text: str, i: int) -> bool:
    """True when the text before ``i`` ends with a word that cannot be part of a meeting's name
    (党的建设 keeps its 的)."""
    if not text.endswith(_STOP_BEFORE, 0, i):
        return False
    # 的 is the only stop word ending in 的: when the text before i ends in 的, that is the word
    return not (text[i - 1] == "的" and text[i - 2:i - 1] == "党")


def _qualifier_start(text: str, end: int, floor: int) -> int:
    """Where the qualifier of a meeting word ending the span at ``end`` begins."""
    i = end
    depth = 0
    while i > floor and end - i < 24:
        ch = text[i - 1]
        if ch in _CLOSE_Q:
            depth += 1
        elif ch in _OPEN_Q:
            depth = max(0, depth - 1)
        elif depth == 0 and not ("\u4e00" <= ch <= "\u9fff" or ch == "+"):
            break
        # (the endswith test inline first: most characters end no stop word, no call for them)
        if depth == 0 and text.endswith(_STOP_BEFORE, 0, i) and _stops_before(text, i):
            break
        i -= 1
    return i


def norm(label: str) -> str:
    """The merge form of a meeting label: NFKC, no quotation marks or white space."""
    label = unicodedata.normalize("NFKC", label)
    return _NORM_STRIP.sub("", label)


_NORM_STRIP = re.compile(r"[\s“”‘’「」『』\"'《》]")
_CLAUSE_MARK = re.compile("[，。；]")
_WHITE_RUN = re.compile(r"\s+")
_BOOK_TITLE = re.compile(r"《[^《》\n]*》")


def _committee_holding(doc: Doc, start: int, end: int, committees: list[Mention],
                       first_ending: dict[int, Mention]) -> Mention | None:
    """The committee that holds a meeting at ``start``: one right before its name, else the
    sentence's subject committee followed by a verb of holding (召开, 举办 ...).
    ``first_ending``: the first of ``committees`` ending at each offset."""
    c = first_ending.get(start)
    if c is not None:
        return c
    sent = doc.sentence_at(start)
    if sent is None:
        return None
    before = [c for c in committees if sent.start <= c.start and c.end <= start]
    for c in before:
        # (a one-character class searched between c.end and start: the same as in the slice)
        if _HOLD_VERBS.search(doc.text, c.end, start) and not _CLAUSE_MARK.search(doc.text, c.end, start):
            return c
    return None


def recognise(doc: Doc) -> list[Mention]:
    """Meeting mentions of ``doc`` (needs the committee mentions)."""
    text = doc.text
    committees = committee_mentions(doc)
    # the last and the first committee ending at each offset (they differ only when two end
    # together): a session right after a committee takes the last, _committee_holding the first,
    # as they always have
    ends = {c.end: c for c in committees}
    first_ending: dict[int, Mention] = {}
    for c in committees:
        first_ending.setdefault(c.end, c)
    # the committees' ends in order: the floor of a meeting word at s is the last of them that is
    # at most s, when it is no more than 24 characters before s (the max over that window)
    sorted_ends = sorted(ends)
    out: dict[tuple[int, int], Mention] = {}
    for m in _sessions(text):
        s, e = m.span()
        c = ends.get(s) or _committee_holding(doc, s, e, committees, first_ending)
        if c is None and len(m.group()) < 6:
            continue
        start = c.start if c is not None and c.end == s else s
        label = (c.label if c is not None else "") + m.group()
        out[(start, e)] = _meeting(doc, label, start, e, c, "session")
    titles = _book_title_spans(text)
    for m in _finditer_near(_WORD_RE, text, _WORD_ANCHORS):
        s, e = m.span()
        if out and any(a <= s < b for a, b in out) or titles and any(a < s < b for a, b in titles):
            continue  # inside a session's name or a document's title
        k = bisect_right(sorted_ends, s)
        floor = sorted_ends[k - 1] if k and s - sorted_ends[k - 1] <= 24 else 0
        q = _qualifier_start(text, s, floor)
        if s - q < 2:
            continue
        c = _committee_holding(doc, q, e, committees, first_ending)
        if c is not None and c.end == q:
            q = c.start
            label = c.label + text[c.end:e]
        else:
            label = text[q:e]
        out[(q, e)] = _meeting(doc, label, q, e, c, "named")
    return [out[k] for k in sorted(out)]


def _meeting(doc: Doc, label: str, start: int, end: int, c: Mention | None, kind: str) -> Mention:
    """A meeting mention; its key carries the holding committee, so that two committees'
    专题协商会 stay two nodes while one committee's session is one node across articles.  A
    meeting whose committee is unknown (七届八次常委会议 of an unresolved 市政协) is keyed by
    its article: the same words in two articles may be two committees' meetings."""
    label = _WHITE_RUN.sub("", label)
    if c is None:
        key = f"meeting:{doc.article.doc_id}/{norm(label)}"
    else:
        key = f"meeting:{norm(('' if label.startswith(c.label) else c.label) + label)}"
    return Mention(MEETING, key, label, start, end, doc.text[start:end],
                   attrs={"committee": c.key if c else "", "kind": kind})


def _book_title_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BOOK_TITLE.finditer(text)]
