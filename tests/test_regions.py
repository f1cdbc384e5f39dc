"""Regions: gazetteer matches on word boundaries, disambiguated by context."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docs import make_doc
from kg import gazetteer
from kg.model import REGION, Zone
from kg.recognise import context, regions


def found(text: str, **kw) -> list[tuple[str, str]]:
    return [(m.surface, m.label) for m in regions.recognise(make_doc(text, **kw))]


def test_full_and_short_names():
    assert found("广西壮族自治区柳州市融水苗族自治县举行座谈会。") == [
        ("广西壮族自治区", "广西壮族自治区"), ("柳州市", "柳州市"), ("融水苗族自治县", "融水苗族自治县")]
    assert found("湖北省宜昌市政协召开常委会议。") == [("湖北省", "湖北省"), ("宜昌市", "宜昌市")]


def test_committee_region_counts():
    assert ("柳州市", "柳州市") in found("柳州市政协创新实施“工业强市 委员助力”行动。")
    assert ("长阳土家族自治县", "长阳土家族自治县") in found("政协长阳土家族自治县委员会召开会议。")


def test_wudalianchi_is_not_dalian():
    labels = [label for _, label in found("黑龙江省五大连池市政协委员到五大连池风景区调研。")]
    assert "大连市" not in labels
    assert "五大连池市" in labels


def test_jilin_province_city_and_person():
    assert found("吉林省吉林市政协主席会议召开。") == [("吉林省", "吉林省"), ("吉林市", "吉林市")]
    assert found("委员们赴吉林考察冰雪产业。") == [("吉林", "吉林省")]
    assert found("会议由副主席张吉林主持。") == []


def test_chaoyang_needs_context():
    assert found("朝阳区政协委员开展视察。") == []
    assert [(s, m) for s, m in found("北京市朝阳区政协委员开展视察。")] == [("北京市", "北京市"), ("朝阳区", "朝阳区")]
    doc = make_doc("北京市朝阳区政协委员开展视察。")
    assert [m.key for m in regions.recognise(doc)] == ["region:110000", "region:110105"]


def test_county_short_form_needs_topic_province():
    assert ("隆安", "隆安县") in found("广西南宁市政协组织委员到隆安调研。")
    assert all(label != "隆安县" for _, label in found("四川省政协组织委员到隆安调研。"))


def test_ordinary_words_are_not_regions():
    # 资源县 (Guangxi), 比如县 (Tibet): the short forms are ordinary words
    assert found("广西桂林市整合资源，比如旅游资源。") == [("广西", "广西壮族自治区"), ("桂林市", "桂林市")]
    # district short forms are not trusted alone
    assert found("四川眉山市东坡文化研究会成立。") == [("四川", "四川省"), ("眉山市", "眉山市")]


def test_former_names():
    assert found("广西横县茉莉花产业发展。")[-1] == ("横县", "横州市")


def test_lost_and_headline_zones_are_skipped():
    text = "桂林市政协召开会议\n柳州市新闻"
    zones = (Zone(0, 9, "body"), Zone(10, len(text), "headlines"))
    assert found(text, zones=zones) == [("桂林市", "桂林市")]
    assert found(text, zones=(Zone(0, len(text), "lost"),)) == []


def test_topic_regions_title_first():
    doc = make_doc("隆安县政协推动党建与履职深度融合\n南宁市政协、梧州市有关负责同志参加。\n县政协召开会议。")
    topic = context.topic_regions(doc)
    assert topic[0] == "450123" and "450100" in topic and "450000" in topic


_SAMPLES = ["新疆维吾尔自治区政协", "内蒙古鄂尔多斯市", "广东省肇庆市", "湖南省永州市、广东省肇庆市政协",
            "大连理工大学", "五大连池", "吉林", "朝阳区", "眉山", "，", "。", "委员", "张", "西藏", "港澳",
            "香港特别行政区", "\n"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_SAMPLES), max_size=8))
def test_mentions_are_well_formed(parts):
    doc = make_doc("".join(parts))
    for m in regions.recognise(doc):
        assert doc.text[m.start:m.end] == m.surface
        assert m.cls == REGION and re.fullmatch(r"region:\d{6}", m.key)
        assert m.attrs["code"] == m.key[7:] and m.attrs["level"] in (1, 2, 3)


@pytest.mark.parametrize("text", ["", "\n\n", "政协"])
def test_empty_inputs(text):
    assert regions.recognise(make_doc(text)) == []


def test_one_character_names_need_context():
    assert found("推动市和县两级政协联动。") == []
    assert ("和县", "和县") in found("安徽省马鞍山市和县政协召开会议。")
    assert found("城区学校建设加快。") == []
    assert ("碑林区", "碑林区") in found("陕西省西安市碑林区政协召开会议。")


def test_weak_short_forms_need_their_province():
    assert found("各位来宾出席开幕式。") == []
    assert found("广西来宾市政协组织委员到来宾考察。")[-1] == ("来宾", "来宾市")
    assert found("为长治久安贡献力量。") == []


def test_street_names_are_not_regions():
    assert found("会场设在北京路。") == []


def test_rivers_named_like_a_county_are_not_regions():
    # 嫩江 is also a county-level city of Heilongjiang: followed by 流域 it is the river
    text = "黑龙江省齐齐哈尔市政协围绕嫩江流域生态保护开展协商，委员赴嫩江两岸调研。"
    labels = [label for _, label in found(text)]
    assert labels == ["黑龙江省", "齐齐哈尔市"]
    # the full name stays a region whatever follows
    assert ("嫩江市", "嫩江市") in found("黑龙江省嫩江市流域治理取得成效。")


def test_party_and_cppcc_organs_after_a_city():
    assert found("北京市委、北京市政协负责同志参加。") == [("北京市", "北京市"), ("北京市", "北京市")]
    assert [label for _, label in found("南宁市委统战部召开会议。")] == ["南宁市"]


def test_topic_ignores_headlines_and_uses_title_zone():
    text = "柳州市政协召开会议\n- 桂林市政协召开会议\n- 桂林市新闻\n本报讯 柳州市政协委员视察。"
    zones = (Zone(0, 9, "title"), Zone(10, 29, "headlines"), Zone(30, len(text), "body"))
    topic = context.topic_regions(make_doc(text, zones=zones))
    assert topic[0] == "450200" and "450300" not in topic


def test_topic_from_article_title():
    doc = make_doc("政协召开常委会议，市政协主席出席。", title="眉山市政协召开常委会议")
    assert context.topic_regions(doc)[0] == "511400"


def test_topic_from_a_county_short_form_in_the_title():
    doc = make_doc("隆安：党建引领履职见实效\n广西南宁市隆安县政协近年来创新工作。县政协主席介绍经验。")
    assert context.topic_regions(doc)[0] == "450123"
    doc = make_doc("融水：委员助力乡村振兴\n本报讯 广西柳州市政协委员到融水调研。")
    assert "450225" in context.topic_regions(doc)


def test_short_forms_inside_names_after_titles():
    text = "广西北流市政协召开会议\n市政协常委黄桂平出席，县领导蒙百色参加。"
    assert [label for _, label in found(text)] == ["广西壮族自治区", "北流市"]


def test_division_name_after_a_region_that_is_not_its_parent_is_a_place():
    # 老城区 is a district of 洛阳市: after 伊宁市 it is that city's old quarter
    labels = [label for _, label in found("伊犁州政协围绕霍城县产业、伊宁市老城区改造等议题协商。")]
    assert labels == ["伊犁哈萨克自治州", "霍城县", "伊宁市"]
    # a child after its parent stays a region
    assert [label for _, label in found("河南省洛阳市老城区政协召开会议。")] == ["河南省", "洛阳市", "老城区"]


def test_one_character_stem_county_after_a_conjunction_or_before_a_level_word():
    # 和 as a conjunction before 县直 / 县里 / 县委 in an article about the county's own city
    text = "马鞍山市政协召开茶产业座谈会，茶农和县直部门负责人、村干部和县里专家参加。"
    assert [label for _, label in found(text)] == ["马鞍山市"]
    # introduced as a place, or after its city, it is the county
    text = "马鞍山市政协委员赴和县调研，马鞍山市和县、含山县代表参加。"
    assert [label for _, label in found(text)] == ["马鞍山市", "和县", "马鞍山市", "和县", "含山县"]


def test_conjunction_stem_county_opening_a_clause_needs_its_province():
    # ……，和县政协某某一起: 和 may open the clause (with the county committee of the article)
    text = "云南省普洱市澜沧县政协委员走访农户。会后我又跑了好几趟，和县政协经济委员会主任胡永安一起算账。"
    assert "和县" not in [label for _, label in found(text)]
    # in an article about its own province the county is meant
    text = "安徽省马鞍山市政协委员走访农户。会后，和县政协经济委员会主任胡永安介绍了情况。"
    assert "和县" in [label for _, label in found(text)]
    # opening a sentence, 和 is no conjunction
    text = "云南省普洱市澜沧县政协委员走访农户。和县政协经济委员会主任胡永安也来了。"
    assert "和县" in [label for _, label in found(text)]


def test_whole_prefecture_before_a_level_word_is_no_county():
    # 在全州县级政协推广: 全州 (the whole prefecture) + 县级, not Guangxi's 全州县
    text = "四川省甘孜州政协召开会议。州政协将在全州县级政协推广经验。"
    assert found(text) == [("四川省", "四川省"), ("甘孜州", "甘孜藏族自治州")]
    assert ("全州县", "全州县") in found("广西桂林市全州县政协召开会议。全州县级领导出席。")


def test_short_form_opening_a_three_character_name_after_a_title():
    # 白城 (白城市) is the surname and first given-name character of a name after 副主席
    text = "广西北流市政协召开会议\n省政协副主席白城峰主持，市委书记黄南宇出席。"
    assert [label for _, label in found(text)] == ["广西壮族自治区", "北流市"]
    text = "广西北流市政协召开会议\n市政协副主席张三峰、白城峰出席，委员赴柳州、白城考察。"
    assert [label for _, label in found(text)] == ["广西壮族自治区", "北流市", "柳州市", "白城市"]
    # the city itself is still found
    assert ("白城市", "白城市") in found("吉林省白城市政协召开会议。")


def test_places_spelled_inside_dotted_names_are_not_regions():
    text = "伊犁州政协召开会议，州政协副主席哈密提·吐尔逊出席，委员喀什尔·木沙发言。"
    assert [label for _, label in found(text)] == ["伊犁哈萨克自治州"]
    # two division names joined by a dot stay places
    assert [label for _, label in found("哈密市政协委员赴哈密·巴里坤考察。")] == [
        "哈密市", "哈密市", "巴里坤哈萨克自治县"]


def test_one_character_stem_county_named_as_its_committee():
    # an article about such a county: its committee name is context enough (no topic yet)
    assert found("歙县政协召开常委会议\n本报讯 歙县政协组织委员调研茶产业。") == [("歙县", "歙县"), ("歙县", "歙县")]
    assert found("泾县：委员履职见实效\n本报讯 委员调研茶产业。") == [("泾县", "泾县")]
    # after another committee, 和 is the conjunction: 市政协 and 县政协
    assert found("柳州市政协召开会议，市政协和县政协负责人参加。") == [("柳州市", "柳州市")]


def test_parent_and_child_written_as_one_word():
    # jieba keeps 上海市浦东新区 as one word: two official names, parent then child, are both found
    assert found("上海市浦东新区政协召开会议。") == [("上海市", "上海市"), ("浦东新区", "浦东新区")]


def test_a_short_form_inside_a_later_bare_occurrence_of_a_person_is_no_region():
    # 黄冈 (黄冈市) opens a three-character name: after a title the regions recogniser knows it is
    # a person; later, bare (黄冈林在…强调), only the accepted person says so
    from kg.recognise import recognise

    text = "广西北流市政协召开会议\n省政协副主席黄冈林主持。黄冈林在主持时强调，要深化协商。会后，委员赴黄冈考察。"
    doc = recognise(make_doc(text))
    names = [(m.start, m.end) for m in doc.mentions if m.cls == "Person"]
    assert [text[a:b] for a, b in names] == ["黄冈林", "黄冈林"]
    got = [(text[m.start:m.end], m.label) for m in doc.mentions if m.cls == REGION]
    # the city named on its own at the end is still a region; the names hold none
    assert got == [("广西", "广西壮族自治区"), ("北流市", "北流市"), ("黄冈", "黄冈市")]
    assert not any(a <= m.start < b for m in doc.mentions if m.cls == REGION for a, b in names)
    # deterministic, and a region mention on its own keeps its evidence span
    assert recognise(make_doc(text)) == doc


def test_a_one_character_stem_committee_after_a_verb_when_the_county_is_named_elsewhere():
    # 眉县 is named with its parents first; later a verb stands right before 眉县政协 (察看眉县政协):
    # still the county, and so its committee, not the writer's own 县政协
    text = "秭归县政协组织委员赴陕西省宝鸡市眉县观摩学习，实地察看眉县政协“渭水议事厅”建设情况。"
    assert [label for _, label in found(text)] == ["秭归县", "陕西省", "宝鸡市", "眉县", "眉县"]
    # not named elsewhere: the verb still hides it (a level word may follow any character)
    assert "眉县" not in [label for _, label in found("秭归县政协委员实地察看眉县政协“渭水议事厅”。")]
    # a conjunction stem stays a conjunction even when its county is named elsewhere
    text = "安徽省马鞍山市和县召开会议。马鞍山市政协和县政协负责人参加。"
    assert [label for _, label in found(text)] == ["安徽省", "马鞍山市", "和县", "马鞍山市"]


_KINDS = ("body", "title", "byline", "headlines", "nav", "footer", "lost")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12), st.sampled_from(_KINDS)), max_size=6))
def test_the_skipped_zone_index_answers_as_zone_kind_does(zones):
    """regions.skipped (a bisection over stretches, made once per article) says of every
    position what zone_kind says, zones overlapping, nested, empty or out of order included."""
    text = "政" * 48
    doc = make_doc(text, zones=tuple(Zone(a, a + n, k) for a, n, k in zones))
    is_skipped = regions.skipped(doc)
    for pos in range(-1, len(text) + 2):
        assert is_skipped(pos) == (regions.zone_kind(doc, pos) in regions.SKIP_ZONES), pos


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 8), st.sampled_from(_KINDS)), max_size=8))
def test_the_skipped_zone_index_of_zones_in_order(gaps):
    """Zones disjoint and in text order (as the normaliser makes them, empty ones and touching
    ones included) are indexed without the general walk: the answers are still zone_kind's."""
    zones, pos = [], 0
    for gap, n, kind in gaps:
        zones.append(Zone(pos + gap, pos + gap + n, kind))
        pos += gap + n
    text = "政" * 48
    doc = make_doc(text, zones=tuple(zones))
    is_skipped = regions.skipped(doc)
    for pos in range(-1, len(text) + 2):
        assert is_skipped(pos) == (regions.zone_kind(doc, pos) in regions.SKIP_ZONES), pos


