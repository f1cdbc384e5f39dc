"""Recogniser for people and their posts.

A person is a surname (single or compound, :mod:`kg.vocab_posts`) plus one or two characters,
and it is only accepted with a *cue*, because many common words start with a surname
character (高质量, 常委会, 万人次, 全区政协):

* a post title right before the name (``市政协主席王建军``, ``省委书记张宁``, ``澳门委员梁嘉欣``),
  and the names listed after it (``副主席张三、李四和王五``, ``领导还有张三、李四``);
* a name list before 等 and a group title (``张三、李四等市政协领导``, ``…等驻镇委员``, ``…等同志``);
* posts in apposition (``王东明（市政协委员、某公司总经理）说``, ``陈秀芝，省政协委员，…``);
* a byline (``本报记者 范文静``, ``（通讯员 彭小英 记者 贺立）``, ``编辑：谭雪梅``, ``□黄和芳``,
  ``记者 江 玮`` with a padded two-character name, ``（文/图 市政协办公室 某某）`` with the sending
  organ before the name, also on a line of its own or with the role after the name) or a credit
  (``王磊 摄``, ``覃珩(文)``);
* an honorific after the name (``张澜先生``, ``某某总书记``), confirmed by jieba's person tag, and
  a member's studio named after him (``张文友委员工作室``, with the names listed before it);
* a bare name at the start of a clause followed by a speech or action verb (``罗国强出席``,
  ``龚晓峰率队赴…``, ``罗国强在…座谈会上强调``);
* any further occurrence of a name already accepted in the same article.

Tibetan names have no surname: two name syllables (``V.TIBETAN_SYLLABLES``: 索南 才让 次成 卓嘎) or
one and a final (卓玛措) are taken whole after any post title, in a list or a byline, and at a clause
start before an honorific or a speech verb, before any Han reading (``主席洛桑才让介绍``, not 洛桑才).
A single syllable (``委员次旦在…``, ``村民某某老人``) is a name only right after a post title or a
resident word, ending on a clear boundary.  A post of the chief systems (林长, 河长: ``V.CHIEF_POSTS``)
is never a two-character name (``委员林长们``).

A job may stand between the posts and the name (``市政协常委、某集团总工程师某某``, ``县政协委员、某中学
教师某某``): the chain of posts before it still gives the memberships; after a weak title that closes
such a chain the name is taken where its end is unclear.  A membership, 的, then a name
(``同为县政协委员、市政协委员的某某则…``) gives both memberships.  A rare surname before 委员 after 的
or a clause start (``某界别的拓某某委员说``) makes a member of the article's committee.  Bylines also
read ``文/某某`` and an organ before the name (``作者：省政协新闻中心 某某``).  A two-character name
before 和 becomes the three-character one the article writes on its own before a speech verb.

Transliterated names (Yi 吉克石布, Tibetan 扎西多吉, Uyghur 吐尔逊) are taken whole after a post or
in a list; after a strong title (not 委员, 主任 ...) a name of four to seven transliteration
characters written without a dot (Mongolian ``盟政协主席乌日根达来``, ``巴音苏和牵头``) is taken
whole up to a clear boundary, unless a Han name of common given-name characters ends on a
boundary inside it (``卢丽娜和委员们``).  Rare minority surnames that are also common words
(纳, 拜, 哈, 撒, 锁: ``V.RARE_SURNAMES``) start a name only after a strong title or in a byline
(``副主席纳秋菊介绍``).

Before 委员 a sector (``经济界委员``) or a nationality (``苗族委员``) makes a member of the article's
committee, as 特邀 or 界别 do; a body of the committee written bare after a post of it in a list
(``全国政协副主席某某、常委会副秘书长某某``) is that committee's.  A bare 委员 after a name with no
committee in its sentence (``某某委员来自教育界``) gives the article's committee only when the
article names no membership of that person elsewhere.  Residents (``村民某某家种了…``, ``果农某某
说``), a young entrepreneur (``创业者某某向…``) and an association's officer (``某会理事某某``, after
a CPPCC membership in the chain) are cues too; a verb with its particle (``算了``, ``讲起``) ends a
name.

In a digest made of sections headed by a region (``【某县】…``), a CPPCC post with no committee in
its sentence belongs to the section's committee when the article mentions it
(:func:`kg.recognise.context.section_regions`).

Names whose parts are joined by a middle dot (``买买提·吐尔逊``, ``努尔兰・别克``) are one
person wherever they stand (every part of transliteration characters, not inside quotation
marks); the last part ends where its transliteration characters stop on a word boundary
(``阿不都拉|主持``).  The label keeps the dot as written (a typing variant such as ‧ becomes ·);
the key uses · whatever the dot.

Two posts joined by 兼 (``市政协副主席兼秘书长某某``) are both held in the organisation named
before the first.

Where the name ends (two or three characters) is decided by what follows it (a punctuation
mark, a verb such as 强调 or 告诉, a particle such as 的) and by characters that never appear
in given names (those that are also common in names, 为 和 年 政 会, only when the longer name
ends on a clear boundary: 王永年参加); jieba's ``nr`` tag, on a small window only (it is slow
on whole articles), breaks the remaining ties.

A mention whose cue gave posts carries ``attrs["posts"]``, each
``{"title", "org", "org_label", "kind", "committee"}`` where ``kind`` is ``cppcc``, ``party``,
``government``, ``media`` or ``other`` and ``committee`` the committee key of a CPPCC post
(``org`` may be an organ of it).  The relate stage turns them into relations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from kg import vocab_posts as V
from kg.model import PERSON, Doc, Mention
from kg.recognise.organs import (
    _bare_organ_re,
    committee_mentions,
    context_committee,
    dominant_committee,
    match_organ_at,
    organ_key,
)
from kg.text import boilerplate

# Tibetan, Yi and Mongolian characters and those of Uyghur and Kazakh names (吐尔逊, 别克)
_TRANSLIT_CHARS = V.TRANSLIT_NAME_CHARS | V.DOTTED_NAME_CHARS
_WEAK_TITLES = frozenset({"委员", "常委", "代表", "主任", "书记", "部长", "经理", "老师", "负责人", "领导",
                          "理事", "常务理事", "创业者", "经营者", "主管", "会员"})
_STRONG_HONORIFICS = ("总书记", "先生", "女士", "同志")
_QUALIFIER = re.compile(r"[\u4e00-\u9fff]{1,6}")  # 香港委员, 特邀委员, 党外常委
_SEP = re.compile(r"[ \t\u3000:：/／｜|]*")
# 执行主席是张三、李四; 出席会议的市政协领导还有张三、李四
_IS = re.compile(r"(?:是|为)(?=[^、，。\n]{2,4}、)|还有(?=[^、，。\n]{2,4}[、，。])")
_SEP_FIRSTS = frozenset(" \t\u3000:：/／｜|")  # where _SEP matches more than nothing
_ASIDE = re.compile(r"[（(][^（）()。，\n]{2,20}[）)]")  # a note in brackets after a title
_IS_FIRSTS = frozenset("是为还")  # where _IS may match
_BYLINE_GAP = re.compile(r"[ \t\u3000]+")
_GOV_PREFIX = ("自治区", "省", "市", "县", "区", "州", "旗", "盟", "政府", "人民政府", "特别行政区")
_GOV_ONLY = ("省长", "市长", "县长", "区长", "州长", "旗长", "镇长", "乡长", "总理", "厅长", "局长", "国务委员")
_NON_QUALIFIER = re.compile(r"[，。；：！？、“”‘’（）()《》\s]|政协|委员会")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# titles that follow a name (某某总书记) and never precede one
_AFTER_ONLY = frozenset({"总书记"})
# common words that look like names (a surname character + one or two characters)
_NOT_NAMES = frozenset({"关于", "于是", "万人", "万元", "高度", "高质量", "常态", "全体", "全面", "安全", "方面",
                        "时间", "文化", "成员", "成果", "明确", "国家", "平台", "能力", "江山", "金融", "林业",
                        "周年", "周边", "程度", "程序", "向前", "任务", "于此", "叶片", "石油", "黄金", "龙头",
                        "连续", "连线", "通过", "包括", "华侨", "杨树", "马上", "钱款", "许多", "许可", "简报",
                        "班子", "干部", "成效", "成就", "成为", "司法", "明显", "全局", "方式", "方案",
                        "关心", "关注", "关怀", "关键", "关爱", "向大家", "向委员", "向群众", "向社会",
                        # members' duties: 委员包村, 委员包片联户
                        "包村", "包片", "包户", "包联", "包保",
                        # 记者：谢谢某主席 (jieba's dictionary tags 谢谢 a name), 委员都有“责任田”
                        "谢谢", "都有", "都是", "都要", "都在", "都能", "都会", "都把", "都将",
                        # 代表团团长向大会介绍, 考察团团长于会上介绍; 企业家沙龙
                        "向大会", "向会议", "于会上", "于会前", "于会后", "沙龙"})


def _trie_alt(words: Sequence[str]) -> str:
    """A pattern that matches what ``_alt(words)`` matches, written as a trie (主(?:任(?:委员)?|席)):
    at any offset the text spells one path through it and the greedy optional tails take the
    longest word on that path, which is the word the longest-first alternation takes.  The
    regex engine then follows one branch instead of trying every word in turn."""
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(alts) == 1 else body + "?"

    return build(trie)


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{_trie_alt([t for t in V.ALL_TITLES if t not in _AFTER_ONLY])})")


@lru_cache(maxsize=1)
def _honorific_re() -> re.Pattern[str]:
    return re.compile(_alt(V.HONORIFICS))


@lru_cache(maxsize=1)
def _frame_re() -> re.Pattern[str]:
    """张三在……会上强调: the frame after a bare name."""
    return re.compile(rf"在[^，。；！？\n]{{1,40}}?[上中](?:{_alt(V.FRAME_VERBS)})")


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """Names of divisions (柳州, 江西...): a bare name equal to one is a place, not a person."""
    from kg import gazetteer

    return frozenset(n for n in gazetteer.default().names() if 2 <= len(n) <= 4)


def _unlisted_place(word: str) -> bool:
    """jieba's dictionary tags the word a place (ns) but no division is so called: after a post
    title it is a transliterated name that jieba took for a place (乌云其木格 is in its dictionary
    as one), where a division's name (乌兰浩特) is a place indeed.

    >>> _unlisted_place("乌云其木格"), _unlisted_place("乌兰浩特"), _unlisted_place("农业")
    (True, False, False)
    """
    from kg import gazetteer

    return _pos_tokenizer().word_tag_tab.get(word, "") == "ns" and not gazetteer.default().lookup(word)


@lru_cache(maxsize=1)
def _district_short_forms() -> frozenset[str]:
    """Short forms that only name districts (石峰, 东坡): never a region on their own, so inside
    a list of names after a post they are names."""
    from kg import gazetteer

    gaz = gazetteer.default()
    return frozenset(n for n in _region_names() if all(
        d.level == 3 and d.name.endswith("区") and d.name != n and n not in d.former for d in gaz.lookup(n)))


# ---------------------------------------------------------------------------------------------
# jieba, on small windows only


@lru_cache(maxsize=1)
def _pos_tokenizer() -> Any:
    """A private jieba POS tokenizer (never the module-global one, which others may change),
    on :func:`kg.tokenizer.plain_tokenizer` (jieba's dictionary as shipped, loaded once per
    process)."""
    import sys

    from kg import tokenizer as tok

    fresh = "jieba.posseg" not in sys.modules
    import jieba
    import jieba.posseg

    plain = tok.plain_tokenizer()
    cls = _fast_tagger_class() or jieba.posseg.POSTokenizer
    if fresh and jieba.dt.dictionary == plain.dictionary:
        # importing jieba.posseg has just read the word tags of this same dictionary for the
        # module-global tagger, and nothing can have changed them yet: a copy is the table
        # POSTokenizer() would read again from the file (0.2 s)
        pt = object.__new__(cls)
        pt.tokenizer = plain
        pt.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
        return pt
    return cls(plain)


@lru_cache(maxsize=4096)
def _viterbi(obs: str) -> tuple[float, tuple[tuple[str, str], ...]]:
    """jieba.posseg's Viterbi decoding of ``obs`` (a run of Han characters that the dictionary
    does not cut), same result, about four times faster, memoised (the same unknown name is
    tagged in several windows).

    jieba takes, for every state, the best ``(V[prev] + trans + emit, prev)`` over *all* the
    previous states, those with no transition to it scoring ``-inf``; every state considered
    has a previous state with a transition to it and every score is finite, so the best over
    those with a transition is the same, with the same sum order and tie-break (the larger
    previous state).  Anything else (no previous state with a successor) goes to jieba's
    function itself."""
    from jieba.posseg import char_state_tab_P as states
    from jieba.posseg import emit_P as emit_p
    from jieba.posseg import start_P as start_p
    from jieba.posseg import trans_P as trans_p
    from jieba.posseg.viterbi import MIN_FLOAT
    from jieba.posseg.viterbi import viterbi as jieba_viterbi

    all_states = trans_p.keys()
    into = _transitions_into()
    c = obs[0]
    v = {y: start_p[y] + emit_p[y].get(c, MIN_FLOAT) for y in states.get(c, all_states)}
    mem: list[dict[Any, Any]] = [dict.fromkeys(v, "")]
    for t in range(1, len(obs)):
        c = obs[t]
        prev = [x for x in v if trans_p[x]]
        if not prev:
            prob, route = jieba_viterbi(obs, states, start_p, trans_p, emit_p)
            return prob, tuple(route)
        expect: set[Any] = set()
        for x in prev:
            expect.update(trans_p[x])
        obs_states = expect.intersection(states.get(c, all_states)) or expect
        best_v: dict[Any, float] = {}
        best_s: dict[Any, Any] = {}
        for y in obs_states:
            e = emit_p[y].get(c, MIN_FLOAT)
            tr = into[y]
            best = arg = None
            for y0 in tr.keys() & v.keys():  # the previous states with a transition to y
                score = v[y0] + tr[y0] + e
                if best is None or score > best or (score == best and y0 > arg):
                    best, arg = score, y0
            best_v[y] = best
            best_s[y] = arg
        v = best_v
        mem.append(best_s)
    prob, state = max((p, y) for y, p in v.items())
    route: list[Any] = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = mem[i][state]
    return prob, tuple(route)


@lru_cache(maxsize=1)
def _transitions_into() -> dict[Any, dict[Any, float]]:
    """jieba.posseg's transition table by target state: state -> {previous state: log prob}."""
    from jieba.posseg import trans_P

    into: dict[Any, dict[Any, float]] = {}
    for y0, row in trans_P.items():
        for y, p in row.items():
            into.setdefault(y, {})[y0] = p
    return into


# tagged by jieba's own Viterbi and by :func:`_viterbi` before the faster one is trusted
_VITERBI_PROBES = ("徐绍川在", "费志荣", "晒出了", "员会", "在完", "买买提", "𠀀的", "阿不都拉", "ＡΩ一")


@lru_cache(maxsize=1)
def _fast_tagger_class() -> Any:
    """jieba's POSTokenizer with :func:`_viterbi` for the runs the dictionary does not cut,
    or None when jieba's internals are not those it reproduces."""
    import jieba.posseg
    from jieba.posseg.viterbi import viterbi as jieba_viterbi

    ps = jieba.posseg
    if not hasattr(ps.POSTokenizer, "_POSTokenizer__cut"):
        return None
    try:
        for probe in _VITERBI_PROBES:
            prob, route = jieba_viterbi(probe, ps.char_state_tab_P, ps.start_P, ps.trans_P, ps.emit_P)
            if (prob, tuple(route)) != _viterbi(probe):
                return None
    except Exception:
        return None

    class FastPOSTokenizer(ps.POSTokenizer):
        def _POSTokenizer__cut(self, sentence: str) -> Iterator[Any]:  # jieba's __cut, with _viterbi
            _prob, pos_list = _viterbi(sentence)
            begin, nexti = 0, 0
            for i, char in enumerate(sentence):
                pos = pos_list[i][0]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    yield ps.pair(sentence[begin:i + 1], pos_list[i][1])
                    nexti = i + 1
                elif pos == "S":
                    yield ps.pair(char, pos_list[i][1])
                    nexti = i + 1
            if nexti < len(sentence):
                yield ps.pair(sentence[nexti:], pos_list[nexti][1])

    return FastPOSTokenizer


