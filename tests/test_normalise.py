"""kg.normalise: clean Simplified text with every character traceable to the raw file."""

from __future__ import annotations

import difflib
import html as _html
import random
import re
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from noise import gbk_shift, misread

from kg.model import Article, Doc
from kg.normalise import normalise
from kg.read import read_article

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
S2T = opencc.OpenCC("s2t").convert
T2S = opencc.OpenCC("t2s").convert
HAN = re.compile(r"[\u3400-\u9fff]")


def art(raw: str, media: str = "text/plain") -> Article:
    return Article("x.txt", "x", raw, "0" * 64, "utf-8", media_type=media)


def check_map(doc: Doc) -> None:
    n, raw = len(doc.text), len(doc.article.raw)
    assert len(doc.raw_starts) == n == len(doc.raw_ends)
    for i in range(n):
        assert 0 <= doc.raw_starts[i] <= doc.raw_ends[i] <= raw
    for i in range(n - 1):
        assert doc.raw_starts[i] <= doc.raw_starts[i + 1] and doc.raw_ends[i] <= doc.raw_ends[i + 1]
    assert all(0 <= z.start < z.end <= n for z in doc.zones)
    assert all(a.end <= b.start for a, b in zip(doc.zones, doc.zones[1:], strict=False))


# --- small golden cases, in the style of CPPCC news ------------------------------------------

@pytest.mark.parametrize("raw,expected", [
    ("全國政協(xié)召開遠(yuǎn)程協(xié)商會(huì)", "全国政协召开远程协商会"),
    ("政協（ｘｉé）委員（ｗｅｉ）", "政协委员"),  # a page converted to full width
    ("下載（ａｐｐ）", "下载（app）"),
    ("專題調(mī)(diào)研", "专题调研"),  # two annotations in a row
    ("勇挑重?ｆù)擔", "勇挑重?担"),  # a broken one in full-width letters: the "?" stays (lost)
    ("《規劃(2024—2027)》市(州)政協(南宁)（记者 黄富强）", "《规划(2024—2027)》市(州)政协(南宁)（记者 黄富强）"),
    ("委员,,建言,。好,;新,、旧", "委员，建言。好；新、旧"),
    ("投稿热线:0771-8802228 14:54", "投稿热线：0771-8802228 14:54"),
    ("２０２４年ＧＤＰ增长", "2024年GDP增长"),
    ("你好！？好。。。", "你好！？好。。。"),
    ("政协\r\n委员\u200b会议\xa0召开", "政协\n委员会议 召开"),
])
def test_golden(raw, expected):
    doc = normalise(art(raw))
    assert doc.text == expected
    check_map(doc)


def test_pinyin_and_traditional_keep_the_map():
    raw = "協(xié)商會(huì)議"
    doc = normalise(art(raw))
    assert doc.text == "协商会议"
    assert [raw[s:e] for s, e in zip(doc.raw_starts, doc.raw_ends, strict=True)] == list("協商會議")
    assert doc.quality["pinyin_removed"] == 2 and doc.quality["script"] == "Hant"


def test_annotations_in_a_row_each_count():
    doc = normalise(art("專題調(mī)(diào)研"))
    assert doc.text == "专题调研" and doc.quality["pinyin_removed"] == 2


def test_doubled_mark_keeps_its_own_offset():
    raw = "建言,。好"
    doc = normalise(art(raw))
    i = doc.text.index("。")
    assert raw[doc.raw_starts[i]:doc.raw_ends[i]] == "。"


def test_gbk_shifted_run_is_recovered():
    # the shift runs through the name: the name comes back from the mojibake, not as it was
    noisy = "市政协召开常委会议。" + gbk_shift("。”談及感受，王嘉儀委員如是說") + "。"
    doc = normalise(art(noisy))
    check_map(doc)
    assert doc.quality["mojibake_recovered"] == 1
    assert "谈及感受" in doc.text and "嘉仪委员如是说" in doc.text
    i = doc.text.index("谈")
    assert doc.raw_starts[i] > len("市政协召开常委会议。")  # maps into the mojibake


SHIFTED = "委員們圍繞" + gbk_shift("聯合湖南省永州市、廣東", "pua") + "省肇慶市開展調研。"


def test_shifted_run_through_symbols_and_private_use_characters():
    """A run holding GBK symbols (``∮``) and user-defined codes (shown as private-use
    characters) is one window; the character whose first byte the shift ate is put back from
    its second byte where one character makes a word with its neighbour (聯合)."""
    assert "∮" in SHIFTED and re.search("[\ue000-\uf8ff]", SHIFTED)
    doc = normalise(art(SHIFTED))
    check_map(doc)
    assert doc.text == "委员们围绕联合湖南省永州市、广东省肇庆市开展调研。"
    assert doc.quality["mojibake_recovered"] == 1


