"""Zones of a normalised text: title, byline, headlines, nav, footer, body.

Line-based and generic (cue words and layout, never site names):

* **headlines**: list items (``- ``, ``· ``, ``•``) in the block before the story starts, or
  in a run after it (a list item between two paragraphs heads a section: ``heading``);
* **nav**: breadcrumbs (``当前位置``, ``首页 >``), hotlines and mailboxes (``投稿热线``),
  share widgets (``分享到``), menus (a line of many short words separated by spaces), and the
  site-name lines above them;
* **byline**: ``□ 本报记者 …``, ``通讯员``, ``编辑：…``, ``来源：``, a date line, and
  a ``（记者 …）`` at the end of a paragraph (only that span);
* **title**: the short lines between the top matter and the first body paragraph;
* **footer**: the trailing block of short lines holding ``版权所有``, ``联系电话``, ``主办``,
  ``ICP备``…;
* **body**: the rest.  All text is kept; zones only mark it.
"""

from __future__ import annotations

import re

from kg.model import Zone

_HEADLINE_ITEM = re.compile(r"^\s*(?:[-•·▪●◆■]|\d{1,2}[.、])\s*\S")
# The cue patterns are only asked whether they occur.  Each is an alternation whose branches all
# start with a literal character, so that the regex engine skips to the next candidate at C speed
# (one branch starting with a class, ``[Cc]opyright``, or an anchor makes it try every branch at
# every position): such branches are spelt out, and the anchored ones are a pattern of their own.
# (上一篇：/下一篇： links to the site's other articles, whose titles name other committees' doings)
# a link to the site's previous or next article (上一篇：…): navigation, but kept out of the rule
# that makes the short lines above the last navigation line navigation (it may stand under the
# headline); the people recogniser skips these lines (their titles name other articles' people)
PREV_NEXT = r"[上下]一[篇条][ \t\u3000]*[：:]"
_PREV_NEXT = re.compile(r"\s*" + PREV_NEXT)  # (.match)
_NAV_START = re.compile(  # (.match)
    r"首\s*页\s*[>›»/]|(?:首\s*页|网站首页|设为首页|加入收藏|English)\b|" + PREV_NEXT)
_NAV = re.compile(r"当前位置|您的位置|所在位置|" + "|".join(rf"{c}\s*(?:正文|本网|列表)" for c in ">›»")
                  + r"|投稿(?:热线|邮箱|信箱)|分享到|网站链接|友情链接|欢迎关注|扫一扫|扫码|返回顶部|打印本页|"
                  r"关闭窗口|字号|\|\s*(?:大|中|小)\s*\||数字报|客户端|手机版")
_FOOTER = re.compile(r"版权所有|Copyright|copyright|COPYRIGHT|©|ICP\s*备|ICP证|公网安备|联系电话|联系我们|"
                     r"联系方式|主办|承办|协办(?<!政协办)|技术支持|未经.{0,8}授权|禁止复制|地址[：:]|邮编|电话[：:]|传真|"
                     r"E-?[Mm]ail|e-?[Mm]ail")
_BYLINE = re.compile(r"^\s*(?:□|■|◎)?\s*(?:本报(?:记者|通讯员)|记者|通讯员|特约通讯员|作者|文\s*[/／]|图\s*[/／]|"
                     r"(?:责任)?编辑|责编|审核|校对|来源|摄影)\s*[：:|]?"
                     r"|^\s*\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[|｜]|来源|$)")
_INLINE_BYLINE = re.compile(r"[（(][ \t]*(?:本报)?(?:记者|通讯员|特约通讯员|作者)[^（）()\n]{1,40}[)）][ \t]*$",
                            re.M)
# an author credit that gives the authors' posts (（作者：某某，某市政协研究室主任）): facts, no byline
_CREDIT_WITH_POSTS = re.compile(r"[，,][^（）()\n]{0,12}政协")
_SENTENCE_END = re.compile(r"[。！？!?]\s*[”’」』]?\s*$")
BODY_LINE = 60  # a line this long (or ending a sentence) is a paragraph of the story


def _kind(line: str) -> str:
    s = line.strip()
    if not s:
        return "blank"
    if _HEADLINE_ITEM.match(s) and not (s[-1] in "。！？" and "，" in s):
        return "headlines"  # (an item that is a sentence, 工作动态's ●8月5日，某县政协…。, is a brief)
    if len(s) > 120 or (len(s) > BODY_LINE and s[-1] in "。！？”"):  # a paragraph: no cue regexes
        return "body"
    if len(s) <= 48 and _BYLINE.search(s):
        return "byline"
    if _NAV_START.match(s) or _NAV.search(s):
        return "nav"
    if _FOOTER.search(s):
        return "footer"
    if _menu(s):
        return "nav"
    if len(s) > BODY_LINE or _SENTENCE_END.search(s) or _INLINE_BYLINE.search(s):
        return "body"
    return "short"


def _menu(s: str) -> bool:
    """A menu bar: at least four short words separated by spaces, no sentence punctuation."""
    words = s.split()
    return len(words) >= 4 and all(len(w) <= 6 for w in words) and not re.search(r"[，。；、]", s)


EDGE_LINES = 60  # boilerplate lives in the first and last lines; the middle is the story