# parts of speech of jieba's dictionary that a name never starts with (verbs, adverbs, adjectives,
# function words, times, numbers): 主席强调, 主席高兴地说, 秘书长严格落实
_NON_NAME_POS = ("v", "d", "a", "b", "c", "p", "r", "t", "u", "f", "q", "z", "l", "i")


def _dict_freq(word: str) -> int:
    """Frequency of ``word`` in jieba's dictionary (0 when unknown)."""
    pt = _pos_tokenizer()
    pt.tokenizer.check_initialized()  # the dictionary loads lazily, on the first cut
    return int(pt.tokenizer.FREQ.get(word, 0))


@lru_cache(maxsize=8192)
def _word_not_name(word: str) -> bool:
    """True when jieba's dictionary knows ``word`` as a frequent ordinary word (a verb, an
    adverb...; a noun only when very frequent: 全程, 时刻) and not as a name or place."""
    pt = _pos_tokenizer()
    pt.tokenizer.check_initialized()  # the dictionary loads lazily, on the first cut
    freq = pt.tokenizer.FREQ.get(word, 0)
    if not freq:
        return False
    tag = pt.word_tag_tab.get(word, "")
    if tag.startswith(("nr", "ns", "nz", "nt")):
        return False
    if tag.startswith("n"):
        return freq >= 300
    return tag.startswith(_NON_NAME_POS) and freq >= 100


@lru_cache(maxsize=8192)
def _jieba_names(window: str) -> tuple[tuple[int, int], ...]:
    """Spans of person names jieba sees in ``window``; a surname split from its given name
    (孙/大伟, 郭/建国) is joined back.

    Memoised: tagging is most of this recogniser's time and windows recur (the same name
    looked up by several cues, a repeated phrase); the private tagger is deterministic and
    never changed, so a cached answer is the answer.  Windows are at most 12 characters."""
    spans: list[tuple[int, int]] = []
    toks = [(w, f) for w, f in _pos_tokenizer().cut(window)]
    pos = 0
    offs = []
    for w, f in toks:
        offs.append((pos, pos + len(w), w, f))
        pos += len(w)
    for i, (s, e, w, f) in enumerate(offs):
        if f.startswith("nr") and 2 <= len(w) <= 4 and _surname_len(w, 0):
            spans.append((s, e))
        elif len(w) == 1 and w in V.SINGLE_SURNAMES and i + 1 < len(offs):
            s2, e2, w2, f2 = offs[i + 1]
            if 1 <= len(w2) <= 2 and _given_ok(w2) and f in ("nr", "zg", "nrfg", "nrt") and f2.startswith("n"):
                spans.append((s, e2))
    return tuple(spans)


def _jieba_len(text: str, p: int) -> int:
    """Length of the name jieba sees starting at ``p`` (0 if none)."""
    lo = max(0, p - 4)
    window = text[lo:p + 8]
    for s, e in _jieba_names(window):
        if s + lo == p:
            return e - s
    return 0


def _jieba_len_ending(text: str, end: int) -> int:
    """Length of the name jieba sees ending at ``end`` (0 if none)."""
    lo = max(0, end - 8)
    window = text[lo:end + 3]
    for s, e in _jieba_names(window):
        if e + lo == end:
            return e - s
    return 0


# ---------------------------------------------------------------------------------------------
# where a name ends


_COMPOUND_SURNAMES = V.COMPOUND_SURNAMES
_SINGLE_SURNAMES = V.SINGLE_SURNAMES


def _surname_len(text: str, p: int) -> int:
    """1 or 2 when a surname starts at ``p`` (compound surnames first), else 0."""
    if text[p:p + 2] in _COMPOUND_SURNAMES:
        return 2
    return 1 if p < len(text) and text[p] in _SINGLE_SURNAMES else 0


@lru_cache(maxsize=1)
def _follow_re() -> re.Pattern[str]:
    return re.compile(_trie_alt(V.FOLLOW_WORDS + V.ALL_TITLES + V.CLAUSE_VERBS))


def _boundary_at(text: str, i: int) -> bool:
    """True when a name may end just before ``i``."""
    if i >= len(text) or not _is_han(text[i]):
        return True
    if _follow_re().match(text, i) is not None:
        return True
    visit = _VISIT_HERE.match(text, i)
    # (the place between: nothing, a one-character short form, 我市, or a region's name; not 来陪同调研)
    return visit is not None and (len(visit.group(1)) < 2 or visit.group(1) in _region_names()
                                  or _OUR_PLACE.fullmatch(visit.group(1)) is not None)


_OUR_PLACE = re.compile("[我本][省市县区州盟旗]")


# 来 of a visit, with the place or its short form (某某来锦调研, 某某来兴安盟调研, 某某来调研)
_VISIT_HERE = re.compile("来([\u4e00-\u9fff]{0,4}?)(?:调研|考察|视察|指导|检查|慰问|交流|走访|参观|宣讲)")


# a character that cannot be in a given name: not Han, or a function character (V.NON_NAME_CHARS)
_NOT_GIVEN = re.compile("[^\u4e00-\u9fff]|[" + "".join(re.escape(c) for c in sorted(V.NON_NAME_CHARS)) + "]")


def _given_ok(given: str) -> bool:
    return _NOT_GIVEN.search(given) is None


def _given_class() -> str:
    """A character class of the characters :func:`_given_ok` accepts (Han, no function
    character), written as ranges, for patterns that test a given name in place."""
    stops = sorted(ord(c) for c in V.NON_NAME_CHARS if _is_han(c))
    ranges, lo = [], 0x4E00
    for cp in [*stops, 0xA000]:
        if lo < cp:
            ranges.append(f"{chr(lo)}-{chr(cp - 1)}" if cp - 1 > lo else chr(lo))
        lo = cp + 1
    return "[" + "".join(ranges) + "]"


def _common_given(text: str, p: int, n: int) -> bool:
    """Every given-name character of ``text[p:p+n]`` is a common given-name character."""
    return all(c in V.GIVEN_NAME_CHARS for c in text[p + _surname_len(text, p):p + n])


_MOTION_SURNAMES = frozenset("来回到")  # surnames that are also verbs of going (not 向: 向东平, 向春燕)


_SPEAKS = re.compile("说|表示|介绍|认为|建议|指出|坦言|告诉")


def _plausible(text: str, p: int, n: int, listed: bool = False) -> bool:
    """Not a common word that merely starts with a surname character, nor a place name (but
    ``listed`` names after a post may equal a district's short form)."""
    name = text[p:p + n]
    if any(text[p:p + k] in _NOT_NAMES for k in (2, 3)) and not (
            n == 3 and name not in _NOT_NAMES and name[2] in V.GIVEN_NAME_CHARS and _SPEAKS.match(text, p + 3)) \
            or name in V.CHIEF_POSTS:
        return False  # (林长, 河长: a post of the chief systems, 委员林长们, not a name; but 黄金凤说 is one)
    if name[0] in _MOTION_SURNAMES and name[1:] in _region_names():
        return False  # 带着学生来澜沧: a verb of going and a place, not the surname 来
    if n == 3 and name[-1] in "镇乡" and _TOWN_BODY.match(text, p + n):
        return False  # 周浦镇委员联络组, 周浦镇、张江镇等委员联络组: a town's bodies, no name
    return name not in _region_names() or (listed and name in _district_short_forms())


# what follows a town's name (after a list of towns: 、某镇…等) when it names the town's bodies
# (not 委员工作室: 李振乡委员工作室 is a member's, named after him)
_TOWN_BODY = re.compile("(?:、[\u4e00-\u9fff]{1,3}[镇乡])*等?"
                        "(?:委员联络组|委员之家|委员联络站|政协工作|党委|人民政府|政府)")


def _translit4(text: str, p: int) -> bool:
    """A four-character transliterated name starts at ``p`` (吉克石布, 沙马阿依): bounded after
    it, no function character, and mostly transliteration characters."""
    name = text[p:p + 4]
    return (len(name) == 4 and _given_ok(name[1:]) and _boundary_at(text, p + 4)
            and sum(c in V.TRANSLIT_NAME_CHARS for c in name[1:]) >= 2)


@lru_cache(maxsize=1)
def _clause_verb_re() -> re.Pattern[str]:
    return re.compile(_trie_alt(V.CLAUSE_VERBS))


def _clause_end(text: str, i: int) -> bool:
    """A punctuation mark, the end of the text or a speech/action verb at ``i``."""
    return i >= len(text) or not _is_han(text[i]) or _clause_verb_re().match(text, i) is not None


# function characters that are also common in given names (为民, 和平, 再明, 其昌, 之华, 全胜)
_SOFT_TO_PLAIN = str.maketrans({c: "明" for c in V.SOFT_NAME_CHARS})


def _translit_name(text: str, p: int) -> int:
    """Length of a transliterated name without a Han surname (扎西多吉, 格桑, 尔古阿呷) at ``p``:
    two to four transliteration characters ending on a clear boundary, not a dictionary word
    (加强, 合格), longest first.  A bounded longer reading that is a word stops the search: its
    prefix is no name either (买买提出席 is not 买买 before 提出)."""
    if text[p:p + 1] not in _TRANSLIT_CHARS:
        return 0  # no reading can start here
    for n in (4, 3, 2):
        name = text[p:p + n]
        if len(name) == n and all(c in _TRANSLIT_CHARS for c in name) \
                and (_LIST_ITEM_END.match(text, p + n) or _boundary_at(text, p + n)):
            if _word_not_name(name[:2]) or _common_word(name):
                return 0
            if _plausible(text, p, n):
                return n
    return 0



def _tibetan_name(text: str, p: int) -> int:
    """Length of a Tibetan name at ``p`` made of the syllables of :data:`V.TIBETAN_SYLLABLES`:
    two syllables (更登群培, 次仁卓嘎) or one and a final (卓玛措), ending on a clear boundary;
    0 when there is none.  It has no surname, so a Han reading from a surname character (洛桑才
    before 让) must give way to it."""
    if text[p:p + 2] not in V.TIBETAN_SYLLABLES:
        return 0
    for n in (4, 3):
        rest = text[p + 2:p + n]
        if not (rest in V.TIBETAN_SYLLABLES if n == 4 else rest in V.TIBETAN_FINALS):
            continue
        if _LIST_ITEM_END.match(text, p + n) or _boundary_at(text, p + n):
            return n if _plausible(text, p, n) else 0
    return 0


def _mongol_name(text: str, p: int) -> int:
    """Length of a Mongolian name at ``p`` made of one or two elements of
    :data:`V.MONGOLIAN_NAME_PARTS` or one and a final (娜仁托娅, 那顺, 敖日格乐, 乌力吉图), ending on
    a clear boundary; the longer reading first; 0 when there is none.  Only where the context says
    a name follows.

    >>> _mongol_name("副主席娜仁托娅一行来调研", 3), _mongol_name("主任那顺作讲座", 2), _mongol_name("乌兰浩特市", 0)
    (4, 2, 0)
    """
    for a in (4, 3, 2):
        if text[p:p + a] not in V.MONGOLIAN_NAME_PARTS:
            continue
        for b in (4, 3, 2, 1, 0):
            n = a + b
            if b > 1 and text[p + a:p + n] not in V.MONGOLIAN_NAME_PARTS \
                    or b == 1 and text[p + a:p + n] not in V.MONGOLIAN_FINALS:
                continue
            if (_LIST_ITEM_END.match(text, p + n) or _boundary_at(text, p + n)) and _plausible(text, p, n):
                return n
    return 0


def _yi_name(text: str, p: int) -> int:
    """Length of a Yi name at ``p``: a clan name (:data:`V.YI_CLAN_NAMES`: 阿说, 吉克) and one or
    two more characters, ending on a clear boundary (阿说拉则告诉…, 吉克伍沙还…); the longer
    reading first; 0 when there is none.  Only where the context says a name follows.

    >>> _yi_name("主席阿说拉则告诉记者", 2), _yi_name("委员吉克阿呷说", 2), _yi_name("阿尔山市", 0)
    (4, 4, 0)
    """
    if text[p:p + 2] not in V.YI_CLAN_NAMES:
        return 0
    for n in (4, 3):
        given = text[p + 2:p + n]
        # (a Yi given name may hold 日, 木, 火: not V.NON_NAME_CHARS, only particles end it)
        if len(given) != n - 2 or not all(_is_han(c) and c not in _YI_STOPS for c in given):
            continue
        if (_LIST_ITEM_END.match(text, p + n) or _boundary_at(text, p + n)) and _plausible(text, p, n):
            return n
    return 0


def _tibetan_single(text: str, p: int) -> int:
    """2 when a one-syllable Tibetan name (:data:`V.TIBETAN_SYLLABLES`: 达瓦, 边巴, 次旦) starts at
    ``p`` and ends on a clear boundary (a punctuation mark, a verb or particle: 达瓦在…, 边巴说),
    else 0.  Taken only where the context says a name follows (a post title, a resident word):
    alone, the syllable may start a longer word."""
    name = text[p:p + 2]
    if name not in V.TIBETAN_SYLLABLES or _word_not_name(name) or not _plausible(text, p, 2):
        return 0
    return 2 if _LIST_ITEM_END.match(text, p + 2) or _boundary_at(text, p + 2) else 0


_LONG_TRANSLIT_CHARS = _TRANSLIT_CHARS | V.MONGOLIAN_NAME_CHARS
# the first characters of every undotted reading after a title: a surname (single, or the first
# of a compound one), a transliteration character, a rare surname
_NAME_FIRSTS = (_LONG_TRANSLIT_CHARS | V.RARE_SURNAMES | _SINGLE_SURNAMES
                | {c[0] for c in _COMPOUND_SURNAMES})
# function characters that end a name rather than belong to it (巴特尔都参加, 卢丽莎和委员们)
_NAME_STOPS = frozenset("和与及都则等也就还又曾为对向在")
# what ends a Yi given name: those but 则 (common in Yi names: 拉则), and particles and 说
_YI_STOPS = (_NAME_STOPS - {"则"}) | frozenset("的了是着过说")


def _han_reading_ends(text: str, p: int, n: int) -> bool:
    """A Han name of common given-name characters starts at ``p`` and ends on a boundary
    before ``p + n`` (卢丽莎|和委员们, 马丽娜|都…): the longer reading is no name."""
    s = _surname_len(text, p)
    return bool(s) and any(k < n and _given_ok(text[p + s:p + k]) and _common_given(text, p, k)
                           and _boundary_at(text, p + k) for k in (s + 1, s + 2))


