"""``runs``: the committee that runs an initiative, from sentence subject and paragraph topic.

Synthetic documents: committee mentions are placed by hand (as the committees recogniser would),
initiatives come from the real recogniser.  Sentences are made up, in the style of CPPCC news."""

from __future__ import annotations

from dataclasses import replace

import pytest

from docs import committee_mentions, make_doc
from kg.model import COMMITTEE, PERSON, REGION, RUNS, Doc, Mention, Zone
from kg.recognise import initiatives, organs
from kg.relate_runs import relate

HUBEI, YICHANG, XIANGYANG, WUHAN, YUEYANG = "420000", "420500", "420600", "420100", "430600"
CODES = {"湖北省政协": HUBEI, "省政协": HUBEI, "宜昌市政协": YICHANG, "襄阳市政协": XIANGYANG,
         "武汉市政协": WUHAN, "湖南省岳阳市政协": YUEYANG}


def _doc(text: str, zones: tuple[Zone, ...] = (), codes: dict[str, str] = CODES, with_organs: bool = False) -> Doc:
    """``text`` with committee mentions at every occurrence of the surfaces of ``codes`` (surface ->
    division code), the organs (``with_organs``) and the initiatives the recognisers find."""
    committees = {surface: (f"committee:{code}", surface) for surface, code in codes.items()}
    doc = replace(make_doc(text, zones), mentions=committee_mentions(text, committees, with_code=True))
    if with_organs:
        doc = replace(doc, mentions=doc.mentions + tuple(organs.recognise(doc)))
    return replace(doc, mentions=doc.mentions + tuple(initiatives.recognise(doc)))


def _runs(text: str, zones: tuple[Zone, ...] = (), codes: dict[str, str] = CODES,
          with_organs: bool = False) -> set[tuple[str, str]]:
    rels = relate(_doc(text, zones, codes, with_organs))
    assert all(r.predicate == RUNS for r in rels)
    return {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in rels}


def _post(title: str, kind: str, code: str = "") -> dict[str, str]:
    """A post as the people recogniser writes it (its first post is the one nearest the name)."""
    key = f"committee:{code}" if code else ""
    return {"title": title, "kind": kind, "org": key, "org_label": "", "committee": key}


def _runs_with_person(text: str, name: str, post: dict[str, str], *more: dict[str, str]) -> set[tuple[str, str]]:
    """:func:`_runs` with a person mention at ``name`` holding ``post`` (and ``more`` posts, further
    from the name: the people recogniser's part, placed by hand as the committees are)."""
    doc = _doc(text)
    i = text.index(name)
    person = Mention(PERSON, f"person:{name}", name, i, i + len(name), name, {"posts": [post, *more]})
    rels = relate(replace(doc, mentions=tuple(sorted(doc.mentions + (person,), key=lambda m: m.start))))
    return {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in rels}


def test_subject_of_the_sentence() -> None:
    assert _runs("宜昌市政协打造“宜商量”协商品牌，推动解决民生难题。") == {(YICHANG, "宜商量")}


def test_topic_of_the_paragraph_carries_to_later_sentences() -> None:
    text = "襄阳市政协聚焦产业发展。今年以来，开展“委员走基层”“委员进社区”等系列活动，服务群众2万人次。"
    assert _runs(text) == {(XIANGYANG, "委员走基层"), (XIANGYANG, "委员进社区")}


def test_new_subject_takes_over_within_a_paragraph() -> None:
    text = "宜昌市政协聚焦民生。襄阳市政协创新实施“汉江护航 委员行动”，助力生态保护。"
    assert _runs(text) == {(XIANGYANG, "汉江护航委员行动")}


def test_each_paragraph_has_its_own_subject() -> None:
    text = ("宜昌市政协打造“宜商量”协商品牌。\n"
            "襄阳市政协深入开展“委员讲堂进基层”活动。\n")
    assert _runs(text) == {(YICHANG, "宜商量"), (XIANGYANG, "委员讲堂进基层")}


def test_committee_as_object_does_not_run() -> None:
    text = "县里的做法荣获宜昌市政协系统优秀党建品牌称号。襄阳市政协开展“三联三促”活动。"
    assert _runs(text) == {(XIANGYANG, "三联三促")}
    text = "在宜昌市政协示范带动下，襄阳市政协深入开展“委员帮企”活动。"
    assert _runs(text) == {(XIANGYANG, "委员帮企")}


def test_committee_as_modifier_is_not_a_subject() -> None:
    text = "襄阳市政协组织委员调研。宜昌市政协委员张某说，要持续开展“委员帮企”活动。"
    assert _runs(text) == {(XIANGYANG, "委员帮企")}


def test_coordinated_committees_all_run() -> None:
    text = "宜昌市政协联合湖南省岳阳市政协建立“两湖协商”联动机制，召开协商会3次。"
    assert _runs(text) == {(YICHANG, "两湖协商"), (YUEYANG, "两湖协商")}


def test_owner_written_before_the_name() -> None:
    text = "宜昌市政协组织委员学习借鉴襄阳市政协“襄商量”协商品牌经验。"
    assert _runs(text) == {(XIANGYANG, "襄商量")}


def test_collective_goes_to_the_province_committee() -> None:
    text = ("湖北省政协召开常委会议。\n"
            "会议指出，全省政协“生态护航 委员行动”成效明显。\n"
            "宜昌市政协打造“宜商量”协商品牌。\n"
            "省政协主席强调要抓好落实。\n")
    runs = _runs(text)
    assert (HUBEI, "生态护航委员行动") in runs
    assert (YICHANG, "生态护航委员行动") not in runs


def test_article_main_committee_when_paragraph_has_no_subject() -> None:
    text = ("湖北省政协召开全体会议。\n"
            "省政协组织委员视察。\n"
            "回应民生关切，充分发挥“有事好商量”平台作用，解决问题459件。\n"
            "宜昌市政协开展调研。\n")
    assert _runs(text) == {(HUBEI, "有事好商量")}


