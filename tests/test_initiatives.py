"""Brands and programmes: cue words, coordinated lists, nested quotes, rejections.

The sentences are made up in the style of CPPCC news from other provinces."""

from __future__ import annotations

import pytest

from docs import make_doc
from kg.model import BRAND, PROGRAMME, Doc, Zone
from kg.recognise.initiatives import find_quotes, norm, recognise


def _doc(text: str, zones: tuple[Zone, ...] = ()) -> Doc:
    return make_doc(text, zones)


def _found(text: str) -> dict[str, str]:
    """label -> class of every initiative found in ``text``."""
    return {m.label: m.cls for m in recognise(_doc(text))}


@pytest.mark.parametrize("text, label, cls", [
    ("宜昌市政协打造“宜商量”协商品牌，推动解决一批民生难题。", "宜商量", BRAND),
    ("襄阳市政协深入开展“委员讲堂进基层”活动，累计举办20场。", "委员讲堂进基层", PROGRAMME),
    ("“有事好商量”议事室建成以来，已协商议题35个。", "有事好商量", BRAND),
    ("该市政协创新实施“同心聚力 委员行动”，助力乡村振兴。", "同心聚力 委员行动", PROGRAMME),
    ("县政协建立“三联三促”工作机制，强化委员联系群众。", "三联三促", PROGRAMME),
    ("市政协开设“协商在线”全媒体协商，全年播出12期。", "协商在线", BRAND),
    ("市政协借助直播平台“云上议事”开展线上协商。", "云上议事", BRAND),
    ("“知行”讲座已举办30期。", "知行", BRAND),
    ("县政协深入实施“委员联络站”项目，覆盖全部乡镇。", "委员联络站", PROGRAMME),
    ("市政协全面开展“五好”党支部建设，提升组织力。", "五好", PROGRAMME),
    ("省政协启动“‘数字经济+’委员行动”，召开对接会6场。", "‘数字经济+’委员行动", PROGRAMME),
    ("市政协策划实施“我为‘十五五’发展献一策”活动。", "我为‘十五五’发展献一策", PROGRAMME),
    ("县政协积极打造“一委室一品牌”，推动工作提质。", "一委室一品牌", PROGRAMME),
    ("《荆楚协商》全媒体协商平台已播出50期。", "荆楚协商", BRAND),
])
def test_named_initiatives(text: str, label: str, cls: str) -> None:
    found = _found(text)
    assert found.get(label) == cls, found


def test_coordinated_list_shares_the_cue() -> None:
    found = _found("市政协开展“委员走基层”“委员进社区”等系列活动，服务群众2万人次。")
    assert found == {"委员走基层": PROGRAMME, "委员进社区": PROGRAMME}


def test_coordinated_list_of_brands() -> None:
    found = _found("先后打造“汉水议事”“襄商量”“古隆中协商室”等一批协商议政工作品牌。")
    assert found == {"汉水议事": BRAND, "襄商量": BRAND, "古隆中协商室": BRAND}


def test_list_with_modifiers_between_names() -> None:
    found = _found("实施委员履职“带头一步”、服务群众“多走一步”等活动。")
    assert set(found) == {"带头一步", "多走一步"}


def test_brand_cue_wins_over_action_inside_name() -> None:
    assert _found("市政协创新实施“红心向党 委员行动”党建品牌创建工作。") == {"红心向党 委员行动": BRAND}


def test_named_room_is_a_brand_even_with_activity_cue() -> None:
    assert _found("开展“宜商量·民生会客厅”协商活动80余次。") == {"宜商量·民生会客厅": BRAND}