def line_kinds(lines: list[str]) -> list[str]:
    """The zone kind of each line (``blank`` lines take the kind of the line above).

    Only the first and last :data:`EDGE_LINES` lines are classified one by one; lines in
    between are the story (cheap for long texts)."""
    n = len(lines)
    if n > 2 * EDGE_LINES:
        kinds = ([_kind(x) for x in lines[:EDGE_LINES]] + ["body"] * (n - 2 * EDGE_LINES)
                 + [_kind(x) for x in lines[n - EDGE_LINES:]])
    else:
        kinds = [_kind(x) for x in lines]
    first_body = next((i for i, k in enumerate(kinds) if k == "body"), len(kinds))
    _section_heads(kinds, first_body)
    # site-name lines above the last navigation line of the top matter are navigation
    last_nav = max((i for i in range(first_body) if kinds[i] == "nav" and not _PREV_NEXT.match(lines[i])),
                   default=-1)
    for i in range(last_nav):
        if kinds[i] == "short":
            kinds[i] = "nav"
    for i in range(first_body):
        if kinds[i] == "short":
            kinds[i] = "title"
    # trailing block of short lines with a footer cue
    j = len(kinds)
    while j > first_body and kinds[j - 1] in ("short", "footer", "nav", "blank", "byline"):
        j -= 1
    if any(kinds[i] == "footer" for i in range(j, len(kinds))):
        for i in range(j, len(kinds)):
            if kinds[i] in ("short", "nav"):
                kinds[i] = "footer"
    out = ["body" if k == "short" else k for k in kinds]
    for i, k in enumerate(out):  # a blank line belongs to the zone above it
        if k == "blank":
            out[i] = out[i - 1] if i else "body"
    return out


def _section_heads(kinds: list[str], first_body: int) -> None:
    """A list-item line between two paragraphs of the story (``■ 某省某市 标题`` heading each
    item of a digest) is a section heading, zone "heading": its places are the item's (regions
    read it), but it is no sentence of the story (relations skip it, as they skip headlines).
    The related-links lists that the headlines rule is for run item after item, or end the page."""
    prev = "body"
    for i in range(first_body + 1, len(kinds)):
        k = kinds[i]
        if k == "blank":
            continue
        if k == "headlines" and prev == "body":
            nxt = next((x for x in kinds[i + 1:] if x != "blank"), "")
            if nxt == "body":
                kinds[i] = "heading"
        prev = "body" if kinds[i] == "heading" else kinds[i]


def zones(text: str, lost: list[tuple[int, int]] = ()) -> tuple[Zone, ...]:  # type: ignore[assignment]
    """Non-overlapping zones covering ``text``; ``lost`` spans (unrecoverable noise) win over
    the line zones.

    >>> [(z.kind, z.start, z.end) for z in zones("首页 > 新闻\\n标题\\n正文很长。\\n")]
    [('nav', 0, 8), ('title', 8, 11), ('body', 11, 17)]
    """
    lines = text.split("\n")
    kinds = line_kinds(lines)
    # lines of one kind in a row merged as they come (what _merge_kinds makes of one span a line)
    runs: list[list] = []
    pos = 0
    for size, kind in zip(map(len, lines), kinds, strict=True):
        end = pos + size + 1
        if runs and runs[-1][2] == kind:
            runs[-1][1] = end
        else:
            runs.append([pos, end, kind])
        pos = end
    runs[-1][1] = len(text)  # the last line has no line break
    if runs[-1][1] <= runs[-1][0]:
        runs.pop()  # the empty line after a final line break
    spans = [(a, b, k) for a, b, k in runs]
    inline = []
    if "记者" in text or "通讯员" in text or "作者" in text:
        inline = [(m.start(), m.end()) for m in _INLINE_BYLINE.finditer(text)
                  if not _CREDIT_WITH_POSTS.search(m.group())]
    if inline or lost:
        spans = _merge_kinds(_carve(_carve(spans, inline, "byline", only="body"), sorted(lost), "lost"))
    return tuple(Zone(a, b, k) for a, b, k in spans)


def _merge_kinds(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[list] = []
    for a, b, k in spans:
        if b <= a:
            continue
        if merged and merged[-1][2] == k and merged[-1][1] == a:
            merged[-1][1] = b
        else:
            merged.append([a, b, k])
    return [(a, b, k) for a, b, k in merged]


def _carve(spans: list[tuple[int, int, str]], lost: list[tuple[int, int]], kind: str,
           only: str | None = None) -> list[tuple[int, int, str]]:
    """Cut the spans ``lost`` out of ``spans`` as zones of ``kind`` (only out of zones of kind
    ``only`` when given)."""
    if not lost:
        return spans
    out: list[tuple[int, int, str]] = []
    li = 0
    for a, b, k in spans:
        pos = a
        while li < len(lost) and lost[li][1] <= pos:
            li += 1
        j = li
        while j < len(lost) and lost[j][0] < b and (only is None or k == only):
            la, lb = max(lost[j][0], pos), min(lost[j][1], b)
            if la > pos:
                out.append((pos, la, k))
            if lb > la:
                out.append((la, lb, kind))
            pos = max(pos, lb)
            j += 1
        if pos < b:
            out.append((pos, b, k))
    return out