def test_the_block_characters_are_jiebas():
    """on_boundary cuts the name's block alone: its characters must be those jieba cuts as
    blocks (jieba.re_han_default), every one of them and no other."""
    import jieba

    block = re.compile(regions._JIEBA_BLOCK)
    for code in range(0x3000, 0xA000):
        c = chr(code)
        assert bool(block.fullmatch(c)) == bool(jieba.re_han_default.fullmatch(c)), hex(code)
    for c in map(chr, range(0x80)):
        assert bool(block.fullmatch(c)) == bool(jieba.re_han_default.fullmatch(c)), repr(c)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="政协A1-. ，。\n·", max_size=30), st.data())
def test_the_possessive_block_tail_finds_the_plain_ones(text, data):
    """The possessive search for the block characters that run to the window's end finds what
    the plain (backtracking) one finds."""
    start = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, start))
    plain = re.compile(regions._JIEBA_BLOCK + "*\\Z").search(text, lo, start).start()
    assert regions._BLOCK_TAIL.search(text, lo, start).start() == plain


def _window_boundary(doc, start: int, end: int, chained_before: bool, chained_after: bool) -> bool:
    """on_boundary's definition: the name's edges among the boundaries of its whole window's cut."""
    from kg import tokenizer

    start_ok = chained_before or doc.text.endswith("政协", 0, start)
    end_ok = chained_after or doc.text.startswith(regions._ORGAN_AFTER, end)
    lo, hi = regions.window(doc, start, end)
    bounds = tokenizer.boundaries(doc.text[lo:hi])
    return (start_ok or start - lo in bounds) and (end_ok or end - lo in bounds)