@pytest.mark.parametrize("text", [
    "严格落实“第一议题”制度，坚持学习在先。",
    "进一步抓实抓牢政协委员和机关干部“两支队伍”建设。",
    "为“十五五”规划编制建言献策。",
    "助推全省“六大振兴”取得实效。",
    "驰而不息纠“四风”、改作风。",
    "引导港澳委员更好发挥“双重积极作用”。",
    "牢固树立“实干为要、创新为魂”鲜明导向。",
    "“虽然人不在会场，但我们心在武汉。”委员如是说。",
    "常态化开展“三亲”史料征编工作。",
    "获评“全国优秀履职平台”称号。",
    "1名委员获“全国最美志愿者”称号。",
    "每季度到企业指导“三会一课”或主题党日活动一次。",
    "组织拍摄“最美红色歌曲”快闪视频。",
    "报送《关于开展协商的报告》和《湖北省乡村振兴规划》。",
    "《人民日报》《湖北日报》等媒体宣传报道。",
    "推动“党建+监督”的成果体现在服务发展上。",
    "深化拓展委员行动，联动助推产业振兴。",
    "大力实施专项委员行动，为委员履职提供舞台。",
    "“同心议事”与基层治理“三个平台”有机衔接。",  # a numbered concept ending in a cue word
    "举办“两岸法律衔接”“跨境医疗”等专题讲座九场。",  # the lectures' topics
    "家门口的“委员之家”：居民有事找委员",  # a generic name of members' places
    "主席说，委员工作站要成为“民意快车”，问题能当场解决的当场解决。",  # a figure of speech
])
def test_rejections(text: str) -> None:
    assert _found(text) == {}


def test_unquoted_committee_actions_share_the_head() -> None:
    found = _found("开展生态护航、文旅融合委员行动，引进项目87项。")
    assert found == {"生态护航委员行动": PROGRAMME, "文旅融合委员行动": PROGRAMME}


def test_key_label_alt() -> None:
    [m] = recognise(_doc("坚持举办“荆楚”讲座，至今累计举办40期。"))
    assert m.key == "initiative:荆楚"
    assert m.label == "荆楚"
    assert "荆楚讲座" in m.attrs["alt"]
    assert m.attrs["cue"] == "讲座"


def test_label_keeps_inner_marks_and_spaces_and_key_is_normalised() -> None:
    [m] = recognise(_doc("市政协深入开展“翰墨荆楚 书香三湘”委员读书实践活动。"))
    assert m.label == "翰墨荆楚 书香三湘"
    assert m.key == "initiative:" + norm("翰墨荆楚书香三湘")
    assert m.key == "initiative:翰墨荆楚书香三湘"


def test_span_is_the_name_between_the_marks() -> None:
    text = "市政协打造“宜商量”协商品牌。"
    [m] = recognise(_doc(text))
    assert text[m.start:m.end] == "宜商量"


def test_pinyin_noise_is_not_part_of_the_label() -> None:
    [m] = recognise(_doc("深入实(shí)施“党(dǎng)建先锋”项(xiàng)目。"))
    assert m.label == "党建先锋"


def test_no_mention_in_lost_zones() -> None:
    text = "市政协打造“宜商量”协商品牌。"
    assert recognise(_doc(text, (Zone(0, len(text), "lost"),))) == []
    assert len(recognise(_doc(text, (Zone(0, len(text), "headlines"),)))) == 1


def test_traditional_and_simplified_share_a_key() -> None:
    assert norm("生態護航 委員行動") == norm("生态护航委员行动")


def test_quotes_nested_and_unclosed() -> None:
    quotes = find_quotes("开展“A‘B’C”活动，“未闭合\n“D”")
    marks = [(q.mark, q.open, q.close) for q in quotes]
    assert ("“", 2, 8) in marks and ("‘", 4, 6) in marks
    assert all(q.close > q.open for q in quotes)
    assert not any(q.open == 12 for q in quotes)  # the unclosed mark is dropped at the line break


def test_output_is_sorted_and_deterministic() -> None:
    text = "市政协开展“委员走基层”“委员进社区”等系列活动，打造“宜商量”协商品牌。"
    a = recognise(_doc(text))
    assert a == recognise(_doc(text))
    assert [m.start for m in a] == sorted(m.start for m in a)


