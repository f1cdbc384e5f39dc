"""Doc -> Doc with sentences (and paragraphs).

Sentences end at 。！？!? ; or at a line break; a paragraph is a line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.model import Doc, Sentence

_END = re.compile(r"[。！？!?；;]+[”’」』]?|\n")


def segment(doc: Doc) -> Doc:
    text = doc.text
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(start + lead, end if m.group() != "\n" else m.start(), paragraph))
        if m.group() == "\n":
            paragraph += 1
        start = end
    if text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        sentences.append(Sentence(start + lead, len(text), paragraph))
    return replace(doc, sentences=tuple(s for s in sentences if s.end > s.start))