_PIECES = ["大连理工大学", "五大连池市", "上海市浦东新区", "吉林省吉林市", "张吉林", "政协", "委员会", "柳州市委",
           "北京路", "和县", "朝阳区", "中国", "，", "。", "、", " ", "\n", "A", "2023", "x-1", "·", "“", "”",
           "的", "在", "调研", "南宁", "广西", "融水苗族自治县", "发展", "产业"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.booleans(), st.booleans())
def test_the_boundary_of_a_name_is_that_of_its_window(parts, chained_before, chained_after):
    """Cutting only the jieba block that holds the name (or nothing, when the name is its whole
    block) answers as cutting the name's whole window does, for every gazetteer match."""
    doc = make_doc("".join(parts))
    for m in regions.all_matches(doc.text):
        assert regions.on_boundary(doc, m.start, m.end, chained_before, chained_after) == \
            _window_boundary(doc, m.start, m.end, chained_before, chained_after), (doc.text, m)


_AROUND = ["张", "王", "黄", "副主席", "常委", "、", "和", "的", "路", "街", "流域", "两岸", "站", "吉林", "白城",
           "南宁", "柳州市", "和县", "峰", "主持", "，", "出席", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AROUND), max_size=10))
def test_the_person_or_street_test_is_its_three_tests(parts):
    """_person_or_street lets most matches go after one look at the characters around them:
    it answers as the three tests it stands for, for every gazetteer match."""
    text = "".join(parts)
    for m in regions.all_matches(text):
        assert regions._person_or_street(text, m) == (
            regions._looks_like_person(text, m) or regions.name_after_title(text, m) or regions._street(text, m)), \
            (text, m)


