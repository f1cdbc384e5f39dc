"""HTML -> visible text with offsets into the HTML source, plus title and date.

A small linear scanner (no DOM, so 100 000 nested ``<div>`` cost nothing): tags are found by
one regex, the text between them is kept, entities are decoded (each decoded character maps
to the whole entity), block tags become line breaks (mapped to the tag), and the content of
scripts, styles, navigation, share widgets, forms and footers is dropped.  What survives is
later zoned by :mod:`kg.text.boilerplate`, which marks the plain-text boilerplate left over.
"""

from __future__ import annotations

import html as _html
import re
from array import array

from kg.text.buffer import Mapped, typecode

_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>?|</?([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>?",
                  re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?")
# patterns that start with a character class, not a repeat (``[...]+``): the regex engine then
# skips to the next candidate at C speed instead of trying the pattern at every position
_WS = re.compile(r"[ \t\r\n\f\v][ \t\r\n\f\v]*")
RAW_TEXT = frozenset({"script", "style", "textarea", "template", "noscript", "svg", "math", "iframe", "object"})
DROP = frozenset({"head", "title", "nav", "footer", "aside", "form", "button", "select", "header", "menu", "dialog"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})
BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                   "article", "blockquote", "dd", "dt", "dl", "hr", "pre", "main", "figure",
                   "figcaption", "center", "title", "body", "html"})
_BAD_ATTR = re.compile(r"""(?:class|id)\s*=\s*["']?[^"'>]*?(?:share|nav|menu|footer|breadcrumb|crumb|sidebar|"""
                       r"""copyright|comment|related|toolbar|banner|\bad\b|login|search|header)""", re.I)
_META_DATE = re.compile(r"""<meta[^>]+(?:name|property|itemprop)\s*=\s*["']?(?:article:published_time|pubdate|"""
                        r"""publishdate|PubDate|datePublished|date|dc\.date)["']?[^>]*content\s*=\s*["']([^"']+)""",
                        re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.I | re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1", re.I | re.S)
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_LOOKS_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|p|div|br|title|table|span|a\s)[\s>/]", re.I)
CELL = frozenset({"td", "th"})
MAX_STACK_SEARCH = 64  # how far a closing tag looks down the open-element stack (keeps broken HTML linear)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` is HTML markup (by content, never by file name).

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("政协 <b>")
    (True, False)
    """
    head = text[:4096]
    if _LOOKS_HTML.search(head) is None:
        return False  # (then findall finds none either: plain text is scanned once)
    return head.lstrip().startswith("<") or len(_LOOKS_HTML.findall(head)) >= 3


def iso_date(text: str) -> str:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, or "".

    >>> iso_date("2025年06月18日 14:54"), iso_date("无")
    ('2025-06-18', '')
    """
    m = _DATE.search(text)
    if not m:
        return ""
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _strip_tags(fragment: str) -> str:
    return _WS.sub(" ", _html.unescape(re.sub(r"<[^>]*>", "", fragment))).strip()


def title_and_date(source: str) -> tuple[str, str]:
    """The page title (``<h1>`` if present, else ``<title>``) and publication date."""
    title = ""
    m = _H1.search(source)
    if m:
        title = _strip_tags(m.group(1))
    if not title:
        m = _TITLE.search(source)
        if m:
            title = _strip_tags(m.group(1))
    date = ""
    m = _META_DATE.search(source)
    if m:
        date = iso_date(m.group(1))
    if not date:
        body = source.find("<body")
        date = iso_date(_strip_tags(source[max(0, body):][:200_000]))
    return title, date


class _Out:
    """Text pieces and their offsets, joined once at the end (no quadratic concatenation).
    The offsets are gathered in lists (pieces are short: a list takes a short range faster
    than an array) and made arrays once, by :meth:`mapped`."""

    def __init__(self, size: int) -> None:
        """For a source of ``size`` characters."""
        self.code = typecode(size)
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, piece: str, a: int, b: int) -> None:
        """``piece`` (any length) maps to the whole raw span ``[a, b)``."""
        self.parts.append(piece)
        self.starts.extend([a] * len(piece))
        self.ends.extend([b] * len(piece))

    def copy(self, src: str, a: int, b: int) -> None:
        """``src[a:b]`` character by character."""
        self.parts.append(src[a:b])
        self.starts.extend(range(a, b))
        self.ends.extend(range(a + 1, b + 1))

    def mapped(self) -> Mapped:
        return Mapped("".join(self.parts), array(self.code, self.starts), array(self.code, self.ends))


