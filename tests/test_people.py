"""People and posts: made-up sentences in the style of CPPCC news from other provinces."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docs
from kg.model import HOLDS_POST, MEMBER_OF, PERSON, Doc
from kg.recognise import people
from kg.relate_people import relate


def make_doc(text: str, committees: dict[str, tuple[str, str]] | None = None) -> Doc:
    """A segmented Doc of ``text`` with committee mentions at every occurrence of the given
    surfaces (surface -> (key, label)), standing in for the committee recogniser."""
    return replace(docs.make_doc(text), mentions=docs.committee_mentions(text, committees or {}))


def names(doc: Doc) -> list[str]:
    """The people recognised, each label once, in order."""
    out = []
    for m in people.recognise(doc):
        assert m.cls == PERSON
        if m.label not in out:
            out.append(m.label)
    return out


def members(doc: Doc) -> set[tuple[str, str]]:
    """(person label, committee key) of every memberOf the people relate stage gives."""
    rels = relate(replace(doc, mentions=doc.mentions + tuple(people.recognise(doc))))
    return {(r.subject.removeprefix("person:"), r.object) for r in rels if r.predicate == MEMBER_OF}


def persons(doc: Doc) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for m in people.recognise(doc):
        # one key whatever middle dot a transliterated name is written with
        assert m.cls == PERSON and m.key == "person:" + re.sub("[·・•]", "·", m.label)
        out.setdefault(m.label, []).extend(m.attrs.get("posts", []))
    return out


HUNAN = {"省政协": ("committee:430000", "湖南省政协"), "市政协": ("committee:430300", "湘潭市政协")}


def test_post_before_name_gives_committee_post():
    doc = make_doc("近日，市政协主席王建军带队赴韶山市调研。", HUNAN)
    got = persons(doc)
    assert list(got) == ["王建军"]
    post = got["王建军"][0]
    assert (post["title"], post["kind"], post["committee"]) == ("主席", "cppcc", "committee:430300")


def test_organ_post_points_to_organ_and_committee():
    doc = make_doc("省政协提案委员会主任欧阳明华介绍了有关情况。", HUNAN)
    post = persons(doc)["欧阳明华"][0]
    assert post["org"] == "organ:430000/提案委员会"
    assert post["committee"] == "committee:430000"


def test_name_list_after_post():
    doc = make_doc("市政协副主席刘卫东、张丽华、陈小兵参加活动。", HUNAN)
    got = persons(doc)
    assert sorted(got) == sorted(["刘卫东", "张丽华", "陈小兵"])
    assert all(p[0]["committee"] == "committee:430300" for p in got.values())


def test_party_and_government_posts_give_no_committee():
    doc = make_doc("省委书记沈晓明的批示，省长毛伟明批示。", HUNAN)
    got = persons(doc)
    assert got["沈晓明"][0]["kind"] == "party"
    assert got["毛伟明"][0]["kind"] == "government"
    assert not any(r.predicate == MEMBER_OF for r in relate(replace(doc, mentions=tuple(people.recognise(doc)))))


def test_two_character_name_before_particle():
    doc = make_doc("得到了省委书记张宁的批示。", HUNAN)
    assert list(persons(doc)) == ["张宁"]


def test_bylines():
    doc = make_doc("□ 本报记者 范文静\n正文。（通讯员 彭小英 记者 贺立）\n编辑：谭雪梅", HUNAN)
    got = persons(doc)
    assert sorted(got) == sorted(["范文静", "彭小英", "贺立", "谭雪梅"])
    assert all(p[0]["kind"] == "media" for p in got.values())


def test_headline_names_without_post():
    doc = make_doc("- 罗国强在全省政协秘书长工作会议上强调 提升履职效能\n- 龚晓峰率队赴岳阳市调研", HUNAN)
    got = persons(doc)
    assert set(got) == {"罗国强", "龚晓峰"}
    assert got["罗国强"] == [] and got["龚晓峰"] == []


def test_qualified_member_and_repeat():
    doc = make_doc("省政协澳门委员梁嘉欣准时上线。梁嘉欣说，履职不断线。", HUNAN)
    ms = people.recognise(doc)
    assert [m.label for m in ms] == ["梁嘉欣", "梁嘉欣"]
    assert ms[0].attrs["posts"][0]["committee"] == "committee:430000"


@pytest.mark.parametrize("text", [
    "推动高质量发展，常委会会议审议通过。",
    "全区政协在座谈会上强调团结。",
    "委员和机关干部一起参加培训。",
    "万人次参与活动，委员企业新增投入。",
])
def test_common_words_are_not_people(text):
    assert persons(make_doc(text, HUNAN)) == {}


def test_relations_member_and_post():
    doc = make_doc("市政协秘书长贺军告诉记者，工作稳步推进。", HUNAN)
    doc = replace(doc, mentions=doc.mentions + tuple(people.recognise(doc)))
    rels = relate(doc)
    member = [r for r in rels if r.predicate == MEMBER_OF]
    posts = [r for r in rels if r.predicate == HOLDS_POST]
    assert [(r.subject, r.object) for r in member] == [("person:贺军", "committee:430300")]
    assert posts[0].attrs["role"] == "秘书长"
    s = doc.sentence_at(member[0].start)
    assert (member[0].start, member[0].end) == (s.start, s.end)


def test_honorifics():
    doc = make_doc("纪念张澜先生诞辰座谈会召开。", HUNAN)
    assert list(persons(doc)) == ["张澜"]


def test_post_chain_gives_every_post():
    doc = make_doc("县政协常委、县商会会长、云岭茶业有限公司董事长李春华捐资十万元。",
                   {"县政协": ("committee:530523", "龙陵县政协")})
    posts = persons(doc)["李春华"]
    kinds = {(p["title"], p["kind"]) for p in posts}
    assert ("常委", "cppcc") in kinds and ("董事长", "other") in kinds
    assert any(p["org"] == "org:云岭茶业有限公司" for p in posts)
    rels = relate(replace(doc, mentions=doc.mentions + tuple(people.recognise(doc))))
    assert [(r.subject, r.object) for r in rels if r.predicate == MEMBER_OF] == [("person:李春华", "committee:530523")]


def test_bare_title_in_chain_takes_committee_of_the_chain():
    doc = make_doc("县政协党组副书记、副主席杨光荣带队调研。市政协主席马文出席。",
                   {"县政协": ("committee:530523", "龙陵县政协"), "市政协": ("committee:530500", "保山市政协")})
    posts = persons(doc)["杨光荣"]
    assert {p["committee"] for p in posts} == {"committee:530523"}


def test_abbreviated_organ_before_title():
    doc = make_doc("“解决了实际问题。”县政协农业农村委主任苏晓燕说。", {"县政协": ("committee:530523", "龙陵县政协")})
    post = persons(doc)["苏晓燕"][0]
    assert post["org"] == "organ:530523/农业农村委" and post["committee"] == "committee:530523"


def test_parenthesised_bylines():
    doc = make_doc("本报讯（孔德云）近日，县政协召开会议。\n会议强调要抓好落实。（胡晓明 刘芳）\n")
    assert set(persons(doc)) == {"孔德云", "胡晓明", "刘芳"}


def test_name_list_without_post_is_extended():
    doc = make_doc("会议选举产生了主席团常务主席，万家宝、陈群、欧阳春生任常务主席。会议由常务主席万家宝主持。")
    assert {"万家宝", "陈群", "欧阳春生"} <= set(persons(doc))


def test_chain_organ_belongs_to_chain_committee():
    doc = make_doc("县政协常委、文化文史委主任罗永红、副主任张芳到镇调研。",
                   {"县政协": ("committee:431021", "桂阳县政协")})
    post = persons(doc)["罗永红"][0]
    assert post["org"] == "organ:431021/文化文史委" and post["committee"] == "committee:431021"


def test_list_items_cut_by_separators_keep_rare_characters():
    doc = make_doc("省政协副主席周和平、陈向东、刘日新，秘书长王可出席。", HUNAN)
    assert {"周和平", "陈向东", "刘日新", "王可"} <= set(persons(doc))


def test_list_after_is_and_leader_titles():
    doc = make_doc("大会执行主席是沈小芽、黄华、林立中。市领导付朝东、季海峰等到会指导。", HUNAN)
    assert {"沈小芽", "黄华", "林立中", "付朝东", "季海峰"} <= set(persons(doc))
    assert persons(doc)["付朝东"][0]["kind"] == "other"


def test_weak_title_before_words_is_not_a_name():
    doc = make_doc("鼓励政协委员为国履职、服务群众，委员高度评价。", HUNAN)
    assert persons(doc) == {}


def test_bare_title_after_other_body_is_not_cppcc():
    doc = make_doc("中共中央政治局委员、省委书记胡明华出席。", HUNAN)
    posts = persons(doc)["胡明华"]
    assert all(p["kind"] != "cppcc" for p in posts)


def test_former_post_still_names_the_committee():
    doc = make_doc("省政协原副主席江明远出席。", HUNAN)
    assert persons(doc)["江明远"][0]["committee"] == "committee:430000"


def test_rarer_surnames_after_posts():
    # 洪, 贲, 逄 head leadership lists in every province, not only the common hundred
    doc = make_doc("市政协副主席洪雅兰，市政协秘书长、办公室主任贲立新，委员逄春晓出席。", HUNAN)
    got = persons(doc)
    assert sorted(got) == sorted(["洪雅兰", "贲立新", "逄春晓"])
    assert all(any(p["committee"] == "committee:430300" for p in posts) for posts in got.values())


def test_name_lists_before_adverbs():
    # 分别 / 一同 open the predicate: the last name of the list ends before them
    doc = make_doc("市政协副主席刘卫东、陈志强分别带队调研。", HUNAN)
    assert sorted(persons(doc)) == ["刘卫东", "陈志强"]
    doc = make_doc("省政协经济委员会主任宫明山一同参加调研。", HUNAN)
    assert list(persons(doc)) == ["宫明山"]


@pytest.mark.parametrize("text", [
    "省政协委员战斗在抗洪一线。",
    "洪水过后，市政协委员战胜困难，协助抗洪救灾。",
])
def test_rare_surname_characters_in_common_words(text):
    assert persons(make_doc(text, HUNAN)) == {}


def test_democratic_party_posts_in_a_chain():
    # 民盟市委主委 is not a CPPCC post, but the CPPCC post listed before it is
    doc = make_doc("市政协常委、民盟市委主委胡秀英，省政协常委、民建省委副主委方立军作发言。", HUNAN)
    got = persons(doc)
    assert sorted(got) == ["方立军", "胡秀英"]
    assert any(p["committee"] == "committee:430300" for p in got["胡秀英"])
    assert any(p["committee"] == "committee:430000" for p in got["方立军"])


def test_last_item_after_a_conjunction():
    doc = make_doc("市政协副主席马晓红、罗志成和王琳出席。", HUNAN)
    got = persons(doc)
    assert sorted(got) == ["王琳", "罗志成", "马晓红"]
    assert got["王琳"][0]["committee"] == "committee:430300"
    # not a name after the conjunction: nothing more is taken
    assert list(persons(make_doc("市政协主席张立新和相关部门负责人参加。", HUNAN))) == ["张立新"]
    assert list(persons(make_doc("市政协副主席马晓红和全体委员参加。", HUNAN))) == ["马晓红"]


def test_committee_leaders_list():
    doc = make_doc("出席会议的还有市政协领导彭志国、刘海英。", HUNAN)
    got = persons(doc)
    assert sorted(got) == ["刘海英", "彭志国"]
    assert got["刘海英"][0]["committee"] == "committee:430300"
    assert persons(make_doc("市政协领导班子成员参加学习。", HUNAN)) == {}


def test_text_and_photo_byline():
    assert list(persons(make_doc("（文/图 李晓冬）", HUNAN))) == ["李晓冬"]


def test_four_character_transliterated_names():
    # Yi names in Liangshan: taken whole after a post or in a byline, not cut after three characters
    doc = make_doc("州政协党组副书记、副主席阿苏拉则，秘书长吉克石布主持。（记者 曲比阿果 李晓冬）", HUNAN)
    assert sorted(persons(doc)) == sorted(["阿苏拉则", "吉克石布", "曲比阿果", "李晓冬"])
    # a Han name before 则 keeps three characters
    assert list(persons(make_doc("市政协副主席王建国则表示，", HUNAN))) == ["王建国"]


def test_name_ends_before_leading_and_reporting_verbs():
    # after a weak title (主任) the name needs a clear end: 带领, 宣读 ... give it
    doc = make_doc("市政协提案委员会主任兰秀芬带领委员视察，秘书长邬立新宣读了决定。", HUNAN)
    got = persons(doc)
    assert sorted(got) == ["兰秀芬", "邬立新"]
    assert got["兰秀芬"][0]["org"] == "organ:430300/提案委员会"


def test_names_before_a_group_title():
    # 张三、李四等市政协领导: the group title after 等 gives the listed names its post
    doc = make_doc("会上，韦国平、欧阳春晖等市政协领导出席。", HUNAN)
    got = persons(doc)
    assert sorted(got) == ["欧阳春晖", "韦国平"]
    assert all(posts[0]["committee"] == "committee:430300" for posts in got.values())
    # place names and common words before 等 are not names
    assert persons(make_doc("南宁、柳州等市政协委员参加。", HUNAN)) == {}
    assert persons(make_doc("项目、资金等市领导关心的问题。", HUNAN)) == {}


def test_names_after_haiyou():
    doc = make_doc("出席会议的省政协领导还有黄明远、李秋红。", HUNAN)
    got = persons(doc)
    assert sorted(got) == ["李秋红", "黄明远"]
    assert got["黄明远"][0]["committee"] == "committee:430000"


def test_group_representatives_are_posts():
    assert list(persons(make_doc("在现场，群众代表黎桂生感慨地说。", HUNAN))) == ["黎桂生"]


@pytest.mark.parametrize("text", ["记者来到丹竹镇看到，群众正在忙碌。", "记者边走边看。", "主任向大家介绍情况。"])
def test_words_after_strong_titles_need_a_name_shape(text):
    # with nothing marking where a name would end, only usual given-name characters make one
    assert persons(make_doc(text, HUNAN)) == {}


def test_posts_in_apposition():
    doc = make_doc("“这是我们的责任。”王东明（市政协委员、某某公司总经理）说。", HUNAN)
    assert persons(doc)["王东明"][0]["committee"] == "committee:430300"
    doc = make_doc("陈秀芝，省政协委员，某某医院院长。", HUNAN)
    assert persons(doc)["陈秀芝"][0]["committee"] == "committee:430000"


@pytest.mark.parametrize("text", ["明年，市政协委员，要继续履职。", "会议期间，省政协委员，分组讨论。",
                                  "目前，市政协委员共有500名。"])
def test_clause_openers_before_posts_are_not_names(text):
    assert persons(make_doc(text, HUNAN)) == {}


def test_office_director_is_a_post_of_the_office():
    # 办公室主任: the organ 办公室 and the title 主任, not a title 室主任 after 办公
    doc = make_doc("县政协办公室主任宁小波通报了有关情况。", {"县政协": ("committee:450521", "合浦县政协")})
    post = persons(doc)["宁小波"][0]
    assert (post["title"], post["committee"]) == ("主任", "committee:450521")
    assert post["org"] == "organ:450521/办公室"


@pytest.mark.parametrize("text", ["市政协主席强调，要做好工作。", "市政协主席高兴地说，", "市政协主席全程参加活动。",
                                  "市政协秘书长严格落实要求。"])
def test_ordinary_words_after_a_title_are_not_names(text):
    assert persons(make_doc(text, HUNAN)) == {}


def test_names_spelled_like_words_stay_names():
    # jieba tags these as names, or they are no frequent ordinary word
    for name in ("林立", "高峰", "宁静", "文明"):
        assert list(persons(make_doc(f"市政协主席{name}出席会议。", HUNAN))) == [name]
    assert list(persons(make_doc("（责任编辑：甘露）", HUNAN))) == ["甘露"]


def test_list_item_with_a_rare_surname_between_names():
    doc = make_doc("主席团常务主席黄国斌、黄世中、国桂芳、黄培林、王焱参加会议。", HUNAN)
    assert sorted(persons(doc)) == sorted(["黄国斌", "黄世中", "国桂芳", "黄培林", "王焱"])
    # a word between listed names is no name, and it ends the list
    doc = make_doc("市政协副主席张立新、工商联、李明、王五出席。", HUNAN)
    assert "工商联" not in persons(doc)


def test_district_short_forms_can_be_given_names():
    # 石峰 is also the short form of a district, which is never a region on its own
    doc = make_doc("县领导梁薇、石峰、张正文等参加慰问。", HUNAN)
    assert sorted(persons(doc)) == sorted(["梁薇", "石峰", "张正文"])


def test_names_before_a_qualified_member_group():
    doc = make_doc("会上，董文杰、桂峰、林玉琮等驻镇委员分别发言。（编审：熊晓辉）", HUNAN)
    assert sorted(persons(doc)) == sorted(["董文杰", "桂峰", "林玉琮", "熊晓辉"])


def test_district_short_form_before_an_honorific_is_a_place():
    assert persons(make_doc("观摩了雨湖区政协“雨湖委员之家”议事现场。", HUNAN)) == {}


def test_box_bylines():
    doc = make_doc("推动工作上新水平。□江 玮\n审议通过名单。□黄和芳", HUNAN)
    ms = people.recognise(doc)
    assert [m.label for m in ms] == ["江玮", "黄和芳"]
    assert ms[0].surface == "江 玮" and ms[0].key == "person:江玮"
    assert persons(make_doc("□说明：以上为草案", HUNAN)) == {}


def test_padded_two_character_names_in_bylines():
    got = persons(make_doc("本报记者 江 玮 通讯员 李 明\n（记者 张三丰 李四）", HUNAN))
    assert sorted(got) == sorted(["江玮", "李明", "张三丰", "李四"])


def test_photo_credits_and_spaced_dateline_bylines():
    got = persons(make_doc("新华网成都1月10日电 (岳一桐 王利文 何浠)会议开幕。\n开幕会现场。 王磊 摄 报告提出", HUNAN))
    assert sorted(got) == sorted(["岳一桐", "王利文", "何浠", "王磊"])
    assert persons(make_doc("加强会议摄影工作。", HUNAN)) == {}


def test_xiang_inside_a_given_name():
    assert list(persons(make_doc("主席团常务主席田向利代表常委会作报告。", HUNAN))) == ["田向利"]
    # 向 after a name is still where the name ends
    assert list(persons(make_doc("市政协主席张立新向大家介绍情况。", HUNAN))) == ["张立新"]


def test_function_characters_inside_given_names():
    got = persons(make_doc("市政协副主席李为民、张全胜出席，大会秘书长刘再明在主席台就座。", HUNAN))
    assert sorted(got) == sorted(["李为民", "张全胜", "刘再明"])
    # where the plain reading ends on a boundary, the function character stays outside the name
    assert list(persons(make_doc("市政协主席张三丰为大会致辞。", HUNAN))) == ["张三丰"]
    assert list(persons(make_doc("市政协主席张立新和委员们座谈。", HUNAN))) == ["张立新"]


def test_spaced_media_titles():
    got = persons(make_doc("(记 者:吴阳金 张志斌 见习记者 汪子妍)\n编辑: 杨玉娟 审核人:叶玲玲", HUNAN))
    assert sorted(got) == sorted(["吴阳金", "张志斌", "汪子妍", "杨玉娟", "叶玲玲"])


def test_members_studios_named_after_them():
    text = ("为新成立的张文友委员工作室、刘建玲委员工作室集中揭牌。副主席赵天鸿分别为宋海燕、贾进、"
            "安玉龙委员工作室揭牌。调研民革界别委员工作室、农业委员工作室。")
    got = persons(make_doc(text, HUNAN))
    assert sorted(got) == sorted(["张文友", "刘建玲", "赵天鸿", "宋海燕", "贾进", "安玉龙"])
    # words listed before a name are no names
    assert list(persons(make_doc("教育、卫生、李明委员说", HUNAN))) == ["李明"]


def test_bracketed_text_and_photo_credits():
    assert sorted(persons(make_doc("柳州日报   覃珩(文)、吴宇(图)", HUNAN))) == ["吴宇", "覃珩"]
    assert persons(make_doc("详见全文(文)", HUNAN)) == {}


def test_given_name_ending_in_he_before_a_verb():
    got = persons(make_doc("市政协副主席罗铭、杨恩维、莫玉和参加会议。", HUNAN))
    assert sorted(got) == sorted(["罗铭", "杨恩维", "莫玉和"])
    got = persons(make_doc("市政协副主席罗铭和李明参加会议。", HUNAN))
    assert sorted(got) == ["李明", "罗铭"]


def test_southern_surnames():
    got = persons(make_doc("省政协副主席磨长英、赖小平、闭海燕，市政协主任丘孟军出席。", HUNAN))
    assert sorted(got) == sorted(["磨长英", "赖小平", "闭海燕", "丘孟军"])
    assert persons(make_doc("委员植树造林，主任磨合方案。", HUNAN)) == {}


def test_photo_report_credits():
    got = persons(make_doc("区政协组织委员调研。\n罗德明 摄影报道\n委员视察学校。\n张嵋 摄影报道", HUNAN))
    assert sorted(got) == ["张嵋", "罗德明"]


def test_other_bodies_leaders_are_people_without_membership():
    got = persons(make_doc("全国人大常委会副委员长张立新，市检察院检察长王建华出席。", HUNAN))
    assert sorted(got) == ["张立新", "王建华"]
    assert all(p["kind"] != "cppcc" for posts in got.values() for p in posts)


def test_office_ranks_and_full_time_vice_chairs():
    got = persons(make_doc("市政协专职副主席李明远，一级巡视员张立新，二级巡视员王建华参加。", HUNAN))
    assert sorted(got) == sorted(["李明远", "张立新", "王建华"])
    assert all(posts[0]["committee"] == "committee:430300" for posts in got.values())


def test_meeting_host():
    assert list(persons(make_doc("会议主持人张立新宣布开幕。", HUNAN))) == ["张立新"]


def test_transliterated_names_without_a_han_surname():
    got = persons(make_doc("州政协副主席扎西多吉、马海木呷，秘书长泽仁拉姆出席。（文/图 尔古阿呷）", HUNAN))
    assert sorted(got) == sorted(["扎西多吉", "马海木呷", "泽仁拉姆", "尔古阿呷"])
    # ordinary words made of such characters are not names
    assert persons(make_doc("市政协主席加强调研。", HUNAN)) == {}


def test_names_before_deng_tongzhi():
    assert sorted(persons(make_doc("会上，韦国平、李秋红等同志作了发言。", HUNAN))) == ["李秋红", "韦国平"]


def test_membership_before_a_comma_opens_the_post_chain():
    doc = make_doc("作为省政协港区委员，某投资有限公司董事长刘烈文专程赴会。", HUNAN)
    assert any(p["committee"] == "committee:430000" for p in persons(doc)["刘烈文"])
    # a membership ending another clause is not the next person's post
    doc = make_doc("会议增补张三丰为市政协委员，市委常委、统战部部长李四光出席。", HUNAN)
    assert all(p["kind"] != "cppcc" for p in persons(doc)["李四光"])


XINJIANG = {"自治区政协": ("committee:650000", "新疆维吾尔自治区政协"),
            "州政协": ("committee:654000", "伊犁哈萨克自治州政协"),
            "县政协": ("committee:654025", "新源县政协")}


def test_dotted_transliterated_names_are_one_person_with_the_post_before():
    text = ("自治区政协副主席吐尔洪·买合木提出席并讲话，州政协主席阿不力孜·肉孜主持会议。"
            "县政协主席叶尔兰・赛力克作交流发言。州政协委员、某公司负责人帕夏古丽•吾守尔表示，要办好实事。")
    got = persons(make_doc(text, XINJIANG))
    assert sorted(got) == sorted(["吐尔洪·买合木提", "阿不力孜·肉孜", "叶尔兰・赛力克", "帕夏古丽•吾守尔"])
    assert got["吐尔洪·买合木提"][0]["committee"] == "committee:650000"
    assert got["阿不力孜·肉孜"][0]["committee"] == "committee:654000"
    assert got["叶尔兰・赛力克"][0]["committee"] == "committee:654025"
    # the committee membership listed before the company post is kept
    assert any(p["committee"] == "committee:654000" for p in got["帕夏古丽•吾守尔"])


def test_dotted_names_in_bylines_and_without_a_title():
    text = ("会议由阿不力孜·肉孜主持，吐尔逊江·依明特别强调，叶尔兰·别克多次提出建议。"
            "\n（州政协办公室 供稿 通讯员 古再丽‧艾买提）")
    got = persons(make_doc(text, XINJIANG))
    # a typing variant of the dot is labelled with the middle dot the scorer removes; an adverb
    # made of transliteration characters (特别, 多次) is not part of the name
    assert sorted(got) == sorted(["阿不力孜·肉孜", "吐尔逊江·依明", "叶尔兰·别克", "古再丽·艾买提"])
    assert [p["kind"] for p in got["古再丽·艾买提"]] == ["media"]
    # brands, columns and place pairs joined by a dot are not people
    text = "打造“天山·雪莲”品牌，委员风采·阿依古丽，中国·哈萨克斯坦合作，赴哈密·巴里坤考察，走进喀什·古城。"
    assert persons(make_doc(text, XINJIANG)) == {}


def test_single_word_transliterated_names_after_strong_titles():
    got = persons(make_doc("州政协副主席吐尔逊出席，秘书长热依汗主持。", XINJIANG))
    assert sorted(got) == ["吐尔逊", "热依汗"]
    # a bounded longer reading that is a word leaves no prefix behind (买买|提出席)
    assert "买买" not in persons(make_doc("州政协副主席买买提出席。", XINJIANG))


def test_third_given_name_character_common_in_dates():
    got = persons(make_doc("全国政协副秘书长刘松年参加座谈，市政协副主席方建政出席，秘书长鲁会明主持。", HUNAN))
    assert sorted(got) == sorted(["刘松年", "方建政", "鲁会明"])
    # still no name across a date
    assert persons(make_doc("市政协主席会议在2024年召开。", HUNAN)) == {}


def test_bylines_with_the_sending_organ_before_the_name():
    got = persons(make_doc("正文。\n（文/图 市政协办公室 孙雨涵）\n正文。\n（县政协办公室 冯立）", HUNAN))
    assert sorted(got) == sorted(["孙雨涵", "冯立"])
    assert all(p["kind"] == "media" for ps in got.values() for p in ps)
    # a role after the names, and a credit line of its own
    got = persons(make_doc("正文。\n（县政协办公室 郑小禾 供稿）\n来源：市政协办公室 韩冬\n正文。", HUNAN))
    assert sorted(got) == sorted(["郑小禾", "韩冬"])
    # an organ and words that are no name give nobody; a line needs a role or an organ first
    assert persons(make_doc("正文。\n（市政协办公室 提供）\n市政协 召开 会议\n宋江 林冲", HUNAN)) == {}


def test_combined_post_keeps_the_committee_of_the_first():
    doc = make_doc("市政协副主席兼秘书长赵晓川通报有关情况。", HUNAN)
    posts = persons(doc)["赵晓川"]
    assert {(p["title"], p["committee"]) for p in posts} == {("副主席", "committee:430300"),
                                                              ("秘书长", "committee:430300")}
    rels = relate(replace(doc, mentions=tuple(people.recognise(doc))))
    assert any(r.predicate == MEMBER_OF and r.object == "committee:430300" for r in rels)
    # a Party post before 兼 gives no membership
    doc = make_doc("市委常委兼秘书长钱立群出席。", HUNAN)
    assert all(p["kind"] != "cppcc" for p in persons(doc)["钱立群"])
    # an organ after 兼 is the first post's committee's
    posts = persons(make_doc("市政协秘书长兼办公室主任孔德江通报情况。", HUNAN))["孔德江"]
    assert {(p["title"], p["org"]) for p in posts} == {("主任", "organ:430300/办公室"),
                                                        ("秘书长", "committee:430300")}


def test_dotted_names_before_a_group_title_in_apposition_and_before_honorifics():
    got = persons(make_doc("阿不力孜·肉孜、叶尔兰·别克、方立群等州政协领导出席。", XINJIANG))
    assert sorted(got) == sorted(["阿不力孜·肉孜", "叶尔兰·别克", "方立群"])
    assert all(ps[0]["committee"] == "committee:654000" for ps in got.values())
    text = "吐尔逊江·依明（州政协委员、某公司董事长）说，要办好实事。"
    assert persons(make_doc(text, XINJIANG))["吐尔逊江·依明"][0]["committee"] == "committee:654000"
    # an honorific after the name
    got = persons(make_doc("州政协召开会议，古再丽·艾买提委员说，要办好实事。", XINJIANG))
    assert got["古再丽·艾买提"][0]["committee"] == "committee:654000"


INNER_MONGOLIA = {"盟政协": ("committee:152500", "锡林郭勒盟政协"), "市政协": ("committee:150100", "呼和浩特市政协")}


@pytest.mark.parametrize("text, name", [
    ("记者走访盟政协主席乌日根达来。", "乌日根达来"),
    ("市政协主席哈斯图雅牵头形成的调研报告获批示。", "哈斯图雅"),
    ("盟政协副主席敖日格勒巴图带队蹲点调研。", "敖日格勒巴图"),
    ("市政协主席巴音苏和的讲话。", "巴音苏和"),
    ("专访：访盟政协主席乌云毕力格\n\n记者：", "乌云毕力格"),  # 乌云, a word, opens many Mongolian names
    ("专访：访盟政协主席乌云其木格\n\n记者：", "乌云其木格"),  # in jieba's dictionary as a place (ns)
])
def test_long_undotted_transliterated_names_after_strong_titles(text, name):
    doc = make_doc(text + f"会后，{name}表示将持续跟进。", INNER_MONGOLIA)
    got = persons(doc)
    assert list(got) == [name]  # the whole name, and its bare repeat is the same person
    assert got[name][0]["kind"] == "cppcc" and got[name][0]["committee"].startswith("committee:15")


@pytest.mark.parametrize("text, name", [
    ("市政协主席卢丽娜和委员们座谈。", "卢丽娜"),  # a Han name before 和 and a title stays short
    ("市政协主席马丽娜都参加了。", "马丽娜"),
])
def test_han_names_before_function_characters_stay_short(text, name):
    assert list(persons(make_doc(text, INNER_MONGOLIA))) == [name]


def test_rare_minority_surnames_after_strong_titles():
    got = persons(make_doc("市政协副主席纳秋菊介绍了相关情况。记者 拜玉兰 摄", INNER_MONGOLIA))
    assert list(got) == ["纳秋菊", "拜玉兰"]
    assert got["纳秋菊"][0]["committee"] == "committee:150100"
    # a rare surname that is also a word, or after a weak cue, is no name
    assert persons(make_doc("市政协副主席哈哈大笑。委员纳入考核。", INNER_MONGOLIA)) == {}


def test_member_in_a_digest_section_belongs_to_the_section_committee():
    from kg.recognise import committees

    text = ("桂林市政协委员履职风采\n桂林市政协组织委员开展调研。\n"
            "【荔浦市】市政协委员王建业建议加快产业升级。\n【阳朔县】县政协委员李秀兰提出旅游提案。")
    doc = make_doc(text)
    doc = replace(doc, mentions=tuple(committees.recognise(doc)))
    got = persons(doc)
    assert [p["org_label"] for p in got["王建业"]] == ["荔浦市政协"]
    assert [p["org_label"] for p in got["李秀兰"]] == ["阳朔县政协"]
    # 政协委员 and a bare 委员 in a section: the section's committee when the article names it
    text += "政协委员赵春生建议发展民宿。委员钱秀英提出建议。"
    doc = make_doc(text)
    got = persons(replace(doc, mentions=tuple(committees.recognise(doc))))
    assert [p["org_label"] for p in got["赵春生"]] == ["阳朔县政协"]
    assert [p["org_label"] for p in got["钱秀英"]] == ["阳朔县政协"]


@pytest.mark.parametrize("text, name", [
    ("（文/图 县政协办公室 拜玉兰）", "拜玉兰"),
    ("本报讯（通讯员 撒春梅）", "撒春梅"),
    ("□锁建华", "锁建华"),
])
def test_rare_minority_surnames_in_bylines(text, name):
    assert list(persons(make_doc("县政协召开会议。\n" + text))) == [name]


def test_long_undotted_names_in_a_list_after_a_title():
    got = persons(make_doc("盟政协副主席张建国、敖日格勒巴图、李秀英出席。市政协副主席王立新、哈斯图雅带队。",
                           INNER_MONGOLIA))
    assert list(got) == ["张建国", "敖日格勒巴图", "李秀英", "王立新", "哈斯图雅"]
    assert got["敖日格勒巴图"][0]["committee"] == "committee:152500"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="本讯电（()）\n 　市政协办公室文图。，张三", max_size=60))
def test_bylines_are_looked_for_where_the_pattern_can_start_and_found_as_finditer_finds_them(text):
    assert [m.span() for m in people._paren_byline_matches(text)] == \
        [m.span() for m in people._PAREN_BYLINE.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    # Yi names: a clan name and one or two more characters, after a post or a resident word
    ("州政协主席曲比拉则告诉记者，协商很管用。", ["曲比拉则"]),
    ("县政协委员、文化传习所负责人吉克阿呷还开办了刺绣培训班。", ["吉克阿呷"]),
    ("村民沙马日火说，路修通了。", ["沙马日火"]),
    # someone introduced by name: 叫某某的
    ("一位叫阿苦木呷的老人跟我说，以前政协离自己很远。", ["阿苦木呷"]),
    ("有一位名叫丁大山的果农说。", ["丁大山"]),
])
def test_yi_names_and_names_introduced_with_jiao(text, expected):
    assert names(make_doc(text)) == expected


def test_a_party_committees_secretary_is_a_strong_title():
    # 县委书记/党委书记 before a name of uncommon characters or before an adverb
    assert names(make_doc("县委书记郑致远出席会议并讲话。")) == ["郑致远"]
    assert names(make_doc("去年，州委书记韩国栋专门到村里参加了一场协商会。")) == ["韩国栋"]
    assert names(make_doc("镇党委书记斯立新表示，议事会已成为重要渠道。")) == ["斯立新"]
    # the strong title still needs a name, not a word that starts with a surname
    assert names(make_doc("县委书记高度重视，要求抓好落实。")) == []


def test_residents_with_rarer_given_names_and_rare_surnames():
    assert names(make_doc("村民楼阿旺告诉记者，路修好了。")) == ["楼阿旺"]
    assert names(make_doc("村民纳阿旺告诉记者。")) == ["纳阿旺"]
    assert names(make_doc("村民纳入了保障范围，村民楼道里也干净了。")) == []


def test_photo_and_video_credits_in_a_footer():
    text = "来源：县政协办公室\n图片：郑晓燕\n视频：钱立东\n编辑：冯佳欣"
    assert names(make_doc(text)) == ["郑晓燕", "钱立东", "冯佳欣"]
    # a job between the post and the name, then 通过
    assert names(make_doc("自治区政协委员、某大学动物科技学院教授纳文山通过视频连线参加协商。")) == ["纳文山"]


def test_a_profile_introduces_the_member_with_shi():
    text = "宜昌市政协开展活动。关玉珍是宜昌市政协常委、经济界别委员，也是一家公司的董事长。"
    doc = make_doc(text, {"宜昌市政协": ("committee:420500", "宜昌市政协")})
    assert names(doc) == ["关玉珍"]
    assert members(doc) == {("关玉珍", "committee:420500")}


def test_staff_and_workers_quoted_by_name_are_people():
    assert names(make_doc("来自外省的挤压工人邓立军说：“工资涨了。”")) == ["邓立军"]
    assert names(make_doc("公司质检部主管邵晓敏说：“要求特别严。”")) == ["邵晓敏"]
    # a worker word before a noun is no cue (员工通勤, 职工群众)
    assert names(make_doc("聚焦楼宇企业员工通勤、就餐等小事，职工群众满意。")) == []
    # Granny Liu is no name, after a resident word either
    assert names(make_doc("菜农刘大娘笑着说。")) == []


def test_the_cantonese_surname_qu_after_a_strong_title_or_in_a_credit():
    assert names(make_doc("南海区政协主席区立勤这样评价她。")) == ["区立勤"]
    assert names(make_doc("（编辑：梁晓蔚　审核：区嘉宝）")) == ["梁晓蔚", "区嘉宝"]
    assert names(make_doc("审核：区政协办公室")) == []


def test_members_listed_after_a_connective_or_before_a_count():
    luo = {"县政协": ("committee:421123", "罗田县政协")}
    doc = make_doc("32名县政协委员分别联系12个乡镇，其中委员韩立波、邹敏、程子健等每月到乡镇坐班。", luo)
    assert members(doc) == {(n, "committee:421123") for n in ("韩立波", "邹敏", "程子健")}
    doc = make_doc("县政协召开会议。（四）《关于学位建设的提案》（提案人：苏立明、郑雅琴、杨建国等5名委员）。", luo)
    assert members(doc) == {(n, "committee:421123") for n in ("苏立明", "郑雅琴", "杨建国")}


def test_academicians_students_and_names_inside_book_titles():
    assert names(make_doc("全国政协委员、中国科学院院士邱立华，全国政协委员、某报社副总编辑卜雅芳等也在线发言。")) == [
        "邱立华", "卜雅芳"]
    assert names(make_doc("就读某大学的学员梁子琪说，她将到广州实习。")) == ["梁子琪"]
    assert names(make_doc("学生宿舍改造完成。")) == []
    # a column's title is no person, though it reads like 某某委员说
    assert names(make_doc("短视频栏目《邢州委员说》则以1分钟短视频的形式讲述履职故事。")) == []


def test_a_dotted_name_after_a_title_in_a_list_of_leaders():
    text = "某地区政协主席阿不都拉·买买提，副主席努尔江・别克木拉提陪同考察。"
    assert names(make_doc(text)) == ["阿不都拉·买买提", "努尔江・别克木拉提"]


@pytest.mark.parametrize("text, expected", [
    ("居民孙德贵拿着一张手绘的示意图来找他。", ["孙德贵"]),  # jieba's name, whatever follows
    ("茶农代表方大明在会上说：“希望能早点落实。”", ["方大明"]),
    ("寨老侯略生说：“委员们来了。”", ["侯略生"]),
    ("旗政协委员、牧民党员阿拉腾巴图作为委员代表作了表态发言。", ["阿拉腾巴图"]),
    ("旗政协委员、牧民党员巴音苏和作为委员代表发言。", ["巴音苏和"]),
    ("定期听取中共党员常委、办公厅党组履职情况汇报。", []),
])
def test_residents_elders_and_party_members_by_name(text, expected):
    assert names(make_doc(text)) == expected


def test_a_member_title_right_after_a_committee_is_a_strong_cue():
    yang = {"县政协": ("committee:450321", "阳朔县政协")}
    doc = make_doc("在遇龙河畔，县政协委员陈雨菲经营着一家民宿。由种植大户出身的县政协委员周德顺领衔。", yang)
    assert members(doc) == {("陈雨菲", "committee:450321"), ("周德顺", "committee:450321")}
    doc = make_doc("县政协委员、民间文艺家协会会员蒙志强说，西街是名片。", yang)
    assert members(doc) == {("蒙志强", "committee:450321")}


def test_names_ending_in_he_before_a_preposition_and_studios_named_after_products():
    assert names(make_doc("民宿协会会长李家和对这一行动感受很深。")) == ["李家和"]
    assert names(make_doc("会长王平和在座的委员交流。")) == ["王平"]
    assert names(make_doc("县政协今年培育了“金桔委员工作室”，由委员领衔。")) == []
    assert names(make_doc("县政协为“王强委员工作室”揭牌。")) == ["王强"]
    assert names(make_doc("让每一位果农的日子都甜甜蜜蜜。")) == []


def test_a_personnel_notice():
    text = ("宜昌市政协公告\n增补下列2人为政协宜昌市第十届委员会委员：\n"
            "邵明涛（男，中共党员，中共界，某区委副书记）\n"
            "祁慧敏（女，民进会员，教育界，某中学校长）\n\n"
            "任命方立远为政协宜昌市委员会经济委员会主任。\n"
            "免去陈德旺的政协宜昌市委员会经济委员会主任职务。\n"
            "接受杨建勋辞去政协宜昌市第十届委员会副主席职务的请求。\n")
    doc = make_doc(text, {"政协宜昌市第十届委员会": ("committee:420500", "宜昌市政协"),
                          "政协宜昌市委员会": ("committee:420500", "宜昌市政协"),
                          "宜昌市政协": ("committee:420500", "宜昌市政协")})
    assert names(doc) == ["邵明涛", "祁慧敏", "方立远", "陈德旺", "杨建勋"]
    assert members(doc) >= {("邵明涛", "committee:420500"), ("祁慧敏", "committee:420500")}


def test_a_post_held_before_a_name_and_callings_after_posts():
    xy = {"市政协": ("committee:420600", "襄阳市政协")}
    doc = make_doc("1998年至2008年任市政协主席的周建生回忆，那十年里变化很大。", xy)
    assert members(doc) == {("周建生", "committee:420600")}
    doc = make_doc("市政协委员、陶瓷艺术家占永明说：“建议很快有回音。”", xy)
    assert members(doc) == {("占永明", "committee:420600")}
    doc = make_doc("市政协委员、马铃薯种植大户虎春明说：“以前难。”", xy)
    assert members(doc) == {("虎春明", "committee:420600")}
    assert names(make_doc("首任主席、爱国民主人士程静明在全会上讲话。")) == ["程静明"]
    assert names(make_doc("（男，无党派人士，医药卫生界）。各界人士参加。")) == []


def test_a_post_held_besides_another_keeps_the_chain():
    yang = {"县政协": ("committee:450321", "阳朔县政协")}
    doc = make_doc("县政协副主席（兼）、县工商联主席黄志明是这一行动的牵头人。", yang)
    assert members(doc) == {("黄志明", "committee:450321")}


def test_a_membership_named_before_de_joins_the_chain_of_the_post_after_it():
    cm = {"全国政协": ("committee:CN", "全国政协"), "江西省政协": ("committee:360000", "江西省政协")}
    doc = make_doc("说起这些，她的同事、同为全国政协委员的江西省政协副主席彭立东深有感触。", cm)
    assert members(doc) == {("彭立东", "committee:CN"), ("彭立东", "committee:360000")}
    # a job of the member's, with 的 in its run, does not cut the chain before it
    yang = {"县政协": ("committee:450321", "阳朔县政协")}
    doc = make_doc("县政协委员、兴坪镇一家民宿的负责人莫丽芳接过话头。", yang)
    assert members(doc) == {("莫丽芳", "committee:450321")}


def test_a_proposals_signers_and_their_posts_in_brackets():
    yy = {"市政协": ("committee:430600", "岳阳市政协")}
    text = ("提案者：黄立峰（市政协委员，某农业科技公司董事长）\n附议人：易春芳　鲁国强　屈慧敏\n\n"
            "附议人易春芳（市政协常委，某县政协副主席）：同意。\n")
    doc = make_doc(text, yy)
    assert names(doc) == ["黄立峰", "易春芳", "鲁国强", "屈慧敏"]
    assert {("黄立峰", "committee:430600"), ("易春芳", "committee:430600")} <= members(doc)


def test_a_person_signing_a_cppcc_proposal_is_a_member_of_the_articles_committee():
    mt = {"湄潭县政协": ("committee:520328", "湄潭县政协")}
    text = ("湄潭县政协通报重点提案办理情况。\n"
            "1.《关于推动茶叶品牌升级的提案》（提案人：邹明芳），承办单位：县农业农村局。\n"
            "2.《关于完善养老服务的提案》（提案人：民盟湄潭县支部），承办单位：县民政局。\n附议人：冯启明　田雪兰\n")
    doc = make_doc(text, mt)
    assert names(doc) == ["邹明芳", "冯启明", "田雪兰"]  # a party's branch signs too: no person
    assert members(doc) == {("邹明芳", "committee:520328"), ("冯启明", "committee:520328"),
                            ("田雪兰", "committee:520328")}
    # no committee in the article: no membership to give
    doc = make_doc("《关于完善养老服务的提案》（提案人：邹明芳）已办结。")
    assert names(doc) == ["邹明芳"]
    assert members(doc) == set()


def test_every_cppcc_post_in_the_brackets_after_a_name():
    yy = {"岳阳市政协": ("committee:430600", "岳阳市政协"), "市政协": ("committee:430600", "岳阳市政协"),
          "华容县政协": ("committee:430623", "华容县政协")}
    doc = make_doc("岳阳市政协召开协商会。附议人易春芳（市政协常委，华容县政协副主席）：同意。", yy)
    assert members(doc) == {("易春芳", "committee:430600"), ("易春芳", "committee:430623")}
    # the first item of the brackets is no post
    doc = make_doc("岳阳市政协召开协商会。委员蒋德明（特邀界，华容县政协副主席）介绍了情况。", yy)
    assert members(doc) == {("蒋德明", "committee:430600"), ("蒋德明", "committee:430623")}
    doc = make_doc("岳阳市政协增补委员名单：\n褚国亮（男，中共党员，农业界，某家庭农场负责人，华容县政协常委）\n", yy)
    assert ("褚国亮", "committee:430623") in members(doc)
    # a line of a list: the name may be a word (建业), the brackets make it one
    doc = make_doc("岳阳市政协表彰优秀委员：\n孙慧芸（市政协委员，教育界）\n张建业（市政协委员，工商联界）\n"
                   "发展经济（市政协委员，工商联界）\n", yy)
    assert names(doc) == ["孙慧芸", "张建业"]
    assert members(doc) == {("孙慧芸", "committee:430600"), ("张建业", "committee:430600")}
    # a list after the brackets closed is not in them
    doc = make_doc("岳阳市政协召开协商会。王东明（某公司总经理）说，华容县政协常委、县政协委员都要参加。", yy)
    assert members(doc) == set()


@pytest.mark.parametrize("text, expected", [
    ("区农业农村委主任曾德明回应说，区里已安排专项资金。", ["曾德明"]),
    ("（通讯员：某区政协办公室　文峰）", ["文峰"]),  # a byline's name may be a district's short form
    ("文图：某市政协 赵一鸣", ["赵一鸣"]),
    ("文｜陈思雨 编辑｜王立强", ["陈思雨", "王立强"]),
    ("当天的协商中，民宿经营户朴英爱说，协商桌很管用。", ["朴英爱"]),
    ("某市委常委、统战部部长郇宏达说。", ["郇宏达"]),
    ("某市副市长韩光日到会听取意见。", ["韩光日"]),  # 日 ends a Korean given name
    ("主任王明日前表示。", []),
    ("某县政协叫响“姜乡委员面对面”品牌。", []),  # a place in a quoted name, no member
])
def test_bylines_staff_rare_surnames_and_korean_names(text, expected):
    assert names(make_doc(text)) == expected


def test_minutes_attendance_lists_and_bare_titles_after_a_verb():
    yt = {"政协烟台市委员会": ("committee:370600", "烟台市政协")}
    text = ("政协烟台市委员会主席会议纪要\n出　席：邹立明　王海涛　曲晓红\n\n请　假：林宝华（在外学习）\n\n"
            "列　席：市政协秘书长栾振华，市委统战部副部长隋立强\n\n记　录：牟晓红\n\n"
            "会议委托副主席曲晓红同志对接。出席会议的副主席王海涛提出建议。\n")
    doc = make_doc(text, yt)
    assert names(doc) == ["邹立明", "王海涛", "曲晓红", "林宝华", "栾振华", "隋立强", "牟晓红"]
    assert {("曲晓红", "committee:370600"), ("王海涛", "committee:370600")} <= members(doc)


@pytest.mark.parametrize("text, expected", [
    ("市政协文化文史和学习委员会主任衣春明，区政协主席战宏亮", ["衣春明", "战宏亮"]),
    ("首任主席由叶允明担任，副主席有工商界人士冯瑞华。", ["叶允明", "冯瑞华"]),
    ("看望慰问其夫人宋淑芬，儿子常晓东、女儿常晓梅。", ["宋淑芬", "常晓东", "常晓梅"]),
    ("市政协原秘书长潘景和回忆，老主席要求严格。", ["潘景和"]),
    ("“现在接到了订单。”山江镇绣娘龙阿妹说。", ["龙阿妹"]),
    ("办公室主任纳入工作。主任衣服整齐。", []),
    ("查验时间由原来的两天压缩到一天。", []),  # after 由 only 担任 closes a name
])
def test_organ_heads_appointments_family_and_craftswomen(text, expected):
    assert names(make_doc(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("图片来源：新华社\n视频来源：县融媒体中心", []),  # 图片/视频 credit a name only before a separator
    ("市政协主席王军和对口联系的委员座谈。", ["王军"]),  # 和 then a word: two people
    ("县政协主席张平和为民服务中心负责人座谈。", ["张平"]),
    ("在一个叫柳树湾的小山村里，委员们开展调研。", []),  # 叫…的 naming a place
    ("委员接受齐鲁网的专访。会议接受黄河的洗礼。", []),  # 接受 names a person only before 辞去
    ("他说：“……杜鹃委员也来了。”", ["杜鹃"]),  # quoted speech keeps its names
])
def test_guards_against_the_new_cues_false_positives(text, expected):
    assert names(make_doc(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("全村民宿入住率超过九成。", []),  # 民宿 (a homestay): no resident
    ("记者：明年“萍水相商”品牌建设有哪些新的打算？", []),  # an interview's question, no byline
    ("隆广镇的议事员胡立光是一名退休教师。", ["胡立光"]),
])
def test_homestays_interview_questions_and_village_councillors(text, expected):
    assert names(make_doc(text)) == expected


def test_a_party_secretary_after_a_committees_verb_phrase_is_no_member():
    xd = {"区政协": ("committee:140105", "小店区政协")}
    doc = make_doc("区政协将认真落实区委书记郜立梁提出的要求。", xd)
    assert names(doc) == ["郜立梁"] and members(doc) == set()


@pytest.mark.parametrize("text, expected", [
    ("省政协副主席葛鸿钧来锦调研委员履职工作。", ["葛鸿钧"]),  # 来 of a visit, with the place's short form
    ("省政协副主席王来福来调研。", ["王来福"]),
    ("县政协常委、芦笙舞传承人张娜约，带着我把庄园和民族文化结合起来。", ["张娜约"]),  # 约 of a Lahu name
    ("村里的老支书李扎倮笑着说：“这才叫商量。”", ["李扎倮"]),
    ("教授龚思源带着学生来澜沧，在庄园住了一个星期。", ["龚思源"]),  # 来 + a place is no name
])
def test_names_of_visits_minority_names_and_village_posts(text, expected):
    assert names(make_doc(text)) == expected


def test_an_election_gives_the_post_with_tongzhi_between():
    tz = {"政协台州市第六届委员会": ("committee:331000", "台州市政协"),
          "台州市政协": ("committee:331000", "台州市政协")}
    doc = make_doc("台州市政协全会闭幕。会议选举杜晓岚同志为政协台州市第六届委员会副主席。", tz)
    assert members(doc) == {("杜晓岚", "committee:331000")}


def test_a_chair_named_before_his_title_and_a_job_ending_in_hu():
    cm = {"晋城市政协": ("committee:140500", "晋城市政协"), "市政协": ("committee:140500", "晋城市政协"),
          "高平市政协": ("committee:140581", "高平市政协"), "焦作市政协": ("committee:410800", "焦作市政协")}
    doc = make_doc("晋城市政协微博。\n@高平市政协：#长平议事厅# 开进了田间地头 郭建刚主席和20多位委员围坐在一起。", cm)
    assert members(doc) == {("郭建刚", "committee:140581")}
    # a chair whose post the article names elsewhere is not the chair of the committee beside him
    doc = make_doc("市政协主席秦卫东作报告。任秋实介绍了焦作市政协打造品牌的做法，秦卫东主席介绍了运行机制。", cm)
    assert members(doc) == {("秦卫东", "committee:140500")}
    rc = {"汝城县政协": ("committee:431026", "汝城县政协")}
    doc = make_doc("汝城县政协委员、民宿经营户朱红英说：“游客多了。”", rc)
    assert members(doc) == {("朱红英", "committee:431026")}


def test_mongolian_and_kham_names_elections_and_office_titles():
    xa = {"兴安盟政协": ("committee:152200", "兴安盟政协"), "盟政协": ("committee:152200", "兴安盟政协"),
          "内蒙古自治区政协": ("committee:150000", "内蒙古自治区政协")}
    text = ("兴安盟政协全会召开。会议选举敖日格乐为盟政协副主席，增选刘素兰等5人为盟政协常务委员。"
            "盟长乌力吉图等到会祝贺。内蒙古自治区政协副主席娜仁托娅一行来兴安盟调研。"
            "盟政协文化文史和学习委员会主任那顺作讲座。")
    doc = make_doc(text, xa)
    assert names(doc) == ["敖日格乐", "刘素兰", "乌力吉图", "娜仁托娅", "那顺"]
    assert members(doc) == {("敖日格乐", "committee:152200"), ("刘素兰", "committee:152200"),
                            ("娜仁托娅", "committee:150000"), ("那顺", "committee:152200")}
    # Kham Tibetan names after a job; a place after 乌兰 is no name
    doc = make_doc("县政协委员、某合作社理事长四郎降措建议设立专区。局长扎西邓珠到会。")
    assert names(doc) == ["四郎降措", "扎西邓珠"]
    assert names(make_doc("主任乌兰浩特市委书记出席。")) == []
    # an office's head and a spokesman before a full-width space, at the end of the line
    doc = make_doc("发布人：\n大会新闻发言人\u3000詹国民\n主持人：办公厅新闻宣传处处长\u3000鲍蕾\n")
    assert names(doc) == ["詹国民", "鲍蕾"]


@pytest.mark.parametrize("text, expected", [
    ("省民政厅副厅长汤雅琴多次到会听取意见。", ["汤雅琴"]),  # a Han name and an adverb, no long transliteration
    ("盟政协主席乌日根达来牵头。", ["乌日根达来"]),
    ("县政协创设“委员包村 助农兴业”机制，83名委员包村联户。", []),  # a member's duty, no name
    ("开五届十七次主席会议。\n（整理：韩雪薇）\n", ["韩雪薇"]),  # a chronicle's compiler
    ("委员们整理王明的讲话。", []),  # (整理 is a credit only before a colon)
    ("县农牧技术推广中心高级畜牧师尼玛泽仁发言认为，要加强。", ["尼玛泽仁"]),
    ("省政协经济委员会副主任向东平说，要加强。", ["向东平"]),  # 向 is a surname before a place's name too
])
def test_adverbs_duties_compilers_and_surnames_before_place_names(text, expected):
    assert names(make_doc(text)) == expected


def test_representatives_of_a_group_in_a_chain_of_posts():
    cn = {"全国政协": ("committee:CN", "全国政协")}
    doc = make_doc("全国政协召开双周协商座谈会。全国政协委员、农民工代表、某电商企业负责人吴筱兰通过视频连线发言。"
                   "参农代表隋德明说：“好。”", cn)
    assert names(doc) == ["吴筱兰", "隋德明"]
    assert members(doc) == {("吴筱兰", "committee:CN")}


def test_authors_of_papers_with_their_posts_and_quoted_names_and_credits():
    cm = {"东营市政协": ("committee:370500", "东营市政协"), "利津县政协": ("committee:370522", "利津县政协"),
          "河西区政协": ("committee:120103", "河西区政协")}
    doc = make_doc("研讨会获奖论文：\n《政协协商作用研究》（作者：巩俊伟，东营市政协研究室主任；"
                   "仉欣然，利津县政协办公室副主任）\n", cm)
    assert names(doc) == ["巩俊伟", "仉欣然"]
    assert members(doc) == {("巩俊伟", "committee:370500"), ("仉欣然", "committee:370522")}
    # two characters opening a quoted name before 委员 name a studio or a place, not a member
    doc = make_doc("委员符海霞说。设立了“海霞委员工作室”。推出“安澜委员 巡河护岸”活动。为“张文有委员工作室”揭牌。"
                   "为“王强委员工作室”揭牌。")
    assert names(doc) == ["符海霞", "张文有", "王强"]
    # a credit is no post, whoever sends it
    doc = make_doc("会议通报了考评情况。\n（河西区政协办公室供稿 王晓桐）\n", cm)
    assert names(doc) == ["王晓桐"] and members(doc) == set()


@pytest.mark.parametrize("text, expected", [
    ("宁陕县副县长党海鹏分别介绍了情况。", ["党海鹏"]),  # 党, a surname after a strong title
    ("市政协主席党组书记出席。县长党组成员参加。", []),  # (党组 is a word)
    ("丈夫吴启栋是一名中学教师。", ["吴启栋"]),  # a relative introduced by name
    ("王亚妹的儿子陈文彪记得更清楚。", ["陈文彪"]),
    ("妻子支持他的工作。女儿今年上大学。", []),
    ("在卫生院，乡村医生李德海至今保存着笔记。", ["李德海"]),  # 至今 after a name
])
def test_rare_surnames_relatives_and_adverbs_of_time(text, expected):
    assert names(make_doc(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("市政协副主席（民盟常德市委会主委）蒋若兰，副主席（无党派人士）文志清列席会议。", ["蒋若兰", "文志清"]),
    ("台盟盟员蔡惠琳建议设立中心。", ["蔡惠琳"]),  # the new post the only cue
    ("在莆台商赖信宏说，要加强交流。", ["赖信宏"]),
    ("台中市某农会总干事廖文彬介绍了经验。", ["廖文彬"]),
    ("台湾青年创业者、某文创公司负责人洪子翔讲述了自己的经历。", ["洪子翔"]),
    ("市政协党组书记、主席农文韬，副主席杨春来陪同调研。", ["农文韬", "杨春来"]),  # 来陪同: no visit's 来
])
def test_notes_after_titles_party_members_taiwanese_businessmen_and_verbs(text, expected):
    assert names(make_doc(text)) == expected


def test_leaders_words_studied_visits_after_a_given_name_signers_and_studios():
    cm = {"市政协": ("committee:450200", "柳州市政协"), "柳州市政协": ("committee:450200", "柳州市政协"),
          "县政协": ("committee:450222", "柳城县政协")}
    # a leader whose words are studied is no member of the committee that studies them
    doc = make_doc("柳州市政协党组召开会议，传达学习王沪宁主席在全国政协常委会上的讲话精神。", cm)
    assert members(doc) == set()
    doc = make_doc("会议深入学习贯彻习近平主席重要讲话精神，柳州市政协召开常委会。", cm)
    assert members(doc) == set()
    # a given name ending in 来 before a visit
    assert names(make_doc("柳州市政协主席王春来调研。", cm)) == ["王春来"]
    # a signer whose brackets name his committee is its member, not the article's
    doc = make_doc("县政协召开会议。提案人王明（柳州市政协委员）：建议加强。", cm)
    assert members(doc) == {("王明", "committee:450200")}
    # a studio named after a member whose name is also a word
    assert names(make_doc("县政协为“高峰委员工作室”揭牌。", cm)) == ["高峰"]


@pytest.mark.parametrize("text, expected", [
    ("全国政协常委、民建中央副主席谯博远关注民营经济发展。", ["谯博远"]),  # 关注 ends a name
    ("全国政协委员、某大学教授闾海宁则把目光投向了银发经济。", ["闾海宁"]),  # 闾, a rare surname
    ("县农业农村局副局长操建军当场表示，将纳入。", ["操建军"]),
    ("县政协委员、县农商银行某支行行长殷浩然则把话题引向了资金。", ["殷浩然"]),  # 行长
    ("全国人大代表、某科技公司首席执行官蒯启航谈到了人工智能。", ["蒯启航"]),
    ("自治区政协某委员会副主任达瓦扎西此前来调研。萨迦县政协主席丹增旺久介绍。", ["达瓦扎西", "丹增旺久"]),
    ("联系单位：某局市场科\n联系人：韩晓丽\n园区负责人马福祥一边给记者介绍。", ["韩晓丽", "马福祥"]),
    ("共同构建“澳肇委员连心桥”工作机制。“感谢委员李大山。”", ["李大山"]),  # a quoted name's words
])
def test_rare_surnames_jobs_kham_names_contacts_and_quoted_titles(text, expected):
    assert names(make_doc(text)) == expected


def test_a_name_after_a_title_then_is_and_a_committee_post():
    cz = {"常州市政协": ("committee:320400", "常州市政协")}
    doc = make_doc("常州某公司召开大会。公司董事长甘振华是常州市政协委员，也是市工商联副主席。", cz)
    assert members(doc) == {("甘振华", "committee:320400")}
