"""The shapes blind batches 25 and 26 showed, on invented sentences: posts and surnames of other
systems (行署专员, 董事, 首席经济学家, 民建省委会副主委琚某某, the Cantonese 区), a young
entrepreneur named after 青年, words jieba tags as names (谢谢, 都有), towns before their members'
liaison groups, a list's last name before the next person's posts, a rare surname opening a
quoted name, 新区政协 as one short form, the national members' tour a province runs, an owner
after a time word (省政协近年来创设“X”), cues 基层行 and 委员服务站, and a site's links to its other
articles (上一篇：…)."""

from __future__ import annotations

import pytest
from test_committees import found
from test_initiatives import _found
from test_people import make_doc, members, names
from test_runs import _runs

from kg.model import Article
from kg.normalise import normalise

CITY = ("committee:441800", "清远市政协")
PROVINCE = ("committee:410000", "河南省政协")
NATIONAL = ("committee:CN", "全国政协")


@pytest.mark.parametrize("text, name", [
    ("清远市政协召开会议。清城地委副书记、行署专员蒙德新介绍了情况。", "蒙德新"),
    ("清远市政协召开会议。市政协港澳委员、香港某贸易公司董事麦嘉和发言。", "麦嘉和"),
    ("清远市政协召开会议。市政协委员、某证券公司首席经济学家倪思远建议，完善融资服务。", "倪思远"),
    ("清远市政协召开会议。全国政协委员、民建广东省委会副主委琚明远谈了意见。", "琚明远"),
    ("清远市政协召开会议。市政协副主席区润棠接受记者采访。", "区润棠"),
    ("清远市政协召开会议。参加过培训的香港青年陈思齐，如今在两地经营公司。", "陈思齐"),
])
def test_posts_and_surnames_of_other_systems(text: str, name: str) -> None:
    assert names(make_doc(text, {"清远市政协": CITY, "市政协": CITY})) == [name]


def test_words_jieba_tags_as_names_are_no_names() -> None:
    assert names(make_doc("记者：谢谢欧阳主席！", {})) == []
    assert names(make_doc("清远市政协召开会议。我们要让每个委员都有“责任田”。", {"清远市政协": CITY})) == []


def test_towns_before_their_members_liaison_groups_are_no_names() -> None:
    doc = make_doc("清远市政协召开座谈会。周田镇、浦塘镇、张桥镇等委员联络组负责人发言。周田镇委员联络组打造了议事会。",
                   {"清远市政协": CITY})
    assert names(doc) == []
    # a name that merely ends in 镇 is still one before the honorific alone
    assert names(make_doc("清远市政协召开会议。王海镇委员说，要加强保护。", {"清远市政协": CITY})) == ["王海镇"]


def test_a_lists_last_name_does_not_take_the_next_persons_posts() -> None:
    doc = make_doc("参加视察的还有全国政协委员祁明远、仉思敏、郏志军，省政协委员、某大学教授阎思齐。",
                   {"全国政协": NATIONAL, "省政协": PROVINCE})
    assert ("郏志军", PROVINCE[0]) not in members(doc)
    assert {("郏志军", NATIONAL[0]), ("阎思齐", PROVINCE[0])} <= members(doc)


def test_a_rare_surname_opening_a_quoted_name_is_no_member() -> None:
    doc = make_doc("清远市政协推出“银龄委员健康行”义诊活动。界别的拓海峰委员说，要办好。", {"清远市政协": CITY})
    assert names(doc) == ["拓海峰"]


def test_the_links_to_other_articles_name_no_one() -> None:
    text = ("清远市政协召开会议。市政协副主席黄志明出席。\n\n"
            "上一篇：市政协主席李明远调研乡村振兴\n下一篇：自治区政协委员来清调研\n")
    assert names(make_doc(text, {"清远市政协": CITY, "市政协": CITY})) == ["黄志明"]
    doc = normalise(Article("x", "x", text, "h", "utf-8"))
    nav = [z for z in doc.zones if z.kind == "nav"]
    assert all(any(word in doc.text[z.start:z.end] for z in nav) for word in ("上一篇", "下一篇"))


def test_xinqu_zhengxie_is_one_short_form_of_the_new_districts_committee() -> None:
    got = found("天津市政协调研组赴滨海新区调研。滨海新区政协主席出席。座谈会上，新区政协介绍了工作。")
    assert ("新区政协", "滨海新区政协") in got
    assert ("区政协", "滨海新区政协") not in got
    # among other districts' committees, the one whose district is a 新区
    assert ("新区政协", "浦东新区政协") in found("浦东新区政协、黄浦区政协参加。新区政协主席出席。")


def test_the_national_members_tour_is_run_by_the_committee_that_made_it() -> None:
    codes = {"全国政协": "CN", "省政协": "410000", "河南省政协": "410000"}
    text = ("河南省政协组织在豫全国政协委员视察。省政协近年来创设“全国政协委员中原行”履职服务平台。"
            "据悉，此次视察是今年“全国政协委员中原行”的第二站。")
    got = _runs(text, codes=codes)
    assert ("410000", "全国政协委员中原行") in got
    assert ("CN", "全国政协委员中原行") not in got


def test_an_owner_may_be_followed_by_a_time_word_or_an_adverb() -> None:
    codes = {"清远市政协": "441800", "连州市政协": "441882"}
    text = "清远市政协调研组到连州。组长指出，希望连州市政协进一步叫响“湟川议事厅”品牌。"
    assert ("441882", "湟川议事厅") in _runs(text, codes=codes)
    assert ("441800", "湟川议事厅") not in _runs(text, codes=codes)


@pytest.mark.parametrize("text, label", [
    ("省政协把连州作为“北江协商基层行”的调研点。", "北江协商基层行"),
    ("该市政协创设的“口岸委员服务站”设在口岸附近。", "口岸委员服务站"),
])
def test_tour_and_service_station_cues(text: str, label: str) -> None:
    assert label in _found(text)


def test_a_tour_named_after_the_national_members_only_loses_the_national_owner() -> None:
    codes = {"全国政协": "CN", "省政协": "410000", "河南省政协": "410000"}
    text = "河南省政协召开会议。会议传达了“全国政协委员读书活动”的有关要求。"
    assert ("CN", "全国政协委员读书活动") in _runs(text, codes=codes)  # the national committee's own


def test_a_member_named_after_a_town_keeps_his_studio() -> None:
    doc = make_doc("清远市政协召开会议。区政协委员李振乡委员工作室揭牌。", {"清远市政协": CITY})
    assert names(doc) == ["李振乡"]


def test_links_under_the_headline_leave_it_a_title() -> None:
    text = ("清远市政协召开专题协商会\n上一篇：市政协召开常委会议\n下一篇：市政协开展视察\n"
            "2024-05-01 来源：清远政协网\n\n5月1日，清远市政协召开专题协商会，围绕乡村振兴建言献策。"
            "会议由市政协主席主持，与会委员踊跃发言，提出了许多建议。\n")
    doc = normalise(Article("x", "x", text, "h", "utf-8"))
    kinds = {z.kind for z in doc.zones if "召开专题协商会" in doc.text[z.start:z.end] and z.start < 20}
    assert kinds == {"title"}
