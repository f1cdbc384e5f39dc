"""Meetings, on made-up sentences."""

from __future__ import annotations

from kg.model import MEETING
from kg.recognise import meetings
from tests.test_people import make_doc

JIANGXI = {"省政协": ("committee:360000", "江西省政协"), "市政协": ("committee:360700", "赣州市政协")}


def got(text, committees=None):
    committees = JIANGXI if committees is None else committees
    return [(m.label, m.attrs["committee"]) for m in meetings.recognise(make_doc(text, committees))
            if m.cls == MEETING]


def test_session_meeting_label_is_committee_plus_numbering():
    assert got("市政协五届三次会议开幕。") == [("赣州市政协五届三次会议", "committee:360700")]


def test_session_meeting_with_holding_verb():
    res = got("省政协召开十三届二十次主席会议。")
    assert res == [("江西省政协十三届二十次主席会议", "committee:360000")]


def test_named_meeting_with_subject_committee():
    assert got("市政协召开民营经济发展座谈会，听取意见。") == [("民营经济发展座谈会", "committee:360700")]


def test_named_meeting_keeps_quoted_qualifier_and_party_de():
    res = got("近日，全省政协党的建设工作座谈会召开。刘明在全省政协“乡村振兴 委员行动”推进会上提出要求。", {})
    assert [label for label, _ in res] == ["全省政协党的建设工作座谈会", "全省政协“乡村振兴委员行动”推进会"]


def test_bare_meeting_words_and_committee_names_are_not_meetings():
    assert got("举办座谈会，中国人民政治协商会议江西省委员会，县政协主席会议成员联系企业。") == []


def test_same_session_one_key_across_forms():
    a = meetings.recognise(make_doc("市政协五届三次会议开幕。", JIANGXI))
    b = meetings.recognise(make_doc("赣州市政协五届三次会议闭幕。", {"赣州市政协": JIANGXI["市政协"]}))
    assert a[0].key == b[0].key


def test_meeting_without_committee_is_keyed_by_article():
    (m,) = meetings.recognise(make_doc("会议讨论了七届八次常委会议的议程。", {}))
    assert m.key == "meeting:t/七届八次常委会议" and m.attrs["committee"] == ""


def test_no_meeting_inside_a_document_title():
    assert got("作《关于办好妈祖文化论坛的建议》的发言。", {}) == []


def test_an_association_of_members_is_no_meeting_but_a_gathering_is():
    # 联谊会 after the members it gathers is their association (an organisation of its own)
    assert got("全国政协港区委员联谊会推出“委员进校园”活动。", {}) == []
    assert got("市政协港澳委员联谊会成立。") == []
    assert [label for label, _ in got("市政协举办新春联谊会，委员们欢聚一堂。")] == ["新春联谊会"]
