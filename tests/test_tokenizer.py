"""The private jieba tokenizers: the dictionary is jieba's, however it is loaded."""

from __future__ import annotations

import marshal

import jieba

from kg import tokenizer


def test_plain_tokenizer_has_the_dictionary_jieba_initialize_loads():
    ours = tokenizer.plain_tokenizer()
    theirs = jieba.Tokenizer()
    theirs.initialize()
    assert tokenizer.load_cached_dictionary(jieba.Tokenizer())  # the fast way is the one taken
    assert ours.initialized
    assert ours.total == theirs.total
    assert ours.FREQ == theirs.FREQ
    assert ours.lcut("柳州市政协主席会议") == theirs.lcut("柳州市政协主席会议")


def _fresh(tmp_dir) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(tmp_dir)
    return tok


def test_cached_dictionary_is_read_from_jiebas_cache_file(tmp_path):
    (tmp_path / "jieba.cache").write_bytes(marshal.dumps(({"政协": 3, "政": 0}, 3)))
    tok = _fresh(tmp_path)
    assert tokenizer.load_cached_dictionary(tok)
    assert tok.initialized and tok.FREQ == {"政协": 3, "政": 0} and tok.total == 3


def test_no_or_damaged_cache_file_leaves_the_tokenizer_to_jieba(tmp_path):
    assert not tokenizer.load_cached_dictionary(_fresh(tmp_path))  # no file
    for junk in (b"", b"\x00garbage", marshal.dumps([1, 2]), marshal.dumps(({"a": 1}, "x")),
                 marshal.dumps(({"a": 1}, 1))[:-3]):
        (tmp_path / "jieba.cache").write_bytes(junk)
        tok = _fresh(tmp_path)
        assert not tokenizer.load_cached_dictionary(tok), junk
        assert not tok.initialized and not tok.FREQ


def test_a_custom_dictionary_or_cache_name_is_left_to_jieba(tmp_path):
    (tmp_path / "jieba.cache").write_bytes(marshal.dumps(({"政协": 3}, 3)))
    named = _fresh(tmp_path)
    named.cache_file = "other.cache"
    custom = jieba.Tokenizer(dictionary=str(tmp_path / "dict.txt"))
    custom.tmp_dir = str(tmp_path)
    assert not tokenizer.load_cached_dictionary(named)
    assert not tokenizer.load_cached_dictionary(custom)
