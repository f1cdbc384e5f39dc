"""People and memberOf on the shapes held-out batch 5 missed: a sector or a nationality before
委员, a national meeting where local chairs speak, a body of the committee listed after its post,
a function character as a surname inside a list, a bare 委员 after a name whose membership the
article already gave.  Every name here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_people import make_doc, members, names

from kg.model import MEMBER_OF
from kg.recognise import people
from kg.relate_people import relate

NATIONAL = ("committee:CN", "全国政协")
PROVINCE = ("committee:320000", "江苏省政协")
OTHER_PROVINCE = ("committee:120000", "天津市政协")
CITY = ("committee:440400", "珠海市政协")
COUNTY = ("committee:469030", "琼中县政协")


# a national meeting: 全国政协 named far more often than the provincial committees that speak
NATIONAL_MEETING = ("全国政协召开专题协商会。全国政协副主席邹明远主持会议。全国政协委员围绕议题建言。"
                    "江苏省政协主席戈振邦发言。天津市政协主席卜文涛书面发言。全国政协常委韦立群发言。")


def test_sector_member_in_a_national_meeting_belongs_to_the_national_committee() -> None:
    doc = make_doc(NATIONAL_MEETING + "经济界委员宁晓川建议设立专项基金。特邀香港人士界别委员岑慧文介绍了经验。",
                   {"全国政协": NATIONAL, "江苏省政协": PROVINCE, "天津市政协": OTHER_PROVINCE})
    got = members(doc)
    assert ("宁晓川", NATIONAL[0]) in got and ("岑慧文", NATIONAL[0]) in got
    assert not {m for m in got if m[0] in ("宁晓川", "岑慧文") and m[1] != NATIONAL[0]}


def test_local_committee_stays_the_article_committee_when_national_is_a_frame() -> None:
    # a local article naming 全国政协 once or as often: the sector member is the local one's
    doc = make_doc("江苏省政协召开协商会。江苏省政协主席戈振邦讲话。全国政协常委韦立群出席。"
                   "农业界委员宁晓川建议加强扶持。", {"全国政协": NATIONAL, "江苏省政协": PROVINCE})
    assert ("宁晓川", PROVINCE[0]) in members(doc)


def test_nationality_before_member() -> None:
    doc = make_doc("琼中县政协组织委员走访。苗族委员盘秀兰是小组里唯一的女性。", {"琼中县政协": COUNTY})
    assert names(doc) == ["盘秀兰"]
    assert members(doc) == {("盘秀兰", COUNTY[0])}


def test_sector_word_alone_is_no_member_title() -> None:
    # 界 before a title other than 委员 (教育界代表): a sector, no CPPCC membership
    doc = make_doc("琼中县政协召开会议。教育界代表龙晓明发言。", {"琼中县政协": COUNTY})
    assert not members(doc)


def test_body_of_the_committee_after_its_post_in_a_list() -> None:
    doc = make_doc(NATIONAL_MEETING + "全国政协副主席邹明远、常委会副秘书长闵可薇出席会议。",
                   {"全国政协": NATIONAL, "江苏省政协": PROVINCE, "天津市政协": OTHER_PROVINCE})
    assert ("闵可薇", NATIONAL[0]) in members(doc)


def test_body_of_another_organisation_is_no_membership() -> None:
    doc = make_doc("全国政协副主席邹明远、人大常委会副秘书长闵可薇出席会议。", {"全国政协": NATIONAL})
    assert ("闵可薇", NATIONAL[0]) not in members(doc)


def test_function_character_surname_inside_a_list() -> None:
    doc = make_doc("全国政协委员甄雅诗、崔立祖、区建然、黄丽雯等参加。", {"全国政协": NATIONAL})
    assert names(doc) == ["甄雅诗", "崔立祖", "区建然", "黄丽雯"]
    assert members(doc) == {(n, NATIONAL[0]) for n in ("甄雅诗", "崔立祖", "区建然", "黄丽雯")}


def test_bare_member_after_a_name_keeps_the_membership_given_earlier() -> None:
    # 全国政协 and 珠海市政协 are named as often: the later bare 委员 must not add the local one
    text = ("全国政协委员甄雅诗、崔立祖等赴珠海调研。珠海市政协主席戴文远陪同。全国政协委员座谈。"
            "珠海市政协介绍情况。珠海市政协组织活动。\n崔立祖委员长期从事会计工作，他建议扩大试点。")
    doc = make_doc(text, {"全国政协": NATIONAL, "珠海市政协": CITY})
    assert {m for m in members(doc) if m[0] == "崔立祖"} == {("崔立祖", NATIONAL[0])}


def test_bare_member_alone_still_takes_the_article_committee() -> None:
    doc = make_doc("珠海市政协组织委员视察。\n崔立祖委员长期从事会计工作，他建议扩大试点。", {"珠海市政协": CITY})
    assert members(doc) == {("崔立祖", CITY[0])}


# -- where the name ends, and cues of non-members ------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("养殖大户、县政协委员柯德旺算了一笔账：去年每亩增收两千元。", "柯德旺"),  # a verb with 了 ends the name
    ("县政协委员、镇卫生院医生季春生讲起了巡诊的经历。", "季春生"),
])
def test_name_ends_before_a_verb_with_its_particle(text: str, name: str) -> None:
    doc = make_doc(text, {"县政协": COUNTY})
    assert names(doc) == [name]
    assert members(doc) == {(name, COUNTY[0])}


def test_association_officer_after_a_membership() -> None:
    doc = make_doc("珠海市政协委员、澳门同乡联合总会理事邝绮玲已在横琴生活了三年。", {"珠海市政协": CITY})
    assert names(doc) == ["邝绮玲"]
    assert members(doc) == {("邝绮玲", CITY[0])}


def test_entrepreneur_before_a_name_is_a_non_member() -> None:
    doc = make_doc("在电商企业，九零后青年创业者岑子航向委员们讲述了创业故事。", {"珠海市政协": CITY})
    assert names(doc) == ["岑子航"]
    assert members(doc) == set()


@pytest.mark.parametrize("text, name", [
    ("便民村村民符阿妹家种了五亩山兰稻，她告诉委员们价格不错。", "符阿妹"),  # 家 ends the name
    ("果农陈大山告诉委员，今年的收成比去年好。", "陈大山"),
])
def test_resident_before_a_name_is_a_non_member(text: str, name: str) -> None:
    doc = make_doc(text, {"县政协": COUNTY})
    assert names(doc) == [name]
    assert members(doc) == set()


@pytest.mark.parametrize("text", [
    "村民代表参加了议事会。",      # a group, no name
    "村民们纷纷点赞。",
    "村民高兴地说，路修好了。",    # an adverb after the resident word
    "小区居民和家人一起参加活动。",
])
def test_resident_word_without_a_name(text: str) -> None:
    assert names(make_doc(text, {"县政协": COUNTY})) == []


def test_sector_membership_after_a_chain_keeps_the_chain_post_first() -> None:
    # 农业界委员 repeats the membership of 县政协常委: the memberOf role stays the fuller post
    doc = make_doc("工作室召集人、县政协常委、农业界委员吴立田是一家合作社的理事长。", {"县政协": COUNTY})
    rels = [r for r in relate(replace(doc, mentions=doc.mentions + tuple(people.recognise(doc))))
            if r.predicate == MEMBER_OF]
    assert [(r.subject, r.object, r.attrs["role"]) for r in rels] == [("person:吴立田", COUNTY[0], "常委")]


def test_national_members_in_a_provincial_article_leave_it_provincial() -> None:
    # 全国政协 named three times, each in a membership: the article is still the province's
    sichuan = ("committee:510000", "四川省政协")
    doc = make_doc("四川省政协组织在川全国政协委员视察。全国政协委员甄明说，要加强协作。全国政协委员顾华建议推进。"
                   "全国政协常委赵强发言。副主席王刚作总结。", {"四川省政协": sichuan, "全国政协": NATIONAL})
    assert ("王刚", sichuan[0]) in members(doc)


def test_a_bare_body_follows_the_post_right_before_it_in_the_list() -> None:
    text = "全国政协副主席邹明远、全国人大常委会副委员长陶志平、常委会秘书长鲁文华出席会议。"
    assert ("鲁文华", NATIONAL[0]) not in members(make_doc(text, {"全国政协": NATIONAL}))
    text = "全国政协副主席邹明远、常委会秘书长鲁文华出席会议。"
    assert ("鲁文华", NATIONAL[0]) in members(make_doc(text, {"全国政协": NATIONAL}))