def _long_translit(text: str, p: int) -> int:
    """Length of a transliterated name of four to seven characters written without a dot
    (Mongolian 乌日根达来, 敖日格勒巴图, 巴音苏和) at ``p``, right after a strong post title:
    every character a transliteration character, the longest run ending on a clear boundary
    (a punctuation mark, a verb or particle: 牵头, 带队, 的); 0 when there is none.

    A function character inside it (and, 和 aside, at its end) stops it: 张三和李四 are two."""
    if text[p:p + 1] not in _LONG_TRANSLIT_CHARS:
        return 0  # no reading can start here
    for n in range(7, 3, -1):
        name = text[p:p + n]
        if len(name) != n or not all(c in _LONG_TRANSLIT_CHARS for c in name):
            continue
        end = p + n
        if any(c in _NAME_STOPS for c in name[2:-1]) or name[1] in _NAME_STOPS - {"和"}:
            continue  # 呼和巴特尔 keeps its 和; 巴特尔和巴图 is two names
        if name[-1] in _NAME_STOPS and not (name[-1] == "和" and _clause_end(text, end)
                                            or name[-1] == "和" and text.startswith(("的", "牵头", "作为"), end)):
            continue  # 苏和牵头, not 巴特尔和委员们
        if not (_LIST_ITEM_END.match(text, end) or _clause_end(text, end) or _boundary_at(text, end)):
            continue
        if _han_reading_ends(text, p, n) or _word_not_name(name[:2]) \
                or _common_word(name) and not _unlisted_place(name) or not _plausible(text, p, n):
            continue  # 主席强调…, a region name (乌兰浩特)
        if n >= 5 and _surname_len(text, p) and _adverb(name[-2:]):
            continue  # 副厅长汤雅琴多次到会: a Han name and an adverb
        return n
    return 0


def _rare_surname_name(text: str, p: int) -> int:
    """Length of a name with a rare minority surname (纳, 拜, 哈: :data:`V.RARE_SURNAMES`) at
    ``p`` after a strong title: one or two given-name characters ending on a boundary, each a
    common given-name character or the whole a name to jieba (纳秋菊介绍, not 纳入)."""
    if p >= len(text) or text[p] not in V.RARE_SURNAMES or _word_not_name(text[p:p + 2]) \
            or _dict_word(text[p:p + 2]):
        return 0  # 纳入, 东亚, 信誉: the surname and the next character make a word
    for n in (3, 2):
        given = text[p + 1:p + n]
        if len(given) != n - 1 or not _given_ok(given) or not _boundary_at(text, p + n) or _dict_word(text[p:p + n]):
            continue
        # (jieba may cut the surname off as a verb and still tag the given name a name: 折/向前)
        if all(c in V.GIVEN_NAME_CHARS or text[p] in V.DAI_PREFIXES and c in V.DAI_NAME_CHARS for c in given) \
                or _jieba_len(text, p) == n \
                or n == 3 and _pos_tag(given).startswith("nr"):
            return n if _plausible(text, p, n) else 0
    return 0

def _dict_word(word: str) -> bool:
    """``word`` is in jieba's dictionary, seen a few times at least, whatever its tag for two
    characters (the dictionary tags common words 公正, 拓宽, 松树 as names too); a name of three
    (丁海峰: the dictionary holds thousands) is no word.

    >>> _dict_word("公正"), _dict_word("丁海峰"), _dict_word("拓展")
    (True, False, True)
    """
    return _dict_freq(word) >= 3 and not (len(word) == 3 and _pos_tokenizer().word_tag_tab.get(word, "") == "nr")


_DOTS = V.NAME_DOTS + V.NAME_DOT_VARIANTS
_DOT_LABEL = str.maketrans({c: "·" for c in V.NAME_DOT_VARIANTS + "．."})
_DOT_KEY = str.maketrans({c: "·" for c in _DOTS + "．."})


def _dotted_part_ok(part: str) -> bool:
    """A part of a dotted name: no function character, mostly transliteration characters
    (not 委员风采·…, a column heading)."""
    return (0 < len(part) <= 7 and 2 * sum(c in _TRANSLIT_CHARS for c in part) >= len(part)
            and all(c in _TRANSLIT_CHARS or _given_ok(c) for c in part))  # 提, 都 of 买买提, 阿不都拉


def _dotted_last(text: str, i: int, cued: bool) -> int:
    """Length of the last part of a dotted name at ``i``: the longest run of transliteration
    characters that ends where a name may end (阿不都拉|主持, not 阿不|都拉); after a cue, a
    part with other characters ends at the first clear clause end."""
    run = 0
    while i + run < len(text) and run < 7 and text[i + run] in _TRANSLIT_CHARS:
        run += 1
    for n in range(run, 0 if cued else 1, -1):
        end = i + n
        if n >= 3 and _adverb(text[end - 2:end]):
            continue  # 吐尔逊特别|强调, 别克多次|提出: an adverb made of such characters
        if _LIST_ITEM_END.match(text, end) or _boundary_at(text, end) or _adverb(text[end:end + 2]):
            return n
    if cued:
        for n in range(1, 6):
            if i + n > len(text) or not _dotted_part_ok(text[i:i + n]):
                break
            if _LIST_ITEM_END.match(text, i + n) or _clause_end(text, i + n):
                return n
    return 0


def _adverb(word: str) -> bool:
    """A two-character dictionary word that may follow a name (特别, 再次, 多次, 依法)."""
    if len(word) != 2:
        return False
    if _word_not_name(word):
        return True
    return _dict_freq(word) >= 100 and _pos_tokenizer().word_tag_tab.get(word, "").startswith("m")


def _dotted_name(text: str, p: int, cued: bool = True) -> int:
    """Length of a transliterated name whose parts are joined by middle dots (买买提·吐尔逊,
    努尔兰・别克) starting at ``p``, or 0.  ``cued``: a title or a byline says a name starts
    at ``p``, so a full stop typed between the parts counts as a dot too."""
    dots = _DOTS + ("．." if cued else "")
    i, parts = p, 0
    while True:
        j = _HAN_RUN8.match(text, i).end()  # at most 8 Han characters from i
        if not (j + 1 < len(text) and text[j] in dots and _is_han(text[j + 1])):
            break
        if not _dotted_part_ok(text[i:j]) or (not cued and j - i < 2):
            return 0
        if not parts and (title := _title_re().match(text, i, j)) is not None and title.end() < j:
            return 0  # 副主席努尔兰・别克: the name starts after the title (which its cue gives)
        parts += 1
        i = j + 1
    if not parts:
        return 0
    n = _dotted_last(text, i, cued)
    if not n or not _dotted_part_ok(text[i:i + n]) or (not cued and n < 2):
        return 0
    return i + n - p


_OPEN_QUOTES = "“‘「『《〈\"'"
_CLOSE_QUOTES = "”’」』》〉\"'"


_HAN_RUN8 = re.compile("[\u4e00-\u9fff]{0,8}")
_DOT_BEFORE_HAN = re.compile(f"[{_DOTS}．.][\u4e00-\u9fff]")  # what every dotted name has


