"""``runs`` on two shapes held-out batch 5 showed: an association whose name opens with a
committee's (全国政协某区委员联谊会) launches what it launches, not the committee; a special
committee named bare in a national meeting's report belongs to the national committee, not to the
provincial committee whose chair spoke last.  Invented names, real-looking sentences."""

from __future__ import annotations

from test_runs import _runs as runs_of

CODES = {"全国政协": "CN", "江苏省政协": "320000", "天津市政协": "120000", "湖北省政协": "420000"}


def _runs(text: str) -> set[tuple[str, str]]:
    return runs_of(text, codes=CODES, with_organs=True)


def test_association_named_after_the_committee_runs_what_it_launches() -> None:
    text = ("全国政协委员赴珠海调研。全国政协委员座谈交流。"
            "他透露，全国政协港区委员联谊会将于明年推出“委员进街坊”活动，组织委员走进社区。")
    assert _runs(text) == set()


def test_the_committee_itself_still_runs_what_it_launches() -> None:
    text = "全国政协委员赴珠海调研。他透露，全国政协将于明年推出“委员进街坊”活动，组织委员走进社区。"
    assert _runs(text) == {("CN", "委员进街坊")}


def test_a_collective_opening_a_clause_still_runs() -> None:
    text = "湖北省政协召开会议。会议要求，全省政协系统要持续深化“委员进街坊”活动。"
    assert _runs(text) == {("420000", "委员进街坊")}


NATIONAL_MEETING = ("全国政协召开双周协商座谈会。全国政协副主席邹明远主持会议。全国政协委员围绕议题建言。"
                    "全国政协常委韦立群发言。天津市政协主席卜文涛书面发言。\n"
                    "江苏省政协主席戈振邦介绍了江苏的做法。")


def test_a_bare_special_committee_in_a_national_meeting_is_the_national_one() -> None:
    text = NATIONAL_MEETING + "他还提到，经济委员会将在明年开展“绿色转型调研行”活动。"
    assert _runs(text) == {("CN", "绿色转型调研行")}


def test_a_bare_special_committee_in_a_provincial_article_stays_local() -> None:
    text = ("江苏省政协召开专题协商会。江苏省政协主席戈振邦讲话。全国政协常委韦立群出席。"
            "他还提到，经济委员会将在明年开展“绿色转型调研行”活动。")
    assert _runs(text) == {("320000", "绿色转型调研行")}
