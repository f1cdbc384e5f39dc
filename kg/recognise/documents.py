"""Recogniser for documents (cls ``Document``): titles in 《》 that name a document.

A 《…》 title is a document when it reads like one: it ends in a document word (规划, 意见,
办法, 规定, 条例, 方案, 通知, 决定, 报告, 纲要, 制度, 规则, 措施, 决议, 建议 ...) possibly
followed by a bracketed period (``（2024—2027）``), or it starts with 关于.  Other 《》 titles
are newspapers, books or media columns (the initiatives recogniser handles columns).

``attrs["committee"]`` is the committee that issued it: the committee named inside the title
(《自治区政协党的建设工作规划》), else the sentence's subject committee followed by a verb of
issuing (印发, 出台, 制定, 修订, 报送 ...).  The relate stage turns it into ``issuedBy``.
"""

from __future__ import annotations

import re
import unicodedata

from kg.model import DOCUMENT, Doc, Mention
from kg.recognise.organs import committee_mentions

_DOC_WORDS = ("实施方案", "工作方案", "方案", "规划", "意见", "实施意见", "指导意见", "办法", "实施办法", "规定",
              "条例", "通知", "决定", "报告", "纲要", "制度", "规则", "工作规则", "细则", "实施细则", "措施",
              "决议", "建议", "要点", "工作要点", "计划", "章程", "准则", "守则", "清单", "指引", "指南", "标准",
              "办法（试行）", "公报", "白皮书", "提案", "批复", "函", "讲话", "协议", "备忘录", "行动计划")
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_PERIOD = re.compile(r"[（(][^（）()]{0,20}[）)]$")
_ISSUE_VERBS = re.compile(r"印发|出台|制定|修订|修改|发布|下发|审议通过|通过|报送|提交|起草|颁布|形成|出炉")


def is_document_title(title: str) -> bool:
    """True when a 《》 title names a document.

    >>> is_document_title("关于加强和改进新时代市县政协工作的十条措施")
    True
    >>> is_document_title("某某政协党的建设工作规划（2024—2027）")
    True
    >>> is_document_title("人民政协报")
    False
    """
    t = _PERIOD.sub("", title.strip())
    t = re.sub(r"[（(](?:试行|草案|暂行|修订|征求意见稿|修订稿)[）)]$", "", t)
    return t.startswith("关于") or t.endswith(_DOC_WORDS)


def norm(title: str) -> str:
    """The merge form of a title: NFKC, no white space or quotation marks."""
    title = unicodedata.normalize("NFKC", title)
    return re.sub(r"[\s“”‘’「」『』\"']", "", title)


def recognise(doc: Doc) -> list[Mention]:
    """Document mentions of ``doc`` (needs the committee mentions)."""
    text = doc.text
    committees = committee_mentions(doc)
    out = []
    for m in _TITLE.finditer(text):
        title = m.group(1).strip()
        if not is_document_title(title):
            continue
        s, e = m.span()
        inside = [c for c in committees if s <= c.start and c.end <= e]
        c = inside[0] if inside else None
        if c is None:
            sent = doc.sentence_at(s)
            lo = sent.start if sent else max(0, s - 40)
            for cand in (c2 for c2 in committees if lo <= c2.start and c2.end <= s):
                between = text[cand.end:s]
                if _ISSUE_VERBS.search(between) and not re.search("[。；]", between):
                    c = cand
                    break
        # a relative form in the title (自治区政协…规划) is keyed by the committee it stands for
        keyed = title.replace(c.surface, c.label, 1) if c is not None and c.surface != c.label else title
        out.append(Mention(DOCUMENT, f"document:{norm(keyed)}", title, s, e, m.group(),
                           attrs={"committee": c.key if c else ""}))
    return out