def test_no_runs_from_headline_lists() -> None:
    text = "宜昌市政协打造“宜商量”协商品牌。\n"
    assert _runs(text, (Zone(0, len(text), "headlines"),)) == set()


def test_no_committee_no_runs() -> None:
    assert _runs("开展“委员走基层”系列活动。") == set()


def test_evidence_span_is_the_sentence() -> None:
    text = "襄阳市政协聚焦发展。襄阳市政协开展“委员走基层”活动。"
    [r] = relate(_doc(text))
    assert text[r.start:r.end] == "襄阳市政协开展“委员走基层”活动。"


def _with(doc: Doc, *extra: Mention) -> Doc:
    return replace(doc, mentions=tuple(sorted(doc.mentions + extra, key=lambda m: (m.start, m.end, m.cls))))


def test_an_organ_subject_stands_for_its_committee() -> None:
    text = "襄阳市政协召开会议。\n提案委员会深入开展“提案办理回头问”活动。\n"
    doc = _doc(text)
    i = text.index("提案委员会")
    organ = Mention("CommitteeOrgan", "organ:420600/提案委员会", "襄阳市政协提案委员会", i, i + 5, "提案委员会",
                    {"committee": f"committee:{XIANGYANG}"})
    rels = relate(_with(doc, organ))
    assert {(r.subject, r.object) for r in rels} == {(f"committee:{XIANGYANG}", "initiative:提案办理回头问")}


def test_another_organisation_as_subject_runs_nothing_for_the_committee() -> None:
    text = "宜昌市政协召开会议。\n宜昌市政协组织委员视察。\n市委统战部开展“同心聚力”活动。\n"
    doc = _doc(text)
    i = text.index("市委统战部")
    org = Mention("Organisation", "org:统战部", "市委统战部", i, i + 5, "市委统战部", {})
    assert relate(_with(doc, org)) == []


def test_collective_of_a_city_goes_to_the_city_of_the_paragraph() -> None:
    text = ("湖北省政协召开全会。湖北省政协组织视察。\n"
            "宜昌市政协聚焦民生。今年以来，全市政协组织开展“委员帮企”活动。\n")
    assert _runs(text) == {(YICHANG, "委员帮企")}


def test_dateline_before_the_subject() -> None:
    text = "本报讯(记者 张明)近日，宜昌市政协启动“宜商量”协商平台。"
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_fronted_adverbial_with_the_initiative() -> None:
    text = "襄阳市政协聚焦发展。\n通过“襄商量”协商平台，宜昌市政协收集意见200条。\n"
    assert _runs(text) == {(YICHANG, "襄商量")}


def test_owner_with_a_verb_of_making() -> None:
    text = "宜昌市政协组织委员观摩由襄阳市政协主办的“汉水讲坛”讲座。"
    assert _runs(text) == {(XIANGYANG, "汉水讲坛")}


def test_a_visitor_does_not_run_what_it_inspects() -> None:
    text = "宜昌市政协主席带队调研“襄商量”协商平台运行情况。"
    assert _runs(text) == set()


def test_praise_from_a_visiting_committee_is_not_running() -> None:
    text = ("宜昌市政协打造“宜商量”协商品牌。\n"
            "湖北省政协副主席到宜昌调研时，对“宜商量”品牌建设给予充分肯定。\n")
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_a_committee_that_learns_from_a_brand_does_not_run_it() -> None:
    text = "宜昌市政协打造“宜商量”协商品牌。\n襄阳市政协表示，将学习借鉴“宜商量”经验。\n"
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_list_of_owners_and_their_brands() -> None:
    text = "湖北省政协召开会议。会议指出，全省政协形成了宜昌市政协的“宜商量”、襄阳市政协的“襄商量”等一批协商品牌。"
    assert _runs(text) == {(YICHANG, "宜商量"), (XIANGYANG, "襄商量")}


def test_a_visit_earlier_in_the_clause() -> None:
    text = ("宜昌市政协打造“宜商量”协商品牌。\n"
            "襄阳市政协率考察团来宜考察。考察团一行先后来到伍家岗区“宜商量”议事室、西陵区委员工作室。\n")
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_making_after_a_visit_verb_is_running() -> None:
    text = "襄阳市政协组织委员调研后开展“委员帮企”活动。"
    assert _runs(text) == {(XIANGYANG, "委员帮企")}


def test_a_visit_verb_inside_another_name_is_no_visit() -> None:
    text = "襄阳市政协开展“走进田间地头”“委员下乡行”等特色活动。"
    assert _runs(text) == {(XIANGYANG, "走进田间地头"), (XIANGYANG, "委员下乡行")}


def test_taking_part_in_a_campaign_is_not_running_it() -> None:
    assert _runs("襄阳市政协积极参与“清水绿岸”治理工程，组织委员视察5次。") == set()
    assert _runs("襄阳市政协助推“营商环境提升年”行动。") == set()


def test_owner_named_after_the_name() -> None:
    text = "湖北省政协召开会议。\n“襄商量”是襄阳市政协着力打造的协商品牌，已开展协商120场。\n"
    assert _runs(text) == {(XIANGYANG, "襄商量")}
    text = "湖北省政协召开会议。\n“汉水讲坛”讲座由襄阳市政协于2020年创办。\n"
    assert _runs(text) == {(XIANGYANG, "汉水讲坛")}


def _regions(doc: Doc, *names: tuple[str, str]) -> Doc:
    """``doc`` with region mentions of each (surface, code) at every place the surface stands
    outside a committee mention."""
    extra = []
    for surface, code in names:
        for i in range(len(doc.text)):
            if doc.text.startswith(surface, i) and not any(
                    m.start <= i < m.end for m in doc.mentions if m.cls == COMMITTEE):
                extra.append(Mention("AdministrativeRegion", f"region:{code}", surface, i, i + len(surface),
                                     surface, {}))
    return _with(doc, *extra)


