"""kg.read: encodings detected from bytes, HTML by content, bad files refused with a reason."""

from __future__ import annotations

import os
from pathlib import Path

import opencc
import pytest

from kg import read
from kg.read import UnreadableFile, expand_inputs, read_article

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
TEXT = "市政协召开十二届四次常委会议\n本报讯 会议听取了关于提案办理情况的报告，委员们围绕乡村振兴建言献策。\n"


def _seed_text(i: int) -> str:
    return SEEDS[i].read_text(encoding="utf-8")


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_every_seed_reads_back_from_every_encoding(tmp_path, enc, seed):
    text = _seed_text(seed)
    p = tmp_path / "article.dat"  # the extension says nothing
    p.write_bytes(text.encode(enc))
    art = read_article(p)
    assert art.raw == text
    assert art.encoding.replace("-sig", "").startswith(enc.replace("-sig", "")[:6])


def test_big5_where_the_text_allows(tmp_path):
    hant = opencc.OpenCC("s2t").convert(_seed_text(2))
    data = hant.encode("big5", errors="ignore")
    expected = data.decode("big5")
    p = tmp_path / "hant.txt"
    p.write_bytes(data)
    art = read_article(p)
    assert art.encoding == "big5" and art.raw == expected


def test_short_gbk_text_is_not_mistaken(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("gbk"))
    assert read_article(p).raw == TEXT


def test_html_recognised_by_content_with_title_and_date(tmp_path):
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>站点 - 新闻</title>"
            "<meta name='pubdate' content='2024-03-05 10:00'></head><body><h1>市政协召开常委会议</h1>"
            "<p>本报讯 会议召开。</p></body></html>")
    p = tmp_path / "page.txt"
    p.write_text(page, encoding="utf-8")
    art = read_article(p)
    assert art.media_type == "text/html" and art.raw == page
    assert art.title == "市政协召开常委会议" and art.date == "2024-03-05"


def test_plain_text_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("市政协召开常委会议\n2025年06月18日 14:54 来源：本报\n正文。\n", encoding="utf-8")
    art = read_article(p)
    assert art.media_type == "text/plain" and art.date == "2025-06-18"


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\r\n", "empty"),
    ("binary.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    ("nul.txt", "政协".encode() + b"\x00\x01\x02" + "委员会议".encode() * 3, "binary"),
    ("undecodable.txt", b"\x81\xff\xfe\x80" * 600, "undecodable"),
])
def test_bad_files_raise_with_a_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(UnreadableFile, match=reason):
        read_article(p)


def test_truncated_utf8_is_decoded_up_to_the_cut_with_a_warning(tmp_path):
    data = TEXT.encode("utf-8")
    cut = len(data) - 2  # inside the last character (a 3-byte 。 before the newline... or the newline's char)
    while data[cut] < 0xC0:
        cut -= 1
    p = tmp_path / "t.txt"
    p.write_bytes(data[:cut + 1])
    art = read_article(p)
    assert art.warnings and "truncated" in art.warnings[0]
    assert TEXT.startswith(art.raw)


def test_huge_file_refused_without_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # sparse
        fh.truncate(read.MAX_BYTES + 1)
    with pytest.raises(UnreadableFile, match="too large"):
        read_article(p)


def test_directory_named_like_a_file(tmp_path):
    d = tmp_path / "dir.txt"
    d.mkdir()
    with pytest.raises(UnreadableFile, match="directory"):
        read_article(d)
    files, problems = expand_inputs([tmp_path])
    assert str(d) not in files
    assert any(pr.path == str(d) and "directory" in pr.reason for pr in problems)


def test_symlink_loops_are_reported_not_followed(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    os.symlink(".", tmp_path / "sub")  # a folder link back to its parent
    files, problems = expand_inputs([tmp_path])
    assert files == [str(tmp_path / "good.txt")]
    assert [pr.reason for pr in problems if pr.path.endswith("loop.txt")] == ["symlink loop"]
    with pytest.raises(UnreadableFile, match="symlink loop"):
        read_article(tmp_path / "loop.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(TEXT, encoding="utf-8")
    os.chmod(p, 0)
    with pytest.raises(UnreadableFile, match="cannot read"):
        read_article(p)


def test_missing_input_reported():
    files, problems = expand_inputs(["/nonexistent/folder"])
    assert files == [] and problems[0].reason == "no such file or folder"