def dotted_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dotted transliterated names anywhere (由艾则孜·阿不都拉主持): every part made of
    transliteration characters, the first starting after a character that is not one, not
    inside quotation marks or 《》 (a brand or a column: “天山·雪莲”), and no part a division
    name (喀什·古城, 哈密·巴里坤).  The region recogniser skips the places inside them."""
    return list(_dotted_name_spans(text))


@lru_cache(maxsize=4)
def _dotted_name_spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`dotted_name_spans`, memoised for the few texts in hand: the region recogniser and
    four cues of this one ask for the same article's."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(f"[{_DOTS}]", text):
        d = m.start()
        if out and d < out[-1][1]:
            continue  # the second dot of a name already taken
        s = d
        while s > 0 and d - s < 7 and text[s - 1] in _TRANSLIT_CHARS:
            s -= 1
        if d - s < 2 or (s > 0 and text[s - 1] in _OPEN_QUOTES):
            continue
        n = _dotted_name(text, s, cued=False)
        if not n or text[s + n:s + n + 1] in _CLOSE_QUOTES or not all(
                c in _TRANSLIT_CHARS or c in _DOTS for c in text[s:s + n]):
            continue
        if any(part in _region_names() for part in re.split(f"[{_DOTS}]", text[s:s + n])):
            continue  # 喀什·古城, 哈密·巴里坤: a place and its sight
        out.append((s, s + n))
    return tuple(out)


def _dotted_names(doc: Doc) -> Iterator[Found]:
    for s, e in dotted_name_spans(doc.text):
        yield s, e, []


# 陪同 as the predicate that ends a clause (主任阎春和陪同调研。), not 陪同人员, 陪同调研的同志
_ACCOMPANIES = re.compile(r"陪同(?:调研|视察|考察|参观|出席|参加|检查)?(?=[。，,；;！!\n]|$)")


def name_length(text: str, p: int, strong: bool = False) -> int:
    """The length of the name starting at ``p``, or 0 when there is none.

    ``strong`` means the context already says a name must follow (a post title or a byline):
    then a name whose end is unclear is still taken (three characters, the usual length).

    >>> name_length("书记张宁的批示", 2)
    2
    >>> name_length("主席王建军告诉记者", 2)
    3
    >>> name_length("高质量发展", 0)
    0
    """
    s = _surname_len(text, p)
    if not s:
        return 0
    if strong and text[p + s + 1:p + s + 2] == "日" and text[p + s:p + s + 1] in V.GIVEN_NAME_CHARS \
            and _boundary_at(text, p + s + 2) and _given_ok(text[p + s]):
        return s + 2  # 副市长韩光日到会: 日 ends Korean given names (光日, 成日), never a date after a title
    options = [n for n in (s + 2, s + 1) if p + n <= len(text) and _given_ok(text[p + s:p + n])]
    valid = [n for n in options if _boundary_at(text, p + n)]
    if strong and s == 1 and _translit4(text, p) and (not valid or _LIST_ITEM_END.match(text, p + 4)):
        return 4  # 阿苏拉则， : a separator after the fourth character beats 则 after the third
    if valid == [s + 2, s + 1] and text[p + s + 1] in V.SOFT_NAME_CHARS and _clause_verb_re().match(text, p + s + 2):
        return s + 2  # 宋庆和率考察团: 和 then a clause verb, not 宋庆 and 和
    if valid == [s + 2, s + 1] and text[p + s + 1] == "来" and _VISIT_HERE.match(text, p + s + 1):
        return s + 2  # 主席王春来调研: 春来 is a given name before the visit itself
    if len(valid) == 1:
        n = valid[0]
        # 莫玉和参加: ending at 和 is only plausible when another name or noun follows it
        if n == s + 1 and p + n < len(text) and text[p + n] in V.SOFT_NAME_CHARS and (
                _clause_end(text, p + n + 1) or text[p + n + 1:p + n + 2] == "对"
                and not _dict_word(text[p + n + 1:p + n + 3]) or _ACCOMPANIES.match(text, p + n + 1)):
            return n + 1  # (李家和对这一行动…: 对 a preposition here; 王军和对口联系的委员: a word)
        return n
    if not valid:
        # 李为民出席, 刘再明在…: function characters common in given names, taken only when
        # the name then ends on a clear boundary and no plain reading does
        soft = [n for n in (s + 2, s + 1) if n not in options and p + n <= len(text)
                and _given_ok(text[p + s:p + n].translate(_SOFT_TO_PLAIN)) and _boundary_at(text, p + n)]
        if len(soft) == 1 and (strong or _jieba_len(text, p) == soft[0] or _clause_end(text, p + soft[0])):
            return soft[0]
    if valid or strong:
        j = _jieba_len(text, p)
        if j in options:
            return j
        if valid:
            return valid[0]
        # nothing says where it ends: only a name of usual given-name characters (not 记者来到丹竹镇)
        return next((n for n in options if _common_given(text, p, n)), 0)
    return 0


# ---------------------------------------------------------------------------------------------
# posts


def _post(title: str, kind: str, org: str = "", org_label: str = "", committee: str = "") -> dict[str, str]:
    return {"title": title, "kind": kind, "org": org, "org_label": org_label, "committee": committee}


def _committee_before(committees: Sequence[Mention], ts: int) -> Mention | None:
    """The last committee mention ending at or shortly before ``ts``."""
    for m in reversed(committees):  # the last one that qualifies is the first one from the end
        if m.end <= ts and ts - m.end <= 16:
            return m
    return None


def _han_run_before(text: str, ts: int, limit: int = 8) -> str:
    i = ts
    while i > 0 and ts - i < limit and _is_han(text[i - 1]):
        i -= 1
    return text[i:ts]


_ORG_HEAD = re.compile(r"(?:中共|中央|自治区|特别行政区|省|市|县|区|州|旗|盟)")


def _org_label(doc: Doc, ts: int, run: str) -> str:
    """The organisation written before a Party/government title: from the region mention (or
    the level word 自治区/省/市...) nearest the title, not the whole run of characters."""
    lo = ts - len(run)
    starts = [m.start for m in doc.mentions if m.cls == "AdministrativeRegion" and lo <= m.start < ts]
    starts += [lo + m.start() for m in _ORG_HEAD.finditer(run)]
    return doc.text[min(starts):ts] if starts else run[-4:]


def _committee_post(title: str, c: Mention | None, bare: bool = False) -> dict[str, str]:
    post = _post(title, "cppcc", c.key if c else "", c.label if c else "", c.key if c else "")
    if bare:
        post["bare"] = "1"
    return post


def _other_org(text: str, ts: int, run: str) -> tuple[str, str]:
    """(key, label) of a company or media outlet written before an 'other' title (董事长)."""
    from kg.recognise.organs import _company_name

    long_run = _han_run_before(text, ts, limit=20)
    if long_run.endswith(V.COMPANY_SUFFIXES + V.MEDIA_SUFFIXES):
        name = _company_name(long_run)
        if name:
            return f"org:{name}", name
    return "", run


def _jian_organ_start(text: str, ts: int) -> int:
    """Start of an organ name ending at ``ts`` right after 兼 and a title (秘书长兼|办公室|主任),
    or -1.  The 兼 is looked for in ``text[max(1, ts - 16):ts - 2]``, nearest first."""
    lo, hi = max(1, ts - 16), ts - 2
    if hi <= lo:
        return -1  # (and a negative end would count from the end of the text)
    while (k := text.rfind("兼", lo, hi)) >= 0:  # one C scan instead of a test per character
        j = k + 1
        if match_organ_at(text, j, before_title=True) == text[j:ts] and _title_ending(text, k) is not None:
            return j
        hi = k
    return -1


def _organ_after_jian(doc: Doc, ts: int, committees: Sequence[Mention]) -> tuple[Mention, str] | None:
    """(committee, organ) when the title at ``ts`` follows ``兼`` and an organ name and the post
    before 兼 is a CPPCC post."""
    text = doc.text
    j = _jian_organ_start(text, ts)
    if j < 0:
        return None
    first = _title_ending(text, j - 1)
    if first is None:
        return None
    post = post_before(doc, first.start(), first.group(), committees)
    if post["kind"] != "cppcc" or not post["committee"]:
        return None
    committee = next((c for c in committees if c.key == post["committee"]), None)
    return (committee, text[j:ts]) if committee is not None else None


def _title_ending(text: str, end: int) -> re.Match[str] | None:
    """The longest post title ending at ``end``."""
    pat = _title_re()
    for k in range(min(end, 8), 0, -1):
        m = pat.match(text, end - k)
        if m is not None and m.end() == end:
            return m
    return None


def _section_committee(doc: Doc, pos: int, committees: Sequence[Mention]) -> Mention | None:
    """In a digest made of 【region】 sections, the committee of the section ``pos`` lies in
    (政协委员某某 in the 【某县】 section is of 某县政协, not of the headline's city), when the
    article mentions it; None outside sections."""
    from kg.recognise import context

    for start, end, topic in context.section_regions(doc):
        if start <= pos < end:
            return next((c for c in committees if c.attrs.get("code") == topic[0]), None)
    return None


def _context_committee(doc: Doc, pos: int, committees: Sequence[Mention]) -> Mention | None:
    """:func:`context_committee` (the committee named before ``pos`` in its sentence, else the
    article's), with the section's committee before the article's."""
    return (_committee_in_sentence(doc, pos, committees, window=60) or _section_committee(doc, pos, committees)
            or context_committee(doc, pos, committees, same_sentence=False))


def post_before(doc: Doc, ts: int, title: str, committees: Sequence[Mention]) -> dict[str, str]:
    """The post a title at ``ts`` names, with the organisation written before it.

    Order of the tests: media roles (a credit is no post, whoever sends it); a post after 兼 or
    an organ after 兼; a committee (and its organ) right before the title; Party organisations
    (党委, 市委...); a bare organ name; a committee's short form; a region before a government
    title (自治区主席); a body of the committee in a list; a bare CPPCC title (the article's
    committee); a proposal's signer (a weak 委员 of the article's committee); anything else.
    """
    text = doc.text
    if ts > 1 and text[ts - 1] == "兼" and (first := _title_ending(text, ts - 1)) is not None:
        # 市政协副主席兼秘书长: the second post is held in the organisation of the first
        post = post_before(doc, first.start(), first.group(), committees)
        if post["kind"] == "cppcc" and post["committee"] and title in V.CPPCC_TITLES + V.ORGAN_TITLES:
            return {**post, "title": title}
        if post["kind"] in ("party", "government") and title in V.PARTY_TITLES + V.GOVERNMENT_TITLES:
            return {**post, "title": title}
    if title in V.MEDIA_TITLES:
        # a credit is no post, whoever sends it (河西区政协办公室供稿 某某, 县政协办公室 通讯员 某某)
        return _post(title, "media")
    if (jian := _organ_after_jian(doc, ts, committees)) is not None:
        committee, organ = jian  # 市政协秘书长兼办公室主任: an organ of the first post's committee
        return _post(title, "cppcc", organ_key(committee, organ), committee.label + organ, committee.key)
    c = _committee_before(committees, ts)
    if c is not None:
        mid = text[c.end:ts]
        if not mid or mid in ("原", "时任", "新任", "前任", "现任"):
            return _committee_post(title, c)
        organ = match_organ_at(text, c.end, before_title=True)
        if organ and c.end + len(organ) == ts:
            return _post(title, "cppcc", organ_key(c, organ), c.label + organ, c.key)
        if title in ("委员", "常委", "常务委员") and _QUALIFIER.fullmatch(mid) and not _NON_QUALIFIER.search(mid):
            return _committee_post(title, c)
    run = _han_run_before(text, ts)
    if run in _CONNECTIVES or _COUNTED.fullmatch(run) or title in V.BARE_CPPCC_TITLES and run.endswith(_VERB_ENDS):
        # 其中委员某某, 等5名委员, 会议委托副主席某某, 出席会议的副主席某某: a connective, a count or
        # a verb phrase, no organisation's name
        run = ""
    if title in _PARTY_ONLY or run.endswith(V.PARTY_ORG_SUFFIXES):
        return _post(title, "party", "", _org_label(doc, ts, run))
    for m in _bare_organ_re().finditer(text, max(0, ts - 20), ts):
        if m.end() == ts:
            cc = context_committee(doc, ts, committees)
            if cc is not None:
                name = m.group().removeprefix("政协")
                return _post(title, "cppcc", organ_key(cc, name), cc.label + name, cc.key)
    if run.endswith("政协") and title in V.CPPCC_TITLES:
        return _committee_post(title, _context_committee(doc, ts, committees))
    if title in V.GOVERNMENT_TITLES and (run.endswith(_GOV_PREFIX) or title.endswith(_GOV_ONLY)):
        return _post(title, "government", "", _org_label(doc, ts, run))
    if run in _OWN_BODIES and title in V.CPPCC_TITLES + V.ORGAN_TITLES and ts - len(run) > 0 \
            and text[ts - len(run) - 1] == "、" and (c := _committee_in_sentence(doc, ts, committees)) is not None \
            and c.start > max(text.rfind("、", 0, ts - len(run) - 1), text.rfind("，", 0, ts - len(run) - 1)):
        # 全国政协副主席某某、常委会副秘书长某某: a body of the committee of the post right before it
        # in the list (a body of another organisation is written with its owner: 人大常委会; after
        # 全国人大常委会副委员长某某、 a bare 常委会 is the NPC's)
        return _committee_post(title, c)
    if title in V.BARE_CPPCC_TITLES and (not run or run.endswith(_CPPCC_QUALIFIERS)
                                         or title in _MEMBER_TITLES and run.endswith(_MEMBER_QUALIFIERS)):
        return _committee_post(title, _section_committee(doc, ts, committees) or dominant_committee(committees, text),
                               bare=True)
    if title in _PROPOSER_TITLES and not run and committees:
        # （提案人：某某）: only members (and the parties and bodies of the committee, which are no
        # people) sign a CPPCC proposal, so a person signing one is a 委员 of the article's committee
        post = _committee_post("委员", _section_committee(doc, ts, committees) or dominant_committee(committees, text),
                               bare=True)
        return {**post, "fallback": "1"}  # (a committee named in his brackets wins: 提案人某某（市政协委员）)
    key, label = _other_org(text, ts, run)
    return _post(title, "other", key, label)


# words that may stand before a bare CPPCC title: 特邀委员, 港澳委员, 驻会副主席 ...
_CPPCC_QUALIFIERS = ("特邀", "港澳", "香港", "澳门", "台湾", "海外", "党外", "驻会", "常务", "界别", "党员", "无党派",
                     "专职", "兼职", "新任", "原", "时任", "老", "各位", "女", "青年", "少数民族", "民主党派", "政协")
# before 委员 only: a sector (经济界委员, 农业界委员) or a nationality (苗族委员, 黎族委员)
_MEMBER_QUALIFIERS = ("界", "族")
# a verb phrase before a bare title (会议委托副主席某某, 出席会议的副主席某某): no organisation's name
_VERB_ENDS = ("同意", "委托", "要求", "邀请", "安排", "推荐", "指定", "会议的", "出席的", "陪同", "听取", "由")
# a count before a bare title (等5名委员: the digits are no Han run, 名 is left)
_COUNTED = re.compile("[一二三四五六七八九十两几多]*名")
# words that link a clause and may stand right before a bare title (其中委员某某、某某等…)
_CONNECTIVES = frozenset({"其中", "另外", "此外", "同时", "还有", "包括", "以及", "比如", "例如", "譬如", "其次",
                          "首先", "并", "和", "与", "及", "如"})
# the committee's own bodies, written bare after a post of the committee in a list
_OWN_BODIES = frozenset({"常委会", "办公厅", "秘书处"})
_PARTY_ONLY = frozenset({"总书记", "党委书记", "党委副书记", "统战部部长", "党委委员"})
# a CPPCC proposal's signers (提案人：某某; 附议人：某某　某某)
_PROPOSER_TITLES = frozenset({"提案人", "提案者", "附议人"})


# ---------------------------------------------------------------------------------------------
# the cues


Found = tuple[int, int, list[dict[str, str]]]  # start, end, posts


def _opens_clause(text: str, committees: Sequence[Mention], ts: int) -> bool:
    """The committee written before the title at ``ts`` opens its clause (南宁市政协委员，…;
    作为省政协委员，…), unlike 当选为市政协委员，…"""
    c = _committee_before(committees, ts)
    if c is None:
        return False
    head = text[max(0, c.start - 2):c.start]
    return c.start == 0 or not _is_han(text[c.start - 1]) or head in ("作为", "身为")


_AS_MEMBER = re.compile("同为|作为|身为|也是|同是")
# media roles that are also plain words of a caption (图片来源, 视频号): credits only before a separator
_CREDIT_ONLY = frozenset({"图片", "视频", "摄像", "排版", "整理"})
_BYLINE_NAME_ENDS = ("", " ", "\u3000", "\n", "）", ")", "、", "，", ",")  # what ends a credited name
_ORGAN_ENDS = ("委员会", "办公室", "办公厅")  # what an organ's name ends in, before its 主任
_JIAN_NOTE = re.compile(r"[（(](?:兼|兼职|挂职)[）)]、$")  # a post held besides another, noted after it


_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _chain_before(doc: Doc, ts: int, titles: dict[int, re.Match[str]],
                  committees: Sequence[Mention]) -> list[dict[str, str]]:
    """The posts listed before a post, separated by 、 (市政协党组成员、秘书长某某): walk back
    from the start of the organisation written before ``ts`` while a title ends right before
    a 、."""
    text = doc.text
    out: list[dict[str, str]] = []
    k = ts
    if (j := _jian_organ_start(text, k)) >= 0:
        k = j  # 秘书长兼办公室主任: walk over the organ to 兼
    while k > 1 and text[k - 1] == "兼" and (first := titles.get(k - 1)) is not None:
        out.append(post_before(doc, first.start(), first.group(), committees))  # 副主席兼秘书长
        k = first.start()
    for _ in range(6):
        run = _han_run_before(text, k, limit=24)
        seg = k - len(run)
        if not out and (d := run.rfind("的")) > 0 and (member := _title_ending(text, seg + d)) is not None \
                and member.group() in _MEMBER_TITLES \
                and _AS_MEMBER.search(text, max(0, member.start() - 12), member.start()):
            # 同为全国政协委员的江西省政协副主席某某: a membership named before 的 (the run up to
            # 的 ends in its title), after 同为/作为/身为
            out.append(post_before(doc, member.start(), member.group(), committees))
            break
        for _ in range(2):  # 某5G通信设备企业, 某AI公司, 崇明“瀛洲米道”农业公司: Latin letters, digits
            j = seg           # and a quoted name inside the organisation
            while j > 0 and text[j - 1] in _ASCII_ALNUM:
                j -= 1
            if j == seg and j > 1 and text[j - 1] == "”" and 0 < (o := text.rfind("“", max(0, j - 12), j - 1)):
                j = o
            if j == seg or j == 0 or text[j - 1] in "、，,":
                break
            seg = j - len(_han_run_before(text, j, limit=24))
        if seg <= 0 or text[seg - 1] not in "、，,":
            break
        prev = titles.get(seg - 1)
        if prev is None and (jian := _JIAN_NOTE.search(text, max(0, seg - 5), seg)) is not None:
            prev = titles.get(jian.start())  # 县政协副主席（兼）、县工商联主席某某: the note aside
        if prev is None:
            break
        post = post_before(doc, prev.start(), prev.group(), committees)
        if text[seg - 1] != "、" and not (post["kind"] == "cppcc" and post["committee"]
                                          and prev.group() in ("委员", "常委", "常务委员")
                                          and _opens_clause(text, committees, prev.start())):
            break  # after a comma only a membership opening the clause (全国政协委员，某集团董事长某某)
        out.append(post)
        k = prev.start()
        if text[seg - 1] != "、":
            break
    return out


def _title_ends(text: str) -> dict[int, re.Match[str]]:
    """Title matches by their end (the longest at each end), for the chain walk."""
    ends: dict[int, re.Match[str]] = {}
    pat = _title_re()
    i = 0
    # the match at every offset where a title starts (overlapping ones too): search skips in C
    # to the next offset that matches, where it finds what pat.match(text, offset) would
    while (m := pat.search(text, i)) is not None:
        # the matches come in order of their starts, so the first one to end somewhere is the
        # longest there: a later one with the same end starts later
        ends.setdefault(m.end(), m)
        i = m.start() + 1
    return ends


_ORGAN_LABEL = re.compile(r"[\u4e00-\u9fff]{2,14}(?:委员会|委)")


def _merge_chain(post: dict[str, str], chain: list[dict[str, str]]) -> list[dict[str, str]]:
    """This post and the posts listed before it; a bare CPPCC title takes the committee of the
    CPPCC post before it (县政协党组副书记、副主席某某)."""
    cppcc = next((o for o in chain if o["kind"] == "cppcc" and o["committee"]), None)
    bare = bool(post.get("bare"))
    if cppcc is not None and bare:
        post = _post(post["title"], "cppcc", cppcc["committee"], cppcc["org_label"], cppcc["committee"])
    elif cppcc is not None and post["kind"] == "other" and _ORGAN_LABEL.fullmatch(post["org_label"]):
        # 县政协常委、农业农村委主任某某: the organ belongs to the committee of the chain
        committee = cppcc["committee"]
        post = _post(post["title"], "cppcc", f"organ:{committee.partition(':')[2]}/{post['org_label']}",
                     cppcc["org_label"] + post["org_label"], committee)
    # 县政协常委、农业界委员某某: the bare membership repeats the chain's, whose post says more
    # (the first CPPCC post names the role of the memberOf relation)
    posts = chain + [post] if cppcc is not None and bare and post["title"] in _MEMBER_TITLES \
        else [post] + chain
    return [{k: v for k, v in p.items() if k != "bare"} for p in posts]


def _committee_in_sentence(doc: Doc, ts: int, committees: Sequence[Mention], window: int = 80) -> Mention | None:
    """The last committee named in the sentence of ``ts`` before it (within ``window``
    characters where no sentence holds ``ts``), or None."""
    sent = doc.sentence_at(ts)
    lo = sent.start if sent else max(0, ts - window)
    return next((c for c in reversed(committees) if lo <= c.start and c.end <= ts), None)


def _sentence_committee_post(doc: Doc, ts: int, post: dict[str, str],
                             committees: Sequence[Mention]) -> dict[str, str]:
    """A bare CPPCC title (，副主席某某；党组副书记某某) belongs to the committee named earlier in
    its sentence (省政协主席某某，副主席某某), else to the article's committee."""
    c = _committee_in_sentence(doc, ts, committees)
    if c is not None:
        return {**_post(post["title"], "cppcc", c.key, c.label, c.key), "bare": "1"}
    return post


_PADDED = re.compile(r"[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff](?=[\s）)]|$)")


# titles whose characters also end other words, and the characters before them that make those
# words (集团长…, 兵团长…; 厨师长, 老师长, 教师长…)
_INSIDE_WORDS = {"团长": "集兵", "副团长": "集兵", "师长": "厨老教律医护技程", "副师长": "厨老教律医护技程"}


def _after_titles(doc: Doc, committees: Sequence[Mention]) -> Iterator[Found]:
    """Names right after a post title, with the names listed after the first one."""
    text = doc.text
    ends = _title_ends(text)
    committee_ends = {c.end for c in committees}
    # a dotted name needs a dot (or, after a title, a full stop) before a Han character
    dots = _DOT_BEFORE_HAN.search(text) is not None
    quoted: bytearray | None = None  # _in_short_quotes, made when first needed
    for _end, m in sorted(ends.items()):
        title = m.group()
        if title in _INSIDE_WORDS and text[m.start() - 1:m.start()] in _INSIDE_WORDS[title]:
            continue  # 该集团长江航运, 某酒店厨师长: the title's characters end another word
        p = m.end()
        c = text[p:p + 1]
        if c in _SEP_FIRSTS:  # (most titles are followed by a Han character: no regex call)
            p = _SEP.match(text, p).end()
            if title in V.MEDIA_TITLES and (org := _BYLINE_ORG_GAP.match(text, p)) and _byline_org(org.group(1)):
                p = org.end()  # 作者：省政协新闻中心 某某: the sending organ, a space, the name
        elif c in _IS_FIRSTS and (is_ := _IS.match(text, p)):
            p = is_.end()
        elif c in "（(" and (aside := _ASIDE.match(text, p)):
            p = aside.end()  # 副主席（民盟某市委会主委）某某: the post's note between it and the name
        elif c == "的" and (title in _MEMBER_TITLES or title in V.CPPCC_TITLES and _held_before(text, m.start())):
            # 同为县政协委员、市政协委员的某某; 1998年至2008年任市政协主席的某某
            yield from _member_de_name(doc, m, ends, committees)
            continue
        if title in _CREDIT_ONLY and p == m.end():
            continue  # 图片来源：…: 图片 is a credit's role only with a colon or a bar after it
        if (k := _tibetan_name(text, p) or _tibetan_single(text, p) or _yi_name(text, p) or _mongol_name(text, p)):
            # 主任次仁卓嘎表示, 主席洛桑才让介绍 (not 洛桑才); 委员达瓦在…: one syllable; 主席阿说拉则
            posts = _posts_of(doc, m.start(), title, ends, committees)
            yield p, p + k, posts
            yield from _listed_after(text, p + k, posts)
            continue
        if dots and p < len(text) and (k := _dotted_name(text, p)):  # 副主席买买提·吐尔逊, 负责人阿依古丽·托合提
            posts = _posts_of(doc, m.start(), title, ends, committees)
            yield p, p + k, posts
            yield from _listed_after(text, p + k, posts)
            continue
        if p >= len(text) or text[p] not in _NAME_FIRSTS:
            continue  # no reading below can start here (most titles: 委员会, 主席团, 书记处...)
        if title == "党员" and _title_re().match(text, p):
            continue  # 中共党员常委: the standing of the members of the next title, no name
        # 县委书记, 党委书记 (a party committee's secretary) is a post as plain as 县长: a name follows;
        # so does 委员 or 常委 right after a committee's name (县政协委员某某经营着…), and 主任 right
        # after an organ's (市政协文史委员会主任某某)
        strong = title not in _WEAK_TITLES or p > m.end() or title == "书记" and text[m.start() - 1:m.start()] == "委" \
            or title in _MEMBER_TITLES and (m.start() in committee_ends or text[m.start() - 1:m.start()] == "的"
                                            and m.start() - 1 in committee_ends) \
            or title == "主任" and text.endswith(_ORGAN_ENDS, 0, m.start())
        # (来自某县政协的委员某某说: a committee's member, as strong as 某县政协委员某某)
        # a weak title whose chain of posts holds a membership says a name follows as well
        # (区政协常委、某律师事务所主任虎某某说): a rare surname may open it
        chained = title in _WEAK_TITLES and p == m.end() and p < len(text) and text[p] in V.RARE_SURNAMES \
            and _chained_membership(_posts_of(doc, m.start(), title, ends, committees))
        if (title not in _WEAK_TITLES or strong and p == m.end() or chained) and (
                (k := _long_translit(text, p)) or not _surname_len(text, p) and (
                    (k := _translit_name(text, p)) or (k := _rare_surname_name(text, p)))):
            # 盟政协主席乌日根达来, 主席巴音苏和牵头: a long undotted name beats a Han reading;
            # 副主席纳秋菊: a rare surname, only after a strong title
            posts = _posts_of(doc, m.start(), title, ends, committees)
            yield p, p + k, posts
            yield from _listed_after(text, p + k, posts)  # 副主席纳秋菊、张三
            continue
        if p >= len(text) or not _surname_len(text, p):
            continue
        padded = _PADDED.match(text, p) if title in V.MEDIA_TITLES and p > m.end() else None
        if padded:  # 记者 江 玮: a two-character name padded to the width of three
            posts = [post_before(doc, m.start(), title, committees)]
            yield p, padded.end(), posts
            yield from _listed_after(text, padded.end(), posts)
            continue
        li = _list_item(text, p)
        n = li if li and text.startswith("、", p + li) else name_length(text, p, strong=strong)
        if not n and not strong and text[p] in _SINGLE_SURNAMES and _chained_membership(
                _posts_of(doc, m.start(), title, ends, committees)):
            # 县政协常委、农业界委员某某种茶…: the chain of posts says a person follows, so the
            # name is taken where its end is unclear, if it is no dictionary word
            n = name_length(text, p, strong=True)
            if n and (_dict_word(text[p:p + n]) or n == 2 and _jieba_len(text, p) != n):
                continue  # (委员向大会提交: 向大 is no name; a two-character one jieba must read so)
        # (a byline's name may be a district's short form: 通讯员：某区政协办公室　文峰)
        if not n or not _plausible(text, p, n, listed=title in V.MEDIA_TITLES):
            continue
        if not strong and _jieba_len(text, p) != n and not _common_given(text, p, n):
            continue  # 委员为国履职: after a weak title the name must look like one
        if (not strong or title in _MEMBER_TITLES) and text[p + n:p + n + 1] in _WEAK_ENDS \
                and _dict_word(text[p:p + n]):
            continue  # 委员师生是…: a word, not a name, before 是 or 已 (whatever jieba's tag)
        if (title in _MEMBER_TITLES or title == "主任") and strong and p == m.end() and (
                _dict_word(text[p:p + n]) or n == 2 and _jieba_len(text, p) != n):
            continue  # a weak title made strong by what precedes it (市政协委员向大会提交): no word
        if title not in V.MEDIA_TITLES and _word_not_name(text[p:p + 2]) and _jieba_len(text, p) != n \
                and not (n == 3 and text[p + 2] in V.GIVEN_NAME_CHARS and _SPEAKS.match(text, p + 3)):
            continue  # 主席强调，…: a verb after the title, no name (负责人黄金凤说 is one)
        if title in V.MEDIA_TITLES and _dict_word(text[p:p + n]) and _jieba_len(text, p) != n \
                and text[p + n:p + n + 1] not in _BYLINE_NAME_ENDS:
            continue  # 记者：明年“X”品牌…: an interview's question goes on, a byline's name stands alone
        if title in _MEMBER_TITLES and (quoted := quoted or _in_short_quotes(text))[m.start()] and quoted[p + n - 1]:
            continue  # “澳肇委员连心桥”: the title and what follows it are a quoted name's words
        posts = _posts_of(doc, m.start(), title, ends, committees)
        yield p, p + n, posts
        # (附议人：某某　某某　某某: after a title and a colon, names separated by spaces too)
        yield from _listed_after(text, p + n, posts, spaced=p > m.end() and text[m.end()] in "：:")


# residents named by what they are (村民某某家种了…, 果农某某说): non-members with no post
_RESIDENT = re.compile(  # (种植大户: a title)
    "(?:村民|居民|农户|果农|菜农|茶农|药农|花农|烟农|棉农|蔗农|林农|瓜农|渔民|牧民|寨老)(?:代表)?")
# a company's workers, students, citizens quoted by name (挤压工人某某说, 学员某某说): a name only
# when a speech or action verb follows it (员工通勤, 职工群众, 学生宿舍 are no names)
# family (其夫人某某，儿子某某、女儿某某): named, no post
_FAMILY = ("夫人", "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲")
_WORKER = re.compile("|".join(("工人", "职工", "员工", "学员", "学生", "大学生", "市民", "游客", "志愿者", "网友",
                               "经营户", "个体户", "商户", "绣娘",
                               "青年") + _FAMILY))  # 香港青年某某，如今… (青年委员, 青年才俊: no surname after)


# words for an old resident after his name (村民某某老人说)
_ELDER = ("老人", "老汉", "大爷", "大娘", "阿妈", "阿爸")
_ELDER_ENDS = (*_ELDER, "大妈", "大婶", "大叔", "大哥", "大姐", "大嫂", "奶奶", "爷爷")  # what no given name ends in


def _residents(doc: Doc) -> Iterator[Found]:
    """``村民某某家种了三亩稻``, ``果农某某告诉记者``: a resident word, then a name that ends on a
    clear boundary or before 家 (his household) and looks like one (common given-name
    characters or jieba's reading); ``工人某某说``: a worker's, student's or citizen's word, then
    a name closed by a speech or action verb.  None of them is given a post."""
    text = doc.text
    for m in _RESIDENT.finditer(text):
        p = m.end()
        if _dict_word(text[p - 1:p + 1]):
            continue  # 全村民宿入住率: 民宿 (a homestay), no resident
        if (k := _tibetan_name(text, p) or _tibetan_single(text, p) or _yi_name(text, p)
                or (text[p:p + 2] in V.TIBETAN_SYLLABLES and text.startswith(_ELDER, p + 2) and 2)):
            yield p, p + k, []  # 牧民次仁多吉说, 村民边巴老人拉着…: a Tibetan or Yi name has no Han surname
            continue
        if p < len(text) and text[p] in V.RARE_SURNAMES and not _surname_len(text, p):
            # 村民纳某某告诉记者: a rare surname right after the resident word, the name closed by
            # a speech or action verb (not 村民纳入…: the surname and the next character a word)
            k = _rare_surname_name(text, p) or next(
                (n for n in (3, 2) if _given_ok(text[p + 1:p + n]) and _clause_end(text, p + n)
                 and not _dict_word(text[p:p + 2]) and not _word_not_name(text[p:p + 2])), 0)
            if k:
                yield p, p + k, []
            continue
        if p >= len(text) or not _surname_len(text, p) or _word_not_name(text[p:p + 2]):
            continue
        s = _surname_len(text, p)
        # 家 or 老人 right after says where the name ends (黄阿妹家: 阿 is no common given-name
        # character; 王阿根老人)
        # (not an elder's word itself: 王大娘家 is Mrs Wang's household, no name 王大娘)
        n = next((k for k in (s + 2, s + 1)
                  if text.startswith(("家", *_ELDER), p + k) and _given_ok(text[p + s:p + k])
                  and not text[p + s:p + k].endswith(_ELDER_ENDS)), 0)
        if not n:
            n = name_length(text, p)
            # (a speech verb right after three characters closes a name of rarer ones: 村民楼阿根说)
            if n and not (_common_given(text, p, n) or _jieba_len(text, p) == n
                          or n == s + 2 and _clause_end(text, p + n)):
                continue
            if not n and _jieba_len(text, p) == s + 2 and _common_given(text, p, s + 2):
                n = s + 2  # 居民孙德福拿着…: jieba's name of common given-name characters, whatever follows
        if not n or not _plausible(text, p, n) or _dict_word(text[p:p + n]) \
                or text[p + s:p + n].endswith(_ELDER_ENDS):
            continue  # (菜农刘大娘说: Granny Liu, no name)
        yield p, p + n, []
    for m in _WORKER.finditer(text):
        p = m.end()
        n = _surname_len(text, p) and name_length(text, p, strong=True)
        # (a relative is introduced by name whatever follows: 丈夫某某是…, 女儿某某今年考上…)
        ended = n and (_clause_end(text, p + n) or m.group() in _FAMILY and not _dict_word(text[p:p + 2]) and (
            _boundary_at(text, p + n) or _jieba_len(text, p) == n and _common_given(text, p, n)))
        if ended and _plausible(text, p, n) and not _dict_word(text[p:p + n]):
            yield p, p + n, []


# a personnel notice (人事任免): lines of names with gender and party under a header saying what
# they become (增补下列6人为政协某市委员会委员：¶某某（男，中共党员，…）), and decisions naming
# a person after their verb (任命某某为…主任, 免去某某的…职务, 接受某某辞去…)
_GENDER_LINE = re.compile(r"(?m)^[ \t\u3000]*(?=[\u4e00-\u9fff]{2,4}[（(][男女][，,、）)])")
_DECISION = re.compile("决定任命|任命|免去|接受|撤销|增补|增选|推选|选举|同意|由")
# what must follow the name after each verb (接受某某辞去…, 免去某某的…职务, 由某某担任): not
# 接受齐鲁网的专访, 由原来的两天
_DECISION_AFTER = {"决定任命": ("为",), "任命": ("为",), "增补": ("为", "等"), "增选": ("为", "等"), "推选": ("为",),
                   "选举": ("为",),
                   "同意": ("为", "辞去"), "免去": ("的",), "撤销": ("的",), "接受": ("辞去",),
                   "由": ("担任", "出任", "兼任")}


_POST_ENDED = re.compile(r"[^。；;\n]*?(?:职务|资格)")  # (used with match: anchored at pos)


def _personnel(doc: Doc, committees: Sequence[Mention]) -> Iterator[Found]:
    text = doc.text
    pat = _title_re()
    for m in _GENDER_LINE.finditer(text):
        p = m.end()
        n = _dotted_name(text, p) or name_length(text, p, strong=True)
        if not n or text[p + n:p + n + 1] not in "（(" or not _plausible(text, p, n):
            continue
        yield p, p + n, _header_posts(doc, p, pat, committees)
    for m in _DECISION.finditer(text):
        p = m.end()
        n = (_mongol_name(text, p) or _tibetan_name(text, p)  # 选举敖日格乐为…: no surname
             or _surname_len(text, p) and name_length(text, p, strong=True))
        q = p + n + 2 if n and text.startswith("同志", p + n) else p + n  # 选举某某同志为…
        if not n or not text.startswith(_DECISION_AFTER[m.group()], q) or not _plausible(text, p, n):
            continue
        if text.startswith("的", q) and not _POST_ENDED.match(text, q, q + 40):
            continue  # 免去某某的…职务: a post ended, not 撤销…的 anything
        posts: list[dict[str, str]] = []
        if text.startswith("等", q):  # 增选某某等5人为…常务委员: the count before the post
            at = text.find("为", q, q + 8)
            q = at if at >= 0 else q  # (no 为: a name listed, no post said)
        if text.startswith("为", q):  # 任命某某为政协某市委员会经济委员会主任: the post it gives
            end = _CLAUSE_MARKS.search(text, q)
            titles = list(pat.finditer(text, q, end.start() if end else len(text)))
            if titles:
                posts = [post_before(doc, titles[-1].start(), titles[-1].group(), committees)]
        yield p, p + n, posts


def _header_posts(doc: Doc, p: int, pat: re.Pattern[str], committees: Sequence[Mention]) -> list[dict[str, str]]:
    """The post that the header of a list of names gives (增补下列6人为政协某市委员会委员：): the
    header is the line ending in a colon right above the list's lines."""
    text = doc.text
    start = text.rfind("\n", 0, p) + 1
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev:start - 1].strip()
        if line.endswith(("：", ":")):
            titles = list(pat.finditer(text, prev, start - 1))
            return [post_before(doc, titles[-1].start(), titles[-1].group(), committees)] if titles else []
        if not _GENDER_LINE.match(text, prev):
            return []
        start = prev
    return []


# a list of names after a heading of minutes (出　席：某某　某某, 请　假：某某（…）, 记　录：某某)
_ATTENDANCE = re.compile(r"(?m)^[ \t\u3000]*(?:出|列|缺)[ \t\u3000]*席[ \t\u3000]*[:：]|"
                         r"^[ \t\u3000]*(?:请[ \t\u3000]*假|记[ \t\u3000]*录|主[ \t\u3000]*持)[ \t\u3000]*[:：]")
_ITEM_SEP = re.compile("[ \u3000、，,；;]{1,3}")


def _attendance(doc: Doc) -> Iterator[Found]:
    """The bare names of a minutes' attendance lists, each standing alone between separators (a
    name with a title before it is the title cues' business)."""
    text = doc.text
    for m in _ATTENDANCE.finditer(text):
        q = m.end()
        line_end = text.find("\n", q)
        line_end = len(text) if line_end < 0 else line_end
        while q < line_end:
            gap = _ITEM_SEP.match(text, q)
            p = gap.end() if gap else q
            n = _surname_len(text, p) and name_length(text, p, strong=True)
            if n and (p + n >= line_end or not _is_han(text[p + n])) and _plausible(text, p, n):
                yield p, p + n, []
                q = p + n
                continue
            nxt = _ITEM_SEP.search(text, p, line_end)  # an item with a title: skip to the next one
            if nxt is None:
                break
            q = nxt.start()


# a table laid out in text (columns a tab or two spaces apart; an HTML table's cells, tab-separated):
# a header row with a 姓名 column among other short column names, then one row per person
_TABLE_HEADER = re.compile(r"(?m)^[ \t\u3000]*(?:[^\s，。；：:,;]{1,8}(?:\t|[ \u3000]{2,}))*姓[ \u3000]?名"
                           r"(?:(?:\t|[ \u3000]{2,})[^\s，。；：:,;]{1,8})+[ \t\u3000]*$")
_CELL = re.compile(r"[^\t \u3000]+(?:[ \u3000][^\t \u3000]+)*")  # (one space may stand inside a cell)
_MEMBER_COLUMNS = ("界别", "委员类别", "所在界别")  # a column only a CPPCC member has
# a caption saying the table lists members (积分排名前二十名委员, 委员名单), not people they serve
# (县政协委员结对帮扶困难户名单)
_MEMBERS_CAPTION = re.compile(r"委员(?:名单|情况|一览表?|积分[^\n]{0,6})?[：:]?$")


def _name_column(doc: Doc, committees: Sequence[Mention]) -> Iterator[Found]:
    """The names in a text table's 姓名 column (序号  姓名  界别  积分 ¶ 1  某某  经济界  98.5), each
    cell a name alone.  When the table lists members (a 界别 column, or 委员 in the line above the
    header: 积分排名前二十名委员) they are members of the article's committee, as a proposal's
    signers are."""
    text = doc.text
    for h in _TABLE_HEADER.finditer(text):
        cells = [c.group().replace(" ", "").replace("\u3000", "") for c in _CELL.finditer(h.group())]
        if "姓名" not in cells or len(cells) < 2:
            continue
        col = cells.index("姓名")
        above = text[max(0, h.start() - 400):h.start()].rstrip().rpartition("\n")[2].strip()  # the caption
        members = committees and (any(c in _MEMBER_COLUMNS for c in cells) or bool(_MEMBERS_CAPTION.search(above)))
        posts: list[dict[str, str]] = []
        if members:
            post = _committee_post("委员", dominant_committee(committees, text), bare=True)
            posts = [{**post, "fallback": "1"}]
        q = h.end() + 1
        while q < len(text):
            end = text.find("\n", q)
            end = len(text) if end < 0 else end
            row = list(_CELL.finditer(text, q, end))
            if len(row) < 2 or abs(len(row) - len(cells)) > 1:
                break  # the table has ended (a blank line, a paragraph)
            if col < len(row):
                cell = row[col]
                p, n = cell.start(), cell.end() - cell.start()
                if 2 <= n <= 4 and _surname_len(text, p) and name_length(text, p, strong=True) == n \
                        and _plausible(text, p, n):
                    yield p, p + n, posts
            q = end + 1


_CALLED = re.compile("名叫|叫做|叫")
_PLACE_ENDS = frozenset("湾村沟寨坎城山镇乡屯岭坡河湖庄堡坪塘岗冲坝峪洼")  # what a village's name ends in
# who a name introduced with 叫…的 may be (叫某某的老人): a person, whatever the name ends in
_PERSON_NOUNS = ("老人", "老汉", "老大爷", "大爷", "大娘", "阿姨", "村民", "农民", "牧民", "果农", "茶农", "菜农",
                 "渔民", "妇女", "姑娘", "女孩", "小伙", "青年", "学生", "孩子", "委员", "干部", "医生", "老师", "人")


def _called(doc: Doc) -> Iterator[Found]:
    """``一位叫某某的老人``, ``名叫某某的牧民``: a name between 叫 and 的 (a Yi, Tibetan or Han
    reading), with no post: the text introduces someone by name."""
    text = doc.text
    for m in _CALLED.finditer(text):
        p = m.end()
        k = _yi_name(text, p) or _tibetan_name(text, p) or name_length(text, p, strong=True)
        if k and text.startswith("的", p + k) and _plausible(text, p, k) and not _dict_word(text[p:p + k]) \
                and (text[p + k - 1] not in _PLACE_ENDS or text.startswith(_PERSON_NOUNS, p + k + 1)):
            yield p, p + k, []  # (not 一个叫柳树湾的小山村: a place; but 名叫丁大山的果农)


def _chained_membership(posts: list[dict[str, str]]) -> bool:
    """A CPPCC membership of a committee among the posts listed before the last one."""
    return any(p["kind"] == "cppcc" and p["committee"] for p in posts[1:])


_MEMBER_TITLES = frozenset({"委员", "常委", "常务委员"})
_WEAK_ENDS = ("是", "已")  # they end a name (V.FOLLOW_WORDS) but follow any noun as well
_BYLINE_ORG_GAP = re.compile(r"([\u4e00-\u9fff]{3,16})[ \t\u3000]+(?=[\u4e00-\u9fff])")


_CLAUSE_MARKS = re.compile(r"[，,。；;！？!?\n]")


_HELD = re.compile("(?<![主责信])(?:曾|时|历|担|出|兼)?任(?![务何])")


def _held_before(text: str, ts: int) -> bool:
    """Does the clause before a title at ``ts`` say the post was held (任, 担任, 时任, 曾任; not
    主任, 责任, 任务)?"""
    lo = max(0, ts - 24)
    cut = [m.end() for m in _CLAUSE_MARKS.finditer(text, lo, ts)]
    return _HELD.search(text, cut[-1] if cut else lo, ts) is not None


def _member_de_name(doc: Doc, m: re.Match[str], ends: dict[int, re.Match[str]],
                    committees: Sequence[Mention]) -> Iterator[Found]:
    """``同为县政协委员、市政协委员的某某则…``: a CPPCC membership, 的, then a name that ends on a
    clear boundary and looks like one (jieba's reading or common given-name characters).  The
    memberships say a person follows, so a three-character name may start with a word that
    is no name on its own (白金 of 白金玉 before 则)."""
    text = doc.text
    q = m.end() + 1
    n = name_length(text, q)
    if not n or n != _surname_len(text, q) + 2 and _jieba_len(text, q) != n:
        return  # a two-character reading only when jieba sees a name: 委员的王牌…
    name = text[q:q + n]
    if not (_jieba_len(text, q) == n or _common_given(text, q, n)) or _dict_word(name) \
            or name in _NOT_NAMES or name in _region_names() or (n == 2 and _word_not_name(name)):
        return  # 委员的严重性在…, 委员的乌托邦: a dictionary word, whatever jieba's tag
    # (the chain of posts is walked only for a name: most 委员的 are followed by none)
    posts = _posts_of(doc, m.start(), m.group(), ends, committees)
    if not any(p["kind"] == "cppcc" and p["committee"] for p in posts):
        return
    yield q, q + n, posts
    yield from _listed_after(text, q + n, posts)


def _posts_of(doc: Doc, start: int, title: str, ends: dict[int, re.Match[str]],
              committees: Sequence[Mention]) -> list[dict[str, str]]:
    """The posts a title at ``start`` gives the name after it: the title's own (a bare title's
    committee from its sentence) merged with the chain of titles before it."""
    post = post_before(doc, start, title, committees)
    if post.get("bare"):
        post = _sentence_committee_post(doc, start, post, committees)
    return _merge_chain(post, _chain_before(doc, start, ends, committees))


_PAREN_BYLINE = re.compile(r"(?:本报讯|讯|电)[ \u3000]?[（(]([^（()）\n]{2,24})[）)]"
                           r"|[（(]([^（()）\n]{2,30})[）)](?=\s*(?:\n|$))"
                           # a credit line of its own: 文/图 市政协办公室 某某
                           r"|(?m:^[ \t\u3000]*([^\n（()）。，！？；]{4,30}?)[ \t\u3000]*$)")
# where a match of _PAREN_BYLINE can start: its first two alternatives open with one of these
# characters, the third at a line start
_PAREN_FIRST = re.compile("[本讯电（(]")
_PART_SPLIT = re.compile(r"[、,，\s：:]+")


def _paren_byline_matches(text: str) -> Iterator[re.Match[str]]:
    """``_PAREN_BYLINE.finditer(text)``, without trying the pattern at every character: its
    matches start at an opening character of the first two alternatives or at a line start
    (the third), so the pattern is tried at those offsets only, left to right, each from the
    end of the last match on, as finditer would."""
    starts = [m.start() for m in _PAREN_FIRST.finditer(text)]
    line = 0
    while line >= 0:
        starts.append(line)
        line = text.find("\n", line) + 1 or -1
    end = 0
    for i in sorted(set(starts)):
        if i >= end and (m := _PAREN_BYLINE.match(text, i)) is not None:
            yield m
            end = m.end()


# words that credit the source of a text before the organisation (来源：县政协办公室 某某)
_CREDIT_WORDS = frozenset({"来源", "稿件来源", "信息来源", "投稿", "供稿单位"})


def _byline_org(part: str) -> bool:
    """An organisation credited in a byline (市政协办公室, 县委宣传部, 某县融媒体中心)."""
    # the cheap word tests first (most parts are no organisation), the character test last
    return 3 <= len(part) <= 16 and ("政协" in part or part.endswith(_BYLINE_ORG_ENDS)) \
        and _HAN_ONLY.fullmatch(part) is not None


_BYLINE_ORG_ENDS = V.FIXED_ORGANS + V.MEDIA_SUFFIXES + V.PARTY_ORG_SUFFIXES + ("中心", "委员会", "办公室", "宣传部")
_HAN_ONLY = re.compile("[\u4e00-\u9fff]*")


def _paren_bylines(doc: Doc) -> Iterator[Found]:
    """``本报讯（某某）``, ``新华社…电（某某、某某）`` and a parenthesised name list closing a
    paragraph: each part must be a whole name that jieba agrees with.  Media roles and the
    organisation that sent the text may stand before the names (``（文/图 市政协办公室 某某）``,
    ``（某县政协办公室 供稿 通讯员 买买提·吐尔逊）``, also on a line of its own): then the names
    need no more, and a role may follow them (``（县政协办公室 某某 供稿）``)."""
    text = doc.text
    for m in _paren_byline_matches(text):
        g = m.lastindex  # the one group of the alternative that matched
        lo = m.start(g)
        parts = [x for x in _PART_SPLIT.split(m.group(g)) if x]
        if g == 3 and not (parts and (parts[0] in V.MEDIA_TITLES or parts[0] in _CREDIT_WORDS
                                      or _byline_org(parts[0]))):
            continue  # a line of its own must open with a role or an organisation
        pos = lo
        spans: list[tuple[int, int]] = []
        credited = False  # a role or an organisation before the names
        title = "记者"
        for part in parts:
            i = text.find(part, pos)
            pos = i + len(part)
            credit = part in V.MEDIA_TITLES or part in _CREDIT_WORDS or _byline_org(part)
            if not spans and credit:
                credited = True
                if part in V.MEDIA_TITLES:
                    title = part
                elif title == "记者":
                    title = "供稿"
                continue
            if spans and credited and part in V.MEDIA_TITLES:
                break  # 某某 供稿: a role after the names ends them
            if credited and len(part) in (_dotted_name(text, i), _tibetan_name(text, i)):  # （编辑：尕藏措毛）
                spans.append((i, i + len(part)))
                continue
            if not (2 <= len(part) <= 4) or len(part) not in (name_length(text, i, strong=True),
                                                               _rare_surname_name(text, i)) \
                    or (g == 2 and not credited and _jieba_len(text, i) != len(part)) \
                    or not _plausible(text, i, len(part)):
                spans = []
                break
            spans.append((i, i + len(part)))
        if g == 3 and not credited:
            continue
        for s2, e2 in spans:
            yield s2, e2, [_post(title, "media")]


_BOX_BYLINE = re.compile(r"[□■]\s*(?:(?:本报|特约|见习)?(?:记者|通讯员)[\s:：/]*)?([^\n□■]{2,24}?)[ \t\u3000]*(?=\n|$)")
_WHITE = re.compile(r"\s")
_PAD = re.compile(r"^([\u4e00-\u9fff])[ \u3000]{1,2}([\u4e00-\u9fff])$")


_PHOTO_CREDIT = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4})"
                           r"(?:[ \u3000]*[/／]?摄(?:影)?(?:报道)?(?![\u4e00-\u9fff])"
                           r"|[（(](?:文|图|摄|文/图|图/文|文图)[）)])")


