"""kg.text.script's fast paths around OpenCC: the same output as OpenCC on every text.

The skips rest on facts about the installed ``t2s`` dictionaries (kg.text.opencc_facts): the
table of flag characters must be the one the dictionaries give, every character it leaves
out must come out of OpenCC as it went in, and random texts built from flags, dictionary
keys, line breaks and the characters OpenCC treats specially must convert the same.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import opencc
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.text import opencc_facts, script, t2s_table

T2S = opencc.OpenCC("t2s").convert
ROOT = Path(__file__).resolve().parent.parent


def _usable() -> bool:
    return opencc_facts.usable_flags(str(opencc_facts.config_path())) is not None


needs_table = pytest.mark.skipif(not _usable(), reason="the t2s table was made from another OpenCC: "
                                 "regenerate it with python -m kg.text.opencc_facts")


@lru_cache(maxsize=1)
def _entries() -> list[tuple[str, list[str]]]:
    return opencc_facts.entries(opencc_facts.config_path())


@needs_table
def test_table_is_the_dictionaries():
    assert opencc_facts.flags_of(_entries()) == t2s_table.FLAGS


@needs_table
def test_every_character_left_out_comes_out_as_it_went_in():
    """Alone, between two characters OpenCC changes, and before a line break: the skips
    hold for every BMP character outside the table and the special ones (the others are
    special)."""
    kept = re.compile(f"[{re.escape(t2s_table.FLAGS)}{opencc_facts.SPECIAL}]")
    for code in range(0x10000):
        c = chr(code)
        if kept.match(c):
            continue
        assert T2S(c) == c and T2S(f"漢{c}漢") == f"汉{c}汉" and T2S(f"{c}\n漢") == f"{c}\n汉", hex(code)


def test_the_generated_table_survives_an_editor_that_normalises_unicode():
    """Some editors save files in NFC, which replaces the CJK compatibility ideographs among
    the flags by their unified twins: the generator spells every such character as an escape,
    so the file's text is its own NFC and the table cannot change that way."""
    text = (ROOT / "kg" / "text" / "t2s_table.py").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert any(unicodedata.normalize("NFC", c) != c for c in t2s_table.FLAGS)  # (there are such flags)


def test_flags_of_refuses_what_the_skips_cannot_take():
    with pytest.raises(ValueError):
        opencc_facts.flags_of([("甲\n", ["乙\n"])])
    with pytest.raises(ValueError):
        opencc_facts.flags_of([("甲乙", ["丙"])])
    # a changing key without a changing character of its own is flagged by its first one
    assert opencc_facts.flags_of([("甲", ["乙"]), ("丙丁", ["丙戊"]), ("甲丁", ["乙丁"]), ("己", ["己"])]) == "丙甲"


@st.composite
def texts(draw) -> str:
    keys = [k for k, _ in _entries()]
    phrases = [k for k in keys if len(k) > 1]
    pieces = st.one_of(
        st.sampled_from(phrases), st.sampled_from(keys),
        st.sampled_from(t2s_table.FLAGS),
        st.sampled_from("政协委员会议的一不上年大有出名\n\n，。、？ ab1（）"),  # unflagged, line breaks
        st.sampled_from("⿰⿱⿲⿾⿿\u31ef\ufe00\ufe0f\U000e0100\U00020000\U0002f800\x00"),  # special
        st.characters(codec="utf-8"),
    )
    return "".join(draw(st.lists(pieces, max_size=draw(st.sampled_from([6, 12, 40])))))


@needs_table
@settings(max_examples=300, deadline=None)
@given(texts(), st.lists(st.integers(0, 60), max_size=4))
@example("⿰漢\nx", [0])  # a description sequence complete only with a line after the last flag
@example("⿰\n漢", [2])  # one that takes a line break: the next line's character is kept
@example("⿲\n\n漢", [3])
def test_t2s_is_opencc(text, picks):
    assert script.t2s(text) == T2S(text)
    positions = sorted({p % len(text) for p in picks}) if text else []
    probe = script.t2s_lines(text, positions)
    full = T2S(text)
    assert len(probe) == len(text)
    for p in positions:
        a, b = text.rfind("\n", 0, p) + 1, text.find("\n", p)
        b = len(text) if b < 0 else b
        assert probe[a:b] == full[a:b]
    assert [i for i, c in enumerate(probe) if c == "\n"] == [i for i, c in enumerate(full) if c == "\n"]


def test_surrogates_fail_as_opencc_does():
    for text in ("政协\ud800", "政協\n\udfff委員", "\ud800"):
        with pytest.raises(UnicodeEncodeError) as ours:
            script.t2s(text)
        with pytest.raises(UnicodeEncodeError) as theirs:
            T2S(text)
        assert str(ours.value) == str(theirs.value)


def test_t2s_without_the_table_is_opencc(monkeypatch):
    monkeypatch.setattr(script, "_scanners", lambda: None)
    for text in ("政協\n委員", "政协", ""):
        assert script.t2s(text) == T2S(text) and script.t2s_lines(text, [0]) == T2S(text)


def test_corpus_lines():
    """Every line of the seeds and the test articles, and each article whole."""
    for path in sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data").rglob("*.txt")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert script.t2s(text) == T2S(text), path
        for line in text.split("\n"):
            assert script.t2s(line) == T2S(line), path