def test_run_followed_by_digits_is_trimmed_not_lost():
    raw = "推動「委員幫幫團」" + gbk_shift("志願服務活動，服務", "replace") + "群眾3000餘人次。"
    doc = normalise(art(raw))
    check_map(doc)
    assert "活动" in doc.text and doc.text.endswith("群众3000余人次。")


def test_lone_second_bytes_completed_only_where_a_shift_was_seen():
    """``委T`` (委員 with the first byte of 員 eaten) is completed in a text with a recovered
    run; in clean text a letter between characters is a letter (A股)."""
    doc = normalise(art(SHIFTED + "全體委T參加，政f委員會議召開。"))
    check_map(doc)
    assert doc.text.endswith("全体委员参加，政协委员会议召开。")
    i = doc.text.index("全体委员") + 3
    assert doc.article.raw[doc.raw_starts[i]:doc.raw_ends[i]] == "T"
    for clean in ("他买了A股，做了B超和X光检查。", "全體委T參加。"):
        assert normalise(art(clean)).text == T2S(clean)
    quoted = normalise(art(SHIFTED + "打造“數字e路”平臺。")).text  # names with letters live in quotation marks
    assert quoted.endswith("打造“数字e路”平台。")


def test_punctuation_and_full_width_forms_read_as_text():
    """Chinese punctuation and full-width digits are not in the dictionary, yet they are text:
    a reading that turns them into characters must not look better for it."""
    from kg.text.charmodel import model
    from kg.text.mojibake import READS_WELL

    assert model().score("“２０２４”，；") > READS_WELL
    assert model().score("“２０２４”，；") > model().score("玻氨粎")


def test_kept_start_of_a_window_is_looked_at_again():
    once = normalise(art("闭劶案惺埽a闭劶案惺埽")).text
    assert normalise(art(once)).text == once


PARAGRAPHS = ["新华县政协召开常委会议，听取关于推进乡村振兴工作情况的通报，委员们围绕产业发展、"
              "人才引进和基层治理等议题建言献策，会议审议通过了相关决议。",
              "会议强调，要把协商成果转化为推动发展的实际举措，持续擦亮“有事好商量”协商品牌。",
              "县政协主席王某某主持会议并讲话。他指出，今年以来县政协紧扣中心工作，组织委员开展专题调研12次，"
              "提交调研报告8篇，推动解决了一批群众关心的实际问题。"]


def _hard_wrap(text: str, n: int) -> str:
    return "\n".join(line[i:i + n] for line in text.split("\n") for i in range(0, len(line), n))


@pytest.mark.parametrize("width", [17, 24, 31])
def test_hard_wrapped_text_is_rejoined(width):
    clean = "\n".join(PARAGRAPHS)
    raw = _hard_wrap(clean, width).replace("\n", "\r\n")
    doc = normalise(art(raw))
    check_map(doc)
    assert doc.text == clean  # inside a sentence, a name, a pair of quotation marks: joined; paragraphs apart
    assert doc.quality["lines_unwrapped"] == raw.count("\n") - (len(PARAGRAPHS) - 1)


def test_wrapping_keeps_full_stops_and_joins_name_dots():
    """A paragraph that ends exactly at the width stays apart from the next line (a footer
    glued to the story would hide it); a break before the dot of 某某·委员 is joined."""
    body = "\n".join(PARAGRAPHS[:2]) + "\n县政协今年以来持续着力精心造“山水·委员之家”平台，推动协商向基层延伸。"
    raw = _hard_wrap(body, 17)
    assert "\n·委员之家" in raw
    lines = raw.split("\n")
    lines[-1] = lines[-1] + "甲" * (17 - len(lines[-1]) - 1) + "。"  # the last line fills the width
    raw = "\n".join(lines) + "\n地址：某某路1号 邮编：100000"
    text = normalise(art(raw)).text
    assert text.endswith("。\n地址：某某路1号 邮编：100000")
    assert "精心造“山水·委员之家”平台" in text


