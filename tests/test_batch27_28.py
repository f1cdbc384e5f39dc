"""The shapes blind batches 27 and 28 showed, on invented sentences: Dai names (岩, 玉 and 刀 open
them), posts and callings of other systems (退休干部, 研究馆员, 篆刻家, 创业青年, 台胞, 特约监督员,
药农代表, a 文字： credit), the rare surnames 卯 and 智, a name ending in 和 before 陪同, 从 after a
name, a word inside a quoted name before 委员, an account's quoted name, kinds of places quoted as
kinds, a members' exhibition and a liaison station as names."""

from __future__ import annotations

import pytest
from test_initiatives import _found
from test_people import make_doc, members, names

PREFECTURE = ("committee:532800", "西双版纳州政协")
CITY = ("committee:350100", "福州市政协")


@pytest.mark.parametrize("text, found", [
    ("州政协党组书记、主席岩香温主持会议，州政协副主席刀美萍、段志刚出席。", ["岩香温", "刀美萍", "段志刚"]),
    ("州政协委员、州农业科学研究所研究员玉喃香认为，要加大投入。", ["玉喃香"]),
    ("州林业局局长岩应光回应委员关切。茶农岩帕说，以前不一样。", ["岩应光", "岩帕"]),
    ("州政协委员、某中学教师刀文远从茶文化的角度提出建议。", ["刀文远"]),
])
def test_dai_names(text: str, found: list[str]) -> None:
    doc = make_doc(text, {"州政协": PREFECTURE})
    assert names(doc) == found


def test_dai_prefixes_that_start_words_are_no_names() -> None:
    doc = make_doc("州政协主席出席。局长岩石般坚定。研究员玉米种植经验丰富。", {"州政协": PREFECTURE})
    assert names(doc) == []


@pytest.mark.parametrize("text, name, member", [
    ("市政协常委、某林业局退休干部常远山（市政协特聘文史研究员）发言。", "常远山", True),
    ("市政协委员、某博物馆研究馆员钟楚林担任副主编。", "钟楚林", True),
    ("区政协委员、篆刻家郁青山创作的组印引人注目。", "郁青山", True),
    ("县政协委员、返乡创业青年谷晨光结合自身经历发言。", "谷晨光", True),
    ("会上，市政协特邀委员、台胞、某文创公司总经理庄承志率先发言。", "庄承志", True),
    ("市政协委员、民盟市委会副主委、某学院副院长卯晓红建议，开设专业。", "卯晓红", True),
    ("某农业大学教授智文明从科技支撑角度提出建议。", "智文明", False),
    ("特约监督员鲁晓光说，这次看得更细。", "鲁晓光", False),
    ("药农代表王秋林在片中说：“过去卖不上价。”", "王秋林", False),
])
def test_posts_and_callings_of_other_systems(text: str, name: str, member: bool) -> None:
    committees = {"市政协": CITY, "区政协": CITY, "县政协": CITY}
    doc = make_doc("福州市政协召开会议。" + text, {"福州市政协": CITY, **committees})
    assert names(doc) == [name]
    assert ((name, CITY[0]) in members(doc)) is member


def test_a_text_credit_names_no_member() -> None:
    doc = make_doc("福州市政协召开会议。\n文字：章晓明\n", {"福州市政协": CITY})
    assert names(doc) == ["章晓明"] and members(doc) == set()


def test_a_name_may_end_in_he_before_peitong() -> None:
    doc = make_doc("省政协副主席晁立民，省政协人口资源环境委员会主任阎春和陪同调研。",
                   {"省政协": ("committee:370000", "山东省政协")})
    assert names(doc) == ["晁立民", "阎春和"]


def test_a_word_inside_a_quoted_name_before_weiyuan_is_no_member() -> None:
    doc = make_doc("县政协开展“易武茶马古道委员行”活动。为“王明华委员工作室”揭牌。", {"县政协": PREFECTURE})
    assert names(doc) == ["王明华"]


@pytest.mark.parametrize("text, expected", [
    ("州政协还在“版纳政协”微信公众号开设专栏。", {}),
    ("办公厅通过“龙江政协”客户端征集意见。", {}),
    ("县政协：“委员会客厅”连着“民生议事堂”，协商延伸到村头。", {}),
    ("并首次推出《委员会客厅》融媒体访谈栏目。", {"委员会客厅": "Brand"}),
    ("持续办好“翰墨榕城”委员书画作品展，每两年举办一届。", {"翰墨榕城": "Programme"}),
    ("市政协在鼓楼区设立“台胞委员联络站”，由委员值班。", {"台胞委员联络站": "Brand"}),
])
def test_accounts_kinds_exhibitions_and_stations(text: str, expected: dict[str, str]) -> None:
    assert _found(text) == expected


def test_peitong_ends_a_name_only_as_its_predicate() -> None:
    city = {"市政协": CITY}
    assert names(make_doc("福州市政协召开会议。市政协主席李明和陪同调研的同志交流。", city)) == ["李明"]
    assert names(make_doc("在市政协主席张明和陪同人员的带领下参观。", city)) == ["张明"]


def test_a_quoted_studio_or_office_of_a_member_keeps_his_name() -> None:
    doc = make_doc("为“清城区陈志强委员工作室”揭牌。“凤城李建国委员调解室”成立以来化解纠纷多起。", {})
    assert names(doc) == ["陈志强", "李建国"]


@pytest.mark.parametrize("text, expected", [
    ("宜昌市政协打造“委员会客厅”协商品牌。", {"委员会客厅": "Brand"}),  # a kind's word, named as its brand
    ("市政协开设“委员讲堂”网站专栏。", {"委员讲堂": "Brand"}),
    ("开设“委员说事”公众号专栏。", {"委员说事": "Brand"}),
])
def test_kinds_and_accounts_named_as_brands_or_columns_are_initiatives(text: str, expected: dict[str, str]) -> None:
    assert _found(text) == expected
