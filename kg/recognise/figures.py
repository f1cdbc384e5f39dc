"""Recogniser for the figures an article claims (cls ``Figure``).

A figure is a number with a counting unit: ``126个``, ``72期``, ``30余场次``, ``1万多个``,
``3.08亿元``, ``近500人次``, ``十余次``, ``80%``.  Its attributes are structured:

* ``value`` (float) in the base unit: the magnitude words 万/亿 are folded into the value
  (``3.08亿元`` -> value 308000000.0, unit ``元``; ``1万多个`` -> 10000.0, ``个``), so that
  figures compare without parsing the unit;
* ``unit``: the counting unit (个, 期, 次, 场次, 人次, 元, %...);
* ``counted``: what was counted: the noun phrase after the unit (``3个党支部`` -> 党支部) or,
  when nothing follows, the verb phrase before the number (``举办72期`` -> 举办,
  ``引进产业项目126个`` -> 引进产业项目);
* ``approx``: True for 余/多/近/约/超/逾 (an approximate or lower-bound claim);
* ``text``: the surface; ``claimant``: the key of the initiative whose clause holds the
  figure, else of the sentence's (or paragraph's) committee; the relate stage turns it into
  ``claims``.

Dates and years (2024年, 6月) are not figures (no counting unit); ordinal and session numbers
(第9次, 十二届四次) are skipped, and so are numbers inside quotation marks (slogans such as
“四个一”).  Keys are per article (``figure:<doc_id>:<start>``): figures are never merged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kg.model import BRAND, COMMITTEE, FIGURE, PROGRAMME, Doc, Mention, Sentence

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_UNITS = ("人次", "场次", "件次", "户次", "个", "期", "次", "场", "人", "名", "件", "条", "篇", "家", "项", "元",
          "户", "所", "支", "批", "座", "亩", "吨", "公里", "千米", "平方米", "米", "天", "小时", "份", "本", "册",
          "部", "套", "台", "辆", "头", "株", "棵", "双", "轮", "组", "类", "处", "万", "亿", "倍", "位",
          "节", "堂", "课", "单", "笔", "首", "幅", "间", "门", "栋", "床", "张")
_UNIT_RE = "|".join(sorted(_UNITS, key=lambda u: (-len(u), u)))
_FIG = re.compile(
    rf"(?P<pre>近|约|超过|超|逾|将近|接近)?"
    rf"(?P<num>\d+(?:\.\d+)?|[{_CN_DIGITS}]+)"
    rf"(?P<a1>余|多)?(?P<mag>万|亿|千万|百万)?(?P<a2>余|多)?"
    rf"(?:(?P<pct>[%％])|(?P<unit>{_UNIT_RE}))"
)
_PERCENT_CN = re.compile(rf"百分之(?P<num>[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)")
_MAG = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6}
_OPEN_Q, _CLOSE_Q = "“‘「『《", "”’」』》"
_LEAD_DROP = ("t", "d", "m", "p", "c", "f", "r", "x", "u", "q", "uj", "ul", "y")
# adverbial verbs that open a clause without saying what was done (累计举办36期 -> 举办)
_LEAD_WORDS = ("全年", "以来", "累计", "共计", "总计", "合计", "先后", "陆续", "持续", "至今", "已经", "共", "已")
_CLAUSE_END = re.compile(r"[，。；：！？、,;:!?\n]")
# everything up to and with the last clause end (greedy): one match instead of a walk over them
_TO_LAST_CLAUSE_END = re.compile(r"(?s:.*)" + _CLAUSE_END.pattern)
# the characters that may follow a figure's number: an approximation, a magnitude, a percent
# sign or a unit (their first characters)
_AFTER_NUM = "".join(sorted(set("余多%％") | {w[0] for w in _MAG} | {u[0] for u in _UNITS}))
# where a match of _FIG may start (a superset): a prefix word's first character, or a numeral
# whose number (all of its run, or a shorter part) is followed by one of _AFTER_NUM.  Opening
# with a character class lets the engine skip to candidates in C; the lookbehinds only tell
# which kind the first character was.  No start is lost in a run of numerals: where one within
# the run matches, the run's first numeral matches too (its number reaches as far), so a run
# that fails here fails _FIG at all its numerals, and years (2024年) and numerals inside words
# (进一步, 统一) cost no Python-level try.
_FIG_START = re.compile(
    rf"[近约超逾将接\d{_CN_DIGITS}](?:(?<=[近约超逾将接])"
    rf"|(?<=\d)\d*(?:\.\d+)?[{_AFTER_NUM}]"
    rf"|(?<=[{_CN_DIGITS}])[{_CN_DIGITS}]*[{_AFTER_NUM}])"
)
# a run of numerals of one kind (the kinds of _FIG's number)
_NUMERAL_RUN = re.compile(rf"\d+|[{_CN_DIGITS}]+")
_QUOTE_CHAR = re.compile("[" + re.escape(_OPEN_Q + _CLOSE_Q) + "]")
_QUOTE_MARKS = re.compile(r"[“”‘’\"《》]")


def _figures(text: str):
    """``_FIG.finditer(text)``, trying a match only where ``_FIG_START`` says one may start.

    Where no match starts at a numeral, none starts later in its run of numerals of the same
    kind either (one there would extend to this one: the number's greedy digits take the
    numeral before too, and no prefix word starts with a numeral), so the scan skips the run."""
    pos = 0
    while True:
        hit = _FIG_START.search(text, pos)
        if hit is None:
            return
        m = _FIG.match(text, hit.start())
        if m is None:
            run = _NUMERAL_RUN.match(text, hit.start())
            pos = run.end() if run is not None else hit.start() + 1
        else:
            yield m
            pos = m.end()  # matches are never empty


_DIGIT_NAMES = "一二三四五六七八九"


def _usual_numerals() -> dict[str, float | None]:
    """Chinese numerals up to 999 written the usual way (八, 十二, 一十二, 三十, 四百零五,
    六百一十, 七百八十九) with their value, and the bare 百 and 千 (数百名, 上千人), which cn2an
    refuses: what cn2an's smart mode answers for each of them (``tests/test_figures.py`` checks
    every entry against cn2an).  Why: importing cn2an compiles its patterns, about a fifth of a
    second per process, and the numerals of news figures are almost all of these forms."""
    digit = dict(zip(range(1, 10), _DIGIT_NAMES, strict=True))

    def tens(n: int) -> list[str]:  # the ways to write 10 <= n <= 99
        t, u = divmod(n, 10)
        unit = digit.get(u, "")
        return [digit[t] + "十" + unit] + (["十" + unit] if t == 1 else [])

    table: dict[str, float | None] = {"百": None, "千": None}
    for n in range(1, 1000):
        h, rest = divmod(n, 100)
        if not h:
            forms = [digit[n]] if n < 10 else tens(n)
        elif not rest:
            forms = [digit[h] + "百"]
        elif rest < 10:
            forms = [digit[h] + "百零" + digit[rest]]
        else:
            forms = [digit[h] + "百" + tens(rest)[0]]  # 一百一十, not 一百十
        for form in forms:
            table[form] = float(n)
    return table


_USUAL_NUMERALS = _usual_numerals()


@lru_cache(maxsize=4096)
def _number(num: str) -> float | None:
    """A float from Arabic or Chinese numerals (cn2an), or None."""
    try:
        return float(num)
    except ValueError:
        pass
    if num in _USUAL_NUMERALS:
        return _USUAL_NUMERALS[num]  # what cn2an answers, without importing it
    try:
        import cn2an

        return float(cn2an.cn2an(num, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


class _QuoteDepth:
    """Whether a position sits inside “…” or 《…》 on its line (slogans like “四个一”, titles).

    Positions are asked in increasing order, so the scan resumes where the last one stopped:
    linear in the text, however many numbers a line holds.

    >>> q = _QuoteDepth("共“四个一”和3场\\n“5个")
    >>> q(3), q(7), q(11)
    (True, False, True)
    """

    def __init__(self, text: str):
        self.text, self.pos, self.depth = text, 0, 0

    def __call__(self, pos: int) -> bool:
        if pos < self.pos:  # asked out of order: restart from the line's start
            self.pos, self.depth = self.text.rfind("\n", 0, pos) + 1, 0
        start = self.pos
        line = self.text.rfind("\n", start, pos)
        if line >= 0:  # a new line since the last position: no quote open
            start, self.depth = line + 1, 0
        depth = self.depth
        for q in _QUOTE_CHAR.finditer(self.text, start, pos):
            if q.group() in _OPEN_Q:
                depth += 1
            elif depth:
                depth -= 1
        self.depth = depth
        self.pos = pos
        return self.depth > 0


def _skip(text: str, m: re.Match[str], groups: tuple, in_quotes: _QuoteDepth) -> bool:
    """Is the match of _FIG an ordinal, a date, a bare magnitude, an article or quoted?
    ``groups`` are the match's groups (read once by the caller)."""
    s = m.start()
    _pre, num, a1, _mag, a2, _pct, unit = groups
    prev = text[s - 1] if s > 0 else ""
    if prev and prev in "第届":
        return True
    e = m.end("num")
    after = text[e:e + 1]  # 届 or a date's unit (年月日号时) right after the number
    if after and after in "届年月日号时":
        return True
    if unit in ("万", "亿") and not a1:
        return True  # 3万 alone: the unit is missing (万人次 etc. come through as mag + unit)
    if not num[0].isdigit():
        if len(num) == 1 and num in "一二两" and not (a1 or a2):
            return True  # 一个, 两支: articles and slogans, not claims
        if prev and prev in _CN_DIGITS:
            return True
    return in_quotes(s)  # last: it moves the quote scan forward