def test_region_written_before_the_name_stands_for_its_committee() -> None:
    text = ("湖北省政协召开会议。会议指出，全省政协形成了宜昌的“宜商量”、襄阳的“襄商量”等一批协商品牌。"
            "宜昌市政协、襄阳市政协作交流发言。")
    doc = _regions(_doc(text), ("宜昌", YICHANG), ("襄阳", XIANGYANG))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(YICHANG, "宜商量"), (XIANGYANG, "襄商量")}


def test_region_after_a_preposition_is_where_not_who() -> None:
    text = "湖北省政协在宜昌“宜商量”议事室召开现场会。宜昌市政协作交流发言。"
    doc = _regions(_doc(text), ("宜昌", YICHANG))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(HUBEI, "宜商量")}


def test_a_guest_committee_on_a_trip_does_not_run_what_it_sees() -> None:
    text = ("宜昌市政协打造“宜商量”协商品牌。\n"
            "襄阳市政协副主席率考察团来宜考察。考察团一行认为，“宜商量”特色鲜明、成效显著。\n")
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_the_article_committee_on_a_trip_to_its_towns_still_runs() -> None:
    text = "宜昌市政协召开会议。\n宜昌市政协主席到乡镇调研时强调，要建好用好“宜商量”议事室。\n"
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_party_committees_and_governments_run_their_own_campaigns() -> None:
    text = "宜昌市政协召开会议。\n市委开展“干部进村社”活动，宜昌市政协积极响应。市政府实施“美丽集镇”三年行动。\n"
    assert _runs(text) == set()
    text = "宜昌市政协召开会议。\n市妇联联合宜昌市政协开展“巾帼护绿”行动。\n"
    assert _runs(text) == {(YICHANG, "巾帼护绿")}
    text = "在市委的坚强领导下，宜昌市政协开展“委员帮企”活动。"
    assert _runs(text) == {(YICHANG, "委员帮企")}


def test_a_democratic_party_organisation_runs_its_own_activities() -> None:
    text = ("宜昌市政协组织委员视察。\n"
            "考察团还观摩了民盟襄阳市委开展的“清江护岸”志愿服务活动，以及九三学社襄阳市委举办的“科普进村”讲座。"
            "民盟襄阳市委主委、宜昌市政协副主席赵某介绍，民盟襄阳市委已连续三年开展“清江护岸”活动。\n"
            "襄阳市工商联开展“百企联村”行动。\n")
    assert _runs(text) == set()


def test_a_party_organisation_stays_the_topic_of_its_paragraph() -> None:
    text = "宜昌市政协召开会议。\n九三学社宜昌市委员会已连续三年开展“科普进村”活动。今年，又推出“科学小讲堂”讲座。\n"
    assert _runs(text) == set()


def test_a_party_organisation_named_as_owner_after_the_name() -> None:
    text = "宜昌市政协召开会议。\n“清江护岸”志愿服务活动由民盟宜昌市委于2022年发起，已开展60余次。\n"
    assert _runs(text) == set()
    text = "宜昌市政协召开会议。\n“清江护岸”志愿服务活动由市委、宜昌市政协联合发起。\n"
    assert _runs(text) == {(YICHANG, "清江护岸")}


def test_an_owner_with_the_place_where_it_made_the_name() -> None:
    # 在<place> between the owner and its verb of making: still the owner
    text = "宜昌市政协组织委员视察。\n委员们参加了九三学社襄阳市委在谷城县举办的“科普助农”讲座。\n"
    assert _runs(text) == set()
    text = "宜昌市政协组织委员视察。\n委员们观摩了民盟襄阳市委于2023年在南漳县创办的“清江书屋”。\n"
    assert _runs(text) == set()
    text = "宜昌市政协召开会议。\n委员们参加了襄阳市政协在谷城县举办的“汉水讲坛”讲座。\n"
    assert _runs(text) == {(XIANGYANG, "汉水讲坛")}
    # a place with no verb of making after it names no owner
    text = "宜昌市政协召开会议。\n宜昌市政协在“宜商量”平台上收集意见200条。\n"
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_a_committee_with_a_party_organisation_as_partner_still_runs() -> None:
    assert _runs("宜昌市政协联合民盟宜昌市委开展“同心助学”活动。") == {(YICHANG, "同心助学")}


def test_committees_that_only_exchange_do_not_own_what_a_speaker_mentions() -> None:
    text = ("湖北省政协打造“楚事好商量”协商品牌。\n"
            "会上，襄阳市政协、宜昌市政协作书面交流。省政协委员、襄阳一家企业负责人王某表示，“楚事好商量”让企业的声音直达决策部门。\n")
    assert _runs(text) == {(HUBEI, "楚事好商量")}
    text = ("湖北省政协打造“楚事好商量”协商品牌。\n"
            "襄阳市政协主席张某作交流发言。“有了‘楚事好商量’，企业的声音能直达决策部门。”委员王某说。\n")
    assert _runs(text) == {(HUBEI, "楚事好商量")}
    text = ("湖北省政协打造“楚事好商量”协商品牌。\n"
            "宜昌市政协作书面交流，委员王某表示，“楚事好商量”让企业的声音直达决策部门。\n")
    assert _runs(text) == {(HUBEI, "楚事好商量")}


def test_a_committee_that_spoke_is_still_the_topic_without_a_speaker() -> None:
    text = "湖北省政协召开会议。\n襄阳市政协作交流发言。今年以来，开展“委员帮企”活动，走访企业80家。\n"
    assert _runs(text) == {(XIANGYANG, "委员帮企")}


