"""Regions: section headings of a digest, villages and towns named like a county (invented text)."""

from __future__ import annotations

from docs import make_doc
from kg import pipeline
from kg.model import COMMITTEE, Zone
from kg.recognise import regions
from kg.text import boilerplate


def found(text: str, **kw) -> list[tuple[str, str]]:
    return [(m.surface, m.label) for m in regions.recognise(make_doc(text, **kw))]


def test_village_or_town_named_like_a_county_is_no_region():
    # 隆安 alone is the county inside its topic province; 隆安村/隆安镇 are places of that name
    assert ("隆安", "隆安县") in found("广西南宁市政协组织委员到隆安调研。")
    assert all(label != "隆安县" for _, label in found("广西南宁市政协委员、隆安村党支部书记甘某某发言。"))
    assert all(label != "隆安县" for _, label in found("广西南宁市政协组织委员到隆安镇调研。"))
    # the division's own villages and towns (村镇, 镇村) are still the division's
    assert ("隆安", "隆安县") in found("广西南宁市政协组织委员到隆安村镇调研。")
    # and its people: 隆安村民 are the county's villagers, 村干部 its village cadres
    assert ("隆安", "隆安县") in found("广西南宁市政协委员走访隆安村民，听取意见。")
    assert ("隆安", "隆安县") in found("广西南宁市政协委员与隆安村干部座谈。")


def test_province_and_city_in_a_digest_heading():
    text = ("编者按：本版摘登几则地方政协履职动态，敬请关注。\n"
            "■ 湖南岳阳　“某某议事会”开进街区\n"
            "近日，岳阳市政协举办协商活动，委员们建言献策。\n"
            "■ 江西赣州　“某某行动”见成效\n"
            "今年以来，赣州市政协持续深化委员行动，成效明显。")
    lines = text.split("\n")
    kinds = boilerplate.line_kinds(lines)
    assert kinds[1] == kinds[3] == "heading"
    labels = [label for _, label in found(text, zones=boilerplate.zones(text))]
    assert "湖南省" in labels and "江西省" in labels and "岳阳市" in labels and "赣州市" in labels


def test_headlines_zone_still_skipped():
    text = "桂林市政协召开会议\n柳州市新闻"
    zones = (Zone(0, 9, "body"), Zone(10, len(text), "headlines"))
    assert found(text, zones=zones) == [("桂林市", "桂林市")]


def test_digest_headings_head_sections_and_not_the_article_topic(tmp_path):
    """A heading's places are its item's: bare 市政协 in each item is the city its heading names,
    never the first heading's city for the whole article."""
    f = tmp_path / "digest.txt"
    f.write_text("政协工作动态\n\n本期导读：各地政协履职动态。\n■ 湖南岳阳　协商议事进村组\n近日，市政协召开会议。\n"
                 "■ 江西赣州　委员助企行\n今年以来，市政协组织委员走访企业。\n", encoding="utf-8")
    _, doc = pipeline.process_path(str(f))
    assert [z.kind for z in doc.zones].count("heading") == 2  # (the shape the test is about)
    bare = [(m.start, m.label) for m in doc.mentions if m.cls == COMMITTEE and m.surface == "市政协"]
    second = doc.text.index("今年以来")
    assert [label for start, label in bare] == ["岳阳市政协", "赣州市政协"] and bare[1][0] > second