@lru_cache(maxsize=8192)
def _tags(window: str) -> tuple[tuple[str, str], ...]:
    """jieba's (word, tag) pairs of a short window, memoised.

    Why: tagging is most of this recogniser's time, and windows recur (a figure's phrase
    repeated in an article, a reprinted paragraph, the before-window of two figures in one
    clause); the tagger is deterministic and private (never changed), so a cached answer is
    the answer.  Windows are at most 24 characters: 8192 of them are a few MB."""
    from kg.recognise.people import _pos_tokenizer

    return tuple((w, f) for w, f in _pos_tokenizer().cut(window))


def _counted(text: str, m: re.Match[str]) -> str:
    """What a figure counts: the noun phrase right after it, else the verb phrase before it."""
    e = m.end()
    after = text[e:e + 12]
    cut = _CLAUSE_END.search(after)
    noun = _noun_after(after[:cut.start()] if cut else after)
    if noun:
        return noun
    s = m.start()
    lo = max(0, s - 24)
    last = _TO_LAST_CLAUSE_END.match(text, lo, s)  # the clause starts after the last end
    return _phrase_before(text[last.end() if last else lo:s])


@lru_cache(maxsize=8192)
def _noun_after(after: str) -> str:
    """The noun phrase opening ``after`` (at most ten characters), or "".  Memoised like
    :func:`_tags`, whose answer it only reads."""
    nouns = []
    for w, f in _tags(after):
        if f[0] in "njsb" or (nouns and (f == "vn" or f == "d" and len(w) == 1 and w in "直属")):
            nouns.append(w)
        else:
            break
    if nouns and len("".join(nouns)) <= 10:
        return "".join(nouns)
    return ""


