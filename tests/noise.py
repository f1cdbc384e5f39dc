"""A deterministic generator of the noise scraped Chinese news shows (reusable by tests).

Every function takes a :class:`random.Random`, so the same seed gives the same bytes.  The
noise kinds are the ones of issue 3, each modelled on how it arises:

* :func:`to_traditional` - the page was published in Traditional script (OpenCC ``s2t``);
* :func:`add_pinyin` - a "reading aid" plug-in put the pinyin of some characters after them
  (``協(xié)``); syllables are generated from the pinyin grammar with a tone mark on the
  right vowel, so the normaliser must know the grammar, not a list;
* :func:`double_punctuation` - an editor's ASCII comma glued before the real mark (``,,``
  ``,。`` ``,、`` ``,;``): the real (stronger) mark is always kept last, so collapsing to the
  strongest mark restores the clean text;
* :func:`gbk_shift` / :func:`add_mojibake` - a stretch encoded in GBK and decoded one byte
  off; placed only where no protected name (an entity) is within reach;
* :func:`add_boilerplate` - navigation lines above the story and a footer below it, made of
  generic site furniture (no region, committee or person names: they would be new entities);
* :func:`full_width` - digits and letters in full-width forms (before the scraping damage);
* :func:`add_layout` - ideographic-space indents, zero-width spaces, soft hyphens and BOMs
  between characters, CRLF line ends;
* :func:`hard_wrap` - a line break every N characters or 2N columns (fixed-width text);
* :func:`container` - the file re-encoded as GBK, Big5 or UTF-16, or wrapped in an HTML page
  (UTF-8 or GBK) with navigation and footer elements, quotation marks as entities and inline
  tags cutting through the text, or misread as a whole (:func:`misread`: UTF-8 shown as
  Windows-1252, saved as UTF-8).

:func:`noisy_copy` chains them all.  Nothing here knows any article: the protected names are
passed in (the test passes the gold labels).
"""

from __future__ import annotations

import html
import random
import re
import string
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

HAN = re.compile(r"[\u3400-\u9fff]")

# pinyin grammar: initials, finals (the vowel that carries the tone is found by the rule)
_INITIALS = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z",
             "c", "s", "y", "w"]
_FINALS = ["a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie", "iao", "iu",
           "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ü", "üe", "üan"]
_TONES = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}

NAV_LINES = ["首页 | 新闻 | 协商 | 履职 | 视频 | 图片", "当前位置：首页 > 新闻中心 > 工作动态",
             "投稿热线：010-12345678 投稿邮箱：tougao@example.cn", "【字号 大 中 小】 打印本页 关闭窗口",
             "分享到：微信 微博 QQ空间", "欢迎访问本网站 设为首页 加入收藏"]
FOOTER_LINES = ["版权所有：本网站 未经授权禁止复制或建立镜像", "ICP备12345678号-1 公网安备 11010502000001号",
                "技术支持：某某信息技术有限公司", "联系我们 | 网站地图 | 使用帮助", "地址：某某路1号 邮编：100000"]

# marks of the clean text and the glued forms they take (the clean mark always comes last)
_DOUBLED = {"，": [",,", "，，", ",，"], "。": ["，。", ",。"], "、": ["，、", ",、"], "；": [",;", "，；"]}


def syllable(rng: random.Random) -> str:
    """One toned pinyin syllable (``xié``, ``zhuǎng``, ``lǚ``).

    >>> syllable(random.Random(1)) == syllable(random.Random(1))
    True
    """
    while True:
        ini, fin = rng.choice(_INITIALS), rng.choice(_FINALS)
        if fin.startswith("ü") and ini not in ("n", "l", "j", "q", "x", "y", ""):
            continue
        break
    if ini in ("j", "q", "x", "y") and fin.startswith("ü"):
        fin = "u" + fin[1:]  # ju, xue, yuan: the dots are not written after j q x y
    tone = rng.randrange(4)
    if "a" in fin:
        v = "a"
    elif "e" in fin:
        v = "e"
    elif "ou" in fin:
        v = "o"
    else:
        v = next(c for c in reversed(fin) if c in _TONES)
    k = fin.rindex(v)
    return ini + fin[:k] + _TONES[v][tone] + fin[k + 1:]


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t").convert


def to_traditional(text: str) -> str:
    return _s2t()(text)


def add_pinyin(text: str, rng: random.Random, rate: float = 0.06) -> str:
    """A pinyin annotation after about ``rate`` of the Han characters (ASCII or full-width
    brackets; on one page in ten the letters are full-width too, as a page converted to full
    width shows them)."""
    wide = rng.random() < 0.1
    out = []
    for c in text:
        out.append(c)
        if HAN.match(c) and rng.random() < rate:
            a, b = ("（", "）") if rng.random() < 0.2 else ("(", ")")
            syl = syllable(rng)
            out.append(a + (syl.translate(_WIDE) if wide else syl) + b)
    return "".join(out)


