"""kg.segment: sentences, paragraphs and zones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Article
from kg.normalise import normalise
from kg.segment import MAX_SENTENCE, segment


def sents(raw: str) -> list[tuple[str, int, str]]:
    doc = segment(normalise(Article("x.txt", "x", raw, "0" * 64, "utf-8")))
    return [(doc.text[s.start:s.end], s.paragraph, s.zone) for s in doc.sentences]


def test_quotes_close_with_their_sentence():
    out = sents("他说：“要深入学习。”近日，会议召开！委员们表示：“好！”\n第二段；第三句")
    assert [t for t, _, _ in out] == ["他说：“要深入学习。”", "近日，会议召开！", "委员们表示：“好！”", "第二段；",
                                      "第三句"]
    assert [p for _, p, _ in out] == [0, 0, 0, 1, 1]


def test_doubled_punctuation_still_ends_sentences():
    out = sents("會議召開,。委員出席,,發言")
    assert [t for t, _, _ in out] == ["会议召开。", "委员出席，发言"]


def test_sentences_carry_their_zone():
    raw = ("当前位置：首页 > 新闻\n市政协召开常委会议\n"
           "本报讯 会议听取了关于提案办理情况的报告，委员们围绕乡村振兴建言献策，会议强调要把协商成果转化为实际举措。\n"
           "版权所有 某某网\n")
    zones = {t: z for t, _, z in sents(raw)}
    assert zones["当前位置：首页 > 新闻"] == "nav"
    assert zones["市政协召开常委会议"] == "title"
    assert zones["版权所有 某某网"] == "footer"
    assert all(z == "body" for t, z in zones.items() if t.startswith("本报讯") or t.startswith("委员"))


def test_sentence_starting_with_lost_characters_keeps_its_zone():
    out = sents("当前位置：首页 > 新闻\n本报讯 会议召开。\n\ufffd\ufffd拓展委员联系群众渠道，市政协打造“某某”平台。")
    assert out[-1] == ("\ufffd\ufffd拓展委员联系群众渠道，市政协打造“某某”平台。", 2, "body")
    assert sents("\ufffd\ufffd")[0][2] == "lost"


def test_page_long_sentence_is_cut_at_a_comma():
    out = sents("委员们建言献策，" * 200)
    assert all(len(t) <= MAX_SENTENCE for t, _, _ in out)
    assert all(t.endswith("，") for t, _, _ in out[:-1])


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="政协。！？；“”\n ，a", max_size=300))
def test_sentences_are_ordered_inside_the_text_and_trimmed(raw):
    doc = segment(normalise(Article("x.txt", "x", raw, "0" * 64, "utf-8")))
    last = 0
    for s in doc.sentences:
        assert last <= s.start < s.end <= len(doc.text)
        piece = doc.text[s.start:s.end]
        assert piece == piece.strip() and "\n" not in piece
        last = s.end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 4)), max_size=12), st.integers(-2, 60))
def test_sentence_at_finds_the_sentence_that_holds_the_position(gaps_and_lengths, pos):
    """Sentences in order, maybe empty, maybe with gaps between them (as segment makes them):
    the one holding ``pos`` or None, as a scan over them all would answer."""
    from kg.model import Doc, Sentence

    sents, at = [], 0
    for gap, length in gaps_and_lengths:
        sents.append(Sentence(at + gap, at + gap + length, 0))
        at += gap + length
    doc = Doc(Article("x.txt", "x", "字" * at, "h", "utf-8"), "字" * at, sentences=tuple(sents))
    holding = [s for s in sents if s.start <= pos < s.end]
    assert doc.sentence_at(pos) == (holding[0] if holding else None)


def test_sentence_at_answers_every_position_of_a_real_article_like_a_scan():
    import pathlib

    from kg.pipeline import process_path

    seed = sorted(pathlib.Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))[0]
    _, doc = process_path(str(seed))
    assert doc is not None and len(doc.sentences) > 3
    for pos in range(-1, len(doc.text) + 1):
        holding = [s for s in doc.sentences if s.start <= pos < s.end]
        assert doc.sentence_at(pos) == (holding[0] if holding else None)
