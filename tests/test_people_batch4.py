"""People and memberOf on the shapes held-out batch 4 missed: rare surnames, Tibetan names, a
job between the posts and the name, 委员的+name, 和 before 率, slash and organ bylines, a rare
surname before 委员.  Every name here is invented."""

from __future__ import annotations

import pytest
from test_people import make_doc, members, names

CITY = ("committee:620100", "兰州市政协")
COUNTY = ("committee:620121", "永登县政协")
PREFECTURE = ("committee:623000", "甘南州政协")
DISTRICT = ("committee:620102", "城关区政协")


# -- rare surnames -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("市政协秘书长暴海峰出席会议。", "暴海峰"),            # 暴 starts 暴雨: a rare surname
    ("市政协主席拓文斌作书面交流。", "拓文斌"),
    ("县政协副主席昝立平主持会议。", "昝立平"),            # a 百家姓 surname that starts no word
])
def test_rare_surname_after_strong_title(text: str, name: str) -> None:
    doc = make_doc(text, {"市政协": CITY, "县政协": COUNTY})
    assert names(doc) == [name]
    assert {m for m in members(doc) if m[0] == name}


@pytest.mark.parametrize("text", [
    "市政协委员拓展履职渠道，倾听群众呼声。",       # a weak title: 拓 reads as the verb
    "会上，主席通报了前三季度的协商计划。",         # 通报 is a word after a strong title
    "九三学社界别的拓展委员会工作情况由秘书处汇报。",  # 拓展 before 委员: a word, no name
])
def test_word_starting_surname_is_no_name_on_a_weak_cue(text: str) -> None:
    assert names(make_doc(text, {"市政协": CITY})) == []


def test_rare_surname_before_member_after_sector() -> None:
    doc = make_doc("市政协召开协商会。民建界别的拓秀兰委员说：“企业需要人才。”", {"市政协": CITY})
    assert names(doc) == ["拓秀兰"]
    assert members(doc) == {("拓秀兰", CITY[0])}


# -- Tibetan names -------------------------------------------------------------------------------


def test_tibetan_name_is_not_cut_at_a_surname_reading() -> None:
    # 索 is a Han surname: the Han reading 索朗才 must give way to two Tibetan syllables
    doc = make_doc("县政协主席索朗才让介绍了议事坊的做法。", {"县政协": COUNTY})
    assert names(doc) == ["索朗才让"]
    assert members(doc) == {("索朗才让", COUNTY[0])}


@pytest.mark.parametrize("text, name", [
    ("州政协委员、州人民医院内科主任次仁卓嘎表示，将组织医疗队巡诊。", "次仁卓嘎"),  # after a weak title
    ("州政协委员、县第二中学教师卓玛措说，学校开设了生态课。", "卓玛措"),        # a syllable and a final
])
def test_tibetan_name_after_a_job_after_a_membership(text: str, name: str) -> None:
    doc = make_doc(text, {"州政协": PREFECTURE})
    assert names(doc) == [name]
    assert members(doc) == {(name, PREFECTURE[0])}


def test_tibetan_names_in_a_list_and_a_byline() -> None:
    doc = make_doc("州政协副主席更登求培、王立新参加调研。\n（编辑：格桑拉毛　审核：刘玉洁）\n", {"州政协": PREFECTURE})
    assert names(doc) == ["更登求培", "王立新", "格桑拉毛", "刘玉洁"]
    assert members(doc) == {("更登求培", PREFECTURE[0]), ("王立新", PREFECTURE[0])}


# -- posts, a job, then the name --------------------------------------------------------------


def test_job_between_membership_and_name() -> None:
    doc = make_doc("市政协常委、一家矿业集团总工程师郑卫东建议，延伸产业链条。", {"市政协": CITY})
    assert names(doc) == ["郑卫东"]
    assert members(doc) == {("郑卫东", CITY[0])}


def test_two_memberships_then_a_job() -> None:
    doc = make_doc("市政协委员、区政协常委、兰州一家会计师事务所合伙人林修远已在社区坐班两年。",
                   {"市政协": CITY, "区政协": DISTRICT})
    assert names(doc) == ["林修远"]
    assert members(doc) == {("林修远", CITY[0]), ("林修远", DISTRICT[0])}


