"""Hard-wrapped text (a line break every N characters, inside sentences and names) rejoined.

A text is hard-wrapped when most of its long lines have one and the same width, counted in
characters or in display columns (a Chinese character is two columns); a line that reaches
that width (less one: a two-column character does not fit in the last column) continues on
the next line, so the line break between them is removed (with nothing in its place: such
wrapping counts characters, it cuts Latin words and pinyin too, and a space it broke at stays
at the line's end).  A paragraph's last line is shorter, so paragraphs stay apart.
Ordinary text, whose paragraphs have all kinds of lengths, never shows such a width.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.text.buffer import Mapped, delete_spans

MIN_WIDTH = 12  # narrower "wrapping" is a list of short lines, not a wrapped paragraph
MIN_LINES = 4  # lines of the common width needed before a text counts as wrapped
SHARE = 0.3  # ... and their share of the lines at least MIN_WIDTH long (a paragraph's last line is shorter)
_TABLE = re.compile(r"\S(?:\t| {2,}|\u3000)\S")  # cells apart: a table row of equal width, not wrapping
# an indent or a list item starts a new paragraph (a single space is where the wrap broke;
# a middle dot with no space is inside a name: 朱子故里·委员)
_NOT_A_CONTINUATION = re.compile(r"[\t\u3000]|\s\s|[-·]\s|[•▪●◆■□]|\d{1,2}(?:[、)）]|\.\s)")
# a paragraph's last line may fill the width by chance: a break after a full stop stays (it
# costs a paragraph split at most, while joining could glue a footer line to the story)
_ENDS = tuple("。！？!?”’」』）)")
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*$")


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
        return buf, 0
    measure, width = found
    size = len if measure == "chars" else _columns
    slack = 0 if measure == "chars" else 1
    join_after: set[int] = set()  # offsets of the "\n" of the line breaks to remove
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[i + 1]
        line = line.rstrip("\r")
        if (size(line) >= width - slack and nxt and not _NOT_A_CONTINUATION.match(nxt)
                and not _TABLE.search(line) and not _SENTENCE_END.search(line)):
            join_after.add(pos)
        pos += 1

    # each removed break with the "\r" before it (what ``\r?\n`` matches)
    spans = [(q - 1 if q and text[q - 1] == "\r" else q, q + 1) for q in sorted(join_after)]
    return delete_spans(buf, spans), len(spans)