def _photo_credits(doc: Doc) -> Iterator[Found]:
    """``王磊 摄``, ``覃珩(文)、吴宇(图)``: an author's or photographer's name before 摄 or a
    bracketed 文/图, standing on its own."""
    text = doc.text
    if "摄" not in text and not any(b in text for b in ("（文", "（图", "(文", "(图")):
        return  # no 摄 nor a bracketed 文/图: the pattern cannot match (most articles)
    for m in _PHOTO_CREDIT.finditer(text):
        s0, e0 = m.span(1)
        n = e0 - s0
        if _surname_len(text, s0) and _given_ok(text[s0 + _surname_len(text, s0):e0]) and _plausible(text, s0, n) \
                and (_jieba_len(text, s0) == n or _common_given(text, s0, n) or s0 == 0 or text[s0 - 1] == "\n") \
                and not _common_word(text[s0:e0]):  # a credit on a line of its own needs no more
            yield s0, e0, [_post("摄", "media")]


_SLASH_CREDIT = re.compile(r"(?:(?<=[\s（(])|^)(文|图|摄影|摄|撰文)[/／｜|]", re.M)


def _slash_credits(doc: Doc) -> Iterator[Found]:
    """``文/某某　图/区政协办公室``, ``文｜某某``: a role, a slash or a bar and a name standing on
    its own (a space, a bracket or the end of the line after it)."""
    text = doc.text
    if "/" not in text and "／" not in text and "｜" not in text and "|" not in text:
        return
    for m in _SLASH_CREDIT.finditer(text):
        p = m.end()
        n = _tibetan_name(text, p) or name_length(text, p, strong=True) or _rare_surname_name(text, p)
        if n and (p + n >= len(text) or not _is_han(text[p + n])) and not text.startswith(("/", "／"), p + n) \
                and _plausible(text, p, n) and not _common_word(text[p:p + n]):
            yield p, p + n, [_post(m.group(1), "media")]


