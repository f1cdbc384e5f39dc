"""The stage runner: declarations enforced, bad input contained, workers and timing hook."""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from kg import pipeline
from kg.model import PERSON, Article, Doc, Mention

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))

_NAME = re.compile(r"([\u4e00-\u9fff]{2,3})(?:同志|委员)")


def toy_recognise(doc: Doc) -> Doc:
    """A stand-in recogniser (names before 同志/委员) so runner tests do not depend on the real ones."""
    found = tuple(Mention(PERSON, f"person:{m.group(1)}", m.group(1), m.start(1), m.end(1), m.group(1))
                  for m in _NAME.finditer(doc.text))
    return replace(doc, mentions=doc.mentions + found)


TOY_STAGES = pipeline.STAGES[:1] + (pipeline.Stage("toy", toy_recognise, ("text", "sentences"), ("mentions",)),)


def _article(text: str) -> Article:
    return Article(path="x.txt", doc_id="x-0", raw=text, content_hash="0" * 64, encoding="utf-8")


def test_run_stages_refuses_a_stage_whose_input_no_one_set():
    doc = replace(Doc(_article("甲")), sentences=None)  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="needs Doc.sentences"):
        pipeline.run_stages(doc, (pipeline.Stage("needs", lambda d: d, ("sentences",), ()),))


def test_a_stage_that_crashes_costs_one_article_not_the_build(monkeypatch, tmp_path):
    def boom(doc: Doc) -> Doc:
        raise ValueError("recogniser bug")

    monkeypatch.setattr(pipeline, "STAGES", (pipeline.Stage("boom", boom, ("text",), ()),))
    report, doc = pipeline.process_path(SEEDS[0])
    assert doc is None and report.status == "failed" and "recogniser bug" in report.reason


def test_an_unreadable_file_is_reported_not_raised(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report, doc = pipeline.process_path(str(empty))
    assert doc is None and report.status == "skipped" and report.reason


def test_results_come_back_in_input_order_with_two_workers(monkeypatch):
    monkeypatch.setattr(pipeline, "STAGES", TOY_STAGES)
    files = SEEDS * 2
    one = [(r.path, d.text if d else None) for r, d in pipeline.process_all(files, workers=1)]
    two = [(r.path, d.text if d else None) for r, d in pipeline.process_all(files, workers=2)]
    assert [p for p, _ in two] == files
    assert one == two


def test_a_shipped_result_is_the_same_doc_as_in_process(monkeypatch):
    monkeypatch.setattr(pipeline, "STAGES", TOY_STAGES)
    report, doc = pipeline.process_path(SEEDS[1])
    shipped_report, shipped_doc = pipeline.decode(pipeline.work(pipeline.Task(SEEDS[1])))
    assert shipped_doc == doc and shipped_report == report
    assert doc is not None and doc.mentions, "the toy recogniser should find names in a seed"


def test_timing_hook_records_every_stage_and_nothing_when_off():
    pipeline.enable_timing(False)
    pipeline.process_path(SEEDS[0])
    assert pipeline.take_timings() == {}
    pipeline.enable_timing(True)
    try:
        pipeline.process_path(SEEDS[0])
        got = pipeline.take_timings()
    finally:
        pipeline.enable_timing(False)
    for name in ["read", "normalise"] + [s.name for s in pipeline.STAGES]:
        assert got[name][1] == 1 and got[name][0] >= 0


def test_instrument_times_a_function_looked_up_at_call_time():
    class Owner:
        @staticmethod
        def f(x: int) -> int:
            return x + 1

    pipeline.instrument(Owner, "f", "part.f")
    pipeline.instrument(Owner, "f", "part.f")  # idempotent: not wrapped twice
    pipeline.enable_timing(True)
    try:
        assert Owner.f(1) == 2
        assert pipeline.take_timings()["part.f"][1] == 1
    finally:
        pipeline.enable_timing(False)


def _slow_spy(monkeypatch, log: Path, kill: str | None = None):
    """process_path, slowed down so that every process gets a share, noting which process took
    which file; a forked child given ``kill`` dies there (SIGKILL, as the OOM killer does)."""
    real, parent = pipeline.process_path, os.getpid()

    def spy(path):
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()} {path}\n")
        if path == kill and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.05)
        return real(path)

    monkeypatch.setattr(pipeline, "process_path", spy)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the spy reaches the children by fork")
