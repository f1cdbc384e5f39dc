"""Two shapes that held-out batch 4 showed: a quoted formula of platform levels presented as a
layered network is no initiative, and a name that the text says another body created (街道党工委
创设的“X”) is not run by the article's committee.  Invented names, real-looking sentences."""

from __future__ import annotations

import pytest
from test_initiatives import _found
from test_runs import HUBEI, YICHANG, _runs

# ---------------------------------------------------------------------------------------------
# layered networks of platforms


@pytest.mark.parametrize("text", [
    "某区政协叫响“枫语议事厅”协商品牌，形成“区级议事厅+街镇议事点+楼宇议事站”三级协商网络。",
    "构建“县级议事厅+乡镇议事点+村(社区)议事站”四级联动体系。",
    "构建“市级议事厅”+“镇街议事点”+“网格议事站”三级协商网络。",
    "织密“街道议事厅、小区议事点”两级议事网络。",
])
def test_a_formula_of_platform_levels_is_no_initiative(text: str) -> None:
    found = _found(text)
    assert not any("议事点" in label or "议事站" in label for label in found)
    assert not any(label.startswith(("区级", "县级", "市级", "街道")) for label in found)


def test_the_brand_beside_the_network_stays() -> None:
    found = _found("某区政协叫响“枫语议事厅”协商品牌，形成“区级议事厅+街镇议事点+楼宇议事站”三级协商网络。")
    assert set(found) == {"枫语议事厅"}


def test_the_network_cue_needs_platform_parts() -> None:
    # a name with + that the text does not present as levels of platforms stays a name, even
    # before a network word (the parts are no platforms)
    assert "互联网+协商" in _found("打造“互联网+协商”平台，形成两级协商网络。")
    assert set(_found("开展“‘数据赋能+’委员行动”。")) == {"‘数据赋能+’委员行动"}


@pytest.mark.parametrize("text, name", [
    # 村民, 乡贤 and 市民 open with a level character but are no levels: a brand of two platforms
    ("打造“村民议事会+乡贤评理堂”协商品牌。", "村民议事会+乡贤评理堂"),
    ("推行“市民议事厅+社区协商会”协商品牌。", "市民议事厅+社区协商会"),
])
def test_a_brand_joining_two_platforms_is_no_formula_of_levels(text: str, name: str) -> None:
    assert name in _found(text)


def test_platform_parts_without_levels_need_the_network_cue() -> None:
    # parts ending in platform words but opening with no level are a network only when the text
    # calls the whole one; otherwise a self-cued name with + stays
    assert _found("构建“云岭议事厅+茶乡议事站”两级协商体系。") == {}
    assert "云岭议事厅+茶乡议事站" in _found("打造“云岭议事厅+茶乡议事站”协商品牌。")


# ---------------------------------------------------------------------------------------------
# a creator other than the committee


@pytest.mark.parametrize("creator", ["街道党工委创设的", "区民政局打造的", "镇党委推出的", "村委会搭建的",
                                     "社区居委会创办的"])
def test_another_creator_runs_the_name_not_the_committee(creator: str) -> None:
    text = f"宜昌市政协聚焦基层治理。在青石街道，委员们还主动参与{creator}“柳巷议事厅”社区协商活动。"
    assert _runs(text) == set()


def test_the_committee_still_runs_what_it_creates_in_the_same_paragraph() -> None:
    text = ("宜昌市政协打造“江岸议事会”协商品牌。"
            "委员们还参与街道党工委创设的“柳巷议事厅”社区协商活动。")
    assert _runs(text) == {(YICHANG, "江岸议事会")}


def test_a_committee_organ_as_creator_is_the_committee() -> None:
    # 政协 right before the organ word: the committee's own special committee made it
    assert _runs("宜昌市政协经济委打造的“江岸议事会”协商品牌持续发力。") == {(YICHANG, "江岸议事会")}


def test_the_committee_with_the_body_as_partner_runs_it() -> None:
    text = "宜昌市政协联合街道党工委共同创设的“柳巷议事厅”成效明显。"
    assert _runs(text) == {(YICHANG, "柳巷议事厅")}


def test_a_member_before_the_creator_is_not_an_organ() -> None:
    # 政协委员 before the body: members take part, the body created it
    assert _runs("宜昌市政协委员参与村党支部创设的“柳巷议事厅”议事活动。") == set()


@pytest.mark.parametrize("sentence", [
    "街道党工委创设“柳巷议事厅”，委员们积极参与。",
    "区民政局牵头打造“柳巷议事厅”，委员们积极参与。",
    "“柳巷议事厅”由街道党工委创设，委员们积极参与。",
    "“柳巷议事厅”是区民政局打造的社区协商平台。",
])
def test_another_creator_as_subject_or_after_the_name(sentence: str) -> None:
    assert _runs("宜昌市政协聚焦基层治理。" + sentence) == set()


@pytest.mark.parametrize("sentence", [
    "“柳巷议事厅”由宜昌市政协经济委打造，已协商议题12个。",
    "宜昌市政协经济委开展“柳巷议事厅”议事活动。",
    "委员会客厅开展“柳巷议事厅”议事活动。",  # 厅 of a room, no department
])
def test_organ_and_room_words_are_no_other_creator(sentence: str) -> None:
    assert _runs("宜昌市政协聚焦基层治理。" + sentence) == {(YICHANG, "柳巷议事厅")}


# ---------------------------------------------------------------------------------------------
# a visitor's brand of a whole level

_HOME = "宜昌市政协打造“江岸议事会”协商品牌，已协商议题12个。宜昌市政协委员积极参与。\n"
_VISIT = "湖北省政协副主席率调研组到宜昌调研，充分肯定了宜昌市政协的做法，希望持续深化“荆楚议事会”{}建设。"


def test_a_visitor_runs_the_brand_of_its_own_whole_level() -> None:
    # a province's visitor calls the name the province-wide brand: the province's committee runs it
    assert (HUBEI, "荆楚议事会") in _runs(_HOME + _VISIT.format("全省协商品牌"))


@pytest.mark.parametrize("cue", ["全市品牌", "品牌"])
def test_a_visitor_runs_no_brand_of_another_level_or_of_no_level(cue: str) -> None:
    assert not any(name == "荆楚议事会" for _, name in _runs(_HOME + _VISIT.format(cue)))