def _box_bylines(doc: Doc) -> Iterator[Found]:
    """``□黄和芳``, ``□江 玮`` closing a paragraph: the names of the authors, two-character names
    often padded with a space to the width of three."""
    text = doc.text
    for m in _BOX_BYLINE.finditer(text):
        body, lo = m.group(1), m.start(1)
        pad = _PAD.match(body)
        parts = [(lo, lo + len(body))] if pad else [
            (lo + t.start(), lo + t.end()) for t in re.finditer(r"[^\s、，,]+", body)]
        if not pad and any(not (2 <= e - s <= 4) for s, e in parts):
            continue
        for s0, e0 in parts:
            name = _WHITE.sub("", text[s0:e0])
            if not ((_surname_len(name, 0) or _rare_surname_name(name, 0) == len(name))
                    and all(_is_han(c) for c in name) and 2 <= len(name) <= 4
                    and _plausible(name, 0, len(name))):
                break
        else:
            for s0, e0 in parts:
                yield s0, e0, [_post("记者", "media")]


_LIST_SEP = "、，,"
# the conjunction before the last item of a name list (副主席张三、李四和王五)
_CONJ = re.compile(r"以及|和|及")  # not 与: 主席张三与李四座谈 is "with"
_LIST_ITEM_END = re.compile(r"[、，,。；;：:！？\s）)]|等|$")


def _list_item(text: str, p: int) -> int:
    """Length of a list item starting at ``p`` when the item is a whole name, cut by
    separators on both sides (郑宏、李和平、…): inside a list the separators say where a name
    ends, so characters that are rare in given names (和, 向, 日) are accepted."""
    s = _surname_len(text, p)
    for n in (s + 2, s + 1):
        if p + n <= len(text) and _HAN_ONLY.fullmatch(text, p, p + n) and _LIST_ITEM_END.match(text, p + n):
            return n
    if s == 1 and _LIST_ITEM_END.match(text, p + 4) and _translit4(text, p):
        return 4
    return 0