def _choose_cases(gaz: gazetteer.Gazetteer, names: list[str]):
    """(name, candidates, above, topic) for every name: ``above`` None, each candidate's parent
    and an unrelated province; topics empty, a province, a county, two codes."""
    by_name = regions._index(gaz)[2]
    counties = sorted(d.code for n in names for d in by_name[n] if d.level == 3)
    far = counties[0]  # a county of some province, unrelated to most names
    far_province = gaz.province_of(far)
    for name in names:
        cands = by_name[name]
        first, last = cands[0], cands[-1]
        county = next((d.code for d in cands if d.level == 3), far)
        aboves = [None, far_province, *dict.fromkeys(d.parent for d in cands if d.parent)]
        topics = [(), (gaz.province_of(first.code),), (gaz.province_of(last.code),), (county,),
                  (far, gaz.province_of(last.code)), (far_province,)]
        for above in aboves:
            for topic in topics:
                yield name, cands, above, topic


def test_memoised_choice_is_the_choice_with_the_topic():
    # choose memoises by name: first without the topic (_choose_fixed, for the answers every
    # topic gives), then with it (_choose_name) where the topic may change the answer, and it
    # reads ``named`` only for the names where it matters.  The answer must be _choose's, called
    # directly with the topic, for every name: every ambiguous name (the topic decides), every
    # name where ``named`` counts, and a sample of the others.
    gaz = gazetteer.default()
    by_name = regions._index(gaz)[2]
    special = sorted(n for n, c in by_name.items() if len(c) > 1) + sorted(regions._named_names(gaz))
    others = sorted(set(by_name) - set(special))
    names = list(dict.fromkeys(special + random.Random(7).sample(others, 300)))
    checked = 0
    for name, cands, above, topic in _choose_cases(gaz, names):
        prev = gaz.get(above) if above is not None else None
        m = regions.Match(0, len(name), name, cands)
        for named in (False, True):
            expected = regions._choose(gaz, name, cands, above, topic, named)
            assert regions.choose(m, prev, topic, adjacent=above is not None, named=named) is expected, (
                name, above, topic, named)
            checked += 1
    assert checked > 10_000


