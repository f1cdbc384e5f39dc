"""Hard-wrapped text (a line break every N characters, inside sentences and names) rejoined.

A text is hard-wrapped when most of its long lines have one and the same width, counted in
characters or in display columns (a Chinese character is two columns); a line that reaches
that width (less one: a two-column character does not fit in the last column) continues on
the next line, so the line break between them is removed (with nothing in its place: such
wrapping counts characters, it cuts Latin words and pinyin too, and a space it broke at stays
at the line's end).  A paragraph's last line is shorter, so paragraphs stay apart.
Ordinary text, whose paragraphs have all kinds of lengths, never shows such a width.

Text extracted from a PDF is wrapped by the typesetter, not by a character count: its lines
are ragged (31 to 40 characters, punctuation and digits are narrower), so no one width
stands out.  Such text is still recognised by its band: most long lines fall within a quarter
of the widest, most of them do not end a sentence and most hold a comma inside (a list of
titles of similar length does not).  A PDF also repeats its page furniture (a page number
``- 3 -`` on a line of its own, a running header above each page) between the lines of a
paragraph: :func:`drop_page_marks` removes those lines first, so that the paragraph is one
again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import pairwise

from kg.text.buffer import Mapped, delete_spans

MIN_WIDTH = 12  # narrower "wrapping" is a list of short lines, not a wrapped paragraph
MIN_LINES = 4  # lines of the common width needed before a text counts as wrapped
SHARE = 0.3  # ... and their share of the lines at least MIN_WIDTH long (a paragraph's last line is shorter)
_TABLE = re.compile(r"\S(?:\t| {2,}|\u3000)\S")  # cells apart: a table row of equal width, not wrapping
# an indent or a list item starts a new paragraph (a single space is where the wrap broke;
# a middle dot with no space is inside a name: 朱子故里·委员)
# (一是…；二是… opens the items of a list of tasks)
_NOT_A_CONTINUATION = re.compile(r"[\t\u3000]|\s\s|[-·]\s|[•▪●◆■□]|\d{1,2}(?:[、)）]|\.\s)"
                                 r"|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]是")
# a paragraph's last line may fill the width by chance: a break after a full stop stays (it
# costs a paragraph split at most, while joining could glue a footer line to the story)
_ENDS = tuple("。！？!?”’」』）)")
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*$")
_ASIDE_LINE = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")  # a line in parentheses (a date, a note) stands alone
_OPEN_END = re.compile("[\u4e00-\u9fff]$")  # a line that stops on a Han character, no mark after it
_OPEN_START = re.compile("[\u4e00-\u9fff“‘]")  # ... and a next line that starts with one or a quote

EARLY_BREAK = 2  # how many characters short of the width a typesetter's early break leaves a line at most
# words never written apart: a line break between their characters is a wrap, however short the line
_NEVER_APART = frozenset(("政协", "委员", "主席", "政府", "人民", "协商", "会议"))
RAGGED_MIN_LINES = 8  # lines in the band before ragged text counts as wrapped
RAGGED_SHARE = 0.6  # ... their share of the long lines, of them open (no sentence end), of them with a comma
RAGGED_MIN_WIDTH = 24  # a typeset column of Chinese prose is at least this many characters wide
_INNER_PUNCT = re.compile(r"[，、；：,]")
# a page number alone on its line (- 3 -, — 3 —, 第3页); the number is captured
_PAGE_NUMBER = re.compile(r"[ \t\u3000]*(?:[-—–－][ \t]*(\d{1,3})[ \t]*[-—–－]|第[ \t]*(\d{1,3})[ \t]*页)"
                          r"[ \t\u3000\r]*")
RUNNING_HEADER_MAX = 40  # a running header is a short line


# East Asian Wide and Fullwidth characters (two columns), as one regex: C speed on long texts
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")

_WIDE_RUN = re.compile(_WIDE.pattern + _WIDE.pattern + "*")  # (not "+": a leading class is skipped to at C speed)


def _columns(line: str) -> int:
    """Display columns of ``line``.

    >>> _columns("政协2024年"), _columns("ＡＢ“”")
    (10, 6)
    """
    return 2 * len(line) - len(_WIDE_RUN.sub("", line))  # runs of wide characters removed: C speed


def _columns_each(lines: list[str]) -> list[int]:
    """:func:`_columns` of each of ``lines`` (lines without a line break), with one regex pass
    over them all instead of one call a line (a line break is not wide: the pieces line up).

    >>> _columns_each(["政协2024年", "", "ＡＢ“”"])
    [10, 0, 6]
    """
    narrow = _WIDE_RUN.sub("", "\n".join(lines)).split("\n")
    return [2 * len(line) - len(rest) for line, rest in zip(lines, narrow, strict=True)]


def wrap_width(lines: list[str]) -> tuple[str, int] | None:
    """("chars" or "columns", width) when the lines are hard-wrapped, else None.

    Wrapped text has a width that many lines reach (in columns, a line may stop one short:
    a two-column character did not fit) and that no line, or a single odd one, exceeds;
    paragraphs of ordinary text have all kinds of lengths, so their longest lines do not
    share one.

    >>> wrap_width(["一二三四五六七八九十甲乙"] * 4 + ["短"])
    ('chars', 12)
    >>> wrap_width(["一二三四五六七八九十甲乙"] * 4 + ["一二三四五六七八九十甲乙丙丁"] * 2) is None
    True
    """
    long_lines = [x.rstrip("\r") for x in lines if len(x) >= MIN_WIDTH // 2]
    if sum(1 for x in long_lines if not x.endswith(_ENDS)) < MIN_LINES:
        return None  # lines that end their sentences are paragraphs: no need to measure them
    for measure in ("chars", "columns"):
        # spaces count: the wrapper saw them; a line shorter than MIN_WIDTH // 2 cannot be
        # MIN_WIDTH wide (a character is at most two columns): long_lines holds all that can
        widths = map(len, long_lines) if measure == "chars" else _columns_each(long_lines)
        long_ = sorted([w for w in widths if w >= MIN_WIDTH], reverse=True)
        if len(long_) < MIN_LINES:
            continue
        count = Counter(long_)
        slack = 1 if measure == "columns" else 0
        for longer, width in enumerate(long_[:2]):  # the widest line, or the next if one is odd
            if longer and width == long_[0]:
                break
            at = count[width] + (count[width - 1] if slack else 0)
            if at >= MIN_LINES and at >= SHARE * len(long_):
                return measure, width
    return None


def ragged_band(lines: list[str]) -> int | None:
    """The narrowest width of the band of a typeset (ragged) wrapping, or None.

    >>> row = "第一行文字，写到一半就被排版软件折到了下一行里，接着往下写"
    >>> ragged_band([row, row[:-2], row[:-4]] * 3 + ["短"])
    22
    >>> ragged_band(["协商议事，推动解决群众急难愁盼问题。" * 2] * 9) is None  # every line ends a sentence
    True
    """
    long_ = [x.rstrip("\r") for x in lines if len(x) >= MIN_WIDTH]
    if len(long_) < RAGGED_MIN_LINES:
        return None
    widths = sorted(map(len, long_), reverse=True)
    for top in widths[:2]:  # the widest line, or the next if the widest is an odd one (a title)
        if top < RAGGED_MIN_WIDTH:
            break
        low = -(-3 * top // 4)  # a quarter narrower than the widest, rounded up
        band = [x for x in long_ if low <= len(x) <= top]
        if len(band) < RAGGED_MIN_LINES or len(band) < RAGGED_SHARE * len(long_):
            continue
        open_ = sum(1 for x in band if not _SENTENCE_END.search(x))
        inner = sum(1 for x in band if _INNER_PUNCT.search(x, 0, len(x) - 1))
        if open_ >= RAGGED_SHARE * len(band) and inner >= RAGGED_SHARE * len(band):
            return low
    return None


def drop_page_marks(buf: Mapped) -> tuple[Mapped, int]:
    """Remove PDF page furniture: page numbers on lines of their own, the running header
    repeated at the top of each page, and the blank lines around them; return the buffer and
    how many furniture lines were removed.

    Only when the text holds at least two page numbers counting up (one by one, or skipping a
    page or two: a lone "- 1 -" may be anything).  A run of such lines between two lines of text leaves one line break,
    so that the unwrapping decides whether the paragraph goes on across the page break.

    >>> drop_page_marks(Mapped.identity("刊头\\n\\n甲乙\\n\\n- 1 -\\n\\n刊头\\n\\n丙丁\\n- 2 -\\n"))[0].text
    '甲乙\\n丙丁\\n'
    """
    text = buf.text
    if "页" not in text and "-" not in text and "—" not in text and "－" not in text and "–" not in text:
        return buf, 0
    lines = text.split("\n")
    numbers: list[tuple[int, int]] = []  # (line index, page number)
    for i, line in enumerate(lines):
        if len(line) <= 16:
            m = _PAGE_NUMBER.fullmatch(line)
            if m:
                numbers.append((i, int(m.group(1) or m.group(2))))
    # (counting up, a page or two skipped at most: a newsletter's extract leaves out a page)
    if len(numbers) < 2 or any(not 0 < b[1] - a[1] <= 3 for a, b in pairwise(numbers)):
        return buf, 0
    furniture = {i for i, _ in numbers}
    stripped = [x.strip() for x in lines]
    # the running header: the first line of text after a page number, repeated in the text
    headers: set[str] = set()
    count = Counter(x for x in stripped if x and len(x) <= RUNNING_HEADER_MAX)
    for i, _ in numbers:
        j = next((k for k in range(i + 1, len(lines)) if stripped[k]), None)
        if j is not None and count[stripped[j]] >= 2 and j not in furniture:
            headers.add(stripped[j])
    for i, x in enumerate(stripped):
        if x in headers:
            before = next((k for k in range(i - 1, -1, -1) if stripped[k]), None)
            if before is None or before in furniture:  # at the top of the text or of a page
                furniture.add(i)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if i not in furniture and stripped[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and (j in furniture or not stripped[j]):
            j += 1
        if any(k in furniture for k in range(i, j)):  # whole lines, with their line breaks
            spans.append((starts[i], min(starts[j], len(text))))
        i = j
    return delete_spans(buf, spans), len(furniture)


def unwrap(buf: Mapped) -> tuple[Mapped, int]:
    """Remove the line breaks of hard wrapping; return the buffer and how many were removed.
    Runs on the text as read (CRLF line ends, invisible characters): the widths are those the
    wrapping tool saw."""
    text = buf.text
    if text.count("\n") < MIN_LINES:
        return buf, 0
    lines = text.split("\n")
    found = wrap_width(lines)
    if found is None:
        low = ragged_band(lines)
        if low is None:
            return buf, 0
        found = ("chars", low)  # a line in the band continues (slack 0, width its low end)
    measure, width = found
    size = len if measure == "chars" else _columns
    slack = 0 if measure == "chars" else 1
    join_after: set[int] = set()  # offsets of the "\n" of the line breaks to remove
    pos = 0
    continued = False  # the line continues the one before (that break was removed)
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[i + 1]
        line = line.rstrip("\r")
        if nxt and not _NOT_A_CONTINUATION.match(nxt) and not _TABLE.search(line) and (
                size(line) >= width - slack and not _SENTENCE_END.search(line) and not _ASIDE_LINE.match(line)
                # a line of a wrapped paragraph, right after a full one, a few characters short,
                # that stops inside a word, as a typesetter breaks early before a mark that may not
                # start a line (or shorter, when it splits a word never written apart: 市政\n协):
                # it holds a mark inside (a heading does not), and a paragraph's last line ends
                # with one or is shorter
                or continued and _OPEN_END.search(line) and _OPEN_START.match(nxt)
                and _INNER_PUNCT.search(line) is not None
                and (size(line) >= width - EARLY_BREAK or line[-1:] + nxt[:1] in _NEVER_APART)):
            join_after.add(pos)
            # (only a line of the wrapping's width carries on: short lines never chain)
            continued = size(line) >= width - slack
        else:
            continued = False
        pos += 1

    # each removed break with the "\r" before it (what ``\r?\n`` matches)
    spans = [(q - 1 if q and text[q - 1] == "\r" else q, q + 1) for q in sorted(join_after)]
    return delete_spans(buf, spans), len(spans)


# a space that OCR put inside a word that is never written apart (县政 协, 委 员, 主 席); not a
# label padded to the width of others before its colon (主　席：, 委　员：)
_SPLIT_WORD = re.compile("(?:政[ \u3000]+[协協]|委[ \u3000]+[员員]|主[ \u3000]+席)(?![ \u3000]*[：:])")
_LIST_END = re.compile("[，,。\n]")


def _list_spans(text: str) -> list[tuple[int, int]]:
    """The list part of each line (a label and names apart, no sentence): from the line's start
    to the first comma or full stop after its last colon; its gaps are the separators.  One pass
    over the lines (a pattern opening with ``[^\\n]*`` would rescan every long line from each of
    its characters).

    >>> _list_spans("出席：丁一　王二\\n会议，讨论：甲　乙，丙")
    [(0, 8), (9, 18)]
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        colon = max(line.rfind("："), line.rfind(":"))
        if colon >= 0:
            stop = _LIST_END.search(line, colon)
            out.append((pos, pos + (stop.start() if stop else len(line))))
        pos += len(line) + 1
    return out