def _odd_item(text: str, p: int) -> int:
    """Length of a three-character item cut by 、 on both sides whose first character is no
    surname of the list (国桂荣, 区某某), when a listed name follows it: inside a name list it is a
    name too."""
    item = text[p:p + 3]
    # (the first character may be a function character too: 区 of 区某某 is a surname)
    if len(item) != 3 or not _is_han(item[0]) or not _given_ok(item[1:]) or text[p + 3:p + 4] != "、":
        return 0
    if _dict_freq(item) or _dict_freq(item[:2]) >= 20:
        return 0  # 工商联, 妇联主席: words, not a name
    nxt = p + 4
    return 3 if _surname_len(text, nxt) and _list_item(text, nxt) else 0


def _listed_after(text: str, q: int, posts: list[dict[str, str]], spaced: bool = False) -> Iterator[Found]:
    """``副主席张三、李四、王五``; in bylines (and, ``spaced``, after any title and a colon) also
    ``记者 张三 李四``, ``附议人：张三　李四``."""
    media = spaced or bool(posts) and posts[0]["kind"] == "media"
    while q < len(text):
        gap = 1 if text[q] in _LIST_SEP else 0
        conj = _CONJ.match(text, q) if not gap else None
        if conj:
            gap = conj.end() - q
        if not gap and media:
            g = _BYLINE_GAP.match(text, q)
            gap = g.end() - q if g else 0
        if not gap:
            return
        p = q + gap
        if p < len(text) and (k := _dotted_name(text, p)):  # 张三、买买提·吐尔逊
            yield p, p + k, posts
            q = p + k
            continue
        if p < len(text) and (text[q] == "、" or media) and (k := _long_translit(text, p)):
            yield p, p + k, posts  # 副主席张三、敖日格勒巴图、李四
            q = p + k
            continue
        if p < len(text) and (text[q] == "、" or media) and (k := _tibetan_name(text, p)):
            yield p, p + k, posts  # 副主席张三、更登群培
            q = p + k
            continue
        if p < len(text) and text[q] == "、" and not _surname_len(text, p) and (k := _odd_item(text, p)):
            yield p, p + k, posts  # 张三、国桂荣、李四: a rare surname between two listed names
            q = p + k
            continue
        if p >= len(text) or not _surname_len(text, p) or _title_re().match(text, p):
            return
        if conj:  # 张三和李四: the last item must be cut by a separator or be a name to jieba
            n = _list_item(text, p) or name_length(text, p)
            if n and _list_item(text, p) != n and _jieba_len(text, p) != n:
                return
        elif text[q] == "、" or media:
            n = _list_item(text, p) or name_length(text, p) or (4 if _translit4(text, p) else 0)
        else:  # after a comma the next clause may start with anything: jieba must see a name
            n = name_length(text, p)
            if n and _jieba_len(text, p) != n:
                return
        if not n or not _plausible(text, p, n, listed=bool(posts) and text[q] == "、"):
            return
        yield p, p + n, posts
        q = p + n


_STUDIO_AFTER = ("工作室", "调解室", "服务站", "联络站", "之家")


def _common_word(word: str) -> bool:
    """``word`` is an ordinary dictionary word (农业, 卫生), not a name."""
    pt = _pos_tokenizer()
    return _dict_freq(word) >= 50 and not pt.word_tag_tab.get(word, "").startswith("nr")


def _before_honorifics(doc: Doc, committees: Sequence[Mention]) -> Iterator[Found]:
    """``张澜先生``, ``某某总书记``, ``梁嘉欣委员``: jieba must agree it is a name, except
    before the unambiguous honorifics when the name is bounded on the left."""
    text = doc.text
    dotted_ends = {e: (s, e) for s, e in dotted_name_spans(text)}
    name_before = _name_before_re()
    named: bytearray | None = None  # made when first asked: inside a short quoted name
    for m in _honorific_re().finditer(text):
        h = m.start()
        if h in dotted_ends:  # 艾则孜·阿不都拉委员
            post = _honorific_post(doc, m.group(), h, committees)
            yield dotted_ends[h][0], h, [post] if post else []
            continue
        if m.group() in _MEMBER_TITLES and (k := _rare_name_before(text, h)):
            post = _honorific_post(doc, m.group(), h, committees)  # 界别的拓某某委员说
            yield h - k, h, [post] if post else []
            continue
        if not name_before.match(text, h):
            continue  # no surname where a name would start: spare the jieba call
        n = _jieba_len_ending(text, h)
        studio = m.group() == "委员" and text.startswith(_STUDIO_AFTER, m.end())
        if not n and (m.group() in _STRONG_HONORIFICS or studio):
            # bounded on the left: a clause start, or (for a member's studio named after him,
            # 为张文有委员工作室揭牌) a function character
            for k in (3, 2):
                p = h - k
                if p >= 0 and _surname_len(text, p) and _given_ok(text[p + _surname_len(text, p):h]) \
                        and (p == 0 or not _is_han(text[p - 1]) or studio and text[p - 1] in V.NON_NAME_CHARS) \
                        and not (studio and _common_word(text[p:h])):
                    n = k
                    break
        if n and _surname_len(text, h - n) and _given_ok(text[h - n + _surname_len(text, h - n):h]) \
                and _plausible(text, h - n, n):
            if n == 2 and (not _common_given(text, h - 2, 2) or text[h - 3:h - 2] in _OPENING_MARKS and (
                    _dict_word(text[h - 2:h]) and not studio or _given_name_elsewhere(text, text[h - 2:h]))) and (
                    studio and _dict_word(text[h - 2:h]) or (named := named or _in_short_quotes(text))[h]):
                # “金桔委员工作室”, “姜乡委员面对面”: a product or a place in a name, no member; nor
                # a word opening a quoted slogan (“安澜委员 巡河护岸”) or a member's given name (符海霞's
                # “海霞委员工作室”; but “王强委员工作室”, “高峰委员工作室” are 王强's and 高峰's)
                continue
            if n > 2 and text[h - 1] in _UNIT_ENDS and text[h - n - 1:h - n] in _ORG_LAST \
                    and m.group() not in _MEMBER_TITLES and m.group() not in _STRONG_HONORIFICS:
                continue  # 区人民医院康复科主任某某: a unit of an organisation before its head's title
            if n > 2 and not studio and h - n > 0 and _is_han(text[h - n - 1]) \
                    and (named := named or _in_short_quotes(text))[h]:
                continue  # “易武茶马古道委员行”: inside a quoted name, a name must open it or follow a mark
            post = _honorific_post(doc, m.group(), h, committees)
            yield h - n, h, [post] if post else []


_OPENING_MARKS = frozenset("“‘「『\"")
_UNIT_ENDS = frozenset("科室处局部所队站股办")  # the last character of a unit of an organisation
_ORG_LAST = frozenset("院司局厂校心会行部委")  # and of the organisation written before it (医院, 公司)


def _given_name_elsewhere(text: str, given: str) -> bool:
    """Does ``given`` stand elsewhere in the text right after a surname character, as the given
    name of a three-character name (符海霞 for 海霞)?

    >>> _given_name_elsewhere("委员符海霞说，“海霞委员工作室”", "海霞")
    True
    >>> _given_name_elsewhere("“王强委员工作室”", "王强")
    False
    """
    i = text.find(given)
    while i >= 0:
        if i > 0 and _surname_len(text, i - 1) == 1:
            return True
        i = text.find(given, i + 1)
    return False


def _rare_name_before(text: str, h: int) -> int:
    """Length of a name with a rare surname (:data:`V.RARE_SURNAMES`: 拓, 暴, 折) right before
    the honorific at ``h`` (九三学社界别的拓某某委员说), or 0: bounded on the left by 的 or a
    non-Han character, the given name of common given-name characters or the whole a name
    to jieba, the first two characters no word (拓展委员会 is not a name)."""
    for k in (3, 2):
        p = h - k
        if p < 0 or text[p] not in V.RARE_SURNAMES or not (p == 0 or not _is_han(text[p - 1]) or text[p - 1] == "的"):
            continue
        if p > 0 and text[p - 1] in _OPENING_MARKS:
            continue  # “银龄委员健康行”: a word opening a quoted name, which a rare surname never is
        given = text[p + 1:h]
        if not _given_ok(given) or _dict_freq(text[p:p + 2]) or _common_word(text[p:h]):
            continue  # 拓展, 通过: any dictionary word at the start is read as the word
        if (all(c in V.GIVEN_NAME_CHARS for c in given) or _pos_tag(text[p:h]).startswith("nr")) \
                and _plausible(text, p, k):
            return k
    return 0


@lru_cache(maxsize=4096)
def _pos_tag(word: str) -> str:
    """jieba's tag of ``word`` when it cuts it as one word, else ''."""
    toks = list(_pos_tokenizer().cut(word))
    return toks[0].flag if len(toks) == 1 else ""


@lru_cache(maxsize=1)
def _name_before_re() -> re.Pattern[str]:
    """Matches (empty) at ``h`` when a surname starts two, three or four characters before it
    and the characters after the surname up to ``h`` may be a given name (compound surnames
    first, as :func:`_surname_len` reads them).  A surname character that also starts a
    compound one is tried as a single surname too: that reading has a longer given name, so
    when it passes the compound reading (a suffix of it) passes as well."""
    single = "[" + "".join(re.escape(c) for c in sorted(_SINGLE_SURNAMES)) + "]"
    # (a compound surname longer than two characters is never read: _surname_len looks at two)
    compound = "(?:" + "|".join(re.escape(c) for c in sorted(_COMPOUND_SURNAMES) if len(c) == 2) + ")"
    given = _given_class()
    alts = [f"(?<={single}{given * (k - 1)})" for k in (2, 3, 4)]
    alts += [f"(?<={compound}{given * (k - 2)})" for k in (2, 3, 4)]
    return re.compile("(?:" + "|".join(alts) + ")")


def _honorific_post(doc: Doc, word: str, h: int, committees: Sequence[Mention]) -> dict[str, str] | None:
    """The post an honorific after a name implies: 总书记 (Party), 委员 (a CPPCC member of the
    committee before it or of the article); the others imply none."""
    if word == "总书记":
        return _post(word, "party", "", "中国共产党中央委员会")
    if word == "主席":
        # only a committee named in the sentence, never the article's: 学习王某某主席的讲话精神
        # (a national leader's words studied), 习近平主席 are no chair of the article's committee;
        # and weak (a committee has one chair: 某某主席 near another committee may be the host's)
        text = doc.text
        c = _committee_in_sentence(doc, h, committees)
        if c is None or _STUDIED.search(text, max(0, h - 12), h) or text.startswith(_CHAIR_SPOKE, h + 2):
            return None
        return {**_post(word, "cppcc", c.key, c.label, c.key), "fallback": "1"}
    if word in ("委员", "常委", "副主席", "秘书长"):
        c = _context_committee(doc, h, committees)
        if c is not None:
            post = _post(word, "cppcc", c.key, c.label, c.key)
            if _committee_in_sentence(doc, h, committees) is None:
                post["fallback"] = "1"  # the article's committee: a membership named elsewhere wins
            return post
    return None


# what is done with a leader's words (传达学习某某主席的讲话精神), and what follows his title then
_STUDIED = re.compile("传达|学习|贯彻|领会")
_CHAIR_SPOKE = ("重要", "的", "讲话", "指示", "贺信", "批示")


# group titles after a name list and 等: 张三、李四等市政协领导出席
_GROUP_TITLES = frozenset({"领导", "领导同志", "负责同志", "省领导", "市领导", "县领导", "区领导", "州领导",
                           "委员", "常委", "副主席"})


# (a count first: 张三、李四等5名委员)
_GROUP_QUALIFIER = re.compile(r"(?:[0-9０-９]+名|[一二三四五六七八九十两几多]+名)?[\u4e00-\u9fff]{0,4}?(?=委员|常委)")


def _names_before_group(doc: Doc, committees: Sequence[Mention]) -> Iterator[Found]:
    """``张三、李四等市政协领导出席``: a list of whole names (each cut by separators, the first
    at a clause start; dotted names too) before 等 and a group title, which gives them its post."""
    text = doc.text
    pat = _title_re()
    if "等" not in text:
        return
    dotted_ends = {e: (s, e) for s, e in dotted_name_spans(text)}
    starts: dict[int, Mention] = {}
    for c in committees:
        starts.setdefault(c.start, c)  # the first committee starting there, as a scan would find
    for g in re.finditer("等", text):
        k = g.end()
        c = starts.get(k)
        t = pat.match(text, c.end if c else k)
        if t is None and c is None:  # 等驻镇委员, 等界别委员: a short qualifier before 委员
            q = _GROUP_QUALIFIER.match(text, k)
            t = pat.match(text, q.end()) if q else None
            if t is not None and t.group() not in ("委员", "常委"):
                t = None
        comrades = t is None and text.startswith("同志", k)  # 张三、李四等同志
        if not comrades and (t is None or t.group() not in _GROUP_TITLES):
            continue
        items: list[tuple[int, int]] = []
        end = g.start()
        while True:
            dotted = dotted_ends.get(end)  # 艾则孜·阿不都拉、木沙·吐尔逊等州政协领导
            if dotted is not None and (dotted[0] == 0 or not _is_han(text[dotted[0] - 1])
                                       or text[dotted[0] - 1] == "、"):
                item: tuple[int, int] | None = dotted
            else:
                item = next(((end - n, end) for n in (3, 2, 4) if end - n >= 0 and _list_item(text, end - n) == n
                             and (end - n == 0 or not _is_han(text[end - n - 1]) or text[end - n - 1] == "、")),
                            None)
            if item is None or item != dotted and (not _plausible(text, item[0], item[1] - item[0]) or not (
                    _jieba_len(text, item[0]) == item[1] - item[0] or _common_given(text, *item[:1],
                                                                                    item[1] - item[0]))):
                items = []
                break
            items.append(item)
            if item[0] == 0 or text[item[0] - 1] != "、":
                break
            end = item[0] - 1
        if not items:
            continue
        posts = [post_before(doc, t.start(), t.group(), committees)] if t is not None else []
        for s0, e0 in items:
            yield s0, e0, posts


_APPOSITION_OPENERS = "（(，,是、"  # 是: 王东明是市政协常委、…(a profile's introduction); 、 in brackets
_APPOSITION_END = "）)，,。；、"


def _name_before(text: str, o: int, title_ends: set[int] | None = None) -> tuple[int, int] | None:
    """The span of a name of two to four characters that ends at ``o`` and starts after no Han
    character (某某（…, ：某某，…), the usual length first; with ``title_ends``, a name of two or
    three that starts right after a title instead (附议人某某（…）)."""
    if title_ends is not None:
        return next(((o - n, o) for n in (3, 2) if o - n > 0 and _surname_len(text, o - n)
                     and o - n in title_ends), None)
    return next(((o - n, o) for n in (3, 2, 4) if o - n >= 0 and _surname_len(text, o - n)
                 and (o - n == 0 or not _is_han(text[o - n - 1]))), None)


def _open_bracket(text: str, i: int, reach: int = 60) -> int:
    """The offset of the bracket still open at ``i`` (opened at most ``reach`` characters before,
    in the same sentence), or -1.

    >>> _open_bracket("褚国良（男，农业界，长兴县政协常委）", 9)
    3
    >>> _open_bracket("王东明（市政协委员）说，县政协常委", 11)
    -1
    """
    lo = max(0, i - reach)
    o = max(text.rfind("（", lo, i), text.rfind("(", lo, i))
    if o < 0 or any(ch in text[o + 1:i] for ch in "）)。\n"):
        return -1
    return o