def test_this_process_analyses_a_share_and_only_the_childrens_results_are_pickled(monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "STAGES", TOY_STAGES)
    _slow_spy(monkeypatch, tmp_path / "log")
    outcomes = list(pipeline.run_tasks([pipeline.Task(f) for f in SEEDS * 2], workers=2))
    assert [o.report.path for o in outcomes] == SEEDS * 2
    took = [line.split()[0] for line in (tmp_path / "log").read_text().splitlines()]
    assert len(took) == len(SEEDS) * 2 and len(set(took)) == 2 and str(os.getpid()) in took
    here = [o for o in outcomes if o.doc is not None]
    assert here and all(o.payload is None for o in here)  # analysed here: not pickled
    assert all(o.payload is not None for o in outcomes if o.doc is None)
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the spy reaches the children by fork")
@pytest.mark.parametrize("alongside", [True, False])
def test_a_child_that_dies_costs_its_article_not_the_build(monkeypatch, tmp_path, alongside):
    monkeypatch.setattr(pipeline, "STAGES", TOY_STAGES)
    victim = SEEDS[2]
    _slow_spy(monkeypatch, tmp_path / "log", kill=victim)
    outcomes = list(pipeline.run_tasks([pipeline.Task(f) for f in SEEDS], workers=3, alongside=alongside))
    assert [o.report.path for o in outcomes] == SEEDS
    lost = outcomes[SEEDS.index(victim)].report
    took = {line.split()[1]: line.split()[0] for line in (tmp_path / "log").read_text().splitlines()}
    if took[victim] == str(os.getpid()):  # this process took it (not alongside): analysed here
        assert not alongside and lost.status == "ok"
    else:
        assert lost.status == "failed" and "killed by signal 9" in lost.reason
    assert all(o.report.status == "ok" for o in outcomes if o.report.path != victim)
    assert multiprocessing.active_children() == []


def test_a_result_that_fails_to_ship_costs_its_article(monkeypatch):
    def unpicklable(obj):
        raise TypeError("cannot pickle")

    monkeypatch.setattr(pipeline._cache, "dumps", unpicklable)
    outcome = pipeline.guarded_work(pipeline.Task(SEEDS[0]))
    assert outcome.report.status == "failed" and "cannot pickle" in outcome.report.reason


def test_the_stages_leave_no_reference_cycles(tmp_path):
    """The analysis runs with the cyclic collector paused (kg.workflow.analyse: the docs pile up,
    and every full collection would walk them again), which is only safe while the per-article
    stages make no reference cycles: every object they make must die by reference counting."""
    from noise import noisy_copy

    files = SEEDS + sorted(str(p) for p in (ROOT / "tests" / "data" / "unseen").iterdir())
    for i, kind in enumerate(("gbk", "big5", "utf-16", "html")):  # the other readers and repairs
        data, suffix, _ = noisy_copy(Path(SEEDS[i]).read_text(encoding="utf-8"), seed=i, kind=kind)
        (tmp_path / f"noisy{i}{suffix}").write_bytes(data)
        files.append(str(tmp_path / f"noisy{i}{suffix}"))
    pipeline.process_path(files[0])  # dictionaries and caches are loaded once, on the first article
    gc.collect()
    gc.disable()
    try:
        results = [pipeline.process_path(f) for f in files]
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert all(doc is not None for _, doc in results)
    assert unreachable == 0


@pytest.mark.parametrize("other_thread", [False, True])
def test_the_analysis_pauses_the_collector_only_when_its_thread_is_alone(monkeypatch, other_thread):
    """The collector is the process's: with another thread alive (a server's, a notebook's, a
    Dask client's) a long analysis must not switch it off under that thread's feet."""
    import threading

    from kg import resolve, workflow

    seen = []

    def spy(self, doc):  # called in the analysis loop, as each article comes back
        seen.append(gc.isenabled())
        return real(self, doc)

    real = resolve.Resolver.add
    monkeypatch.setattr(resolve.Resolver, "add", spy)
    monkeypatch.setattr(pipeline, "STAGES", TOY_STAGES)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    if other_thread:
        thread.start()
    try:
        workflow.analyse(SEEDS[:1], workers=1)
    finally:
        stop.set()
    assert seen == [other_thread] and gc.isenabled()