def _within(spans: list[tuple[int, int]], starts: list[int], i: int) -> bool:
    """Is ``i`` inside one of the sorted, disjoint ``spans`` (``starts``: their starts)?"""
    k = bisect_right(starts, i) - 1
    return k >= 0 and i < spans[k][1]
# a single space between two Han characters (张　三 is one name in such text)
_HAN_GAP = re.compile("(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")
MIN_SPLIT_WORDS = 2  # split words before a text counts as OCR output


def join_split_words(buf: Mapped) -> tuple[Mapped, int]:
    """Remove the single spaces between Han characters of a text that OCR scattered them over
    (a scanned newsletter: 县政 协, 周 慧琳, 钟　建平), and the line breaks it left inside a
    sentence; return the buffer and how many were removed.

    Only when at least :data:`MIN_SPLIT_WORDS` words that are never written apart are split:
    elsewhere a space between Han characters means something (a headline's two halves, a
    programme's name: “委员进社区 服务零距离”, a byline's padded name: 记者 江 玮).

    >>> join_split_words(Mapped.identity("县政 协副主席周 慧琳，县政协委 员。"))[0].text
    '县政协副主席周慧琳，县政协委员。'
    >>> join_split_words(Mapped.identity("“委员进社区 服务零距离”活动"))[0].text
    '“委员进社区 服务零距离”活动'
    """
    text = buf.text
    found = 0
    for _ in _SPLIT_WORD.finditer(text):
        found += 1
        if found >= MIN_SPLIT_WORDS:
            break
    else:
        return buf, 0
    lists = _list_spans(text)
    starts = [a for a, _ in lists]
    # (in a list line, a full-width gap is a separator: 出席：丁一　王二; a single ASCII space in a
    # name is still OCR's: 责任编辑：聂 晓芸)
    spans = [(m.start(), m.end()) for m in _HAN_GAP.finditer(text)
             if text[m.start()] == " " or not _within(lists, starts, m.start())]
    # and the line breaks it left inside a sentence of prose (局长易\n德胜等参加): after a line
    # that holds a comma and stops on a Han character, before one that starts with one
    for m in _PROSE_BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _INNER_PUNCT.search(text, line_start, m.start()) and m.start() - line_start >= RAGGED_MIN_WIDTH:
            spans.append((m.start(), m.end()))
    spans.sort()
    return delete_spans(buf, spans), len(spans)


_PROSE_BREAK = re.compile("(?<=[\u4e00-\u9fff])\n(?=[\u4e00-\u9fff“])")