def test_a_shorter_line_inside_a_wrapped_paragraph_that_stops_inside_a_word_is_joined():
    """A typeset page breaks some lines early (before a mark that may not start a line) and
    reflows the rest: a line of a wrapped paragraph that stops on a Han character, with a mark
    inside it, right after a full line, continues on the next one; a heading or a list line after
    a wrapped line, and a paragraph's last line (a mark), stay apart."""
    first, rest = PARAGRAPHS[0], "\n".join(PARAGRAPHS[1:])
    cut = 24 + 22  # the second line ends two characters early, inside a word (人才引进和基\n层治理)
    reflowed = [first[:24], first[24:cut]] + _hard_wrap(first[cut:], 24).split("\n")
    raw = "【概况】\n" + "\n".join(reflowed) + "\n" + _hard_wrap(rest, 24)
    doc = normalise(art(raw))
    check_map(doc)
    assert doc.text == "【概况】\n" + "\n".join(PARAGRAPHS)
    # a heading and a list line after a wrapped line that stops on a Han character stay apart
    names = "出席会议的有县政协主席王某某、副主席李某某、张某某、刘某某、陈某某、赵某某、孙某某、周某某"
    tail = "\n列席人员\n县政协各专委会主任\n附件\n"
    raw2 = _hard_wrap("\n".join(PARAGRAPHS), 24) + "\n" + _hard_wrap(names, 24) + tail
    text2 = normalise(art(raw2)).text
    assert text2.endswith(tail)


def test_hard_wrapped_by_display_columns():
    """Wrapped at 40 columns: a Chinese character is two, so lines hold 20 characters, or 19
    when a character did not fit after a digit."""
    line = ("2024年以来委员们共提交提案356件，立案312件，办复率100%，其中一批重点提案推动解决了群众急难愁盼问题。"
            "委员们还围绕新型城镇化、县域经济和生态保护开展民主监督3次，形成意见建议27条。")
    out, cur, width = [], "", 0
    for c in line:
        w = 1 if c.isascii() else 2
        if width + w > 40:
            out.append(cur)
            cur, width = "", 0
        cur += c
        width += w
    raw = "\n".join(out + [cur]) + "\n第二段很短。"
    assert normalise(art(raw)).text == line + "\n第二段很短。"


def test_menus_and_tables_are_not_wrapping():
    rows = ["2024年3月  常委会议  审议决议", "2024年5月  专题协商  形成报告", "2024年7月  民主监督  提出建议",
            "2024年9月  视察调研  反映民意"]
    raw = "\n".join(["首页 新闻 协商 履职"] * 5 + rows + ["以上为全年主要工作安排。"])
    assert normalise(art(raw)).text == raw


def test_text_misread_as_a_whole_is_read_back():
    """UTF-8 shown as Windows-1252 (``å®œ``) and saved: read back character for character,
    each character mapped to the three misread ones its bytes became."""
    clean = "\n".join(PARAGRAPHS)
    raw = misread(clean)
    doc = normalise(art(raw))
    check_map(doc)
    assert doc.text == clean and doc.quality["misread_as"] == "cp1252"
    i = doc.text.index("县")
    assert raw[doc.raw_starts[i]:doc.raw_ends[i]] == misread("县")
    gbk = normalise(art(clean.encode("utf-8").decode("gb18030", errors="replace")))
    assert gbk.quality["misread_as"] == "gb18030" and "推进乡村振兴工作情况的通报" in gbk.text


def test_accented_latin_is_not_a_misreading():
    raw = "Café Müller à Paris: naïve façade, crème brûlée, déjà vu. 政协委员参观了展览。"
    doc = normalise(art(raw))
    assert doc.text == raw and doc.quality["misread_as"] == ""


def test_rare_names_are_not_touched():
    raw = "本报通讯员林丕武、韦昱彤报道，委员覃炜妍出席。"
    doc = normalise(art(raw))
    assert doc.text == raw and doc.quality["mojibake_recovered"] == 0


def test_question_mark_runs_are_lost_zones():
    doc = normalise(art("会议由??主持，政协\ufffd\ufffd委员出席。"))
    lost = [doc.text[z.start:z.end] for z in doc.zones if z.kind == "lost"]
    assert lost == ["??", "\ufffd\ufffd"]