def test_an_industrial_park_with_a_statistics_code_is_no_region():
    # the code list gives 苏州工业园区 a code of its own; the contract counts parks as no region
    assert gazetteer.default().lookup("苏州工业园区") == []
    assert found("江苏省政协委员表示，苏州工业园区已预留五十个实习名额。") == [("江苏省", "江苏省")]
    # districts whose names merely end in 园区 stay regions
    assert [d.name for d in gazetteer.default().lookup("绿园区")] == ["绿园区"]


def test_short_forms_inside_institution_names_and_generic_district_words():
    # a short form that starts a university's or a cooperative's name, Taiwan's 桃园 outside an
    # article about Taiwan, and 老城区 (the old town) without its city are no regions
    assert found("江西吉安市政协常委、井冈山大学教授尹某是讲堂的常驻讲师。") == [
        ("江西", "江西省"), ("吉安市", "吉安市")]
    assert found("湖北枣阳市政协委员、桃园合作社理事长说。") == [("湖北", "湖北省"), ("枣阳市", "枣阳市")]
    assert found("宁夏银川兴庆区政协依托老城区的街巷院落开展协商。") == [
        ("宁夏", "宁夏回族自治区"), ("银川", "银川市"), ("兴庆区", "兴庆区")]
    assert ("老城区", "老城区") in found("河南省洛阳市老城区政协开展协商。")


def test_district_short_forms_listed_with_a_county_level_city_of_their_city():
    assert found("宁波市政协组织委员分赴镇海、北仑、余姚等地的企业调研。") == [
        ("宁波市", "宁波市"), ("镇海", "镇海区"), ("北仑", "北仑区"), ("余姚", "余姚市")]
    # alone, or in a list of no accepted place, a district's short form stays no region
    assert found("委员们在东坡、江南等地看到美景。") == []
    assert found("宁波市政协组织委员到北仑调研。") == [("宁波市", "宁波市")]


def test_taiwans_cities_and_students_keep_their_regions():
    assert found("福建省政协委员赴台北参加两岸交流活动。") == [("福建省", "福建省"), ("台北", "台北市")]
    assert found("湖北宜昌、武汉大学生参加活动。") == [("湖北", "湖北省"), ("宜昌", "宜昌市"), ("武汉", "武汉市")]
