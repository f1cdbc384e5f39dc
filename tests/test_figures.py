"""Figures, on made-up sentences."""

from __future__ import annotations

import pytest

from kg.model import FIGURE
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
