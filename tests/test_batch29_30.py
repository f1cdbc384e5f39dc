"""The shapes blind batches 29 and 30 showed, on invented sentences: a table laid out in text
whose 姓名 column lists members (a 界别 column, or 委员 above the header), the surnames 归 and 庹,
company officers' titles (CTO, 首席数据官), the Tibetan syllable 昂旺, and a consultation's topic
phrased as a policy (“推动…建设”专题协商会), which is no initiative."""

from __future__ import annotations

import pytest
from test_initiatives import _found
from test_people import make_doc, members, names

COUNTY = ("committee:420323", "竹山县政协")

TABLE = """政协某县委员会办公室关于委员履职积分情况的通报

二、积分排名前三名委员

序号  姓名    界别                积分
1     方明华  经济界              98.5
2     储晓霞  医药卫生界          96.0
3     阮志强  社会福利和社会保障界 94.5

三、有关要求
"""


def test_a_text_tables_name_column_lists_members() -> None:
    doc = make_doc(TABLE, {"政协某县委员会": COUNTY})
    assert names(doc) == ["方明华", "储晓霞", "阮志强"]
    assert members(doc) == {(n, COUNTY[0]) for n in ("方明华", "储晓霞", "阮志强")}


def test_a_tab_separated_table_of_other_people_gives_no_membership() -> None:
    text = ("某县政协召开座谈会。获奖农户名单如下：\n\n序号\t姓名\t村组\t奖项\n"
            "1\t王大明\t一组\t一等奖\n2\t李春花\t二组\t二等奖\n")
    doc = make_doc(text, {"某县政协": COUNTY})
    assert names(doc) == ["王大明", "李春花"]
    assert members(doc) == set()


def test_a_header_without_a_name_column_gives_nothing() -> None:
    text = "某县政协通报。\n\n序号  界别  提案数\n1     经济界  12\n2     教育界  9\n"
    assert names(make_doc(text, {"某县政协": COUNTY})) == []


@pytest.mark.parametrize("text, name", [
    ("市政协常委、某现代农业公司总经理归晓明介绍了调研情况。", "归晓明"),
    ("市政协党组书记、主席庹志明介绍，市政协推出了品牌。", "庹志明"),
    ("区政协委员、某科技公司联合创始人兼CTO邝子明现场演示了应用。", "邝子明"),
    ("区政协委员、某金融科技公司首席数据官阎思远受邀参加活动。", "阎思远"),
    ("州政协常委、州农牧科技推广中心高级畜牧师昂旺平措发言。", "昂旺平措"),
])
def test_surnames_titles_and_syllables(text: str, name: str) -> None:
    committees = {"市政协": COUNTY, "区政协": COUNTY, "州政协": COUNTY}
    doc = make_doc("某市政协召开会议。" + text, committees)
    assert names(doc) == [name]
    assert (name, COUNTY[0]) in members(doc)


@pytest.mark.parametrize("text, expected", [
    ("两省政协联合举办“推动明月山绿色发展示范带建设”专题协商会。", {}),
    ("围绕“加快发展新质生产力”开展专题调研。", {}),  # (no cue either: a guard)
    ("深入开展“推进乡村振兴”委员行动。", {"推进乡村振兴": "Programme"}),  # a named action all the same
])
def test_a_topic_phrased_as_a_policy_is_no_initiative(text: str, expected: dict[str, str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text, name", [
    ("市政协常委、某通信企业副总裁戚雅文介绍了实践。", "戚雅文"),  # 副总裁, not 总裁 after an organisation 某…副
    ("市政协委员、某大学副教授张雅琴介绍了实践。", "张雅琴"),
    ("市政协常委、某5G通信设备企业副总裁钱雅文介绍了实践。", "钱雅文"),  # Latin letters and digits in the organisation
    ("市政协委员、某AI公司CTO李明远介绍了实践。", "李明远"),
])
def test_a_deputys_title_and_latin_letters_keep_the_chain_of_posts(text: str, name: str) -> None:
    doc = make_doc("某市政协召开会议。" + text, {"市政协": COUNTY})
    assert names(doc) == [name]
    assert members(doc) == {(name, COUNTY[0])}


def test_a_member_of_a_named_committee_before_de_weiyuan_may_have_a_rare_surname() -> None:
    doc = make_doc("来自东乡族自治县政协的委员妥海峰说，全县养羊规模扩大。委员们都有收获。",
                   {"东乡族自治县政协": COUNTY})
    assert names(doc) == ["妥海峰"]
    assert members(doc) == {("妥海峰", COUNTY[0])}


def test_a_caption_above_a_blank_line_says_the_table_lists_members() -> None:
    text = "某县政协通报。\n\n积分排名前二名委员\n\n序号  姓名    积分\n1     方明华  98.5\n2     储晓霞  96.0\n"
    doc = make_doc(text, {"某县政协": COUNTY})
    assert members(doc) == {("方明华", COUNTY[0]), ("储晓霞", COUNTY[0])}


def test_a_caption_of_people_the_members_serve_gives_no_membership() -> None:
    text = ("某县政协通报。\n\n县政协委员结对帮扶困难户名单\n"
            "序号  姓名    村组\n1     方明华  一组\n2     储晓霞  二组\n")
    doc = make_doc(text, {"某县政协": COUNTY})
    assert names(doc) == ["方明华", "储晓霞"]
    assert members(doc) == set()
