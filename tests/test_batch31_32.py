"""The shapes blind batches 31 and 32 showed, on invented sentences: given-name characters 曦 and 鸥,
the surname 言, Tibetan syllables of Aba (俄让, 泽让, 旦真), a name before 领衔, a name that opens
with a word of the stop list but is closed by a speech verb (黄金凤说), consultation places ending
in 圈, salons and 协商点 as cues, and an award's list (“十佳协商品牌”名单), which is no initiative."""

from __future__ import annotations

import pytest
from test_initiatives import _found
from test_people import make_doc, members, names

DISTRICT = ("committee:110108", "海淀区政协")


@pytest.mark.parametrize("text, name", [
    ("区政协委员鄂晨曦则从一家企业的经历出发提出建议。", "鄂晨曦"),
    ("区政协文史委主任仇海鸥主持首发式。", "仇海鸥"),
    ("区政协主席言晓明在现场介绍。", "言晓明"),
    ("区政协委员、某民族文化公司董事长俄让旦真等参加调研。", "俄让旦真"),
    ("由区政协常委、某协会会长热娜古丽·吐尔地领衔，组织委员开展培训。", "热娜古丽·吐尔地"),
    ("区政协委员、某香蕉种植合作社负责人黄金凤说，合作社推出新产品。", "黄金凤"),
])
def test_names_of_batches_31_32(text: str, name: str) -> None:
    doc = make_doc("海淀区政协召开会议。" + text, {"海淀区政协": DISTRICT, "区政协": DISTRICT})
    assert names(doc) == [name]
    assert (name, DISTRICT[0]) in members(doc)


def test_a_stop_word_opening_stays_no_name_without_a_speech_verb() -> None:
    doc = make_doc("海淀区政协召开会议。区政协主任黄金周期间值班。主席强调说，要加强保护。", {"区政协": DISTRICT})
    assert names(doc) == []


@pytest.mark.parametrize("text, expected", [
    ("镜湖区政协培育的“湖畔邻里议事圈”已设立议事点21个。", {"湖畔邻里议事圈": "Brand"}),
    ("今年区政协还创设“青年学者委员沙龙”，为青年委员搭建平台。", {"青年学者委员沙龙": "Brand"}),
    ("观摩了区政协“委员书社”协商点。", {"委员书社": "Brand"}),
    ("省政协发布了2025年度“十佳协商品牌”名单。", {}),
    ("要创设“委员履职 年度之星”评选机制。", {"委员履职 年度之星": "Programme"}),  # a selection is one
])
def test_places_salons_and_award_lists(text: str, expected: dict[str, str]) -> None:
    assert _found(text) == expected