def double_punctuation(text: str, rng: random.Random, rate: float = 0.3) -> str:
    out = []
    for c in text:
        forms = _DOUBLED.get(c)
        out.append(rng.choice(forms) if forms and rng.random() < rate else c)
    return "".join(out)


SHIFT_STYLES = ("vanish", "replace", "pua")


def gbk_shift(text: str, style: str = "vanish") -> str:
    """``text`` encoded in GBK and decoded one byte off, the way scrapers do it.  Bytes below
    0x80 stand alone (and re-synchronise the pairs); an invalid pair

    * ``vanish``: is dropped (the harshest: the bytes are gone);
    * ``replace``: becomes U+FFFD for its first byte, the next byte starting a new pair
      (Python's ``errors="replace"``: the run ends there, re-synchronised);
    * ``pua``: is read as GB18030 does, user-defined codes as private-use characters (what
      browsers show), and dropped only if GB18030 has no reading either.

    >>> gbk_shift("”談及感受，王嘉儀")
    '闭劶案惺埽跫蝺x'
    >>> gbk_shift("政協委員", "replace")
    '\ufffd協委員'
    """
    data = text.encode("gbk")[1:]
    if style == "replace":
        return data.decode("gbk", errors="replace")
    out = []
    i = 0
    while i < len(data):
        if data[i] < 0x80:
            out.append(chr(data[i]))
            i += 1
            continue
        for codec in ("gbk", "gb18030") if style == "pua" else ("gbk",):
            try:
                out.append(data[i:i + 2].decode(codec))
                break
            except UnicodeDecodeError:
                continue
        i += 2
    return "".join(out)


def _protected(text: str, names: Iterable[str], margin: int) -> list[bool]:
    """Characters within ``margin`` of a protected name or of a quotation (a brand's name and
    its cue words live there)."""
    bad = [False] * len(text)
    spans = [m.span() for m in re.finditer(r"[“‘「『《][^”’」』》\n]{0,40}[”’」』》]", text)]
    for name in {n for n in names if n}:
        spans += [m.span() for m in re.finditer(re.escape(name), text)]
    for a, b in spans:
        for i in range(max(0, a - margin), min(len(text), b + margin)):
            bad[i] = True
    return bad


def add_mojibake(text: str, rng: random.Random, protect: Iterable[str] = (), runs: int = 1, length: int = 10,
                 margin: int = 4, style: str | None = None) -> tuple[str, int]:
    """Replace up to ``runs`` stretches of ``length`` Han characters (or common punctuation)
    far from every protected name by their GBK byte-shifted form (``style`` of
    :func:`gbk_shift`, drawn per run when None).  Returns the text and the number of runs
    made."""
    bad = _protected(text, protect, margin)
    ok = re.compile(r"[\u4e00-\u9fff，、]")
    starts = [i for i in range(len(text) - length)
              if all(ok.match(text[j]) and not bad[j] for j in range(i, i + length))]
    rng.shuffle(starts)
    chosen: list[int] = []
    for i in starts:
        if len(chosen) == runs:
            break
        if all(abs(i - j) > 2 * length for j in chosen):
            try:
                text[i:i + length].encode("gbk")
            except UnicodeEncodeError:
                continue
            chosen.append(i)
    for i in sorted(chosen, reverse=True):
        text = text[:i] + gbk_shift(text[i:i + length], style or rng.choice(SHIFT_STYLES)) + text[i + length:]
    return text, len(chosen)


def add_boilerplate(text: str, rng: random.Random) -> str:
    head = rng.sample(NAV_LINES, 3)
    foot = rng.sample(FOOTER_LINES, 2)
    return "\n".join(head) + "\n" + text.rstrip("\n") + "\n" + "\n".join(foot) + "\n"


_WIDE = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters})


def full_width(text: str, rng: random.Random, rate: float = 0.3) -> str:
    """About ``rate`` of the runs of digits and Latin letters in full-width forms (typeset
    text, so it comes before any scraping damage)."""
    return re.sub(r"[0-9A-Za-z]+", lambda m: m.group().translate(_WIDE) if rng.random() < rate else m.group(), text)


def add_layout(text: str, rng: random.Random, rate: float = 0.01) -> str:
    """Page furniture around the characters: ideographic-space indents, zero-width spaces,
    soft hyphens and BOMs between characters, CRLF line ends."""
    lines = []
    for line in text.split("\n"):
        if line.strip() and rng.random() < 0.5:
            line = "\u3000\u3000" + line
        lines.append(line)
    out = []
    for c in "\n".join(lines):
        out.append(c)
        if HAN.match(c) and rng.random() < rate:
            out.append(rng.choice(["\u200b", "\u00ad", "\ufeff", "\u200b"]))
    text = "".join(out)
    return text.replace("\n", "\r\n") if rng.random() < 0.5 else text


