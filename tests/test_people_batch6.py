"""People and memberOf on the shapes held-out batch 6 missed: a post of the chief systems (林长,
河长) read as a name, one-syllable Tibetan names, rare surnames after a strong title, a report's
drafter, an owner's job between the posts and the name, 到 after a name.  Every name here is
invented."""

from __future__ import annotations

from test_people import make_doc, members, names

CITY = ("committee:421200", "咸宁市政协")


def test_chief_system_post_is_no_name() -> None:
    doc = make_doc("咸宁市政协组织委员担任“委员林长”，配合各级林长开展巡林。委员林长们还协助排查隐患。"
                   "委员田长和委员路长也到场。", {"咸宁市政协": CITY})
    assert names(doc) == []
    assert members(doc) == set()


def test_name_starting_with_a_chief_post_is_still_a_name() -> None:
    doc = make_doc("咸宁市政协副主席林长源出席。", {"咸宁市政协": CITY})
    assert names(doc) == ["林长源"]


def test_one_syllable_tibetan_name_after_a_member_title() -> None:
    doc = make_doc("咸宁市政协召开座谈会。市政协委员旺堆在发言中建议加强边贸。", {"咸宁市政协": CITY})
    assert names(doc) == ["旺堆"]
    assert members(doc) == {("旺堆", CITY[0])}


def test_one_syllable_tibetan_syllable_inside_a_word_is_no_name() -> None:
    # the syllable must end on a boundary: 委员才加入 is no 才加
    doc = make_doc("咸宁市政协召开座谈会。这名委员才加入不久。", {"咸宁市政协": CITY})
    assert names(doc) == []


def test_tibetan_resident_before_elder() -> None:
    doc = make_doc("调研组走进边境村。牧民旦增老人拉着委员的手说：“常来。”村民黄阿根老人也来了。")
    assert names(doc) == ["旦增", "黄阿根"]
    assert members(doc) == set()


def test_rare_surname_after_a_strong_title_only() -> None:
    doc = make_doc("咸宁市政协召开会议。副主席丁一鸣，秘书长承立新出席。办公室主任承担会务。",
                   {"咸宁市政协": CITY})
    assert names(doc) == ["丁一鸣", "承立新"]
    assert ("承立新", CITY[0]) in members(doc)


def test_drafter_and_jiangnan_surname_in_bylines() -> None:
    doc = make_doc("咸宁市政协召开会议。\n（通讯员 恽晓梅）\n（执笔：程雨萱）\n执笔人：万思远", {"咸宁市政协": CITY})
    assert names(doc) == ["恽晓梅", "程雨萱", "万思远"]
    assert members(doc) == set()  # media roles are no memberships


def test_owner_between_membership_and_name() -> None:
    doc = make_doc("咸宁市政协召开会议。市政协委员、民宿经营者柯晓燕建议，统一服务标准。", {"咸宁市政协": CITY})
    assert names(doc) == ["柯晓燕"]
    assert members(doc) == {("柯晓燕", CITY[0])}


def test_name_ends_before_dao_of_a_visit() -> None:
    doc = make_doc("咸宁市政协副主席韦德林到通山调研时，肯定了做法。", {"咸宁市政协": CITY})
    assert names(doc) == ["韦德林"]
    assert members(doc) == {("韦德林", CITY[0])}


def test_a_common_three_character_name_in_jiebas_dictionary_is_still_a_name() -> None:
    # jieba's dictionary holds thousands of such names (tagged nr): none is a word to refuse
    county = ("committee:450123", "隆安县政协")
    assert "丁海峰" in names(make_doc("县政协委员丁海峰是一名教师，他说要办好实事。", {"县政协": county}))


def test_a_verb_after_a_chain_of_posts_is_no_name() -> None:
    county, city = ("committee:450123", "隆安县政协"), ("committee:450100", "南宁市政协")
    doc = make_doc("县政协常委、市政协委员向大会提交提案。", {"县政协": county, "市政协": city})
    assert names(doc) == []


def test_a_resident_called_by_an_elders_word_is_no_name() -> None:
    assert names(make_doc("村民王大娘家种了三亩茶。")) == []
    assert names(make_doc("村民黄阿秀家种了三亩茶。")) == ["黄阿秀"]
