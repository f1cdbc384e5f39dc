"""The ordered stages, their declared inputs and outputs, and the runner.

Per-article stages are pure functions ``Doc -> Doc`` (``normalise`` turns the Article into a
Doc).  Each declares which ``Doc`` fields it needs and which it fills; the runner checks the
declaration before every stage, so a stage that forgets its job fails loudly in the tests
instead of silently producing an empty graph.  Corpus-wide work (resolve, RDF, exports) runs
once, after all articles (:mod:`kg.workflow`).

The runner (:func:`process_all`) is built for large corpora:

* this process and child processes (forked on Linux) share the articles, each taking the next
  one when it is free (in a rebuild this process loads the cached ones and takes none); a
  child's result travels as one pickled ``bytes`` per article (the same bytes are the cache
  entry) through its pipe; results come out in input order;
* with a cache (:mod:`kg.cache`), only articles whose bytes, path or code changed are
  analysed; the worker writes its entry as soon as the article is done, so a build that is
  killed resumes where it stopped;
* children ignore SIGINT (the parent handles Ctrl-C once and terminates them) and die with
  their parent on Linux, so an interrupted build leaves no orphan and prints no traceback; a
  child that dies costs the article it was analysing, reported as failed;
* a per-stage timing hook (:func:`enable_timing`) costs one ``is None`` test per stage when off.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection as mp_connection
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None  # type: ignore[assignment]

from kg import cache as _cache
from kg import forked
from kg import normalise as _normalise
from kg import read as _read
from kg import recognise as _recognise
from kg import relate as _relate
from kg import segment as _segment
from kg.model import Doc, FileReport

PIPELINE_VERSION = "2"
CACHE_MAX_BYTES = 64 << 20  # files larger than this are not news articles: never hashed nor cached


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Doc], Doc]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("segment", _segment.segment, requires=("text",), assigns=("sentences",)),
    Stage("recognise", _recognise.recognise, requires=("text", "sentences"), assigns=("mentions",)),
    Stage("relate", _relate.relate, requires=("mentions", "sentences"), assigns=("relations",)),
)

# ---------------------------------------------------------------------------------------------
# timing hook

_TIMINGS: dict[str, list[float]] | None = None  # name -> [seconds, calls]; None = off


def enable_timing(on: bool = True) -> None:
    """Switch the per-stage timing hook on (fresh counters) or off."""
    global _TIMINGS
    _TIMINGS = {} if on else None


def timing_enabled() -> bool:
    return _TIMINGS is not None


def take_timings() -> dict[str, list[float]]:
    """The counters gathered in this process since the last call (and reset them)."""
    global _TIMINGS
    if _TIMINGS is None:
        return {}
    out, _TIMINGS = _TIMINGS, {}
    return out


def add_timings(into: dict[str, list[float]], more: dict[str, list[float]]) -> None:
    for name, (secs, calls) in more.items():
        cur = into.setdefault(name, [0.0, 0])
        cur[0] += secs
        cur[1] += calls


def _record(name: str, secs: float) -> None:
    if _TIMINGS is not None:
        cur = _TIMINGS.setdefault(name, [0.0, 0])
        cur[0] += secs
        cur[1] += 1


@contextmanager
def timed(name: str) -> Iterator[None]:
    """Time a block under ``name`` when the hook is on."""
    if _TIMINGS is None:
        yield
        return
    t = time.perf_counter()
    try:
        yield
    finally:
        _record(name, time.perf_counter() - t)


def instrument(owner: Any, attr: str, name: str) -> None:
    """Replace ``owner.attr`` (a function looked up at call time, e.g. a recogniser in its
    module) by a wrapper that records its time under ``name``.  Used by the benchmark to split
    a stage into its parts without touching the stage's code."""
    func = getattr(owner, attr)
    if getattr(func, "_kg_timed", False):
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _TIMINGS is None:
            return func(*args, **kwargs)
        t = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            _record(name, time.perf_counter() - t)

    wrapper._kg_timed = True  # type: ignore[attr-defined]
    wrapper.__wrapped__ = func  # type: ignore[attr-defined]
    setattr(owner, attr, wrapper)


# ---------------------------------------------------------------------------------------------
# per-article work


def run_stages(doc: Doc, stages: Iterable[Stage] = STAGES) -> Doc:
    """Run ``stages`` over ``doc`` in order, checking each one's declared inputs."""
    for stage in stages:
        for name in stage.requires:
            if getattr(doc, name) is None:
                raise RuntimeError(f"stage {stage.name!r} needs Doc.{name}, which no stage before it set")
        if _TIMINGS is None:
            doc = stage.func(doc)
        else:
            t = time.perf_counter()
            doc = stage.func(doc)
            _record(stage.name, time.perf_counter() - t)
    return doc


