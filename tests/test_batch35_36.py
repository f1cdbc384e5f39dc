"""The shapes blind batches 35 and 36 showed, on invented sentences: callings and posts (艺术大师,
归侨, 艺人, the Corps' 副师长), the surname 芶, and a members' team named as a programme
(“X 委员帮帮团”)."""

from __future__ import annotations

import pytest
from test_initiatives import _found
from test_people import make_doc, members, names

CITY = ("committee:360200", "景德镇市政协")


@pytest.mark.parametrize("text, name, member", [
    ("市政协常委、中国工艺美术大师王淑瑜介绍了议政团。", "王淑瑜", True),
    ("市政协委员、马来西亚归侨、某进出口公司总经理温碧霞提出建议。", "温碧霞", True),
    ("白族木雕艺人赵罗明一边挥动刻刀，一边介绍。", "赵罗明", False),
    ("第四师党委常委、副师长邰建华参加调研。", "邰建华", False),
    ("区文体广电旅游局局长芶天明回应了委员关切。", "芶天明", False),
])
def test_callings_posts_and_surnames(text: str, name: str, member: bool) -> None:
    doc = make_doc("景德镇市政协召开会议。" + text, {"市政协": CITY})
    assert names(doc) == [name]
    assert ((name, CITY[0]) in members(doc)) is member


def test_a_members_team_is_a_programme() -> None:
    assert _found("区政协还推出“鹿城民企 委员帮帮团”，由委员组成。") == {"鹿城民企 委员帮帮团": "Programme"}