def test_a_visitor_named_again_later_in_the_paragraph_is_still_a_guest() -> None:
    text = ("宜昌市政协打造“宜商量”协商品牌。\n"
            "襄阳市政协考察团来到宜昌，观摩了“宜商量”议事室。襄阳市政协主席李某表示，“宜商量”做法值得学习借鉴。\n")
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_the_article_committee_visiting_another_region_is_a_guest_there() -> None:
    text = ("襄阳市政协考察团赴宜昌市学习考察\n"
            "襄阳市政协主席李某率考察团来到宜昌市，实地考察基层协商工作。考察团一行观摩了“江畔议事厅”运行情况。"
            "襄阳市政协主席李某表示，“江畔议事厅”做法值得学习借鉴。\n"
            "襄阳市政协将持续深化“汉水有约”品牌建设。\n")
    doc = _regions(_doc(text), ("宜昌市", YICHANG))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(XIANGYANG, "汉水有约")}


def test_what_the_article_committee_makes_after_a_trip_is_its_own() -> None:
    text = ("襄阳市政协召开会议。\n"
            "襄阳市政协组织委员赴宜昌市学习考察。襄阳市政协将借鉴经验，持续打造“汉水有约”品牌。\n"
            "襄阳市政协组织委员赴宜昌市学习考察后，开展“委员进企业”活动。\n")
    doc = _regions(_doc(text), ("宜昌市", YICHANG))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(XIANGYANG, "汉水有约"), (XIANGYANG, "委员进企业")}


def test_a_name_made_into_a_brand_with_ba_or_jiang() -> None:
    assert _runs("襄阳市政协把“汉江有约”打造成全市协商品牌，累计协商议题60个。") == {(XIANGYANG, "汉江有约")}
    text = "湖北省政协指导宜昌市政协将“夷陵夜话”打造为委员联系群众的重要平台。"
    assert _runs(text) == {(YICHANG, "夷陵夜话")}


def test_columns_of_a_summary_without_subject_go_to_the_article_committee() -> None:
    text = ("宜昌市政协召开全体会议。\n"
            "宣传工作亮点纷呈。联合宜昌市广播电视台开办《委员议事厅》电视栏目，全年播出24期；"
            "在《宜昌日报》开设《委员说》专栏，刊发稿件58篇。\n")
    doc = _doc(text)
    i = text.index("宜昌市广播电视台")  # a partner after 联合 is no subject
    partner = Mention("Organisation", "org:宜昌市广播电视台", "宜昌市广播电视台", i, i + 8,
                      "宜昌市广播电视台", {"kind": "media"})
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(_with(doc, partner))}
    assert runs == {(YICHANG, "委员议事厅"), (YICHANG, "委员说")}


def test_distributive_lists_pair_committees_and_names_in_order() -> None:
    text = ("湖北省政协召开会议。\n"
            "近年来，湖北省政协指导宜昌市政协、襄阳市政协分别打造“江畔议事厅”“古城协商汇”等基层协商平台。\n")
    assert _runs(text) == {(YICHANG, "江畔议事厅"), (XIANGYANG, "古城协商汇")}
    text = "湖北省政协指导宜昌市政协、襄阳市政协分别开展“委员进村”活动。"
    assert _runs(text) == {(YICHANG, "委员进村"), (XIANGYANG, "委员进村")}
    text = "宜昌市政协分别开展“委员下乡”“委员进村”活动。"
    assert _runs(text) == {(YICHANG, "委员下乡"), (YICHANG, "委员进村")}
    text = "湖北省政协支持宜昌市政协和襄阳市政协分别探索打造了“江畔”议事厅和“古城”协商汇。"
    assert _runs(text) == {(YICHANG, "江畔")}  # “古城”协商汇 is no initiative here, but it is counted
    text = "湖北省政协指导宜昌市政协、襄阳市政协分别开展“委员进村”“委员进社区”“委员进企业”活动。"
    assert _runs(text) == set()  # three names for two committees: nobody knows whose is whose


def test_a_travelling_committee_does_not_get_what_it_saw_in_another_paragraph() -> None:
    text = ("襄阳市政协考察团来宜昌考察\n"
            "襄阳市政协副主席王某率考察团来我市考察基层协商工作。宜昌市政协主席陪同。\n"
            "襄阳市政协副主席王某对宜昌市政协打造的“江畔议事厅”给予充分肯定。王某指出，“江畔议事厅”做法值得学习借鉴。\n"
            "襄阳市政协将持续推进“汉水有约”品牌建设。\n")
    assert _runs(text) == {(YICHANG, "江畔议事厅"), (XIANGYANG, "汉水有约")}


def _two_cities(text: str) -> Doc:
    """``text`` with “宜昌、襄阳两市政协” marked as the committee recogniser marks it: two committee
    mentions of one span, and the regions inside."""
    doc = _doc(text)
    i = text.index("宜昌、襄阳两市政协")
    j = i + len("宜昌、襄阳两市政协")
    extra = [Mention(COMMITTEE, f"committee:{code}", "宜昌、襄阳两市政协", i, j, "宜昌、襄阳两市政协", {"code": code})
             for code in (XIANGYANG, YICHANG)]
    extra += [Mention("AdministrativeRegion", f"region:{code}", name, i + k, i + k + 2, name, {})
              for name, code, k in (("宜昌", YICHANG, 0), ("襄阳", XIANGYANG, 3))]
    return _with(doc, *extra)


def test_one_span_naming_two_committees_gives_both() -> None:
    doc = _two_cities("湖北省政协召开会议。\n宜昌、襄阳两市政协联合开展“两江同心”活动。\n")
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(YICHANG, "两江同心"), (XIANGYANG, "两江同心")}
    doc = _two_cities("湖北省政协召开会议。\n"
                      "湖北省政协指导宜昌、襄阳两市政协分别打造“江畔议事厅”“古城协商汇”等协商平台。\n")
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(YICHANG, "江畔议事厅"), (XIANGYANG, "古城协商汇")}