def _counts(doc: Doc) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in doc.mentions:
        counts[m.cls] = counts.get(m.cls, 0) + 1
    counts["relations"] = len(doc.relations)
    return dict(sorted(counts.items()))


def process_path(path: str) -> tuple[FileReport, Doc | None]:
    """Read and analyse one file.  Never raises for bad input: the report says what happened."""
    try:
        with timed("read"):
            article = _read.read_article(path)
    except _read.UnreadableFile as exc:
        return FileReport(path=path, status="skipped", reason=str(exc)), None
    except Exception as exc:  # a reader bug on one file must not cost the others
        return FileReport(path=path, status="failed", reason=f"cannot read: {type(exc).__name__}: {exc}"), None
    try:
        with timed("normalise"):
            doc = _normalise.normalise(article)
        doc = run_stages(doc, STAGES)  # the global, looked up now: tests may plug in their own stages
    except Exception as exc:  # a bug on one article must not cost the others
        return FileReport(path=path, status="failed", reason=f"{type(exc).__name__}: {exc}",
                          doc_id=article.doc_id), None
    report = FileReport(path=path, status="ok", doc_id=article.doc_id, counts=_counts(doc),
                        warnings=list(article.warnings) + list(doc.warnings),
                        quality={"encoding": article.encoding, **dict(doc.quality)})
    return report, doc


@dataclass(frozen=True)
class Task:
    """One article to analyse: its path and, with a cache, where to store the result."""

    path: str
    cache_file: str | None = None


@dataclass
class Outcome:
    """What a worker sends back: the report, the pickled ``(report, doc)`` (None when the file
    was not analysed) and the worker's stage timings for this article.  In-process, the doc
    itself instead of its pickle (``doc``)."""

    report: FileReport
    payload: bytes | None = None
    timings: dict[str, list[float]] = field(default_factory=dict)
    doc: Doc | None = None


def work(task: Task, ship: bool = True) -> Outcome:
    """Analyse one task (in a worker, a Dask task or in-process) and store its cache entry.
    ``ship``: the result goes to another process, pickled; else it stays here as it is (a
    pickle there and back cost a second per 3,000 articles)."""
    report, doc = process_path(task.path)
    payload = None
    if doc is not None and (ship or task.cache_file is not None):
        payload = _cache.dumps((report, doc))
        if task.cache_file is not None:
            _cache.write_entry(task.cache_file, payload)
    if ship:
        return Outcome(report, payload, take_timings())
    return Outcome(report, None, take_timings(), doc)


def work_batch(tasks: list[Task]) -> list[Outcome]:
    """A list of tasks in one call (Dask: fewer, larger tasks)."""
    return [guarded_work(t) for t in tasks]


def decode(outcome: Outcome) -> tuple[FileReport, Doc | None]:
    """The (report, doc) of an outcome; a payload that does not unpickle becomes a failure."""
    if outcome.payload is None:
        return outcome.report, outcome.doc
    try:
        report, doc = _cache.loads(outcome.payload)
    except Exception as exc:  # noqa: BLE001 - a damaged payload costs one article, not the build
        return FileReport(path=outcome.report.path, status="failed", reason=f"bad result: {exc}"), None
    return report, doc


