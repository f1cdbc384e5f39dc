"""``runs`` on the shapes held-out batch 6 showed: a subject committee after 明年 (据悉，明年某市政协
将推动“X”…) is the subject, not a modifier of the paragraph before; the article's committee gets
no initiative from the fallback alone when another committee runs it in its own sentence; a name
that is only the words of a sign (挂着“X”的牌子) gets no runner from the fallback.  Invented names,
real-looking sentences."""

from __future__ import annotations

import pytest
from test_runs import _runs as runs_of

CODES = {"湖北省政协": "420000", "宜昌市政协": "420500", "夷陵区政协": "420506", "市政协": "420500",
         "区政协": "420506"}


def _runs(text: str) -> set[tuple[str, str]]:
    return runs_of(text, codes=CODES, with_organs=True)


def test_next_year_opens_the_clause_of_its_subject() -> None:
    text = ("近日，宜昌市政协举办“峡江议事汇”协商活动。“峡江议事汇”是宜昌市政协着力叫响的协商品牌。"
            "夷陵区政协副主席柯立新介绍了区政协“委员进园区”活动开展情况。"
            "据悉，明年市政协将推动“峡江议事汇”向各县延伸。")
    got = _runs(text)
    assert ("420500", "峡江议事汇") in got and ("420506", "委员进园区") in got
    assert ("420506", "峡江议事汇") not in got


def test_fallback_gives_nothing_another_committee_runs_in_its_own_sentence() -> None:
    text = ("湖北省政协调研组赴宜昌开展“兴业富民 委员行动”专题调研。\n\n"
            "宜昌市政协主席出席。宜昌市政协打造“三峡同心”品牌。宜昌市政协委员发言。\n\n"
            "座谈会上，郑副主席指出，要坚持把“兴业富民 委员行动”作为重要抓手，久久为功。")
    got = _runs(text)
    assert ("420000", "兴业富民委员行动") in got
    assert ("420500", "兴业富民委员行动") not in got
    assert ("420500", "三峡同心") in got  # its own brand still is its own


def test_fallback_still_runs_what_nobody_else_runs() -> None:
    text = ("宜昌市政协主席出席。宜昌市政协委员发言。\n\n"
            "座谈会上，郑副主席指出，要坚持把“兴业富民 委员行动”作为重要抓手，久久为功。")
    assert _runs(text) == {("420500", "兴业富民委员行动")}


def test_a_sign_gets_no_runner_from_the_fallback() -> None:
    text = ("宜昌市政协主席出席。宜昌市政协委员发言。\n\n"
            "村里的委员联系点挂着“委员之家”的牌子，墙上贴着委员的电话。")
    assert not {r for r in _runs(text) if r[1] == "委员之家"}


@pytest.mark.parametrize("text", [
    # a consultation room is no department that creates things
    "宜昌市政协依托委员协商厅打造的“江岸议事会”，成为协商品牌。",
    # the committee's own special committee, named without 政协
    "宜昌市政协召开会议。委员们在提案委组织的“江岸议事会”上建言。",
    # 擦亮“X”招牌 praises a brand, it names no sign
    "宜昌市政协召开会议。会议要求，持续擦亮“江岸议事会”招牌。",
])
def test_shapes_that_name_no_other_creator_keep_the_committee(text: str) -> None:
    assert ("420500", "江岸议事会") in _runs(text)
