"""The shapes blind batches 33 and 34 showed, on invented sentences: Mongolian name elements
(孟克, 德力格尔, 苏日娜) and a name before 近日, the surnames 畅 and 呼, and a rare surname after
a weak title whose chain of posts holds a membership (区政协常委、某律师事务所主任虎某某说)."""

from __future__ import annotations

import pytest
from test_people import make_doc, members, names

BANNER = ("committee:150627", "伊金霍洛旗政协")


@pytest.mark.parametrize("text, name", [
    ("旗政协委员、某煤炭企业董事长孟克吉雅近日提出提案。", "孟克吉雅"),
    ("旗政协常委、旗人民医院蒙医科主任宝音德力格尔则关注牧区。", "宝音德力格尔"),
    ("旗政协委员、某生态牧业合作社理事长苏日娜建议，推广新模式。", "苏日娜"),
    ("旗政协常委、某律师事务所主任虎玉兰说，这一机制很好。", "虎玉兰"),
    ("旗政协委员、某景区讲解员呼晓梅讲述了故事。", "呼晓梅"),
    ("旗政协副主席畅立明出席。", "畅立明"),
])
def test_names_of_batches_33_34(text: str, name: str) -> None:
    doc = make_doc("伊金霍洛旗政协召开会议。" + text, {"旗政协": BANNER})
    assert names(doc) == [name]
    assert members(doc) == {(name, BANNER[0])}


def test_a_rare_surname_after_a_weak_title_without_a_membership_is_none() -> None:
    assert names(make_doc("旗政协召开会议。某公司经理纳入考核。主任虎视眈眈。", {"旗政协": BANNER})) == []


def test_a_unit_before_its_heads_title_is_no_name() -> None:
    doc = make_doc("旗政协召开会议。一封信寄到了旗政协委员、旗人民医院康复科主任刘沁芳手中。", {"旗政协": BANNER})
    assert names(doc) == ["刘沁芳"]


def test_a_members_tea_talk_is_a_brand() -> None:
    from test_initiatives import _found

    assert _found("6月11日，市政协“都梁委员茶叙”第八期在古城开讲。") == {"都梁委员茶叙": "Brand"}