def test_parallel_items_are_a_name_right_before_a_cue() -> None:
    assert _found("县政协开展“访民情、解民忧”活动30余次。") == {"访民情、解民忧": PROGRAMME}
    assert _found("按照“党组统揽、委员参与”原则推进工作。") == {}


def test_theme_education_is_a_programme() -> None:
    assert _found("市政协机关开展“守初心、强作风”主题教育。") == {"守初心、强作风": PROGRAMME}


def test_national_slogans_before_weak_cues_are_rejected() -> None:
    assert _found("积极服务“一带一路”建设。") == {}
    assert _found("积极推进“平安湖北”建设。") == {}
    assert _found("积极推进“智慧政协”建设。") == {"智慧政协": PROGRAMME}


def test_awards_anywhere_in_the_clause_are_rejected() -> None:
    assert _found("荣获“五星级”党组织3个、首批“五好”党支部2个。") == {}


def test_a_name_repeated_without_cue_is_the_same_initiative() -> None:
    text = "市政协打造“宜商量”协商品牌。一年来，“宜商量”共协商议题40个。"
    ms = recognise(_doc(text))
    assert [m.key for m in ms] == ["initiative:宜商量", "initiative:宜商量"]
    assert all(m.cls == BRAND for m in ms)


def test_unquoted_repeat_before_a_cue() -> None:
    text = "市政协坚持举办“汉江讲坛”讲座。深入打造汉江讲坛品牌，扩大影响。"
    ms = recognise(_doc(text))
    assert [text[m.start:m.end] for m in ms] == ["汉江讲坛", "汉江讲坛"]


def test_straight_double_quotes() -> None:
    found = _found('市政协开展"委员走基层""委员进社区"等系列活动。')
    assert found == {"委员走基层": PROGRAMME, "委员进社区": PROGRAMME}


def test_document_titles_are_not_initiatives() -> None:
    assert _found("印发《关于推进协商议事室建设的意见》，推动《协商在线》栏目改版。") == {"协商在线": BRAND}


def test_homes_and_halls_are_brands() -> None:
    assert _found("市政协在园区建成首个“石榴籽委员之家”。") == {"石榴籽委员之家": BRAND}
    # the kind itself, quoted, is no one platform's name
    assert _found("市政协在园区建成首个“委员之家”。") == {}


def test_a_cue_after_a_verb_belongs_to_another_clause() -> None:
    assert _found("委员们在“青年之窗”开展活动。") == {}


def test_other_outlets_and_apps_are_not_initiatives() -> None:
    assert _found("在《新闻联播》节目中报道，并通过“学习强国”平台推送。") == {}
    assert _found("市政协开设《委员风采》专栏，推出《民生议事》节目。") == {"委员风采": BRAND, "民生议事": BRAND}


def test_list_of_committees_brands_shares_the_cue() -> None:
    found = _found("形成了荆门市政协的“荆门议事汇”、通山县政协的“九宫好商量”等一批有影响力的协商品牌。")
    assert found == {"荆门议事汇": BRAND, "九宫好商量": BRAND}


@pytest.mark.parametrize("text, label", [
    ("市政协与广播电视台合作开设《江汉议事》电视专栏，全年播出20期。", "江汉议事"),
    ("联合推出《民生汇客厅》全媒体栏目。", "民生汇客厅"),
])
def test_media_column_with_its_medium_before_the_cue(text: str, label: str) -> None:
    assert _found(text) == {label: BRAND}


def test_consultation_platform_named_like_one() -> None:
    assert _found("10月9日，省政协召开“楚事好商量”协商议政会。") == {"楚事好商量": BRAND}
    assert _found("县政协着力打造“汉水在协商”，推动协商向基层延伸。") == {"汉水在协商": BRAND}
    assert _found("坚持“有事好商量”的原则，凝聚各方共识。") == {}


