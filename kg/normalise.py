"""Article -> Doc: clean Simplified text plus the offset map back to the raw file.

``doc.text[i]`` comes from ``article.raw[doc.raw_starts[i]:doc.raw_ends[i]]``; the map is
monotone and in range.  The steps, each a linear pass that keeps the map (:mod:`kg.text`):

1. HTML: the visible text of the page (scripts, styles, navigation, share widgets and
   footers dropped; entities decoded), mapped into the HTML source;
2. a text that is UTF-8 misread as a whole (as GB18030, Big5 or Windows-1252) read back;
   PDF page furniture (page numbers on lines of their own, the running header above each
   page) removed; hard wrapping (a line break every N characters, or the ragged lines of a
   typeset PDF) rejoined; line ends, invisible characters; (after step 6) the spaces that OCR
   scattered between Han characters (县政 协, 周 慧琳), in a text where words that are never
   written apart are split;
3. pinyin annotations removed (``協(xié)`` -> ``協``), real parentheses kept;
4. GBK/Big5 byte-shift mojibake recovered where a character model finds the recovery far
   more likely; unrecoverable runs and ``?``/U+FFFD runs are marked as "lost" zones;
5. full-width digits/Latin to ASCII; doubled punctuation collapsed to the strongest mark;
   ASCII , ; : ! next to Chinese text to ，；：！;
6. Traditional -> Simplified (OpenCC ``t2s``, phrase level);
7. zones (title, byline, headlines, heading, nav, footer, body, lost), and ``Article.title`` from the
   title zone when the reader found none.

Clean Simplified text costs one regex scan per step plus one OpenCC call.  ``quality``
records what was found and repaired.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from kg.model import Article, Doc
from kg.text import boilerplate, html, mojibake, punct, script, wrap
from kg.text.buffer import Mapped


def _lost_text_spans(buf: Mapped, raw_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Raw spans -> spans of ``buf.text`` whose characters come from inside them, plus the
    lost characters (U+FFFD, ``?``) of the text itself, merged."""
    out = mojibake.marks(buf.text)
    for ra, rb in sorted(raw_spans):
        i = bisect.bisect_left(buf.starts, ra)
        j = bisect.bisect_right(buf.ends, rb, lo=i)
        if j > i:
            out.append((i, j))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(out):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _title(text: str, zones: tuple) -> str:
    for z in zones:
        if z.kind == "title":
            t = text[z.start:z.end].strip()
            if t:
                return t.split("\n")[0].strip()
    return ""


def normalise(article: Article) -> Doc:
    """Normalise one article (pure; never raises on text input)."""
    raw = article.raw
    is_html = article.media_type == "text/html" or (article.media_type != "text/plain" and html.looks_like_html(raw))
    buf = html.extract(raw) if is_html else Mapped.identity(raw)
    buf, misread = mojibake.reread(buf)
    buf, n_furniture = wrap.drop_page_marks(buf)  # page numbers and running headers part paragraphs
    buf, n_unwrapped = wrap.unwrap(buf)  # on the lines as they were wrapped
    buf, _ = punct.unify_lines(buf)
    buf, n_pinyin = punct.remove_pinyin(buf)
    buf, lost_raw, n_recovered = mojibake.repair(buf)
    if n_recovered:  # a recovered run may be followed by the annotation of its last character
        buf, more = punct.remove_pinyin(buf)
        n_pinyin += more
    buf, n_punct = punct.collapse_punctuation(buf)
    buf, n_unified = punct.unify(buf)
    buf, scr = script.convert(buf)
    buf, n_split = wrap.join_split_words(buf)  # (on the Simplified text; the pattern takes both scripts)
    lost = _lost_text_spans(buf, lost_raw)
    zones = boilerplate.zones(buf.text, lost)
    quality = {"encoding": article.encoding, "script": scr, "html": is_html, "pinyin_removed": n_pinyin,
               "punctuation_repaired": n_punct, "punctuation_unified": n_unified,
               "mojibake_recovered": n_recovered, "mojibake_lost": len(lost),
               "lines_unwrapped": n_unwrapped, "misread_as": misread}
    if n_furniture:  # only when there was some: the reports of other texts stay as they were
        quality["page_marks_removed"] = n_furniture
    if n_split:
        quality["split_words_joined"] = n_split
    if not article.title:
        title = _title(buf.text, zones)
        if title:
            article = replace(article, title=title)
    return Doc(article=article, text=buf.text, raw_starts=buf.starts, raw_ends=buf.ends,  # stored as arrays
               zones=zones, quality=quality)
