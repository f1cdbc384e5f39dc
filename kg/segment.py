"""Doc -> Doc with sentences, their paragraph index and their zone.

A sentence ends at 。！？；!? (with any closing quotes or brackets that follow, so a quote's
closing mark stays with its sentence) or at a line break; a paragraph is a line.  A run of
more than :data:`MAX_SENTENCE` characters without a full stop is cut after a comma, so that
no later stage sees a page-long sentence.  Each sentence takes the zone (:mod:`kg.text.boilerplate`) in which it starts
(past any lost characters it starts with).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from kg.model import Doc, Sentence

# a run of end marks with the closing marks after it, or a line break; written to start with one
# character class (a line break is known by a look behind) so that the engine skips to the next
# candidate at C speed (``[...]+...|\n`` is tried at every position); same matches
_END = re.compile(r"[。！？!?；;\n](?:(?<=\n)|[。！？!?；;]*[”’」』）)\"']*)")
_SPACE = re.compile(r"\s*")
_SOFT = re.compile(r"[，,、：:]")
MAX_SENTENCE = 400  # longer "sentences" (no full stop for pages) are cut at a comma: keeps later stages linear


def _zone_finder(doc: Doc):
    zones = doc.zones
    starts = [z.start for z in zones]
    find = bisect.bisect_right

    def kind(pos: int, end: int | None = None) -> str:
        """The zone at ``pos``; a "lost" zone (unrecoverable noise) gives way to the zone of
        the first character after it before ``end``: a sentence that starts with a lost
        character is still the story's.  A loop, not a recursion: a closure that calls itself
        is a reference cycle, which kept every article's Doc until a full collection."""
        while True:
            i = find(starts, pos) - 1
            if i >= 0:
                z = zones[i]
                if z.start <= pos < z.end:
                    if z.kind == "lost" and end is not None and z.end < end:
                        pos = z.end
                        continue
                    return z.kind
            return "body"

    return kind


def segment(doc: Doc) -> Doc:
    """Split ``doc.text`` into sentences (pure).

    >>> from kg.model import Article
    >>> d = Doc(Article("x", "x", "", "h", "utf-8"), text="他说：“好。”大家鼓掌！\\n新段落")
    >>> [d.text[s.start:s.end] for s in segment(d).sentences]
    ['他说：“好。”', '大家鼓掌！', '新段落']
    """
    text = doc.text
    zone_of = _zone_finder(doc)
    sentences: list[Sentence] = []
    append = sentences.append
    isspace = str.isspace
    paragraph = 0
    start = 0
    # :func:`_add` inlined for the usual sentence (no space to trim, not too long): one
    # isspace test a side instead of a regex match and a call per sentence
    for m in _END.finditer(text):
        a, end = m.span()
        newline = text[a] == "\n"
        b = a if newline else end  # a line break is not part of the sentence it ends
        a = start
        if a < b:
            if isspace(text[a]) or isspace(text[b - 1]) or b - a > MAX_SENTENCE:
                _add(text, a, b, paragraph, zone_of, sentences)
            else:
                append(Sentence(a, b, paragraph, zone_of(a, b)))
        if newline:
            paragraph += 1
        start = end
    _add(text, start, len(text), paragraph, zone_of, sentences)
    return replace(doc, sentences=tuple(sentences))


def _add(text: str, a: int, b: int, paragraph: int, zone_of, sentences: list[Sentence]) -> None:
    """The sentence ``text[a:b]`` without the spaces around it, cut after a comma while longer
    than :data:`MAX_SENTENCE`."""
    a = _SPACE.match(text, a, b).end()
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE:
        cut = a + MAX_SENTENCE
        soft = [m.end() for m in _SOFT.finditer(text, a + MAX_SENTENCE // 2, cut)]
        cut = soft[-1] if soft else cut
        sentences.append(Sentence(a, cut, paragraph, zone_of(a, cut)))
        a = cut
    if b > a:
        sentences.append(Sentence(a, b, paragraph, zone_of(a, b)))