def test_zones_of_a_scraped_page():
    raw = ("某某政协网\n投稿热线:0000-1234567\n当前位置:首页 > 新闻\n- 另一条新闻标题在这里\n"
           "市政协召开十二届四次常委会议\n□ 本报记者 张三\n"
           "本报讯 会议听取了关于提案办理情况的报告，委员们围绕乡村振兴建言献策，"
           "会议强调要把协商成果转化为推动发展的实际举措。\n"
           "委员们表示将继续履职尽责。（记者 李四）\n编辑：王五\n版权所有 某某政协网\n联系电话：0000-1234567\n")
    doc = normalise(art(raw))
    kinds = {}
    for z in doc.zones:
        kinds.setdefault(z.kind, []).append(doc.text[z.start:z.end].strip())
    assert kinds["nav"][0].startswith("某某政协网") and "当前位置" in kinds["nav"][0]
    assert kinds["headlines"] == ["- 另一条新闻标题在这里"]
    assert kinds["title"] == ["市政协召开十二届四次常委会议"]
    assert "□ 本报记者 张三" in kinds["byline"] and "（记者 李四）" in kinds["byline"]
    assert "版权所有" in kinds["footer"][0]
    assert doc.article.title == "市政协召开十二届四次常委会议"


def test_html_body_with_offsets_into_the_source():
    page = ("<html><head><title>T</title><script>var a='政协';</script><style>p{}</style></head><body>"
            "<div class='nav-bar'>首页 新闻</div><h1>市政協(xié)召开会议</h1><p>委员&amp;专家 出席&nbsp;会议。</p>"
            "<div class=\"share\">分享到</div><footer>版权所有</footer></body></html>")
    doc = normalise(art(page, "text/html"))
    check_map(doc)
    assert doc.text.split("\n")[:2] == ["市政协召开会议", "委员&专家 出席 会议。"]
    assert "分享" not in doc.text and "版权" not in doc.text and "var" not in doc.text
    i = doc.text.index("&")
    assert page[doc.raw_starts[i]:doc.raw_ends[i]] == "&amp;"
    assert doc.quality["html"] is True


def test_html_table_rows_keep_their_cells_on_one_line():
    """A table's row is one record (名称 | 所属政协 | 负责人): its cells stay on one line, a tab
    apart; a layout table's cells that hold blocks still give their lines."""
    page = ("<html><body><p>附：名单</p><table>\n<tr><th>名称</th> <th>所属政协</th></tr>\n"
            "<tr>\n  <td>“伏牛菌香”委员工作室</td>\n  <td>西峡县政协</td>\n  <td>县政协副主席 庞秋菊</td>\n</tr>\n"
            "<tr><td><p>第一段。</p><p>第二段。</p></td><td>侧栏</td></tr></table></body></html>")
    doc = normalise(art(page, "text/html"))
    check_map(doc)
    row = "“伏牛菌香”委员工作室\t西峡县政协\t县政协副主席 庞秋菊"
    assert doc.text.splitlines() == ["附：名单", "名称\t所属政协", row, "第一段。", "第二段。", "侧栏"]
    i = doc.text.index("西峡")
    assert page[doc.raw_starts[i]:doc.raw_starts[i] + 5] == "西峡县政协"


# --- properties ------------------------------------------------------------------------------

PIECES = ["政协", "委员", "协商", "會議", "協(xié)", "(2024)", "(南宁)", "，", "。", ",", ",,", ",。", "、", "：", ":",
          "；", "“", "”", "\n", " ", "?", "??", "\ufffd", "２０", "Ａ", "a", "1", "<p>", "&amp;", "闭劶案惺埽", "\r\n",
          "\u3000", "（记者 张三）", "- ", "版权所有", "首页 > "]
noisy_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(noisy_text, st.text(max_size=300)))
def test_map_is_monotone_and_in_range(raw):
    check_map(normalise(art(raw)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(noisy_text, st.text(max_size=300)))
def test_normalising_twice_changes_nothing(raw):
    once = normalise(art(raw)).text
    assert normalise(art(once)).text == once


@pytest.mark.xfail(strict=True, reason="known: a byte-shifted run next to a Traditional character with pinyin "
                   "is left as it is, and repaired once the character is Simplified (the second pass)")
def test_normalising_twice_changes_nothing_next_to_traditional_pinyin():
    raw = "闭劶案惺埽協(xié)：闭劶案惺埽"  # found by the property above (pieces from PIECES)
    once = normalise(art(raw)).text
    assert normalise(art(once)).text == once


CLEAN = "政协委员会议召开广西南宁市区县主席常委提案调研协商民主监督履职建言献策乡村振兴发展工作年月日的了和在是我们"
clean_text = st.lists(st.sampled_from(list(CLEAN) + ["，", "。", "、", "；", "：", "“", "”", "《", "》", "（", "）",
                                                      "\n", "2024", "——"]), max_size=200).map("".join)


@settings(max_examples=200, deadline=None)
@given(clean_text.filter(lambda t: not re.search(r"[，。、；：]{2}", t)))
def test_clean_simplified_passes_through_unchanged(raw):
    doc = normalise(art(raw))
    assert doc.text == raw
    assert list(doc.raw_starts) == list(range(len(raw)))


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="<>/=\"' abcdiv&;#x0123政协。\n", max_size=400))
def test_html_scanner_never_breaks_the_map(src):
    check_map(normalise(art("<html><body>" + src, "text/html")))