@pytest.mark.parametrize("text", [
    "坚持“四下基层”工作制度，推动问题解决。",
    "力争到2027年实现“村村有委员联络站”目标。",
    "要坚持“团结、民主、务实、创新”的工作要求。",
    "在“三高四新”美好蓝图中展现政协担当。",
    "组织委员学习《人民政协重要文献选编》。",
    "牢固树立“绿水青山就是金山银山”理念。",
    "把“有事好商量、众人的事情由众人商量”落到实处。",
])
def test_more_rejections(text: str) -> None:
    assert _found(text) == {}


@pytest.mark.parametrize("text, label, cls", [
    ("县政协在各乡镇设立“乡贤说事”议事会，推动基层协商。", "乡贤说事", BRAND),
    ("市政协建成“格桑花”委员联络站12个。", "格桑花", BRAND),
    ("县政协推行“三访三帮”工作法，收集问题80余条。", "三访三帮", PROGRAMME),
    ("区政协深入开展“守护清水河”专项民主监督。", "守护清水河", PROGRAMME),
])
def test_stations_councils_methods_and_campaigns(text: str, label: str, cls: str) -> None:
    assert _found(text) == {label: cls}


def test_national_slogans_are_rejected_before_strong_cues_too() -> None:
    assert _found("推行“四下基层”工作法，推动问题就地解决。") == {}


def test_fields_of_government_work_before_gongzuo_are_rejected() -> None:
    assert _found("持续推进“三农”工作，助力乡村振兴。") == {}
    assert _found("全力推进“双招双引”工作。") == {}
    assert _found("深入开展“委员联络”工作，密切联系群众。") == {"委员联络": PROGRAMME}
    assert _found("围绕“人工智能+”行动建言献策。") == {}


def test_consultation_places_named_by_their_kind() -> None:
    assert _found("雷公县政协介绍了“苗岭议事坪”协商经验。") == {"苗岭议事坪": BRAND}
    assert _found("村里建起了“榕树下议事亭”。") == {"榕树下议事亭": BRAND}


def test_a_name_the_text_says_is_a_brand() -> None:
    assert _found("“湖畔议事”是市政协着力打造的协商品牌，已开展协商50场。") == {"湖畔议事": BRAND}
    assert _found("“两个确立”是党在新时代取得的重大政治成果。") == {}
    assert _found("“协商为民”是品牌建设的根本，必须坚持。") == {}


def test_a_consultation_idea_is_not_a_platform() -> None:
    assert _found("弘扬“有事好商量”协商文化，践行“众人商量”协商理念。") == {}


def test_brands_of_places_products_and_markets_are_not_initiatives() -> None:
    assert _found("叫响“江南福地”城市品牌，打造“云雾茶都”区域公用品牌。") == {}
    assert _found("搭建“山货进城”电商平台。") == {}
    assert _found("“凝聚共识”是人民政协的中心环节和重要平台。") == {}


@pytest.mark.parametrize("text, label", [
    ("市政协把“江畔有约”打造成全市协商品牌，累计协商60次。", "江畔有约"),
    ("县政协将“夜话江城”打造为委员联系群众的重要平台。", "夜话江城"),
    ("区政协把“邻里议事”建设成为基层协商平台。", "邻里议事"),
    ("县政协将“板凳会”作为委员履职的重要平台，每月开展协商。", "板凳会"),
])
def test_a_name_made_into_a_brand(text: str, label: str) -> None:
    assert _found(text) == {label: BRAND}


def test_made_into_needs_ba_or_jiang_and_a_committee_kind_of_brand() -> None:
    assert _found("把“山水茶乡”打造成区域公用品牌。") == {}
    assert _found("“江畔有约”打造成了亮点，群众满意。") == {}
    assert _found("把“江畔有约”打造成全市协商品牌的做法值得推广。") == {}


def test_a_newspaper_is_not_a_column() -> None:
    text = "联合市广播电视台开办《委员议事厅》电视栏目；在《江城日报》开设《委员说》专栏，刊发稿件58篇。"
    assert _found(text) == {"委员议事厅": BRAND, "委员说": BRAND}