def _worker_init(timing: bool) -> None:
    """A child's set-up: ignore Ctrl-C (the parent handles it), unwind when the parent stops it
    (a cache entry being written is removed), collect garbage (the parent, which pauses the
    collector while results pile up, may have forked this worker then) and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    forked.unwind_on_term()
    gc.enable()
    enable_timing(timing)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def run_tasks(tasks: list[Task], workers: int = 1, alongside: bool = False) -> Iterator[Outcome]:
    """Outcomes of ``tasks`` in input order, in-process or shared with forked children.

    With ``workers`` > 1, ``workers - 1`` children start at once and this process is the last
    worker: every process takes the next task from a shared counter whenever it is free, so the
    shares adapt to what else this process does (it also decodes and resolves every result), and
    only the children's results are pickled.  ``alongside``: the caller has other work meanwhile
    (it loads cached articles), so all ``workers`` are children, this process takes no task, and
    even a single task goes to a child (a rebuild after one new article: the child loads jieba
    and analyses it while this process loads the cache); else one task is done here, when its
    outcome is asked for."""
    if workers <= 1 or len(tasks) < (1 if alongside else 2):
        return (guarded_work(t, ship=False) for t in tasks)
    if alongside:
        return _Shared(tasks, min(workers, len(tasks)), helps=False)
    return _Shared(tasks, min(workers - 1, len(tasks) - 1), helps=True)  # a task at least for each


def guarded_work(task: Task, ship: bool = True) -> Outcome:
    """:func:`work`, whose failure (a result that cannot be pickled, a bug outside the stages,
    which :func:`process_path` already contains) costs this one article, wherever it runs."""
    try:
        return work(task, ship)
    except Exception as exc:  # noqa: BLE001 - one article, not the build
        return Outcome(FileReport(path=task.path, status="failed", reason=f"{type(exc).__name__}: {exc}"))


def _claim(counter: Any, lock: Any, n: int, slots: Any = None, slot: int = 0) -> int | None:
    """The index of the next task nobody has taken (None: all taken), noted in ``slots[slot]``
    (a child's: the task it is on, should it die)."""
    with lock:
        i = counter.value
        if i >= n:
            return None
        counter.value = i + 1
        if slots is not None:
            slots[slot] = i
    return i


class _ClaimLock:
    """The lock around the shared task counter.  Where the system has them and the children are
    forked, a record lock (``fcntl.lockf``) on an unlinked temporary file, which the kernel
    releases when its holder dies: a child killed while it claims a task (the OOM killer,
    ``kill -9``) would leave a multiprocessing lock taken, and every other process waiting for
    it for ever.  Record locks belong to a process, so a forked child that inherits the file
    takes a lock of its own.  Elsewhere (Windows, other start methods), a multiprocessing lock."""

    def __init__(self, ctx: Any):
        self._fd: int | None = None
        self._lock: Any = None
        if fcntl is not None and ctx.get_start_method() == "fork":
            fd, path = tempfile.mkstemp(prefix="kg-claims-")
            os.unlink(path)  # (nothing to clean up, whatever ends the build)
            self._fd = fd
        else:
            self._lock = ctx.Lock()

    def __enter__(self) -> None:
        if self._fd is not None:
            fcntl.lockf(self._fd, fcntl.LOCK_EX)
        else:
            self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.lockf(self._fd, fcntl.LOCK_UN)
        else:
            self._lock.release()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _child(tasks: list[Task], counter: Any, lock: Any, slots: Any, slot: int, conn: Any, timing: bool) -> None:
    """A child's loop: take a task, send ``(index, outcome)``, until none is left."""
    _worker_init(timing)
    try:
        while (i := _claim(counter, lock, len(tasks), slots, slot)) is not None:
            conn.send((i, guarded_work(tasks[i])))
    finally:
        conn.close()


def _widen(conn: Any) -> None:
    """Let a child's pipe hold about a megabyte of results (Linux; else its default 64 KB): the
    child goes on while this process analyses an article of its own instead of reading."""
    size = getattr(fcntl, "F_SETPIPE_SZ", None)
    if size is not None:
        try:
            fcntl.fcntl(conn.fileno(), size, 1 << 20)
        except OSError:  # above /proc/sys/fs/pipe-max-size: the default then
            pass


class _Shared(Iterator[Outcome]):
    """The outcomes of tasks shared between child processes (forked on Linux) and (``helps``)
    this process, in input order.  A child that dies (the kernel's OOM killer, a crash in a C
    extension) costs the article it was analysing, reported as failed as soon as its pipe closes,
    not the build; the children are stopped when the outcomes are all taken or on ``close()``
    (which :func:`process_all` calls however it ends: a generator never started would not)."""

    def __init__(self, tasks: list[Task], children: int, helps: bool):
        ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
        self._tasks, self._helps = tasks, helps
        self._counter, self._lock = ctx.RawValue("q", 0), _ClaimLock(ctx)
        self._slots = ctx.RawArray("q", [-1] * children)  # the task each child took last
        self._k = 0  # the next outcome to give
        self._ready: dict[int, Outcome] = {}  # outcomes that came before their turn
        self._procs: list[Any] = []
        self._conns: dict[Any, int] = {}  # the pipes of the children still sending: their child
        try:
            for j in range(children):
                reader, writer = ctx.Pipe(duplex=False)
                self._conns[reader] = j
                _widen(writer)
                proc = ctx.Process(target=_child, daemon=True, args=(
                    tasks, self._counter, self._lock, self._slots, j, writer, timing_enabled()))
                try:
                    proc.start()
                finally:
                    writer.close()  # the child's alone: its end is the pipe's end
                self._procs.append(proc)
        except BaseException:
            self.close()
            raise

    def __next__(self) -> Outcome:
        k = self._k
        if k >= len(self._tasks):
            self.close()
            raise StopIteration
        while k not in self._ready:
            self._receive(block=False)
            if k in self._ready:
                break
            i = _claim(self._counter, self._lock, len(self._tasks)) if self._helps else None
            if i is not None:  # work here while outcome k is on its way
                self._ready[i] = guarded_work(self._tasks[i], ship=False)
            elif self._conns:
                self._receive(block=True)
            else:  # every child has ended before anyone took task k
                self._ready[k] = guarded_work(self._tasks[k], ship=False)
        self._k += 1
        return self._ready.pop(k)

    def _receive(self, block: bool) -> None:
        """Take what the children have sent (``block``: wait for a result or a child's end)."""
        for reader in mp_connection.wait(list(self._conns), timeout=None if block else 0):
            try:
                while True:
                    i, outcome = reader.recv()
                    self._ready[i] = outcome
                    if not reader.poll():
                        break
            except (EOFError, OSError):  # the child has ended (or died): what it sent is all here
                self._ended(self._conns.pop(reader))
                reader.close()

    def _ended(self, j: int) -> None:
        """Child ``j`` has ended: the task it took last came back, or it died analysing it."""
        i = self._slots[j]
        if i < self._k or i in self._ready:
            return
        proc = self._procs[j]
        proc.join(timeout=5)  # its pipe is closed: it has ended, or is about to
        code = proc.exitcode
        how = "no exit code" if code is None else f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        self._ready[i] = Outcome(FileReport(path=self._tasks[i].path, status="failed",
                                            reason=f"the process analysing it died ({how})"))

    def close(self) -> None:
        procs, self._procs = self._procs, []
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join()
        for reader in self._conns:
            reader.close()
        self._conns = {}
        self._lock.close()


def process_all(files: list[str], workers: int = 1, progress: bool = False,
                cache: _cache.Cache | None = None, dask: Any = None,
                timings: dict[str, list[float]] | None = None) -> Iterator[tuple[FileReport, Doc | None]]:
    """Process ``files`` (with ``workers`` processes, or on a Dask cluster); results come back
    in input order.  With ``cache``, unchanged articles are read from it (one at a time, when
    their turn comes, so memory does not hold them all) and only the others are analysed.
    Stage timings are added to ``timings`` when the hook is on."""
    keys = _cache_keys(files, cache)
    hit = {f for f, k in keys.items() if cache is not None and cache.path_for(k).is_file()}
    remote = dask is not None
    todo = [Task(f, None if remote or f not in keys else str(cache.path_for(keys[f])))  # type: ignore[union-attr]
            for f in files if f not in hit]
    if cache is not None:
        cache.hits, cache.misses = len(hit), len(todo)
        cache.prune()
    if remote:
        from kg import scale

        fresh: Iterator[Outcome] = scale.run_on_dask(todo, dask)
    else:
        fresh = run_tasks(todo, workers, alongside=bool(hit))
    bar = _progress_bar(len(files)) if progress else None
    try:
        for f in files:
            if f in hit:
                result = _from_cache(f, keys[f], cache)  # type: ignore[arg-type]
            else:
                outcome = next(fresh)
                if remote and cache is not None and outcome.payload is not None and f in keys:
                    _cache.write_entry(cache.path_for(keys[f]), outcome.payload)
                if timings is not None:
                    add_timings(timings, outcome.timings)
                result = decode(outcome)
            yield result
            if bar:
                bar.update()
    finally:
        close = getattr(fresh, "close", None)
        if close:
            close()
        if bar:
            bar.close()


def _cache_keys(files: list[str], cache: _cache.Cache | None) -> dict[str, str]:
    """The cache key of every file that can be hashed (none without a cache)."""
    if cache is None:
        return {}
    limit = min(getattr(_read, "MAX_BYTES", None) or CACHE_MAX_BYTES, CACHE_MAX_BYTES)
    keys = {}
    for f in files:
        digest = _cache.file_digest(f, max_bytes=limit)
        if digest is not None:
            keys[f] = cache.key(f, digest)
    return keys


def _from_cache(path: str, key: str, cache: _cache.Cache) -> tuple[FileReport, Doc | None]:
    """A cached result; a damaged or vanished entry is recomputed here and stored again."""
    payload = cache.get(key)
    if payload is not None:
        report, doc = decode(Outcome(FileReport(path=path, status="ok"), payload))
        if doc is not None:
            return report, doc
    cache.hits -= 1
    cache.misses += 1
    outcome = guarded_work(Task(path, str(cache.path_for(key))), ship=False)
    return decode(outcome)


def _progress_bar(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr)


def default_workers() -> int:
    """All the cores this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