def _appositions(doc: Doc, committees: Sequence[Mention]) -> Iterator[Found]:
    """``王东明（市政协委员、某公司总经理）说`` and ``王东明，市政协委员，…``: a name at a clause
    start followed by its posts in brackets or between commas; the first post must be a
    committee's (so 张三，主任… is not read as one)."""
    text = doc.text
    pat = _title_re()
    starts = {c.start: c for c in committees}
    dotted_ends = {e: (s, e) for s, e in dotted_name_spans(text)}
    title_ends: set[int] | None = None  # made when a name is not at a clause start
    # the openers right before a committee, in text order: the same as every opener
    # (one character) whose end starts a committee, without visiting each comma
    for q, c in sorted(starts.items()):
        if q < 1 or text[q - 1] not in _APPOSITION_OPENERS:
            continue
        t = pat.match(text, c.end)
        if t is None and (organ := match_organ_at(text, c.end, before_title=True)):
            t = pat.match(text, c.end + len(organ))  # 某某，东营市政协研究室主任: a post in an organ
            if t is not None and t.group() not in V.ORGAN_TITLES:
                t = None
        elif t is not None and t.group() not in V.CPPCC_TITLES:
            t = None
        if t is None or (t.end() < len(text) and text[t.end()] not in _APPOSITION_END + "；;"):
            continue
        o = q - 1  # the opener: a bracket, a comma or 是 right before the committee, or
        name = _name_before(text, o) if text[o] != "、" else None
        if name is None and text[o] in "，,、" and (b := _open_bracket(text, o)) >= 0:
            o = b  # the bracket of a later post in it (某某（市政协常委，华容县政协副主席）)
            name = _name_before(text, o)
        elif name is None and text[o] == "、":
            continue
        if name is None and text[o] in "（(是":
            # 附议人某某（市政协常委，某县政协副主席）, 公司董事长某某是市政协委员: a name right after a title
            if title_ends is None:
                title_ends = set(_title_ends(text))
            name = _name_before(text, o, title_ends)
        dotted = dotted_ends.get(o)  # 艾则孜·阿不都拉（州政协委员）
        if dotted is not None and (dotted[0] == 0 or not _is_han(text[dotted[0] - 1])):
            yield dotted[0], dotted[1], [post_before(doc, t.start(), t.group(), committees)]
            continue
        if name is None:
            continue
        s0, e0 = name
        n = e0 - s0
        if text[o] in "，," and s0 > 0 and text[s0 - 1] == "、":
            continue  # 委员甲、乙、丙，省政协委员、某大学教授丁: a list's last name, the next person's posts
        if not _given_ok(text[s0 + _surname_len(text, s0):e0]) or not _plausible(text, s0, n) or not (
                _jieba_len(text, s0) == n or _common_given(text, s0, n) or (n == 4 and _translit4(text, s0))
                # a line of a list: 张建业（县政协委员，工商联界） (the name may be a word: 建业)
                or n < 4 and text[o] in "（(" and (s0 == 0 or text[s0 - 1] in "\n\u3000\t ")):
            continue
        yield s0, e0, [post_before(doc, t.start(), t.group(), committees)]


@lru_cache(maxsize=1)
def _clause_start_re() -> re.Pattern[str]:
    """A character that may start a surname (single, or the first of a compound one) with no
    Han character before it, where one to three Han characters later a clause verb or the 在
    of a frame (:func:`_frame_re`) begins: the only places :func:`_clause_starts` needs to look
    at.  (A name there is two to four Han characters, a given name has no other character,
    and the verb or frame must follow it; the lookahead tries every such end, so it drops no
    place the loop would take, and it spares the loop some 15 of every 16 surname characters.)

    The surname class comes first and the test of the character before it second, as a
    lookbehind over both (``(?<!Han.)`` after the surname is ``(?<!Han)`` before it: ``.`` takes
    the surname, never a newline): a pattern opening with a class lets the engine skip in C to
    the next surname character, where one opening with a lookbehind is tried at every offset
    (half the time of the scan, the same matches)."""
    firsts = set(V.SINGLE_SURNAMES) | {c[0] for c in V.COMPOUND_SURNAMES}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(firsts)) + "](?<![\u4e00-\u9fff].)"
                      "(?=[\u4e00-\u9fff]{1,3}(?:" + _trie_alt(V.CLAUSE_VERBS) + "|在))")


def _clause_starts(doc: Doc) -> Iterator[Found]:
    """A bare name opening a clause, followed by a speech/action verb or by 在…上强调."""
    text = doc.text
    verbs = _clause_verb_re()
    frame = _frame_re()
    regions = _region_names()
    for c in _clause_start_re().finditer(text):
        p = c.start()
        s = _surname_len(text, p)
        if not s:
            continue
        for n in (s + 2, s + 1):
            if p + n > len(text) or not _given_ok(text[p + s:p + n]):
                continue
            if text[p:p + n] in regions:
                continue
            if (verbs.match(text, p + n) or frame.match(text, p + n)) and _jieba_len(text, p) == n:
                yield p, p + n, []
                break


@lru_cache(maxsize=1)
def _tibetan_start_re() -> re.Pattern[str]:
    """A Tibetan name syllable with no Han character before it."""
    return re.compile("(?<![\u4e00-\u9fff])(?:" + "|".join(sorted(V.TIBETAN_SYLLABLES)) + ")")


def _tibetan_cued(doc: Doc, committees: Sequence[Mention]) -> Iterator[Found]:
    """A Tibetan name (:func:`_tibetan_name`) opening a clause before an honorific (次仁卓嘎委员说)
    or a speech or action verb (格桑旺堆表示, 在…会上强调): it has no surname, so the cues of
    Han names that start from one do not see it."""
    text = doc.text
    for m in _tibetan_start_re().finditer(text):
        p = m.start()
        n = _tibetan_name(text, p)
        if not n:
            continue
        if (h := _honorific_re().match(text, p + n)) is not None:
            post = _honorific_post(doc, h.group(), p + n, committees)
            yield p, p + n, [post] if post else []
        elif _clause_verb_re().match(text, p + n) or _frame_re().match(text, p + n):
            yield p, p + n, []


def _repeats(text: str, names: set[str], taken: list[tuple[int, int]]) -> Iterator[Found]:
    """Every other occurrence of an accepted name (not a short name inside a longer one:
    张明 in 张明亮)."""
    # the characters the taken spans cover, so that the overlap test does not scan every span
    # taken so far (quadratic on a long list of names); an empty span overlaps a span only when
    # it lies strictly inside it
    covered = bytearray(len(text) + 1)
    points: list[int] = []

    def take(a: int, b: int) -> None:
        if a < b:
            covered[a:b] = b"\x01" * (b - a)
        else:
            points.append(a)

    for a, b in taken:
        take(a, b)
    for name in sorted(names, key=lambda x: (-len(x), x)):
        for s in _occurrences(text, name):
            e = s + len(name)
            if (covered.find(1, s, e) >= 0 or any(s < a < e for a in points)) if s < e else \
                    any(a < e and s < b for a, b in taken):
                continue
            if len(name) == 2 and e < len(text) and text[e] in V.GIVEN_NAME_CHARS and not _boundary_at(text, e):
                continue
            taken.append((s, e))
            take(s, e)
            yield s, e, []


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Starts of the non-overlapping occurrences of ``word`` in ``text``, left to right, as
    ``re.finditer(re.escape(word), text)`` finds them (by str.find: no pattern to compile or
    look up per word)."""
    if not word:
        yield from range(len(text) + 1)  # the empty pattern matches at every offset
        return
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))


def recognise(doc: Doc) -> list[Mention]:
    """Person mentions of ``doc`` with their posts (needs the committee mentions)."""
    text = doc.text
    if not text:
        return []
    committees = committee_mentions(doc)
    found: dict[tuple[int, int], list[dict[str, str]]] = {}
    cues = [*_after_titles(doc, committees), *_paren_bylines(doc), *_box_bylines(doc), *_photo_credits(doc),
            *_slash_credits(doc),
            *_before_honorifics(doc, committees),
            *_clause_starts(doc), *_names_before_group(doc, committees), *_appositions(doc, committees),
            *_tibetan_cued(doc, committees), *_residents(doc), *_called(doc),
            *_personnel(doc, committees), *_attendance(doc), *_name_column(doc, committees),
            *_dotted_names(doc)]
    titled = _in_book_titles(text)
    # a site's links to its other articles (上一篇：某某主席调研…): their titles, no one of this one
    nav = [m.span() for m in _PREV_NEXT.finditer(text)] if "一篇" in text or "一条" in text else []
    for s, e, posts in cues:
        if titled is not None and titled[s]:
            continue  # 《某某委员说》栏目: the name of a column or a work, not a person
        if nav and any(a <= s < b for a, b in nav):
            continue
        have = found.setdefault((s, e), [])
        have.extend(p for p in posts if p not in have)
    spans = _drop_overlaps(sorted(found, key=lambda se: (se[0], -(se[1] - se[0]))), found)
    spans = _confirmed_longer(text, spans, found)
    names = {text[s:e] for s, e in spans}
    taken = list(spans)
    for s, e, _ in _repeats(text, names, taken):
        found[(s, e)] = []
        spans.append((s, e))
    _extend_lists(text, spans, found)
    _drop_fallbacks(text, spans, found)
    out = []
    for s, e in sorted(spans):
        name = _WHITE.sub("", text[s:e])  # 江 玮: a padded byline name
        # no "posts" key when the cue gave none: the resolver keeps the first value it sees
        attrs = {"posts": found[(s, e)]} if found[(s, e)] else {}
        # a dotted name keeps the dot as written (·・•, which the scorer ignores), a typing
        # variant becomes ·; one key whatever the dot, so the person is one entity
        label = name.translate(_DOT_LABEL)
        out.append(Mention(PERSON, f"person:{name.translate(_DOT_KEY)}", label, s, e, text[s:e], attrs=attrs))
    return out


_PREV_NEXT = re.compile(r"(?m)^[ \t\u3000]*" + boilerplate.PREV_NEXT + r"[^\n]*")  # the whole line
_BOOK_TITLE = re.compile(r"《[^《》\n]{1,30}》")
# a quoted name (a brand, a slogan): short, no sentence punctuation inside, unlike quoted speech
_SHORT_QUOTE = re.compile(r"“[^“”\n。！？!?，,；;]{1,16}”")


def _inside(text: str, marked: re.Pattern[str]) -> bytearray:
    """1 at each character between the marks of every match of ``marked`` (one mark each side)."""
    inside = bytearray(len(text) + 1)
    for m in marked.finditer(text):
        inside[m.start() + 1:m.end() - 1] = b"\x01" * (m.end() - m.start() - 2)
    return inside


def _in_short_quotes(text: str) -> bytearray:
    """1 at each character inside a short quoted name (:data:`_SHORT_QUOTE`)."""
    return _inside(text, _SHORT_QUOTE)


def _in_book_titles(text: str) -> bytearray | None:
    """1 at each character inside a title in 《》 (a column, a programme, a work), None when the
    text has none."""
    return _inside(text, _BOOK_TITLE) if "《" in text else None


def _drop_fallbacks(text: str, spans: list[tuple[int, int]],
                    found: dict[tuple[int, int], list[dict[str, str]]]) -> None:
    """A bare 委员 after a name with no committee in its sentence (某某委员来自教育界) stands for
    the article's committee only when the article names no membership of that person
    elsewhere (全国政协委员张三、李四 earlier: 李四委员 is the same national member, not one of
    the local committee the article mentions as often)."""
    named = {_WHITE.sub("", text[s:e]) for s, e in spans
             if any(p["kind"] == "cppcc" and p["committee"] and not p.get("fallback") for p in found[(s, e)])}
    for s, e in spans:
        posts = found[(s, e)]
        if any(p.get("fallback") for p in posts):
            keep = _WHITE.sub("", text[s:e]) not in named
            out: list[dict[str, str]] = []
            for p in posts:
                plain = {k: v for k, v in p.items() if k != "fallback"}
                if (keep or not p.get("fallback")) and plain not in out:
                    out.append(plain)
            found[(s, e)] = out


def _confirmed_longer(text: str, spans: list[tuple[int, int]],
                      found: dict[tuple[int, int], list[dict[str, str]]]) -> list[tuple[int, int]]:
    """A two-character name followed by a character that may end a given name (宋庆 before 和)
    is the three-character name when the article writes that one on its own elsewhere, opening
    a clause before a speech or action verb (。宋庆和说): the longer name wins everywhere."""
    covered = bytearray(len(text) + 1)  # the characters the spans cover: an O(1) overlap test
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    starts: dict[str, list[int]] = {}  # the clause-opening occurrences of each longer reading
    out: list[tuple[int, int]] = []
    for s, e in spans:
        longer = text[s:e + 1]
        if e - s == 2 and len(longer) == 3 and not covered[e] and _surname_len(text, s) == 1 \
                and _given_ok(longer[1:].translate(_SOFT_TO_PLAIN)):
            if longer not in starts:
                starts[longer] = [o for o in _occurrences(text, longer)
                                  if (o == 0 or not _is_han(text[o - 1])) and o + 3 < len(text)
                                  and _is_han(text[o + 3]) and _clause_end(text, o + 3)]
            if any(o != s for o in starts[longer]):
                found[(s, e + 1)] = found.pop((s, e))
                out.append((s, e + 1))
                continue
        out.append((s, e))
    return out


def _extend_lists(text: str, spans: list[tuple[int, int]],
                  found: dict[tuple[int, int], list[dict[str, str]]]) -> None:
    """张三、李四、王五 after any accepted name: the listed names share its posts."""
    todo = sorted(spans)
    while todo:
        s, e = todo.pop(0)
        for s2, e2, _ in _listed_after(text, e, []):
            if any(a < e2 and s2 < b for a, b in spans):
                break
            found[(s2, e2)] = list(found[(s, e)])
            spans.append((s2, e2))
        for s2, e2 in _listed_before(text, s):  # 宋海燕、贾进、安玉龙委员工作室
            if any(a < e2 and s2 < b for a, b in spans):
                break
            found[(s2, e2)] = list(found[(s, e)])
            spans.append((s2, e2))


def _listed_before(text: str, s: int) -> Iterator[tuple[int, int]]:
    """Names listed with 、 before a name at ``s``, nearest first: each is cut by 、 on its right
    and by 、, a non-Han character or a function character (为, 的) on its left, and is no
    ordinary word (卫生、李明 is not a list of names)."""
    while s >= 2 and text[s - 1] == "、":
        end = s - 1
        item = None
        for n in (3, 2):
            p = end - n
            if p < 0 or not _surname_len(text, p) or not _given_ok(
                    text[p + _surname_len(text, p):end].translate(_SOFT_TO_PLAIN)):
                continue
            if p == 0 or text[p - 1] == "、" or not _is_han(text[p - 1]) or text[p - 1] in V.NON_NAME_CHARS:
                item = (p, end)
                break
        if item is None or not _plausible(text, item[0], item[1] - item[0]) or _common_word(text[item[0]:item[1]]):
            return
        yield item
        s = item[0]


def _drop_overlaps(spans: list[tuple[int, int]], found: dict[tuple[int, int], list[dict[str, str]]]
                   ) -> list[tuple[int, int]]:
    """Keep the first (longest at a start) of overlapping spans; the posts of a dropped span go
    to the span kept."""
    kept: list[tuple[int, int]] = []
    for s, e in spans:
        if kept and s < kept[-1][1]:
            have = found[kept[-1]]
            have.extend(p for p in found[(s, e)] if p not in have)
            continue
        kept.append((s, e))
    return kept
