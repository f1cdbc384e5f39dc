"""Committees: every level and form; short forms from the article's topic; collectives dropped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docs import make_doc
from kg.model import COMMITTEE
from kg.recognise import committees


def found(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.label) for m in committees.recognise(make_doc(text))]


def labels(text: str) -> list[str]:
    return [label for _, label in found(text)]


@pytest.mark.parametrize("text, label", [
    ("柳州市政协召开主席会议。", "柳州市政协"),
    ("政协柳州市委员会召开常委会议。", "柳州市政协"),
    ("中国人民政治协商会议柳州市委员会第十届委员会。", "柳州市政协"),
    ("柳州政协组织委员视察。", "柳州市政协"),
    ("四川眉山市政协召开专题协商会。", "眉山市政协"),
    ("湖北省宜昌市政协开展专题协商。", "宜昌市政协"),
    ("政协长阳土家族自治县委员会召开全体会议。", "长阳土家族自治县政协"),
    ("新疆维吾尔自治区政协召开常委会议。", "新疆维吾尔自治区政协"),
    ("广西政协组织委员开展调研。", "广西壮族自治区政协"),
    ("黔南州政协开展民主监督。", "黔南布依族苗族自治州政协"),
    ("北京市朝阳区政协召开会议。", "朝阳区政协"),
])
def test_named_forms(text, label):
    assert label in labels(text)


def test_national_committee():
    assert labels("全国政协召开双周协商座谈会。") == ["全国政协"]
    assert labels("住川全国政协委员视察。") == ["全国政协"]
    assert labels("中国人民政治协商会议全国委员会委员") == ["全国政协"]
    m = committees.recognise(make_doc("全国政协召开会议。"))[0]
    assert m.key == "committee:CN"


def test_renmin_zhengxie_is_not_a_committee():
    assert labels("人民政协是具有中国特色的制度安排。") == []


def test_official_form_is_kept_as_alt():
    m = committees.recognise(make_doc("政协隆安县委员会召开会议。"))[0]
    assert m.key == "committee:450123" and m.label == "隆安县政协"
    assert "政协隆安县委员会" in m.attrs["alt"] and "中国人民政治协商会议隆安县委员会" in m.attrs["alt"]
    assert m.attrs["level"] == 3 and m.attrs["code"] == "450123"


@pytest.mark.parametrize("text, official", [
    ("北京市朝阳区政协召开会议。", "中国人民政治协商会议北京市朝阳区委员会"),  # a district of a municipality
    ("南宁市青秀区政协召开会议。", "中国人民政治协商会议南宁市青秀区委员会"),  # of a prefecture-level city
    ("桂平市政协召开会议。", "中国人民政治协商会议桂平市委员会"),  # a county-level city: no city before it
    ("神农架林区政协召开会议。", "中国人民政治协商会议神农架林区委员会"),  # a 林区 under its province
])
def test_the_official_name_of_a_district_committee_names_its_city(text, official):
    (m,) = [m for m in committees.recognise(make_doc(text)) if m.attrs["level"] == 3]
    assert m.attrs["alt"][0] == official


@pytest.mark.parametrize("text, expected", [
    # a district's short form before 政协, as district committees sign their posts: the committee,
    # and bare 区政协 then follows it
    ("北京门头沟政协召开会议。区政协委员视察。", ["门头沟区政协", "门头沟区政协"]),
    ("门头沟政协｜议事会\n\n北京\n\n区政协委员视察。", ["门头沟区政协", "门头沟区政协"]),
    ("上海徐汇政协召开会议。", ["徐汇区政协"]),
    # outside the article's provinces it stays unknown (a district's short form is a common
    # place name elsewhere)
    ("广西南宁市召开会议，门头沟政协委员参加。", []),
])
def test_a_districts_short_form_names_its_committee_before_政协(text, expected):
    assert [label for label in labels(text) if label.endswith("区政协")] == expected


def test_a_short_form_alone_in_its_paragraph_takes_the_committee_the_paragraph_before_named():
    # an article about a prefecture: a paragraph on one county, then one on a member of its
    # committee that names the county no more
    text = ("红河州政协召开会议。州政协主席王刚讲话。州政协副主席刘芳主持。\n\n在建水县，建水县政协主席张明介绍了做法。"
            "\n\n县政协委员李华说，要做好协商。\n\n在绿春县，绿春县政协主席赵强介绍。")
    assert ("县政协", "建水县政协") in found(text)
    # two county committees in the paragraph before: no guess either
    listed = ("红河州政协召开会议。州政协主席王刚讲话。\n\n建水县政协、绿春县政协作交流发言。"
              "\n\n会议强调，县政协要加强协商。")
    assert [label for label in labels(listed) if label.endswith("县政协")] == ["建水县政协", "绿春县政协"]
    # nothing to go on: no county committee in the paragraph before, no guess
    assert "县政协" not in "".join(labels("红河州政协召开会议。\n\n州政协主席张明介绍了做法。\n\n县政协委员李华说。"))


def test_区政协_is_the_autonomous_region_where_the_article_calls_its_committee_自治区政协():
    text = "宁夏回族自治区政协召开常委会议。自治区政协副主席张明讲话。\n\n这一行动是区政协今年推出的。"
    assert found(text)[-1] == ("区政协", "宁夏回族自治区政协")
    # a district the article is about still comes first
    assert found("南宁市青秀区政协召开会议，自治区政协副主席出席。区政协委员参加。")[-1] == ("区政协", "青秀区政协")


def test_short_forms_follow_the_topic():
    text = "眉山市政协开展委员培训\n四川眉山市政协党组召开会议。市政协主席出席。借力省政协平台推进工作。"
    got = labels(text)
    assert got.count("眉山市政协") == 3 and "四川省政协" in got
    text = "广西：自治区政协召开常委会议\n自治区政协主席出席。南宁市政协参加。"
    assert labels(text) == ["广西壮族自治区政协", "广西壮族自治区政协", "南宁市政协"]
    text = "隆安县政协推动党建与履职融合\n南宁市隆安县政协近年来创新工作。县政协主席介绍。"
    assert labels(text)[-1] == "隆安县政协"


def test_unresolved_short_form_is_dropped():
    assert labels("市政协主席会议召开。县政协委员参加。") == []


@pytest.mark.parametrize("text", [
    "全区政协系统开展学习。", "各级政协组织要加强党建。", "市县政协联动协商。", "全区各级政协积极行动。",
    "四级政协联动。", "各市政协主席参加。", "设区市政协主席座谈会。", "基层政协工作座谈会。", "三级政协委员参加。",
    "组织沿江9市政协的委员联合调研。", "十四市政协同步开展协商。",
])
def test_collectives_are_not_committees(text):
    assert labels("广西南宁市政协报道\n" + text) == ["南宁市政协"]


def test_coordinated_forms():
    assert sorted(labels("韶关市政协联合湖南省郴州市、江西省赣州市政协建立联动机制。")) == [
        "赣州市政协", "郴州市政协", "韶关市政协"]
    assert sorted(labels("召开上海、广西两地政协专题协商会。")) == ["上海市政协", "广西壮族自治区政协"]
    assert sorted(labels("分别与柳州市和南宁市政协签订协议。")) == ["南宁市政协", "柳州市政协"]


def test_party_committee_is_not_cppcc():
    assert labels("柳州市委员会召开全会。") == []


_SAMPLES = ["柳州市政协", "政协", "市政协", "全国政协委员", "、", "和", "广东省", "肇庆市", "两地", "委员会",
            "中国人民政治协商会议", "全区", "县政协", "。", "\n", "自治区政协", "新疆"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_SAMPLES), max_size=8))
def test_mentions_are_well_formed(parts):
    doc = make_doc("".join(parts))
    for m in committees.recognise(doc):
        assert doc.text[m.start:m.end] == m.surface
        assert m.cls == COMMITTEE and re.fullmatch(r"committee:(\d{6}|CN)", m.key)
        assert m.label.endswith("政协")


def test_coordinated_mentions_share_one_span():
    ms = committees.recognise(make_doc("韶关市政协联合湖南省郴州市、江西省赣州市政协建立联动机制。"))
    gan, chen = sorted(ms[1:], key=lambda m: m.label)
    assert (chen.label, gan.label) == ("郴州市政协", "赣州市政协")
    assert chen.surface == gan.surface == "湖南省郴州市、江西省赣州市政协"
    assert "湖南省郴州市政协" in chen.attrs["alt"] and "江西省赣州市政协" in gan.attrs["alt"]
    assert chen.attrs["surface_alt"] is False


def test_short_form_prefers_the_committee_just_named():
    text = ("广西各市政协加强党建\n桂林市政协举办读书班，市政协党组成员领学。\n"
            "柳州市政协举办培训，市政协主席授课。")
    assert labels(text) == ["桂林市政协", "桂林市政协", "柳州市政协", "柳州市政协"]


@pytest.mark.parametrize("text, label", [
    ("中国人民政治协商会议第十四届全国委员会第三次会议开幕。", "全国政协"),
    ("政协第十三届广西壮族自治区委员会常务委员会会议。", "广西壮族自治区政协"),
    ("政协广西壮族自治区第十三届委员会第三次会议。", "广西壮族自治区政协"),
    ("中国人民政治协商会议湖北省宜昌市委员会召开会议。", "宜昌市政协"),
])
def test_term_forms(text, label):
    assert labels(text)[:1] == [label]


def test_short_form_in_an_article_about_several_counties():
    text = ("柳州市政协组织委员视察乡村振兴\n委员们先后来到融水苗族自治县、三江侗族自治县、鹿寨县。\n"
            "县政协主席分别介绍了情况。\n在鹿寨县，县政协主席介绍了经验。")
    got = labels(text)
    assert got == ["柳州市政协", "鹿寨县政协"]


def test_wo_qu_in_an_autonomous_region():
    assert labels("宁夏回族自治区政协召开会议\n我区政协委员积极建言。") == ["宁夏回族自治区政协"] * 2
    assert labels("宁夏回族自治区政协召开会议\n区政协委员积极建言。") == ["宁夏回族自治区政协"]


def test_short_city_form_after_a_county_level_city_of_the_topic():
    # in a 成都市 article, 市政协 after 彭州市政协 is still 成都市政协 (its county-level cities are
    # written out in full) ...
    text = "成都市政协召开常委会议\n会上，都江堰市政协、彭州市政协负责同志，市政协委员代表作发言。"
    assert labels(text) == ["成都市政协", "都江堰市政协", "彭州市政协", "成都市政协"]
    # ... while in an article about the county-level city it stays that city
    text = "彭州市政协召开常委会议\n彭州市政协组织委员视察，市政协主席讲话。"
    assert labels(text)[-1] == "彭州市政协"


def test_prefecture_short_form_of_a_diqu():
    assert labels("新疆阿克苏地区政协召开常委会议。地区政协主席出席。") == ["阿克苏地区政协"] * 2
    assert labels("新疆阿克苏地区政协召开会议\n各地区政协要加强联动。") == ["阿克苏地区政协"]


def test_coordinated_forms_with_deng():
    text = "四川省政协召开会议\n绵阳、自贡、德阳等市政协负责同志作交流发言。"
    assert sorted(labels(text)) == ["四川省政协", "德阳市政协", "绵阳市政协", "自贡市政协"]
    # 等市县政协 is a collective of cities and counties: only the region is named
    assert labels("广西南宁市政协召开会议\n南宁等市县政协负责同志参加。") == ["南宁市政协"]


def test_short_city_form_after_the_parent_city_in_a_county_level_city_article():
    text = "北流市政协召开常委会议\n玉林市政协副主席到会指导，市政协常委作发言。"
    assert labels(text) == ["北流市政协", "玉林市政协", "北流市政协"]


def test_coordinated_official_names_of_different_levels():
    assert labels("广西柳州市政协召开会议\n柳州市、融安县政协负责同志参加。")[1:] == ["柳州市政协", "融安县政协"]
    # a short form of another level is not coordinated: only the county's committee is named
    assert labels("广西柳州市政协召开会议\n柳州、融安县政协负责同志参加。")[1:] == ["融安县政协"]


def test_short_forms_in_digest_sections_follow_the_section_header():
    from kg.recognise import context

    text = ("桂林市政协委员履职风采\n桂林市政协组织各县市区政协开展调研。\n"
            "【荔浦市】市政协委员王某某建议加快产业升级。\n"
            "【阳朔县】县政协委员李某某提出旅游提案。\n【打印本页】")
    doc = make_doc(text)
    heads = context.section_regions(doc)
    assert len(heads) == 2  # 【打印本页】 names no region
    assert context.topic_near(doc, text.index("李某某"))[0] == heads[1][2][0]
    got = labels(text)
    assert got == ["桂林市政协", "桂林市政协", "荔浦市政协", "阳朔县政协"]
    # without headers, 市政协 is the headline's city
    assert labels("桂林市政协委员履职风采\n市政协委员王某某建议加快产业升级。") == ["桂林市政协", "桂林市政协"]


def test_a_header_of_the_articles_own_level_ends_the_section_before_it():
    """【市政协】 after 【北流市】 (a county-level city) is the headline city's own section: its bare
    市政协 is 玉林市政协, not the 北流市政协 of the section before."""
    from kg.recognise import context

    text = ("玉林市政协系统工作动态\n【北流市】北流市政协召开常委会议。\n"
            "【市政协】市政协召开主席会议。市政协主席李某某主持会议。")
    doc = make_doc(text)
    (_, end, local), (start, _, own) = context.section_regions(doc)
    assert end == start == text.index("【市政协】")
    assert local[0] == "450981" and own == context.topic_regions(doc)
    assert labels(text) == ["玉林市政协", "北流市政协", "玉林市政协", "玉林市政协", "玉林市政协"]
    # headers of the own level alone make no digest
    assert context.section_regions(make_doc("玉林市政协工作动态\n【市政协】市政协召开会议。")) == []


def test_section_headers_inside_a_merged_paragraph():
    from kg.recognise import context

    text = "桂林市政协：各地动态\n桂林市政协汇总。【荔浦市】市政协组织视察。【阳朔县】县政协调研。在【灵川县】考察。"
    starts = [s for s, _, _ in context.section_regions(make_doc(text))]
    assert starts == [text.index("【荔浦市】"), text.index("【阳朔县】")]  # not 在【灵川县】
    assert labels(text)[-2:] == ["荔浦市政协", "阳朔县政协"]


def test_a_district_short_form_after_a_word_ending_in_qu_is_no_committee():
    # 六盘山区 is a mountain area, 园区 a park: no 区政协 of a district
    text = "平凉市政协深化“六盘山区政协协作联席会”机制，推动园区政协委员工作站建设。崆峒区政协召开会议。"
    assert labels(text) == ["平凉市政协", "崆峒区政协"]


def test_short_form_after_another_city_named_in_the_same_sentence():
    # in an article about a county-level city, 市政协 is that city, unless the sentence (its
    # clauses after a semicolon too) has just named another one in full
    text = ("江苏省兴化市政协召开会议，兴化市政协主席朱某主持。泰州市政协主席钱某表示，近年来，泰州市政协持续擦亮"
            "“泰和协商”品牌；同时，市政协在全市开展“百村行”活动。兴化市政协主席说，市政协将继续努力。")
    shorts = [label for surface, label in found(text) if surface == "市政协"]
    assert shorts == ["泰州市政协", "兴化市政协"]


def test_short_form_in_a_sentence_that_opens_with_its_county():
    # remote consultation: the paragraph of each venue opens with its county
    text = ("广东省政协召开远程协商会，平远县、连平县、乳源瑶族自治县设分会场。\n"
            "平远分会场上，平远县政协主席赖某介绍了平远县脐橙产业，平远县县长回应。\n"
            "乳源分会场上，县政协委员盘某某发言。\n")
    shorts = [label for surface, label in found(text) if surface == "县政协"]
    assert shorts == ["乳源瑶族自治县政协"]


def test_hong_kong_macau_and_taiwan_have_no_committee():
    text = "肇庆市政协与澳门政协委员联谊会座谈。香港政协委员代表出席。"
    assert labels(text) == ["肇庆市政协"]
