"""Text extracted from a PDF: ragged hard wrapping, page numbers and a running header (invented text)."""

from __future__ import annotations

from kg.model import Article
from kg.normalise import normalise
from kg.text import boilerplate

HEADER = "协商通讯 2030年第7期"
PARAGRAPHS = [
    "2030年，在县委的坚强领导下，县政协党组书记、主席苗立川带领全体委员，坚持团结和民主两大主题，"
    "聚焦全县中心工作建言资政、凝聚共识，各项工作取得新成效。",
    "一、聚焦产业发展，助推乡村振兴",
    "县政协持续深化“茶园委员 帮扶行动”，组织委员结对联系茶叶专业合作社和种植大户，全年开展技术指导活动"
    "52场次，协助销售春茶1200余吨。县政协副主席柯望舒带领农业界委员深入山区调研，形成调研报告一份，"
    "提出建议九条，获县委主要领导批示。县政协委员、县医院副院长闵若溪牵头开展义诊活动，服务群众一千余人次。",
    "二、加强自身建设，夯实履职基础",
    "县政协深化委员履职管理，完善委员履职档案，全年组织委员学习培训六期，参训委员三百人次，"
    "常态化开展委员接待群众活动，收集社情民意信息四十条。",
]
WIDTHS = [33, 38, 31, 36, 34, 39, 32, 37]  # a typesetter's lines: no one width


def _pdf(paragraphs: list[str], per_page: int = 5) -> str:
    lines: list[str] = []
    k = 0
    for para in paragraphs:
        i = 0
        while i < len(para):
            w = WIDTHS[k % len(WIDTHS)]
            k += 1
            lines.append(para[i:i + w])
            i += w
    out: list[str] = []
    for page, j in enumerate(range(0, len(lines), per_page), start=1):
        out += [HEADER, ""] + lines[j:j + per_page] + ["", f"- {page} -", ""]
    return "\n".join(out) + "\n"


def _doc(raw: str):
    return normalise(Article("x.txt", "x", raw, "0" * 64, "utf-8"))


def test_pdf_text_is_rejoined_and_page_furniture_dropped():
    raw = _pdf(PARAGRAPHS)
    assert all(para not in raw for para in PARAGRAPHS if len(para) > 40)  # the fixture breaks the long ones
    doc = _doc(raw)
    assert doc.text.strip("\n") == "\n".join(PARAGRAPHS)  # names whole, headings apart, no furniture
    assert HEADER not in doc.text and "- 1 -" not in doc.text
    assert doc.quality["lines_unwrapped"] > 0 and doc.quality["page_marks_removed"] >= 4
    # the offset map stays exact: every character comes from the same character of the raw text
    for i, ch in enumerate(doc.text):
        assert doc.article.raw[doc.raw_starts[i]:doc.raw_ends[i]] == ch


def test_paragraph_goes_on_across_a_page_break():
    raw = _pdf(PARAGRAPHS, per_page=3)
    doc = _doc(raw)
    assert doc.text.strip("\n") == "\n".join(PARAGRAPHS)


def test_a_lone_page_number_and_news_lines_stay():
    raw = "\n".join(PARAGRAPHS) + "\n- 1 -\n"
    doc = _doc(raw)
    assert "- 1 -" in doc.text and doc.quality["lines_unwrapped"] == 0
    assert "page_marks_removed" not in doc.quality


def test_a_list_of_titles_is_not_joined():
    # titles of similar, not equal length (equal ones are the fixed-width case, tested elsewhere)
    titles = [f"关于加快推进{'新' * (n % 4)}老旧小区改造和配套设施建设工作{'的' * (n % 3)}提案" for n in range(10)]
    raw = "\n".join(titles) + "\n"
    doc = _doc(raw)
    assert doc.text.count("\n") == raw.count("\n")  # no comma inside: a list, not a wrapped paragraph


def test_a_list_of_tasks_is_not_joined():
    # 一是…；二是…: items of similar length, each with a comma inside, ending in ；
    items = [f"{n}是要持续深化协商议事{'活动' * (k % 2)}，推动{'解决' * (k % 3)}群众急难愁盼问题；"
             for k, n in enumerate("一二三四五六七八九")]
    raw = "会议要求：\n" + "\n".join(items) + "\n"
    doc = _doc(raw)
    assert doc.text.count("\n") == raw.count("\n")


def test_a_run_of_links_stays_headlines():
    links = ["正文第一段，委员们建言献策，会议取得圆满成功。", "相关新闻", "- 另一条新闻标题一", "- 另一条新闻标题二"]
    assert boilerplate.line_kinds(links)[2:] == ["headlines", "headlines"]  # a run of links stays