def test_a_city_committee_studying_a_county_level_city_does_not_get_its_brand() -> None:
    yidu = "420581"  # a county-level city under 宜昌
    text = ("宜昌市政协考察团赴宜都市学习考察\n"
            "宜昌市政协主席李某率考察团来到宜都市，实地考察基层协商工作。考察团一行观摩了“清江议事厅”运行情况。"
            "宜昌市政协主席李某表示，“清江议事厅”做法值得在全市推广。\n"
            "宜昌市政协主席李某到宜都市调研时强调，要擦亮“宜商量”品牌。\n")
    doc = _regions(_doc(text), ("宜都市", yidu))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(YICHANG, "宜商量")}


def test_a_committee_coordinated_to_an_organisation_subject_runs_with_it() -> None:
    text = ("宜昌市政协召开全体会议。\n"
            "宜昌市广播电视台与宜昌市政协联合开办《委员议事厅》电视栏目；在《宜昌日报》开设《委员说》专栏。\n")
    doc = _doc(text)
    i = text.index("宜昌市广播电视台")
    media = Mention("Organisation", "org:宜昌市广播电视台", "宜昌市广播电视台", i, i + 8, "宜昌市广播电视台",
                    {"kind": "media"})
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(_with(doc, media))}
    assert runs == {(YICHANG, "委员议事厅"), (YICHANG, "委员说")}


def test_a_travelling_committee_keeps_what_it_makes() -> None:
    text = ("襄阳市政协召开会议\n"
            "襄阳市政协打造“汉水有约”协商品牌。湖北省政协副主席调研“汉水有约”议事现场。\n"
            "襄阳市政协组织委员赴宜昌市学习考察。\n"
            "一年来，“汉水有约”共开展协商40场。\n")
    doc = _regions(_doc(text), ("宜昌市", YICHANG))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2], r.start) for r in relate(doc)}
    assert {(s, o) for s, o, _ in runs} == {(XIANGYANG, "汉水有约")}
    assert any(start == text.index("一年来") for _, _, start in runs)  # the last mention too


def test_an_association_runs_what_it_organises() -> None:
    # the association is named after the committee whose members it gathers: still not the committee
    text = ("宜昌市政协召开会议。\n"
            "近日，湖北省政协委员联谊会组织30多名委员赴宜昌、襄阳两地开展“江汉同行”考察活动。\n"
            "宜昌市政协、襄阳市政协有关负责同志陪同考察。“江汉同行”考察活动为委员们了解发展提供了平台。\n"
            "“江汉同行”已连续举办三届。\n")
    doc = _regions(_doc(text), ("宜昌", YICHANG), ("襄阳", XIANGYANG))
    assert relate(doc) == []
    # named again by its kind alone, led by its head, with a long date before the verb
    text = ("宜昌市政协召开会议。\n"
            "联谊会会长王某率队赴襄阳市开展“江汉同行”考察活动。\n"
            "湖北省政协委员联谊会于9月12日至14日组织委员开展“楚天同行”活动。\n")
    assert _runs(text) == set()
    # owners before and after the name, of any kind of association
    text = "宜昌市政协召开会议。\n宜昌市政协组织委员参加宜昌市青年企业家商会举办的“青商助农”活动。\n"
    assert _runs(text) == set()
    text = "宜昌市政协召开会议。\n“青商助农”活动由宜昌市青年企业家商会于2021年发起。\n"
    assert _runs(text) == set()
    # a committee leading an association's members on a trip is still the subject
    text = "宜昌市政协召开会议。\n宜昌市政协主席李某率市青年商会赴襄阳市开展“青商助农”活动。\n"
    assert _runs(text) == {(YICHANG, "青商助农")}
    # a committee that works with an association still runs what they make together
    text = "宜昌市政协召开会议。\n宜昌市政协联合市慈善总会开展“爱心助学”活动。\n"
    assert _runs(text) == {(YICHANG, "爱心助学")}
    # a committee that accompanies visitors and then makes something is still a runner
    text = "宜昌市政协召开会议。\n宜昌市政协有关负责同志陪同考察。宜昌市政协还打造了“宜商量”协商品牌。\n"
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_a_destination_listed_after_a_preposition_owns_nothing() -> None:
    text = ("湖北省政协召开会议。会议指出，委员赴宜昌、襄阳的“江汉同行”考察活动成效明显。"
            "宜昌市政协、襄阳市政协作交流发言。")
    doc = _regions(_doc(text), ("宜昌", YICHANG), ("襄阳", XIANGYANG))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert (XIANGYANG, "江汉同行") not in runs and (YICHANG, "江汉同行") not in runs


def test_a_visitor_does_not_run_the_host_brand_it_studies_but_runs_its_own_action() -> None:
    # the owner is named right before the quotation; the visitor takes the experience home
    # (把…融入“Y”: Y is its own, not someone else's campaign that it joins)
    text = ("宜昌市政协组织委员外出学习\n"
            "10月，宜昌市政协组织部分委员赴湖北省襄阳市观摩学习，实地察看襄阳市政协“汉江议事厅”协商品牌建设情况。"
            "宜昌市政协副主席王某表示，襄阳市政协“汉江议事厅”贴近群众、值得学习借鉴，宜昌市政协将结合实际，"
            "把好的经验做法融入“百名委员进百村”专项行动。\n")
    doc = _regions(_doc(text), ("襄阳市", XIANGYANG))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(XIANGYANG, "汉江议事厅"), (YICHANG, "百名委员进百村")}
    # joining someone else's campaign is still no running
    assert _runs("襄阳市政协积极融入“清水绿岸”治理工程。") == set()