def _append_text(out: _Out, src: str, a: int, b: int) -> None:
    """Visible text ``src[a:b]``: whitespace collapsed to one space, entities decoded."""
    pos = a
    for m in _ENTITY.finditer(src, a, b):
        _append_ws(out, src, pos, m.start())
        ch = _html.unescape(m.group())
        if ch == m.group():
            _append_ws(out, src, m.start(), m.end())
        else:
            out.add(ch.replace("\xa0", " "), m.start(), m.end())
        pos = m.end()
    _append_ws(out, src, pos, b)


def _append_ws(out: _Out, src: str, a: int, b: int) -> None:
    pos = a
    for m in _WS.finditer(src, a, b):
        out.copy(src, pos, m.start())
        out.add(" ", m.start(), m.end())
        pos = m.end()
    out.copy(src, pos, b)


def extract(source: str) -> Mapped:
    """The visible text of an HTML page, mapped into ``source``.

    >>> m = extract("<p>政协&amp;委员</p><script>x()</script><p>会议</p>")
    >>> i = m.text.index("&")  # one character of the text, five of the source
    >>> m.text.split(), m.starts[i], m.ends[i]
    (['政协&委员', '会议'], 5, 10)
    """
    out = _Out(len(source))
    stack: list[str] = []
    drop_marks: list[bool] = []
    dropped = 0  # number of open elements whose content is dropped
    pos = 0
    n = len(source)
    while pos < n:
        jumped = False
        for m in _TAG.finditer(source, pos):
            a, b = m.span()
            if not dropped and a > pos:
                _append_text(out, source, pos, a)
            pos = b
            name = (m.group(1) or "").lower()
            if not name:
                continue
            closing = source.startswith("</", a)
            if name == "body" and not closing:  # whatever was left open before the body is over
                stack.clear()
                drop_marks.clear()
                dropped = 0
            if not closing and name in RAW_TEXT:
                end = re.compile(rf"</{name}\s*>", re.I).search(source, b)
                pos = end.end() if end else n
                jumped = True
                break
            if name in BLOCK and not dropped:
                out.add("\n", a, b)
            elif name in CELL and not dropped and not closing:
                # the cells of a row stay on its line, a tab apart (a row of a table is one
                # record: 名称 | 所属政协 | 负责人; a layout table's cells hold blocks of their own)
                out.add("\t", a, b)
            if closing:
                dropped = _close(stack, drop_marks, name, dropped)
            elif name not in VOID and not m.group(2).rstrip().endswith("/"):
                bad = name in DROP or bool(_BAD_ATTR.search(m.group(2)))
                stack.append(name)
                drop_marks.append(bad)
                dropped += bad
        if not jumped:
            if not dropped and pos < n:
                _append_text(out, source, pos, n)
            break
    return _squeeze(out.mapped())


# a run of spaces and line breaks holding a line break (``[ \n]*\n[ \n]*``), from its first
# character: a line break, or a space followed by a line break further in the run
_BLANK = re.compile(r"[ \n](?:(?<=\n)|(?=[ \n]*\n))[ \n]*")


# spaces around a cell's tab (the markup's own whitespace), and a tab at either end of a line
_CELL_GAP = re.compile(r"[ \t]*\t[ \t]*")
_ROW_END = re.compile(r"\t*\n\t*")


def _squeeze(buf: Mapped) -> Mapped:
    """Runs of line breaks and spaces made by the markup become one line break."""
    from kg.text.buffer import sub_text

    if "\t" in buf.text:  # one tab between cells, none at a row's ends
        buf, _ = sub_text(buf, _CELL_GAP, lambda s: "\t" if s != "\t" else None)
        buf, _ = sub_text(buf, _ROW_END, lambda s: "\n" if s != "\n" else None)
    buf, _ = sub_text(buf, _BLANK, lambda s: "\n" if s != "\n" else None)
    if buf.text.startswith("\n"):
        buf = Mapped(buf.text[1:], buf.starts[1:], buf.ends[1:])
    return buf


def _close(stack: list[str], drop_marks: list[bool], name: str, dropped: int) -> int:
    """Pop the open element ``name`` (and anything left open inside it); return the new
    count of dropping elements.  A stray closing tag is ignored."""
    lo = max(0, len(stack) - MAX_STACK_SEARCH)
    for i in range(len(stack) - 1, lo - 1, -1):
        if stack[i] == name:
            dropped -= sum(drop_marks[i:])
            del stack[i:]
            del drop_marks[i:]
            break
    return dropped
