"""The incremental cache: reuse, invalidation, deletion, damage, location."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
from pathlib import Path

import pytest

from kg import cache as kcache
from kg import pipeline, rdf
from kg.workflow import analyse, to_graph
from tests.test_pipeline import SEEDS, TOY_STAGES


@pytest.fixture
def corpus_dir(tmp_path, monkeypatch):
    """Three seeds in a folder of their own, analysed with the toy recogniser."""
    monkeypatch.setattr(pipeline, "STAGES", TOY_STAGES)
    d = tmp_path / "in"
    d.mkdir()
    for s in SEEDS[:3]:
        shutil.copy(s, d)
    return d


def _build(inputs, cache_dir=None, workers=1):
    stats: dict = {}
    corpus = analyse(inputs, workers=workers, cache_dir=cache_dir, stats=stats)
    return corpus, rdf.turtle_bytes(to_graph(corpus).rdf), stats


def _people(corpus) -> set[str]:
    return {k for k in corpus.entities if k.startswith("person:")}


def test_second_build_reuses_every_article_and_gives_the_same_graph(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    c1, ttl1, s1 = _build([corpus_dir], cache)
    c2, ttl2, s2 = _build([corpus_dir], cache, workers=2)
    assert (s1["analysed"], s1["cached"]) == (3, 0)
    assert (s2["analysed"], s2["cached"]) == (0, 3)
    assert ttl1 == ttl2
    assert [r.__dict__ for r in c1.reports] == [r.__dict__ for r in c2.reports]
    assert _people(c1) and _people(c1) == _people(c2)


def test_adding_an_article_analyses_only_that_one(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    _build([corpus_dir], cache)
    shutil.copy(SEEDS[3], corpus_dir)
    corpus, ttl, stats = _build([corpus_dir], cache)
    assert (stats["analysed"], stats["cached"]) == (1, 3)
    assert ttl == _build([corpus_dir])[1], "cached build differs from a fresh one"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the spy reaches the worker by fork")
def test_a_rebuild_analyses_its_new_article_in_a_worker_while_the_cache_loads(corpus_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _build([corpus_dir], cache)
    shutil.copy(SEEDS[3], corpus_dir)
    pids = tmp_path / "pids"
    real = pipeline.process_path

    def spy(path):  # the forked worker inherits it: it notes which process analysed what
        with open(pids, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(path)

    monkeypatch.setattr(pipeline, "process_path", spy)
    corpus, ttl, stats = _build([corpus_dir], cache, workers=2)
    assert (stats["analysed"], stats["cached"]) == (1, 3)
    assert pids.read_text().split() != [str(os.getpid())] and len(pids.read_text().split()) == 1
    monkeypatch.setattr(pipeline, "process_path", real)
    assert ttl == _build([corpus_dir])[1], "cached build differs from a fresh one"


def test_a_build_stopped_early_leaves_no_worker(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    files = sorted(str(p) for p in corpus_dir.iterdir())
    list(pipeline.process_all(files[:1], cache=kcache.Cache(cache, pipeline.PIPELINE_VERSION)))
    results = pipeline.process_all(files, workers=2, cache=kcache.Cache(cache, pipeline.PIPELINE_VERSION))
    assert next(results)[0].path == files[0]  # from the cache; the workers have started meanwhile
    results.close()
    assert multiprocessing.active_children() == []


def test_deleting_an_article_removes_its_facts(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    before, _, _ = _build([corpus_dir], cache)
    victim = sorted(corpus_dir.iterdir())[0]
    victim_id = next(r.doc_id for r in before.reports if r.path == str(victim))
    victim.unlink()
    after, ttl, stats = _build([corpus_dir], cache)
    assert stats["cached"] == 2
    assert ttl == _build([corpus_dir])[1]
    assert all(ev.doc_id != victim_id for e in after.entities.values() for ev in e.evidence)
    assert all(r.path != str(victim) for r in after.reports)


def test_a_changed_article_is_analysed_again(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    _build([corpus_dir], cache)
    f = sorted(corpus_dir.iterdir())[0]
    f.write_text(f.read_text(encoding="utf-8") + "\n张新华委员发言。\n", encoding="utf-8")
    corpus, _, stats = _build([corpus_dir], cache)
    assert (stats["analysed"], stats["cached"]) == (1, 2)
    assert "person:张新华" in corpus.entities


@pytest.mark.parametrize("damage", [b"", b"KGC1" + b"\0" * 40, b"not a cache entry at all"])
def test_a_damaged_entry_is_ignored_and_recomputed(corpus_dir, tmp_path, damage):
    cache = tmp_path / "cache"
    _, ttl1, _ = _build([corpus_dir], cache)
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    assert len(entries) == 3
    entries[0].write_bytes(damage)
    _, ttl2, stats = _build([corpus_dir], cache)
    assert ttl2 == ttl1
    assert stats["cached"] == 2
    assert kcache.unwrap(entries[0].read_bytes()) is not None, "the damaged entry was not rewritten"


def test_a_valid_frame_with_a_bad_pickle_is_recomputed(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    _, ttl1, _ = _build([corpus_dir], cache)
    entry = sorted(p for p in cache.rglob("*") if p.is_file())[0]
    entry.write_bytes(kcache.wrap(b"\x80\x05garbage"))
    assert _build([corpus_dir], cache)[1] == ttl1


def test_key_depends_on_version_path_and_content(tmp_path):
    c = kcache.Cache(tmp_path, "1")
    k = c.key("a.txt", "00")
    assert len({k, c.key("b.txt", "00"), c.key("a.txt", "01"), kcache.Cache(tmp_path, "2").key("a.txt", "00")}) == 4
    assert c.dir.name.startswith("v1-") and kcache.source_hash()[:16] in c.dir.name


def test_prune_keeps_the_newest_versions(tmp_path):
    import os

    for i in range(6):
        d = tmp_path / f"v0-old{i}"
        d.mkdir()
        os.utime(d, (1000 + i, 1000 + i))
    c = kcache.Cache(tmp_path, "9")
    c.dir.mkdir(parents=True)
    c.prune()
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([c.dir.name, "v0-old5", "v0-old4"])


def test_default_location(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert kcache.default_cache_dir(tmp_path / "exports") == tmp_path / ".cache" / "cppcc-kg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert kcache.default_cache_dir(tmp_path / "exports") == tmp_path / "xdg" / "cppcc-kg"


def test_write_entry_on_a_read_only_place_only_costs_the_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    kcache.write_entry(blocker / "sub" / "entry", b"payload")  # parent is a file: silently not cached
    assert not (blocker / "sub").exists()


def test_file_digest_streams_and_refuses_oversized(tmp_path):
    f = tmp_path / "f.bin"
    f.write_bytes(b"a" * 3_000_000)
    assert kcache.file_digest(f) == __import__("hashlib").sha256(b"a" * 3_000_000).hexdigest()
    assert kcache.file_digest(f, max_bytes=1000) is None
    assert kcache.file_digest(tmp_path / "missing") is None
    assert kcache.file_digest(Path(tmp_path)) is None