def test_organising_people_for_a_trip_is_no_making() -> None:
    # the travelling committee is the subject; the only owner named is the host: the host's brand
    text = ("宜昌市政协组织委员外出学习\n"
            "宜昌市政协组织部分委员赴湖北省襄阳市观摩学习。\n"
            "宜昌市政协组织委员学习“汉水议事”经验。\n"
            "襄阳市政协主席李某介绍，“汉水议事”是襄阳市政协打造的协商品牌。\n")
    doc = _regions(_doc(text), ("襄阳市", XIANGYANG))
    runs = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in relate(doc)}
    assert runs == {(XIANGYANG, "汉水议事")}


def test_digest_sections_run_by_their_region_committee() -> None:
    # a monthly digest of the headline committee: each 【Region】 header line and the item below it
    # belong to that region's committee; 【市政协】 is the headline committee itself
    text = ("宜昌市政协系统10月工作动态\n"
            "【襄阳市】“山茶议事会”助推产业转型\n"
            "襄阳市政协依托“山茶议事会”协商平台，组织委员开展协商。\n"
            "【市政协】“委员讲堂”走进社区\n"
            "10月，“委员讲堂”走进社区，邀请委员宣讲。\n"
            "【武汉市】“江滩协商汇”聚焦生态\n"
            "围绕生态保护，“江滩协商汇”组织协商3次。\n")
    i = text.index("【武汉市】") + 1  # a header with no committee of its own in its section: its region
    region = Mention(REGION, f"region:{WUHAN}", "武汉市", i, i + 3, "武汉市", {"code": WUHAN})
    rels = relate(_with(_doc(text), region))
    found = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in rels}
    assert found == {(XIANGYANG, "山茶议事会"), (YICHANG, "委员讲堂"), (WUHAN, "江滩协商汇")}


def test_listed_brands_with_their_owners_and_a_verb_of_building() -> None:
    text = ("湖北省政协召开座谈会。各地培育特色品牌，比如宜昌市政协的“江城协商汇”、襄阳市政协的“古渡议事会”，"
            "都很受群众欢迎。\n宜昌市政协在核心区建起“梯田议事坊”，由委员轮流值守。\n")
    assert _runs(text) == {(YICHANG, "江城协商汇"), (XIANGYANG, "古渡议事会"), (YICHANG, "梯田议事坊")}


def test_a_digest_is_its_headline_committee_s() -> None:
    # the sections name another committee more often; the bare 市政协 of the 【市政协】 section is
    # the headline committee (tests/test_committees: a header of the own level ends a section),
    # and that committee runs its section's initiatives
    text = ("宜昌市政协系统工作动态\n"
            "【襄阳市】“古渡议事会”助推产业转型\n"
            "襄阳市政协依托“古渡议事会”开展协商。襄阳市政协还组织委员视察。\n"
            "【市政协】“委员讲堂”走进社区\n"
            "10月，市政协“委员讲堂”走进社区。\n")
    i = text.index("10月，市政协") + 3
    bare = Mention(COMMITTEE, f"committee:{YICHANG}", "市政协", i, i + 3, "市政协", {"code": YICHANG})
    rels = relate(_with(_doc(text), bare))
    found = {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in rels}
    assert found == {(XIANGYANG, "古渡议事会"), (YICHANG, "委员讲堂")}


def test_an_examples_committee_runs_what_they_then_create() -> None:
    # 比如 X政协，他们…: the example's committee is the subject, not the article's topic
    text = "湖北省政协重视基层协商。县级政协作用明显，比如宜昌市政协，他们在村口创设了“坝坝议事会”平台。"
    assert _runs(text) == {(YICHANG, "坝坝议事会")}


def test_what_a_person_launches_is_not_the_committees() -> None:
    text = ("宜昌市政协打造“宜商量”协商品牌。\n"
            "去年，她和市政协委员、市人民医院主任医师卢某一起，发起“银发暖心”关爱活动。\n")
    assert _runs(text) == {(YICHANG, "宜商量")}


def test_the_next_sentence_says_who_set_up_a_sign() -> None:
    # the sign's words name no owner; 这是X政协…设立的… does
    text = ("湖北省政协推进委员工作室建设。\n"
            "走进一间小屋，墙上“柑橘产业委员工作室”的牌子格外醒目。这是宜昌市政协去年设立的委员工作室。\n")
    assert _runs(text) == {(YICHANG, "柑橘产业委员工作室")}


def test_what_a_speaker_for_another_body_announces_is_not_the_committees() -> None:
    text = ("宜昌市政协考察团到访。\n"
            "湖北省政协常委、某青年联会主席梁某某表示，将联同有关团体推出“青年同心”系列活动。\n")
    assert _runs_with_person(text, "梁某某", _post("主席", "other")) == set()


def test_a_committee_the_subject_builds_something_with_runs_it_too() -> None:
    text = "宜昌市政协将发挥委员优势，在产业对接等方面持续用力，与襄阳市政协共同构建“宜襄同心”履职联络机制。"
    assert _runs(text) == {(YICHANG, "宜襄同心"), (XIANGYANG, "宜襄同心")}


def test_what_a_newspaper_or_a_partys_committee_launches_is_theirs() -> None:
    assert _runs("宜昌市政协召开会议。全国两会期间，本报推出“两会访谈”专栏，邀请委员畅谈。") == set()
    text = "宜昌市政协召开协商会。九三学社宜昌市委会打造“科创宜动”品牌。与此同时，社市委还持续深化“科普进万家”活动。"
    assert _runs(text) == set()
    # a dateline's 本报讯 is no doer
    assert _runs("本报讯 宜昌市政协开展“委员讲堂”活动。") == {(YICHANG, "委员讲堂")}


def test_a_visitors_praise_and_a_members_report_about_a_name() -> None:
    text = ("湖北省政协打造“荆楚同心”品牌。\n"
            "10月，宜昌市政协副主席林某率调研组来鄂，林某说，“荆楚同心”把协商做在基层，值得宜昌学习借鉴。\n")
    assert _runs(text) == {(HUBEI, "荆楚同心")}
    text = ("湖北省政协召开常委会议。会议还听取了省政协委员、宜昌市政协副主席沈某某关于“峡江同心荟”"
            "议事平台建设情况的交流发言。")
    assert _runs_with_person(text, "沈某某", _post("副主席", "cppcc", YICHANG)) == {(YICHANG, "峡江同心荟")}


