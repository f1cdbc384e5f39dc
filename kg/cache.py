"""The incremental cache: one file per analysed article, so a rebuild redoes only what changed.

Why a per-article cache and not a cached graph: the graph is always ``resolve`` of the
*current* inputs, so adding an article costs one article's analysis plus one resolve, and
deleting an article removes its facts with no bookkeeping at all.

Key of an entry = sha256 of

* ``PIPELINE_VERSION`` (bumped by hand when the output format of the stages changes),
* a hash of every file of the ``kg`` package (any code or data change invalidates everything:
  engineers edit the recognisers all day, and a stale cache must never hide their change),
* the path as given (the Doc records it), and
* the sha256 of the file's bytes.

Layout: ``<cache dir>/<version tag>/<key[:2]>/<key>``, where the version tag is the pipeline
version plus the first hex digits of the source hash; on each build the oldest version folders
beyond :data:`KEEP_VERSIONS` are removed, so the cache does not grow with every code edit.

An entry is ``MAGIC + sha256(payload) + payload`` written to a temporary file and renamed: a
build killed at any moment leaves either the whole entry or none, and an entry damaged some
other way (disk full, a hand edit) fails the digest check and is recomputed.  The payload is a
pickle: only point ``--cache-dir`` at a folder that you alone can write.

Default location (:func:`default_cache_dir`): ``$XDG_CACHE_HOME/cppcc-kg`` when that variable
is set, else ``.cache/cppcc-kg`` in the parent folder of the output folder (next to the
exports, so that a project's cache travels with the project and a ``rm -r`` removes it).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import forked

MAGIC = b"KGC1"
KEEP_VERSIONS = 3
_HASH_CHUNK = 1 << 20
_PKG_DIR = Path(__file__).resolve().parent
_SOURCE_SUFFIXES = {".py", ".rq", ".json", ".txt", ".csv", ".tsv", ".ttl", ".js", ".css", ".html", ".gz", ".pkl"}


@lru_cache(maxsize=1)
def source_hash() -> str:
    """sha256 over the package's own files (path and bytes), computed once per process.

    >>> len(source_hash())
    64
    """
    h = hashlib.sha256()
    for p in sorted(_PKG_DIR.rglob("*")):
        if "__pycache__" in p.parts or not p.is_file() or p.suffix not in _SOURCE_SUFFIXES:
            continue
        h.update(p.relative_to(_PKG_DIR).as_posix().encode("utf-8") + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def default_cache_dir(outdir: str | os.PathLike | None) -> Path:
    """Where the cache lives when the user does not say (see the module docstring).

    >>> str(default_cache_dir("/data/exports")) if "XDG_CACHE_HOME" not in os.environ else "/data/.cache/cppcc-kg"
    '/data/.cache/cppcc-kg'
    """
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "cppcc-kg"
    base = Path(outdir).resolve().parent if outdir is not None else Path.cwd()
    return base / ".cache" / "cppcc-kg"


def file_digest(path: str | os.PathLike, max_bytes: int | None = None) -> str | None:
    """sha256 of a file's bytes, read in chunks (a huge file is never held in memory).

    None when the file cannot be read or is larger than ``max_bytes``: such a file is left to
    the reader, which reports it, and is simply never cached.
    """
    try:
        with open(path, "rb") as fh:
            if max_bytes is not None and os.fstat(fh.fileno()).st_size > max_bytes:
                return None
            h = hashlib.sha256()
            while chunk := fh.read(_HASH_CHUNK):
                h.update(chunk)
            return h.hexdigest()
    except (OSError, ValueError):
        return None


class Cache:
    """Per-article results on disk.  Safe to share between processes (atomic renames)."""

    def __init__(self, root: str | os.PathLike, version: str):
        self.root = Path(root)
        self.tag = f"v{version}-{source_hash()[:16]}"
        self.dir = self.root / self.tag
        self.version = version
        self.hits = 0  # articles taken from the cache by the last build (set by the runner)
        self.misses = 0  # articles analysed

    def key(self, path: str, content_digest: str) -> str:
        """The entry key of one input file (see the module docstring)."""
        h = hashlib.sha256()
        for part in (self.version, source_hash(), path, content_digest):
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return h.hexdigest()

    def path_for(self, key: str) -> Path:
        return self.dir / key[:2] / key

    def get(self, key: str) -> bytes | None:
        """The payload stored under ``key``, or None when absent or damaged."""
        try:
            data = self.path_for(key).read_bytes()
        except OSError:
            return None
        return unwrap(data)

    def prune(self) -> None:
        """Remove the version folders beyond the newest :data:`KEEP_VERSIONS` (ours is kept)."""
        try:
            others = [p for p in self.root.iterdir() if p.is_dir() and p.name.startswith("v") and p != self.dir]
        except OSError:
            return
        others.sort(key=lambda p: (_mtime(p), p.name), reverse=True)
        for old in others[KEEP_VERSIONS - 1:]:
            shutil.rmtree(old, ignore_errors=True)


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


def wrap(payload: bytes) -> bytes:
    """Frame a payload with the magic and its digest.

    >>> unwrap(wrap(b"abc"))
    b'abc'
    >>> unwrap(wrap(b"abc")[:-1]) is None
    True
    """
    return MAGIC + hashlib.sha256(payload).digest() + payload


def unwrap(data: bytes) -> bytes | None:
    if len(data) < len(MAGIC) + 32 or not data.startswith(MAGIC):
        return None
    digest, payload = data[len(MAGIC):len(MAGIC) + 32], data[len(MAGIC) + 32:]
    if hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def write_entry(path: str | os.PathLike, payload: bytes) -> None:
    """Write one entry atomically.  Failure (read-only disk, full disk) only costs the cache."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with forked.temporary_file(target.parent, prefix=".tmp-") as (fd, tmp):
            with os.fdopen(fd, "wb") as fh:
                fh.write(wrap(payload))
            os.replace(tmp, target)
    except OSError:
        pass


def dumps(obj: Any) -> bytes:
    """The one serialisation used for the cache and for shipping results between processes."""
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def loads(payload: bytes) -> Any:
    return pickle.loads(payload)