@lru_cache(maxsize=8192)
def _phrase_before(window: str) -> str:
    """The verb phrase ending ``window`` (the clause before a number), about ten characters."""
    toks = _tags(window)
    kept: list[tuple[str, str]] = []
    size = 0
    for w, f in reversed(toks):  # the phrase nearest the number, at most about ten characters
        if size + len(w) > 10 and kept:
            break
        kept.insert(0, (w, f))
        size += len(w)
    while kept and (kept[0][1] in _LEAD_DROP or kept[0][1].startswith("t") or kept[0][0] in _LEAD_WORDS):
        kept.pop(0)
    while kept and kept[-1][1] in ("d", "p", "u", "uj", "ul", "c", "x", "m", "q"):
        kept.pop()
    return _QUOTE_MARKS.sub("", "".join(w for w, _ in kept))


class _Claimants:
    """Who claims a figure at ``pos``: the initiative whose clause holds it, else the committee
    of its sentence (the one before it, else the first), else the last committee earlier in
    the paragraph.  The initiative and committee mentions (in the doc's order) and the
    committees' paragraphs are listed once per article, the committees of a sentence (or the
    claimant of all its positions) once per sentence, not once per figure."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.initiatives: list[Mention] = []
        self.committees: list[Mention] = []
        for m in doc.mentions:  # one pass over the article's mentions for both lists
            if m.cls == COMMITTEE:
                self.committees.append(m)
            elif m.cls == BRAND or m.cls == PROGRAMME:
                self.initiatives.append(m)
        self._paragraphs: list[object] | None = None
        # (start, end) of a sentence -> its committees or its claimant, see _sentence_claimant
        self._sentence: dict[tuple[int, int], str | list[Mention]] = {}
        self._reach: list[tuple[int, int, str]] | None = None  # see __call__
        self._starts: list[int] | None = None  # the initiatives' starts when in order, see __call__

    def paragraphs(self) -> list[object]:
        """The paragraph of each committee mention (a sentinel when it is in no sentence)."""
        if self._paragraphs is None:
            self._paragraphs = [s.paragraph if (s := self.doc.sentence_at(m.start)) is not None else _NO_SENTENCE
                                for m in self.committees]
        return self._paragraphs

    def __call__(self, pos: int) -> str:
        doc = self.doc
        text = doc.text
        # the last initiative (in the doc's order) that starts in the clause of pos before it:
        # one that starts before pos with no clause end from its start up to pos (so after the
        # clause's start), i.e. whose first clause end at or after its start is pos or later;
        # those ends are found once per article
        if self._reach is None:
            self._reach = []
            for m in self.initiatives:
                end = _CLAUSE_END.search(text, m.start)
                self._reach.append((m.start, end.start() if end else len(text), m.key))
            starts = [start for start, _, _ in self._reach]
            if all(a <= b for a, b in zip(starts, starts[1:], strict=False)):
                self._starts = starts
        if self._starts is not None:
            # in start order (as the initiatives recogniser gives them) the reaches do not
            # decrease either (a reach is the first clause end from the start on): the last
            # initiative starting before pos is the one, or none is
            k = bisect_left(self._starts, pos)
            if k and pos <= self._reach[k - 1][1]:
                return self._reach[k - 1][2]
        else:
            for start, reach, key in reversed(self._reach):
                if start < pos <= reach:
                    return key
        sent = doc.sentence_at(pos)
        if sent is None:
            return ""
        span = (sent.start, sent.end)
        known = self._sentence.get(span)
        if known is None:
            known = self._sentence[span] = self._sentence_claimant(sent)
        if isinstance(known, str):
            return known
        # the last one before pos, else the first
        return next((m.key for m in reversed(known) if m.start < pos), known[0].key)

    def _sentence_claimant(self, sent: Sentence) -> str | list[Mention]:
        """The committees of ``sent`` (two or more: which one claims depends on the position),
        else the key that claims every position of it.  Why a key serves the whole sentence:
        one committee in it is the last one before any position or else the first; with none
        in it, the committees before a position in it are those before its start."""
        inside = [m for m in self.committees if sent.start <= m.start < sent.end]
        if len(inside) > 1:
            return inside
        if inside:
            return inside[0].key
        # the last committee before the sentence in its paragraph, looked for from the end
        pairs = zip(reversed(self.committees), reversed(self.paragraphs()), strict=True)
        return next((m.key for m, par in pairs if m.start < sent.start and par == sent.paragraph), "")


_NO_SENTENCE = object()


def recognise(doc: Doc) -> list[Mention]:
    """Figure mentions of ``doc`` (reads the committee and initiative mentions)."""
    text = doc.text
    out = []
    claimant = _Claimants(doc)
    in_quotes = _QuoteDepth(text)
    for m in _figures(text):
        groups = m.groups()  # _FIG's groups, in order, in one call
        if _skip(text, m, groups, in_quotes):
            continue
        pre, num, a1, mag, a2, pct, unit = groups
        value = _number(num)
        if value is None:
            continue
        if pct:
            unit = "%"
        if mag:
            value *= _MAG[mag]
        elif unit in ("万", "亿"):
            value, unit = value * _MAG[unit], ""
        approx = bool(pre or a1 or a2)
        out.append(_figure(doc, m.start(), m.end(), value, unit, approx, _counted(text, m), claimant))
    in_quotes = _QuoteDepth(text)
    for m in _PERCENT_CN.finditer(text):
        value = _number(m.group("num").replace("点", "."))
        if value is not None and not in_quotes(m.start()):
            out.append(_figure(doc, m.start(), m.end(), value, "%", False, _counted(text, m), claimant))
    return sorted(out, key=lambda x: x.start)


def _figure(doc: Doc, start: int, end: int, value: float, unit: str, approx: bool, counted: str,
            claimant: _Claimants) -> Mention:
    surface = doc.text[start:end]
    return Mention(FIGURE, f"figure:{doc.article.doc_id}:{start}", surface, start, end, surface,
                   attrs={"value": value, "unit": unit, "counted": counted, "approx": approx, "text": surface,
                          "claimant": claimant(start)})
