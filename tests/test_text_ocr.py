"""A scanned newsletter read by OCR (spaces scattered inside words and names, lines broken inside
sentences, pages left out of the extract), dated news briefs in a list, and transliterated names
the mojibake repair must leave alone (invented text)."""

from __future__ import annotations

from kg.model import Article
from kg.normalise import normalise
from kg.text import boilerplate


def _doc(raw: str):
    return normalise(Article("x.txt", "x", raw, "0" * 64, "utf-8"))


def _check_map(doc) -> None:
    for i, ch in enumerate(doc.text):
        assert doc.article.raw[doc.raw_starts[i]:doc.raw_ends[i]] == ch


OCR = ("《某县政协》2030年第3期\n\n— 1 —\n\n县政 协召开专题协商会。县政协党组书记、主席谢国明主持会议，"
       "县长钟\u3000建新到会讲话，县政协副主席周 慧敏，县农业农村局局长易\n德明等参加。\n\n— 3 —\n\n"
       "县政协委 员、某公司总经理龙秀兰作发言。\n\n— 4 —\n")


def test_ocr_spaces_and_broken_lines_are_joined_and_skipped_pages_dropped():
    doc = _doc(OCR)
    _check_map(doc)
    assert "县政协召开专题协商会" in doc.text and "钟建新" in doc.text and "周慧敏" in doc.text
    assert "局长易德明等参加" in doc.text and "县政协委员、某公司" in doc.text
    assert "— 3 —" not in doc.text  # pages 1, 3, 4: a page left out of the extract
    # normalising the result again changes nothing
    assert _doc(doc.text).text == doc.text


def test_spaces_between_han_characters_stay_in_ordinary_text():
    text = "县政协开展“委员进社区 服务零距离”活动。\n记者 江 玮\n党旗领航 履职增效\n"
    assert _doc(text).text == text  # no word that is never written apart is split: no OCR


def test_a_dated_brief_in_a_bullet_list_is_story_not_headlines():
    text = ("工作动态\n●8月5日，县政协副主席汤学文带队赴邻县政协考察学习。\n●8月20日，县政协召开常委会议。\n"
            "相关新闻\n● 县政协召开常委会议\n● 委员视察花炮产业\n")
    zones = boilerplate.zones(text, [])

    def kind_at(pos: int) -> str:
        return next(z.kind for z in zones if z.start <= pos < z.end)

    assert kind_at(text.index("汤学文")) == "body"
    assert kind_at(text.index("委员视察花炮产业")) == "headlines"


def test_transliterated_names_are_no_mojibake():
    for name in ("娜仁托娅", "萨仁高娃", "四郎降措", "敖日格乐", "禤景辉", "谯博远"):  # (and rare surnames)
        text = f"兴安盟政协举办讲座。自治区政协副主席{name}一行来调研。"
        doc = _doc(text)
        assert doc.text == text and doc.quality["mojibake_recovered"] == 0
    # real byte-shift mojibake is still recovered
    assert _doc("记者闭劶案惺埽时说").quality["mojibake_recovered"] >= 1


def test_a_committee_office_is_no_footer_and_an_authors_credit_with_posts_is_no_byline():
    text = ("研讨会获奖论文：\n《政协协商作用研究》（作者：巩俊伟，东营市政协研究室主任；"
            "仉欣然，利津县政协办公室副主任）\n"
            "政协办公室主任张三讲话\n本文作者简介（作者：李四）\n")
    zones = boilerplate.zones(text, [])

    def kind_at(pos: int) -> str:
        return next(z.kind for z in zones if z.start <= pos < z.end)

    assert kind_at(text.index("东营市政协")) == "body" and kind_at(text.index("张三")) != "footer"
    assert kind_at(text.index("李四")) == "byline"


def test_padded_labels_of_a_list_are_no_ocr_and_list_lines_keep_their_gaps():
    text = "委　员：丁一　王二　李三\n主　席：李小红　张建国\n"
    assert _doc(text).text == text
    # in OCR text, a list line keeps the gaps between its names
    ocr = "县政 协召开会议，县政协委 员出席。\n出席：丁一　王二　李三\n（责任编辑：聂 晓芸）\n"
    assert _doc(ocr).text == "县政协召开会议，县政协委员出席。\n出席：丁一　王二　李三\n（责任编辑：聂晓芸）\n"