@pytest.mark.parametrize("text, name", [
    ("工作室召集人、县政协常委、科技界委员周守仁是一家合作社的理事长。", "周守仁"),  # last post has no committee
    ("民建会员、县政协委员钱晓萌是一名中学教师。", "钱晓萌"),                        # 是 ends the name
    ("无党派人士、县政协委员柯晓峰是返乡创业的大学生。", "柯晓峰"),
])
def test_chain_membership_with_a_name_before_shi(text: str, name: str) -> None:
    doc = make_doc(text, {"县政协": COUNTY})
    assert names(doc) == [name]
    assert members(doc) == {(name, COUNTY[0])}


def test_dictionary_word_before_shi_after_a_weak_title_is_no_name() -> None:
    # 是 ends a name, but it follows any noun too: a dictionary word there is the word
    assert names(make_doc("这次活动中，县政协委员师生是主力。", {"县政协": COUNTY})) == []


def test_memberships_then_de_then_name() -> None:
    # 白云 is a word, but after two memberships and 的 the bounded three characters are a name
    doc = make_doc("同为县政协委员、市政协委员的白云岚则更关注留守老人。", {"县政协": COUNTY, "市政协": CITY})
    assert names(doc) == ["白云岚"]
    assert members(doc) == {("白云岚", COUNTY[0]), ("白云岚", CITY[0])}


@pytest.mark.parametrize("text", ["县政协委员的履职能力不断提升。", "市政协委员的高度重视让群众满意。"])
def test_membership_then_de_then_no_name(text: str) -> None:
    assert names(make_doc(text, {"县政协": COUNTY, "市政协": CITY})) == []


# -- where a name ends ----------------------------------------------------------------------------


def test_he_before_a_clause_verb_belongs_to_the_name() -> None:
    doc = make_doc("区政协副主席江永和率考察团到访交流。", {"区政协": DISTRICT})
    assert names(doc) == ["江永和"]


def test_longer_name_confirmed_elsewhere_in_the_article_wins() -> None:
    doc = make_doc("区政协副主席宋庆和委员们座谈。\n宋庆和说，两区同为中心城区。", {"区政协": DISTRICT})
    assert names(doc) == ["宋庆和"]
    assert members(doc) == {("宋庆和", DISTRICT[0])}


def test_short_name_before_he_and_another_name_stays_short() -> None:
    doc = make_doc("区政协副主席宋庆和委员们座谈。宋庆还看望了老委员。", {"区政协": DISTRICT})
    assert names(doc) == ["宋庆"]


# -- bylines -----------------------------------------------------------------------------------


def test_slash_byline_takes_the_name_not_the_organ() -> None:
    doc = make_doc("来源：城关区政协微信公众号　2025-03-01　文/冯若舟　图/区政协办公室\n正文。", {"区政协": DISTRICT})
    assert names(doc) == ["冯若舟"]
    assert members(doc) == set()


def test_organ_then_space_then_name_after_author() -> None:
    doc = make_doc("来源：市政协办公室　作者：市政协新闻中心 秦海川　【字体：大 中 小】\n正文。", {"市政协": CITY})
    assert names(doc) == ["秦海川"]
    assert members(doc) == set()


def test_tibetan_name_opening_a_clause() -> None:
    doc = make_doc("会上，州政协组织委员座谈。次仁旺堆委员说，牧区需要医生。\n格桑卓玛表示，将带头宣讲。",
                   {"州政协": PREFECTURE})
    assert names(doc) == ["次仁旺堆", "格桑卓玛"]
    assert members(doc) == {("次仁旺堆", PREFECTURE[0])}


def test_tibetan_greeting_is_no_name() -> None:
    # 扎西 is a name syllable, 德勒 is none: the greeting 扎西德勒 names nobody
    assert names(make_doc("“扎西德勒！”牧民们热情地说。")) == []


def test_chain_of_posts_makes_a_name_after_a_weak_title() -> None:
    # nothing after the name says where it ends (种), but the chain says a person follows
    doc = make_doc("工作室召集人、县政协常委、农业界委员周守仁种了二十年茶。", {"县政协": COUNTY})
    assert names(doc) == ["周守仁"]
    assert members(doc) == {("周守仁", COUNTY[0])}


def test_job_word_between_membership_and_name() -> None:
    doc = make_doc("县政协委员、非遗传承人米秀英说，剪纸要走进课堂。", {"县政协": COUNTY})
    assert names(doc) == ["米秀英"]
    assert members(doc) == {("米秀英", COUNTY[0])}


def test_a_slash_credit_at_the_very_end_of_the_text() -> None:
    assert names(make_doc("文/邵明远 图/柯立华")) == ["邵明远", "柯立华"]