@pytest.mark.parametrize("text, label", [
    ("县政协在核心区建起“梯田议事坊”，由委员轮流值守。", "梯田议事坊"),
    ("区政协设立“河湾议事驿站”，由委员轮流值守。", "河湾议事驿站"),
    ("镇上建成“山城议事港”，群众有事来商量。", "山城议事港"),
    ("县政协建起“古镇协商驿站”。", "古镇协商驿站"),
    ("比如甲旗政协的“草原协商汇”、乙旗政协的“湖滨议事汇”，都很受群众欢迎。", "草原协商汇"),
    ("比如甲旗政协的“草原协商汇”、乙旗政协的“湖滨议事汇”，都很受群众欢迎。", "湖滨议事汇"),
])
def test_consultation_places_and_gatherings_named_by_their_kind(text: str, label: str) -> None:
    assert _found(text).get(label) == BRAND


def test_set_up_makes_a_weak_cue_count() -> None:
    # 设立/建起 launch a project like 实施 does
    assert _found("县政协设立“委员帮扶”项目，覆盖全部乡镇。") == {"委员帮扶": PROGRAMME}


def test_a_cue_read_from_the_text_is_the_cue_read_from_the_annotation_free_window():
    """after_cue reads the text itself when no pinyin annotation can be in its reach, else the
    window with annotations skipped; a '(' placed beyond the window's reach forces the second
    reading of the same window: both must find the same cue (or none)."""
    import random

    import kg.recognise.initiatives as ini

    n = ini.GAP_MAX + 6
    pieces = (sorted(ini.STRONG_CUES) + sorted(ini.GAP_BLOCKERS) + sorted(ini.GAP_VERBS)
              + sorted(ini.OUTSIDE_MODIFIERS) + sorted(ini.STOP) + ["等", "的", "12", "”", "“", "政协", "协商", "品"])
    plain = ["乡村", "振兴", "文化", "建设", "服务", "基层"] * 8  # gaps that refuse nothing
    pieces = [p for p in pieces if "(" not in p] + plain
    rng = random.Random(7)
    found = 0
    for _ in range(20000):
        window = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))[:n]
        text = window + "。" * (2 * n - len(window))  # no '(' within 3n: read from the text
        cue = ini.after_cue(text, 0)
        assert cue == ini.after_cue(text + "(", 0), window  # '(' at 2n: the window read
        found += cue is not None
    assert found > 500  # the texts do hold cues, refused and accepted


def test_unquoted_actions_scanned_line_by_line_are_those_of_the_whole_text():
    """_unquoted_matches scans only the lines that hold 委员行动: it must find what a finditer
    over the whole text finds, with line breaks, lists and verbs in every place."""
    import random

    import kg.recognise.initiatives as ini

    pieces = ["开展", "实施", "生态护航", "文旅融合", "乡村", "、", "委员行动", "委员", "行动", "\n", "，", "的"]
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in ini._unquoted_matches(text)] == [m.span() for m in ini._UNQUOTED.finditer(text)]


def test_compact_removes_the_white_space_the_regex_removes():
    """_compact trusts that a printable string holds no white space but " ": every character
    that \\s matches, on this interpreter's Unicode tables, must be " " or not printable."""
    import re

    import kg.recognise.initiatives as ini

    spaces = re.findall(r"\s", "".join(map(chr, range(0x110000))))  # one scan, not a match per code point
    assert spaces and all(c == " " or not c.isprintable() for c in spaces)
    for name in ("委员 讲堂", "委员\u3000讲堂\n", " 宜商量 ", "宜商量", "a\u00a0b c"):
        assert ini._compact(name) == re.sub(r"\s", "", name)


def test_numbered_programmes_ending_in_a_cue_word_are_still_programmes() -> None:
    # numbered like concepts, but these shapes are how programmes are named (unlike “四个平台”)
    assert _found("深化“一支部一品牌”创建。") == {"一支部一品牌": PROGRAMME}
    assert _found("带头投身“六大委员行动”。") == {"六大委员行动": PROGRAMME}


