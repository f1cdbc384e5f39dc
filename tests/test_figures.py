"""Figures, on made-up sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import BRAND, FIGURE, Mention
from kg.recognise import figures
from tests.test_people import make_doc

ANHUI = {"市政协": ("committee:340100", "合肥市政协")}


def figs(text):
    return [m for m in figures.recognise(make_doc(text, ANHUI)) if m.cls == FIGURE]


@pytest.mark.parametrize("text, value, unit, approx", [
    ("市政协全年协助引进产业项目58个。", 58.0, "个", False),
    ("委员企业新增投入2.15亿元。", 215000000.0, "元", False),
    ("提供就业岗位2万多个。", 20000.0, "个", True),
    ("开展活动十余次。", 10.0, "次", True),
    ("覆盖委员近300人次。", 300.0, "人次", True),
    ("产值同比增长12.5%。", 12.5, "%", False),
    ("惠及群众超8万人次。", 80000.0, "人次", True),
])
def test_values_units_and_approximation(text, value, unit, approx):
    (f,) = figs(text)
    assert (f.attrs["value"], f.attrs["unit"], f.attrs["approx"]) == (value, unit, approx)
    assert f.key == f"figure:t:{f.start}" and f.attrs["text"] == text[f.start:f.end]


def test_counted_after_or_before():
    (a,) = figs("新建5个委员工作站。")
    assert a.attrs["counted"] == "委员工作站"
    (b,) = figs("坚持举办“读书沙龙”讲座，至今累计举办36期。")
    assert b.attrs["counted"] == "举办"


@pytest.mark.parametrize("text", [
    "2024年6月，市政协十四届三次会议召开。",
    "2023年第5次专题学习。",
    "实施“三个一”活动，一个委员联系两户群众。",
    "印发《关于十条措施的通知》。",
])
def test_dates_ordinals_and_slogans_are_not_figures(text):
    assert figs(text) == []


def test_claimant_is_sentence_committee():
    (f,) = figs("市政协组织委员调研企业120家。")
    assert f.attrs["claimant"] == "committee:340100"


def test_claimant_falls_back_to_the_paragraph_committee_only():
    (same_par,) = figs("市政协召开专题会议。会议提出年内新建5个委员工作站。")
    assert same_par.attrs["claimant"] == "committee:340100"
    (other_par,) = figs("市政协召开专题会议。\n全市年内新建5个委员工作站。")
    assert other_par.attrs["claimant"] == ""


def test_initiative_in_the_clause_beats_the_committee():
    text = "市政协“同心议事厅”累计协商议题36个，市政协表示满意。"
    doc = make_doc(text, ANHUI)
    i = text.index("同心议事厅")
    brand = Mention(BRAND, "brand:x", "同心议事厅", i, i + 5, "同心议事厅")
    doc = replace(doc, mentions=tuple(sorted((*doc.mentions, brand), key=lambda m: m.start)))
    (f,) = [m for m in figures.recognise(doc) if m.cls == FIGURE]
    assert f.attrs["claimant"] == "brand:x"
    # the same figure in the next clause, after the comma, is the committee's
    (g,) = figs("市政协“同心议事厅”启用以来，累计协商议题36个。")
    assert g.attrs["claimant"] == "committee:340100"


def test_repeated_phrases_are_separate_figures_with_the_same_reading():
    a, b = figs("新建5个委员工作站。新建5个委员工作站。")
    assert a.key != b.key and a.start < b.start
    assert (a.attrs["counted"], a.attrs["value"]) == (b.attrs["counted"], b.attrs["value"]) == ("委员工作站", 5.0)


def test_usual_numerals_read_as_cn2an_reads_them():
    # the table that spares importing cn2an must answer what cn2an answers, entry by entry
    import cn2an

    def by_cn2an(num):
        try:
            return float(cn2an.cn2an(num, "smart"))
        except (ValueError, KeyError, TypeError):
            return None

    table = figures._usual_numerals()
    assert len(table) > 1000 and table["八"] == 8.0 and table["千"] is None
    assert {num: by_cn2an(num) for num in table} == table


def test_the_claiming_initiative_found_by_bisection_is_the_one_the_scan_finds():
    """Initiatives in start order (as the recogniser gives them) are searched by bisection; in
    any other order, by a scan from the last: on the same article both must name the same
    initiative for every position."""
    text = "某县政协打造“甲平台”，开展“乙行动”活动100次；“丙品牌”覆盖20个村，群众满意率95%。“丁”工程惠及3000人。"
    doc = make_doc(text)
    quotes = [(text.index(n), n) for n in ("甲平台", "乙行动", "丙品牌", "丁")]
    inits = tuple(Mention(BRAND, f"initiative:{n}", n, i, i + len(n), n) for i, n in quotes)
    doc = replace(doc, mentions=inits)
    bisected, scanned = figures._Claimants(doc), figures._Claimants(doc)
    bisected(0), scanned(0)  # the reaches are worked out on the first call
    assert bisected._starts is not None
    scanned._starts = None  # as when the initiatives come out of order
    claims = [bisected(p) for p in range(len(text) + 1)]
    assert claims == [scanned(p) for p in range(len(text) + 1)]
    assert {f"initiative:{n}" for _, n in quotes} <= set(claims)


# numerals of both kinds, prefix words, units (one starting with a numeral), a decimal point,
# percent signs, dates' and ordinals' characters and a few others
_FIGURE_CHARS = "0123456789.一二两三十百千零万亿近约超过逾将接余多个人次场米%％年月第届“”，的进步"


@given(st.text(alphabet=_FIGURE_CHARS, max_size=40))
def test_the_figure_scan_finds_what_finditer_finds(text):
    """_figures tries _FIG only where _FIG_START matches and skips failed runs of numerals:
    it must find exactly the matches a plain finditer finds."""
    def spans(matches):
        return [(m.span(), m.groups()) for m in matches]
    assert spans(figures._figures(text)) == spans(figures._FIG.finditer(text))