def test_a_committee_that_comes_to_learn_from_a_brand_does_not_run_it() -> None:
    text = ("宜昌市政协打造“茶竹议事坊”品牌。\n"
            "襄阳市政协正在打造“汉江协商院”品牌，此次专程来学习“茶竹议事坊”的经验。\n")
    assert _runs(text) == {(YICHANG, "茶竹议事坊"), (XIANGYANG, "汉江协商院")}


@pytest.mark.parametrize("text, expected", [
    # 常委会 is the committee's own body: the committee stays the subject
    ("襄阳市政协召开会议。\n宜昌市政协常委会议决定，开展“委员进社区”活动。\n", {(YICHANG, "委员进社区")}),
    # a person with the members, launching nothing of his own
    ("宜昌市政协主席王某带队调研。他和委员们一起，启动“委员进社区”活动。", {(YICHANG, "委员进社区")}),
    # the committee's own report praising its platform
    ("宜昌市政协召开常委会议。\n“宜商量”协商平台运行以来，相关做法值得在全市推广学习。\n", {(YICHANG, "宜商量")}),
    # a partner's group as an object, not a partner in the making
    ("宜昌市政协召开会议，与襄阳市政协联合调研组座谈，共同推进“委员进社区”活动。", {(YICHANG, "委员进社区")}),
    # 这是… about an event, not about the thing's maker
    ("宜昌市政协召开会议。\n委员们在“宜商量”议事厅座谈。这是襄阳市政协组织的第三次联合考察。\n", {(YICHANG, "宜商量")}),
])
def test_guards_against_the_new_runners_false_positives(text, expected) -> None:
    assert _runs(text) == expected


def test_a_member_who_praises_the_committees_brand_does_not_take_it_away() -> None:
    text = "宜昌市政协召开协商会。市政协委员、某公司董事长王某某说，“宜商量”平台让委员和群众面对面。"
    assert _runs_with_person(text, "王某某", _post("董事长", "other")) == {(YICHANG, "宜商量")}


def test_a_visitor_telling_of_what_it_makes_itself_runs_it() -> None:
    text = ("宜昌市政协召开协商会。\n"
            "当天，襄阳市政协副主席段某率队前来观摩交流。段某介绍，襄阳市政协近年来着力构建“汉江圆桌会”协商机制。\n")
    assert _runs(text) == {(XIANGYANG, "汉江圆桌会")}


def test_a_committee_filling_a_cell_of_the_names_table_row_runs_it():
    codes = {"南阳市政协": "411300", "西峡县政协": "411323", "镇平县政协": "411324"}
    text = ("南阳市政协召开委员工作室建设推进会。\n附：名单\n名称\t所属政协\t负责人\n"
            "“伏牛菌香”委员工作室\t西峡县政协\t县政协副主席 庞秋菊\n"
            "“玉都匠心”委员工作室\t镇平县政协\t县政协委员 岳宝山\n"
            "“宛城商事”委员工作室\t南阳市政协 西峡县政协\t某某\n")
    runs = _runs(text, codes=codes)
    assert ("411323", "伏牛菌香") in runs and ("411324", "玉都匠心") in runs
    assert ("411300", "伏牛菌香") not in runs and ("411300", "玉都匠心") not in runs
    # a cell holding two committees says no one owner: the article's committee, as without a table
    assert ("411323", "宛城商事") not in runs


def test_a_group_the_article_lists_runs_what_the_group_makes() -> None:
    codes = {"上海市青浦区政协": "310118", "江苏省苏州市吴江区政协": "320509", "浙江省嘉善县政协": "330421",
             "嘉善县政协": "330421", "安徽省广德市政协": "341882"}
    text = ("上海市青浦区政协、江苏省苏州市吴江区政协、浙江省嘉善县政协三地政协主要负责同志，"
            "以及安徽省广德市政协代表参加。"
            "\n会议由嘉善县政协主席主持。她介绍，三地政协共同打造的“蓝色珠链同心议事会”已常态化运行。")
    assert _runs(text, codes=codes) == {("310118", "蓝色珠链同心议事会"), ("320509", "蓝色珠链同心议事会"),
                                        ("330421", "蓝色珠链同心议事会")}
    # a count that does not match the list defines no group: the article's committee, as before
    text2 = text.replace("三地政协主要", "两地政协主要")
    assert ("310118", "蓝色珠链同心议事会") not in _runs(text2, codes=codes)


def test_a_committee_supported_to_keep_its_brand_alive_runs_it() -> None:
    codes = {"平凉市政协": "620800", "静宁县政协": "620826", "泾川县政协": "620821"}
    text = ("平凉市政协2026年工作要点。\n指导县（市、区）政协打造特色品牌，支持静宁县政协继续擦亮“果乡议事坪”协商平台，"
            "支持泾川县政协培育“泾水同心汇”协商品牌。")
    assert _runs(text, codes=codes) == {("620826", "果乡议事坪"), ("620821", "泾水同心汇")}


def test_a_visitor_telling_of_what_it_has_made_runs_it() -> None:
    codes = {"抚松县政协": "220621", "靖宇县政协": "220622"}
    # (a forum's copy: a half-width full stop, no sentence break)
    text = ("抚松县政协在万良镇召开协商会。\n当天，靖宇县政协副主席尚立群率队来抚松观摩.尚立群介绍，"
            "靖宇县政协近年来培育了“靖宇议事坊”协商平台，希望开展联合调研。")
    assert _runs(text, codes=codes) == {("220622", "靖宇议事坊")}