def test_a_named_scheme_launched_as_a_plan_is_a_programme() -> None:
    assert _found("联谊会启动“青年北上 筑梦湾区”计划。") == {"青年北上 筑梦湾区": PROGRAMME}
    assert _found("市政协举办“同心”讲座。") == {"同心": BRAND}  # a lecture series keeps its cue


def test_a_pairing_mechanism_and_a_consultation_shed() -> None:
    assert _found("县政协还配套建立“一委员联系一农庄”结对机制。") == {"一委员联系一农庄": PROGRAMME}
    assert _found("在芋头产区建设“芋乡议事棚”，让协商更接地气。") == {"芋乡议事棚": BRAND}
    assert _found("介绍了县政协“竹林议事长廊”的做法。") == {"竹林议事长廊": BRAND}
    assert _found("县政协培育“石城协商小站”。") == {"石城协商小站": BRAND}
    assert _found("某市政协的“边境村协商点”各有特色。") == {"边境村协商点": BRAND}
    assert _found("工作室联合同业公会举办“委员话茶 助农增收”直播。") == {"委员话茶 助农增收": PROGRAMME}
    assert _found("本期活动的主题是“某地秀芽”品牌提升。") == {}  # the topic discussed
    assert _found("他于2005年创设“河洛同心讲坛”，邀请专家宣讲。") == {"河洛同心讲坛": BRAND}


def test_topics_and_lectures_keep_names_that_are_brands_themselves() -> None:
    assert _found("市政协举办“委员讲堂”等专题讲座。") == {"委员讲堂": BRAND}
    assert _found("会议主题为“宜商量”协商品牌建设。") == {"宜商量": BRAND}
    assert _found("市政协开展“两会”直播。") == {}


def test_a_members_station_named_after_him_and_a_target() -> None:
    assert _found("他在县城设立“牛立邦委员履职工作站”，每季度接待一次。") == {"牛立邦委员履职工作站": BRAND}
    assert _found("力争实现“村村有委员工作站”目标。") == {}


def test_made_places_alliances_hashtags_and_market_brands() -> None:
    # a workshop a launching verb makes, an alliance of committees for consultation
    found = _found("汝城县政协在沙洲村创设“沙洲连心坊”，委员每月坐班。三市政协共同发起“湘赣边红色文旅协商联盟”。")
    assert found == {"沙洲连心坊": BRAND, "湘赣边红色文旅协商联盟": BRAND}
    assert _found("群众说“沙洲连心坊”好。") == {}  # no verb of making: a name alone is no brand
    assert _found("镇里建成“巾帼工坊”12个，建起“科技小院”。") == {}  # workshops and research yards
    # a post's topic in hash marks, with a cue after it; a hashtag that only ends in a cue word is none
    assert _found("#我为家乡发展献一策# 网络征集活动进行中！#委员在行动# #两会#") == {"我为家乡发展献一策": PROGRAMME}
    # a product's brands on a market
    assert _found("全县人参种植面积稳定，但“林下参”品牌杂、价格乱。") == {}
    assert _found("县政协打造“人参议事”品牌，推动产业发展。") == {"人参议事": BRAND}


def test_a_members_tour_and_a_proposals_column() -> None:
    assert _found("去年，海南省政协“琼崖医卫委员行”调研组来琼海调研。") == {"琼崖医卫委员行": PROGRAMME}
    assert _found("把协商情况在“许昌政协”微信公众号《提案追踪》专栏进行公开。") == {"提案追踪": BRAND}
    assert _found("县里开展“送法下乡行”。") == {}


def test_sessions_of_a_forum_and_a_consultation_hut() -> None:
    assert _found("下午，论坛分设“乡村产业”“文化传承”“青年创业”三个分论坛，嘉宾交流。") == {}
    assert _found("市政协打造“湘江论坛”协商品牌。") == {"湘江论坛": BRAND}
    assert _found("县政协创设的“瑶山议事寮”已覆盖全县9个镇。") == {"瑶山议事寮": BRAND}