def hard_wrap(text: str, rng: random.Random) -> str:
    """Every line cut every N characters or every 2N display columns (a Chinese character
    is two), N drawn from 18-40: a page saved as fixed-width text, breaks inside sentences and
    names."""
    nl = "\r\n" if "\r\n" in text else "\n"
    n = rng.randrange(18, 41)
    by_columns = rng.random() < 0.5
    out = []
    for line in text.split(nl):
        cur, width = [], 0
        for c in line:
            w = (2 if unicodedata.east_asian_width(c) in "WF" else 1) if by_columns else 1
            if width + w > (2 * n if by_columns else n):
                out.append("".join(cur))
                cur, width = [], 0
            cur.append(c)
            width += w
        out.append("".join(cur))
    return nl.join(out)


def _inline_markup(line: str, rng: random.Random) -> str:
    """A line of an HTML page: escaped, quotation marks as named entities, some stretches in
    inline tags (links, bold, styled spans cut through names as editors' markup does)."""
    out = html.escape(line, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;")
    parts = re.split(r"(&[a-z]+;)", out)
    res = []
    for part in parts:
        if part.startswith("&") or len(part) < 6 or rng.random() < 0.5:
            res.append(part)
            continue
        a = rng.randrange(len(part) - 3)
        b = rng.randrange(a + 1, min(len(part), a + 8))
        tag = rng.choice(["<strong>{}</strong>", "<a href='/t/1.html' target='_blank'>{}</a>",
                          "<span style='font-family:宋体'>{}</span>"])
        res.append(part[:a] + tag.format(part[a:b]) + part[b:])
    return "".join(res)


CONTAINERS = ("gbk", "big5", "utf-16", "html", "misread")


def misread(text: str) -> str:
    """UTF-8 bytes shown as Windows-1252 the way browsers do it (undefined bytes as C1
    controls), as a page saved after a wrong guess holds them: ``å®œæ˜Œ``.

    >>> misread("宜")
    'å®œ'
    """
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                   for b in text.encode("utf-8"))


def container(text: str, kind: str, rng: random.Random) -> tuple[bytes, str, str]:
    """The bytes of a file holding ``text``, its suffix and the encoding used.  Big5 and GBK
    fall back to GB18030 / UTF-16 when the text has characters they lack (the file must stay
    faithful)."""
    if kind == "html":
        lines = [ln.replace("\r", "") for ln in text.split("\n") if ln.strip()]
        body = "\n".join(f"<p>{_inline_markup(ln, rng)}</p>" if rng.random() < 0.7 else f"{_inline_markup(ln, rng)}<br>"
                         for ln in lines)
        nav = " ".join(f"<a href='/{i}'>{html.escape(x)}</a>" for i, x in enumerate(rng.sample(NAV_LINES, 2)))
        charset = rng.choice(["utf-8", "gbk"])
        page = (f"<!DOCTYPE html>\n<html><head><meta charset='{charset}'><title>新闻中心</title>"
                "<script>var _hmt = _hmt || [];</script></head>\n<body>"
                f"<div class='nav'>{nav}</div>\n<div class='article'>\n{body}\n</div>\n"
                f"<div class='share'>分享到：微信 微博</div><footer>{html.escape(FOOTER_LINES[0])}</footer>"
                "</body></html>\n")
        enc = "gb18030" if charset == "gbk" else "utf-8"
        return page.encode(enc), ".html", enc
    if kind == "misread":
        return misread(text).encode("utf-8"), ".txt", "utf-8"
    order = {"gbk": ["gbk", "gb18030"], "big5": ["big5", "utf-16"], "utf-16": ["utf-16"]}[kind]
    for enc in order:
        try:
            return text.encode(enc), ".txt", enc
        except UnicodeEncodeError:
            continue
    raise AssertionError("utf-16 encodes everything")


def noisy_copy(clean: str, seed: int, protect: Iterable[str] = (), kind: str | None = None,
               mojibake: dict | None = None) -> tuple[bytes, str, dict]:
    """A noisy copy of ``clean``: (file bytes, suffix, what was done).

    Traditional script, pinyin, doubled punctuation, one GBK-shifted run away from the
    ``protect`` names (``mojibake``: other arguments of :func:`add_mojibake`), navigation and
    footer lines, typesetting noise, for some plain-text files hard wrapping, then a container
    (``kind`` or one drawn from :data:`CONTAINERS`)."""
    rng = random.Random(seed)
    text = full_width(to_traditional(clean), rng)  # as published
    protect = {to_traditional(n) for n in protect}
    protect |= {n.translate(_WIDE) for n in protect}
    text, n_moji = add_mojibake(text, rng, protect, **(mojibake or {}))  # as scraped
    text = add_boilerplate(text, rng)
    text = add_layout(text, rng)
    text = add_pinyin(text, rng)  # a reading-aid plug-in and an editor's marks over the lot
    text = double_punctuation(text, rng)
    kind = kind or rng.choice(CONTAINERS)
    wrapped = kind != "html" and rng.random() < 0.4
    if wrapped:  # saved as fixed-width text
        text = hard_wrap(text, rng)
    data, suffix, encoding = container(text, kind, rng)
    return data, suffix, {"container": kind, "encoding": encoding, "mojibake_runs": n_moji, "wrapped": wrapped}
