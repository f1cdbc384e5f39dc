"""Committee organs and other organisations, on made-up sentences."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.model import ORGAN, ORGAN_OF, ORGANISATION
from kg.recognise import meetings, organs
from kg.relate_people import relate
from tests.test_people import make_doc

YUNNAN = {"省政协": ("committee:530000", "云南省政协"), "市政协": ("committee:530100", "昆明市政协")}


def found(doc, cls):
    return [(m.key, m.label) for m in organs.recognise(doc) if m.cls == cls]


def test_organ_after_committee_has_committee_in_key_and_label():
    doc = make_doc("省政协经济委员会组织委员赴企业调研。", YUNNAN)
    assert found(doc, ORGAN) == [("organ:530000/经济委员会", "云南省政协经济委员会")]
    rels = relate(replace(doc, mentions=doc.mentions + tuple(organs.recognise(doc))))
    assert [(r.predicate, r.subject, r.object) for r in rels] == [(ORGAN_OF, "organ:530000/经济委员会",
                                                                    "committee:530000")]


def test_party_group_but_not_party_organisation():
    doc = make_doc("市政协党组召开专题会议，全市各级政协党组织同步学习。", YUNNAN)
    assert found(doc, ORGAN) == [("organ:530100/党组", "昆明市政协党组")]


def test_sector_studio_takes_context_committee():
    doc = make_doc("市政协召开界别工作座谈会。民盟界别委员工作室当天挂牌。", YUNNAN)
    assert ("organ:530100/民盟界别委员工作室", "昆明市政协民盟界别委员工作室") in found(doc, ORGAN)


def test_other_organisations():
    doc = make_doc("九三学社和工商联参加协商，滇池花卉有限公司获评示范企业，荣获人民政协报社表彰。", YUNNAN)
    keys = [k for k, _ in found(doc, ORGANISATION)]
    assert keys == ["org:九三学社", "org:工商联", "org:滇池花卉有限公司", "org:人民政协报"]


def test_company_name_stops_at_verbs_and_titles():
    doc = make_doc("基金会秘书长赵丽代表春城建设集团发言。", YUNNAN)
    assert [k for k, _ in found(doc, ORGANISATION)] == ["org:春城建设集团"]


def test_a_partner_preposition_and_the_committee_before_it_are_not_part_of_the_name():
    for text, key in (("市政协联合昆明市广播电视台开办《委员说》栏目。", "org:昆明市广播电视台"),
                      ("联合昆明市广播电视台开办《委员说》栏目。", "org:昆明市广播电视台"),
                      ("省政协协同春城晚报开设专栏。", "org:春城晚报"),
                      ("市政协携手滇池花卉有限公司开展活动。", "org:滇池花卉有限公司")):
        doc = make_doc(text, YUNNAN)
        [m] = [m for m in organs.recognise(doc) if m.cls == ORGANISATION]
        assert m.key == key
        assert text[m.start:m.end] == m.surface == key.removeprefix("org:")  # the span is the name
    # inside a name the word stays, and the CPPCC's own paper keeps 政协
    doc = make_doc("委员所在的滇池联合化工有限公司获评示范企业，人民政协报刊发报道。", YUNNAN)
    assert [k for k, _ in found(doc, ORGANISATION)] == ["org:滇池联合化工有限公司", "org:人民政协报"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["政协", "机关党组", "机关党委", "党组", "党组织", "办公厅", "各级", "市", "经济",
                                 "专门", "委员会", "界别委员工作室", "民革", "有限公司", "日报", "网", "人民政协",
                                 "某某", "，", "会议", "常委会会议", "论坛", "培训班", "会会", "座谈会", "主席",
                                 "议", "成员"]), max_size=10))
@example(["市", "政协", "党组"])
@example(["经济", "委员会"])
@example(["经济", "专门", "委员会"])
@example(["某某", "有限公司", "，", "人民政协", "日报"])
@example(["民革", "界别委员工作室"])
@example(["主席", "会议", "座谈会", "论坛", "培训班"])
@example(["常委会会议", "会会", "议"])
def test_anchored_scans_find_what_the_regexes_find(parts):
    # the anchors of a near-only scan must be a superset of the regex's match starts (the
    # meeting words' too: a wrong offset in meetings._WORD_ANCHORS misses a word)
    text = "".join(parts)
    for regex, anchors in ((organs._bare_organ_re(), organs._bare_organ_anchors()),
                           (organs._org_re(), organs._org_anchors()),
                           (meetings._WORD_RE, meetings._WORD_ANCHORS)):
        near = organs._finditer_near(regex, text, anchors)
        assert [m.span() for m in near] == [m.span() for m in regex.finditer(text)], text
