"""Running tasks in forked children: the export's way to use several cores on data it holds.

Why fork: a child gets the corpus (hundreds of megabytes of Python objects) for free, where a
pool would pickle it.  Only on Linux, and only from a process with no other thread (a forked
copy of a lock held by another thread never opens: a Dask client, a notebook's threads):
:func:`can_fork` says so.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def can_fork() -> bool:
    """Whether :func:`children` may fork here (Linux, no other thread)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


@contextmanager
def children(tasks: list[Callable[[], None]]) -> Iterator[Callable[[], None]]:
    """Run each task in a forked child; yields ``wait()``, which waits for them all and raises
    the first child's error here (an OSError stays an OSError: the CLI names the file).  A
    child ignores Ctrl-C (the parent decides); leaving the block early terminates them."""
    if not tasks:
        yield lambda: None
        return
    ctx = multiprocessing.get_context("fork")
    procs: list[tuple[Any, Any]] = []

    def wait() -> None:
        errors = []
        for proc, recv in procs:
            try:
                errors.append(recv.recv())
            except EOFError:  # died without a word (killed)
                errors.append(("RuntimeError", None, "an export process died", None))
            proc.join()
        for kind, errno, message, filename in (e for e in errors if e is not None):
            if kind == "OSError":
                raise OSError(errno, message, filename)
            raise RuntimeError(f"export process failed: {message}")

    try:
        # started inside the try: when a later fork fails (no memory, no file descriptor, a
        # second Ctrl-C), the children already running are stopped, not left writing files
        for task in tasks:
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_run, args=(task, send), daemon=True)
            try:
                proc.start()
            except BaseException:
                recv.close()
                raise
            finally:
                send.close()
            procs.append((proc, recv))
        yield wait
    finally:
        for proc, recv in procs:
            if proc.is_alive():
                proc.terminate()
            proc.join()
            recv.close()


def _run(task: Callable[[], None], send: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # terminated by the parent (another writer failed, a second Ctrl-C): unwind, so that
    # write_atomic removes its temporary file
    unwind_on_term()
    result: tuple[str, int | None, str, str | None] | None = None
    try:
        task()
    except OSError as exc:
        result = ("OSError", exc.errno, exc.strerror or str(exc), exc.filename)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        result = (type(exc).__name__, None, f"{type(exc).__name__}: {exc}", None)
    with contextlib.suppress(OSError):  # the parent may be gone
        send.send(result)
        send.close()


def unwind_on_term() -> None:
    """Make SIGTERM raise SystemExit in this process (a child its parent may stop), so that
    ``finally`` blocks run: a temporary file being written is removed, not left behind."""
    signal.signal(signal.SIGTERM, _exit_on_term)


def _exit_on_term(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def temporary_file(folder: str | os.PathLike, prefix: str = "", suffix: str = "") -> Iterator[tuple[int, str]]:
    """``tempfile.mkstemp``'s descriptor and name in ``folder``, for a file written and then
    renamed into place inside the block; removed when the block raises (it may already be
    closed, not yet renamed).

    The name is ``prefix`` + :func:`owner_tag` + random characters + ``suffix``: a file left
    by a process killed outright is known as such by a later build (:func:`remove_leftovers`).

    SIGTERM is held back while the file is made: a process that unwinds on it (a child its
    parent stops, :func:`unwind_on_term`) and got it inside ``mkstemp``, after the file is made
    and before its name is returned, would leave the file behind.  Held back, it arrives once
    the name is known here.  (Held in this thread: a child forked from this process has no
    other; a process with threads of its own, numpy's, may take it in one of those first.)
    """
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM}) if _MASKS else None
    tmp = None
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=prefix + owner_tag(), suffix=suffix, dir=folder)
        finally:
            if mask is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a SIGTERM held back arrives now
        yield fd, tmp
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


_MASKS = hasattr(signal, "pthread_sigmask")


def owner_tag() -> str:
    """``<pid>@<host>.``: put after a temporary file's prefix, it tells a later build whether the
    process that made the file is gone (:func:`remove_leftovers`).  Read when called: a forked
    child has a pid of its own."""
    return f"{os.getpid()}@{_host()}."


@functools.lru_cache(maxsize=1)
def _host() -> str:
    # the host name, without the characters a file name should not hold
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in socket.gethostname())[:40] or "host"


def remove_leftovers(folder: str | os.PathLike, prefixes: Iterable[str]) -> list[str]:
    """Remove what a killed process left in ``folder``: every file or folder named one of
    ``prefixes`` + :func:`owner_tag` of a process of this host that no longer runs (SIGKILL,
    a power cut: nothing ran to remove it).  A live process's files (another build writing
    to the same folder) and another host's (a shared disk: its processes cannot be asked) are
    kept.  Returns the names removed.

    >>> import tempfile, subprocess, sys
    >>> d = Path(tempfile.mkdtemp())
    >>> gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    >>> dead = f".graph.ttl.{int(gone.stdout)}@{_host()}.x1"
    >>> for name in (dead, f".graph.ttl.{owner_tag()}x2", f".graph.ttl.1@elsewhere.x3", ".graph.ttl.x4"):
    ...     _ = (d / name).write_bytes(b"")
    >>> remove_leftovers(d, [".graph.ttl."]) == [dead]
    True
    >>> sorted(p.name.split(".")[-1] for p in d.iterdir())
    ['x2', 'x3', 'x4']
    """
    host = _host()
    removed = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return removed
    for name in names:
        prefix = next((p for p in prefixes if name.startswith(p)), None)
        if prefix is None:
            continue
        pid_text, at, rest = name[len(prefix):].partition("@")
        if not at or not pid_text.isdigit() or not rest.startswith(host + ".") or _alive(int(pid_text)):
            continue
        path = Path(folder) / name
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:  # gone meanwhile, or not ours to remove: left as it is
            continue
        removed.append(name)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True