def test_a_member_speaking_of_the_studio_he_belongs_to_gives_it_his_committee() -> None:
    text = ("襄阳市政协依托香菇产业建成“伏牛菌香”委员工作室。宜昌市政协委员、某药业公司总经理樊某某说，"
            "自己所在的“仲景康养”委员工作室把中医药界委员联合起来。")
    runs = _runs_with_person(text, "樊某某", _post("总经理", "other"), _post("委员", "cppcc", YICHANG))
    assert (YICHANG, "仲景康养") in runs and (XIANGYANG, "仲景康养") not in runs


def test_a_travelling_home_committee_keeps_its_platform_that_visitors_see() -> None:
    codes = {"宜昌市政协": YICHANG, "市政协": YICHANG, "襄阳市政协": XIANGYANG, "武汉市政协": WUHAN}
    text = ("今年以来，市政协坚持把“康乐议事堂”建设作为推动协商向基层延伸的重要抓手。\n"
            "8月5日，市政协副主席汤某带队赴武汉考察学习“江城议事厅”建设经验。\n"
            "8月26日，襄阳市政协副主席胡某一行来宜昌考察“康乐议事堂”运行情况。\n")
    runs = _runs(text, codes=codes)
    assert (YICHANG, "康乐议事堂") in runs
    assert (YICHANG, "江城议事厅") not in runs and (XIANGYANG, "康乐议事堂") not in runs


def test_a_proposal_an_officials_platform_and_anothers_experience_spread_run_nothing() -> None:
    # a member proposes what the government should do
    assert _runs("宜昌市政协召开协商会。委员建议实施县域商业“补链强链”工程，推动物流共享。") == set()
    # an official of a bureau shows his body's platform
    text = "宜昌市政协调研组来到示范园。市农业农村局副局长单某某现场演示了“数字田园”管理平台。"
    assert _runs_with_person(text, "单某某", _post("副局长", "other")) == set()
    # a committee member showing it is the committee's
    text2 = "宜昌市政协调研组来到示范园。市政协委员单某某现场演示了“委员田园”服务平台。"
    assert (YICHANG, "委员田园") in _runs_with_person(text2, "单某某", _post("委员", "cppcc", YICHANG))
    # spreading another's experience
    codes = {"湖北省政协": HUBEI, "省政协": HUBEI, "宜昌市政协": YICHANG}
    text3 = "宜昌市政协推出“季季谈”工作机制。\n省政协副主席说，省政协将在全省推广“季季谈”经验。"
    assert _runs(text3, codes=codes) == {(YICHANG, "季季谈")}


def test_we_in_an_answer_is_the_speakers_committee() -> None:
    text = ("湖北省政协召开新闻发布会。\n记者：今年有哪些重点？\n发布人向某某：委员会今年重点开展调研。"
            "我们联合省工商联开展了“民企发展 委员服务”专项活动，走访企业260家。\n")
    runs = _runs_with_person(text, "向某某", _post("副主任", "cppcc", HUBEI))
    assert runs == {(HUBEI, "民企发展委员服务")}
    # 我们 in a paragraph that no speaker's label opens says nothing of whose it is
    text2 = "宜昌市政协召开会议。\n记者了解到，我们联合省工商联开展了“民企发展 委员服务”专项活动。\n"
    assert (HUBEI, "民企发展委员服务") not in _runs(text2)


def test_anothers_experience_a_papers_title_and_an_officials_answer_run_nothing() -> None:
    codes = {"湖北省政协": HUBEI, "宜昌市政协": YICHANG, "市政协": YICHANG, "苍溪县政协": "510824"}
    text = ("苍溪县政协推出“梨乡监督哨”民主监督品牌。\n"
            "宜昌市政协副主席指出，下一步市政协将把“梨乡监督哨”的经验提交全市政协工作交流会。")
    assert _runs(text, codes=codes) == {("510824", "梨乡监督哨")}
    text2 = "宜昌市政协举办理论研讨会。获奖论文：\n《“沂蒙好商量”协商品牌建设的探索与思考》（作者：冀某某）\n"
    assert _runs(text2, codes=codes) == set()
    text3 = ("宜昌市政协召开提案办理协商会。\n市住建局局长卞某某回应，将在城区试点由社区、业委会和政协委员共同参与的"
             "“楼道议事会”，引导居民协商。")
    assert _runs_with_person(text3, "卞某某", _post("局长", "government")) == set()
    # the committee's own, spoken of by its chair, is still its own
    text4 = "宜昌市政协召开会议。\n市政协主席王某某表示，将持续擦亮“楼道议事会”品牌。"
    assert (YICHANG, "楼道议事会") in _runs_with_person(text4, "王某某", _post("主席", "cppcc", YICHANG))


def test_documents_a_committee_issues_proposals_to_go_on_and_members_beside_officials_keep_runners() -> None:
    assert _runs("宜昌市政协印发《关于深化“宜商量”协商品牌建设的实施意见》。") == {(YICHANG, "宜商量")}
    assert _runs("宜昌市政协召开会议。委员建议推进“宜商量”议事室建设。") == {(YICHANG, "宜商量")}
    text = "宜昌市政协调研组来到示范园。市农业农村局副局长单某某与委员李某某演示了“委员田园”服务平台。"
    doc = _doc(text)
    i, j = text.index("单某某"), text.index("李某某")
    official = Mention(PERSON, "person:单某某", "单某某", i, i + 3, "单某某", {"posts": [_post("副局长", "other")]})
    member = Mention(PERSON, "person:李某某", "李某某", j, j + 3, "李某某",
                     {"posts": [_post("委员", "cppcc", YICHANG)]})
    rels = relate(replace(doc, mentions=tuple(sorted(doc.mentions + (official, member), key=lambda m: m.start))))
    assert {(r.subject.partition(":")[2], r.object.partition(":")[2]) for r in rels} == {(YICHANG, "委员田园")}