# --- the seeds -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_seed_character_maps_back(path):
    doc = normalise(read_article(path))
    check_map(doc)
    raw = doc.article.raw
    odd = 0
    for i, c in enumerate(doc.text):
        piece = raw[doc.raw_starts[i]:doc.raw_ends[i]]
        assert piece, f"character {i} {c!r} maps to nothing"
        if HAN.match(c) and len(piece) == 1 and c not in (piece, T2S(piece)):
            odd += 1  # phrase-level conversion may differ from the character's own
    assert odd <= len(doc.text) // 500
    assert doc.zones and doc.zones[0].start == 0 and doc.zones[-1].end == len(doc.text)
    assert doc.quality["lines_unwrapped"] == 0  # news paragraphs are not hard wrapping


def _strip(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_same_text_from_other_encodings_and_html(tmp_path, path):
    text = path.read_text(encoding="utf-8")
    ref = normalise(read_article(path)).text
    for enc in ("gb18030", "utf-16", "utf-16-le"):
        p = tmp_path / f"a.{enc}"
        p.write_bytes(text.encode(enc))
        assert normalise(read_article(p)).text == ref, enc
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>标题</title></head><body>"
            "<div class='share'>分享到 微信</div>"
            + "".join(f"<p>{_html.escape(line)}</p>\n" for line in text.split("\n"))
            + "<footer>版权所有 某网站</footer></body></html>")
    p = tmp_path / "a.html"
    p.write_text(page, encoding="utf-8")
    doc = normalise(read_article(p))
    check_map(doc)
    assert _strip(doc.text) == _strip(ref)


def _noisy_copy(clean: str, rng: random.Random) -> str:
    """Traditional + pinyin after some characters + doubled punctuation + one GBK-shifted span."""
    hant = S2T(clean)
    out = []
    for c in hant:
        out.append(c)
        if HAN.match(c) and rng.random() < 0.08:
            out.append(rng.choice(["(xié)", "(huì)", "(guó)", "(zhèng)"]))
        elif c == "，" and rng.random() < 0.3:
            out[-1] = rng.choice([",,", ",，"])
        elif c == "。" and rng.random() < 0.3:
            out[-1] = ",。"
    noisy = "".join(out)
    lines = noisy.split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    line = lines[k]
    a = len(line) // 2
    span = line[a:a + 12]
    if all(HAN.match(c) for c in span):
        lines[k] = line[:a] + gbk_shift(span) + line[a + 12:]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", [0, 2])
def test_noisy_copy_normalises_back(seed):
    clean = SEEDS[seed].read_text(encoding="utf-8")
    ref = normalise(art(clean)).text
    noisy = _noisy_copy(clean, random.Random(seed))
    doc = normalise(art(noisy))
    check_map(doc)
    ratio = difflib.SequenceMatcher(None, doc.text, ref, autojunk=False).ratio()
    assert ratio >= 0.99, ratio
    assert doc.quality["pinyin_removed"] > 0 and doc.quality["punctuation_repaired"] > 0


def test_the_character_model_cache_is_named_by_the_dictionary_s_content(tmp_path, monkeypatch):
    """A new environment installs the same dictionary with a new modification time: it must
    find the model already cached, not write one more file."""
    import os

    from kg.text import charmodel

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("政协 5 n\n", encoding="utf-8")
    b.write_text("政协 5 n\n", encoding="utf-8")
    c.write_text("协商 5 v\n", encoding="utf-8")
    os.utime(b, (1, 1))
    assert charmodel._cache_file(a) == charmodel._cache_file(b) != charmodel._cache_file(c)


def test_old_character_models_are_pruned(tmp_path):
    import os

    from kg.text import charmodel

    for i in range(6):
        f = tmp_path / f"charmodel-v3-{i}.pickle"
        f.write_bytes(b"x")
        os.utime(f, (1000 + i, 1000 + i))
    (tmp_path / "other.pickle").write_bytes(b"x")
    charmodel._prune(tmp_path, keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "charmodel-v3-3.pickle", "charmodel-v3-4.pickle", "charmodel-v3-5.pickle", "other.pickle"]
