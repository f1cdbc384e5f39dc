"""The shapes blind batches 37 and 38 showed, on invented sentences: the Hui and Tu surnames 冶 and
星 after strong titles, a quoted name inside an organisation keeping the chain of posts (某地“某某”
农业公司总经理), and an award's name before 评选 (“优秀议事点”评选), which is no initiative."""

from __future__ import annotations

import pytest
from test_initiatives import _found
from test_people import make_doc, members, names

DISTRICT = ("committee:630102", "城东区政协")


@pytest.mark.parametrize("text, name, member", [
    ("区政协委员、某大学附属医院医生冶春兰提出建议。", "冶春兰", True),
    ("区政协副主席星占海一行来到东关大街。", "星占海", True),
    ("区商务局局长冶德华表示，将制定办法。", "冶德华", False),
    ("区政协委员、崇明“瀛洲米香”农业公司总经理沈佳琪介绍了模式。", "沈佳琪", True),
])
def test_surnames_and_a_quoted_name_in_the_organisation(text: str, name: str, member: bool) -> None:
    doc = make_doc("城东区政协召开会议。" + text, {"区政协": DISTRICT})
    assert names(doc) == [name]
    assert ((name, DISTRICT[0]) in members(doc)) is member


def test_an_award_before_pingxuan_is_no_initiative() -> None:
    assert _found("区政协将开展年度“优秀议事点”评选。") == {}
    assert _found("要创设“委员履职 年度之星”评选机制。") == {"委员履职 年度之星": "Programme"}


@pytest.mark.parametrize("text, name", [
    ("州政协文化文史和学习委员会主任完玛草参加调研。", "完玛草"),
    ("州政协委员、某藏医药研究院副院长旦正草提出建议。", "旦正草"),  # 草 closes Amdo women's names
    ("州政协党组书记、主席才让东智带领调研组。", "才让东智"),
    ("州政协委员、唐卡画师尕藏加措说，要办好体验课。", "尕藏加措"),
])
def test_amdo_tibetan_names(text: str, name: str) -> None:
    prefecture = ("committee:623000", "甘南州政协")
    doc = make_doc("甘南州政协召开会议。" + text, {"州政协": prefecture})
    assert names(doc) == [name]
    assert members(doc) == {(name, prefecture[0])}


def test_titles_inside_other_words_and_phrases_after_a_title_are_no_names() -> None:
    doc = make_doc("区政协召开会议。该集团长江航运业务增长明显。全国政协代表团团长向大会介绍了情况。"
                   "考察团团长于会上介绍了情况。宣讲团团长陈红梅讲话。某酒店厨师长马文华出席。", {"区政协": DISTRICT})
    assert names(doc) == ["陈红梅", "马文华"]


@pytest.mark.parametrize("text, expected", [
    ("举办“数字经济”主题沙龙。", {}),  # a salon named by its topic
    ("今年区政协还创设“青年学者委员沙龙”，搭建平台。", {"青年学者委员沙龙": "Brand"}),
    ("开展“优秀协商议事点”评比活动。", {}),
    ("“十大协商品牌”评选揭晓。", {}),
    ("依托“15分钟协商圈”开展服务。", {}),  # how near a service is
])
def test_salons_awards_and_distances(text: str, expected: dict[str, str]) -> None:
    assert _found(text) == expected
