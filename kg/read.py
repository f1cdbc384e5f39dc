"""Files -> :class:`kg.model.Article`: decoding and (for HTML) title/date extraction.

First version: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.  Issue 3 replaces
the guess with detection.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from kg.model import Article, FileReport

TEXT_SUFFIXES = {".txt", ".text", ".htm", ".html", ".xhtml", ".md", ""}


class UnreadableFile(Exception):
    """A file that cannot be turned into an article; the message is the reason for the user."""


def doc_id_for(path: str | Path, content_hash: str) -> str:
    """A stable article id: the file stem plus a short content hash.

    >>> doc_id_for("seeds/001_a.txt", "abcdef0123456789")
    '001_a-abcdef01'
    """
    return f"{Path(path).stem}-{content_hash[:8]}"


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"cannot decode as UTF-8 or GB18030: {exc.reason}") from None


def read_article(path: str | Path) -> Article:
    """Read one file into an :class:`Article` or raise :class:`UnreadableFile`."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise UnreadableFile("empty file")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile("binary file (contains NUL bytes)")
    text, encoding = decode(data)
    digest = hashlib.sha256(data).hexdigest()
    return Article(path=str(path), doc_id=doc_id_for(path, digest), raw=text,
                   content_hash=digest, encoding=encoding)


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> tuple[list[str], list[FileReport]]:
    """Files and folders -> the sorted list of files to read, plus reports for inputs that
    cannot be used (missing, not a file)."""
    files: list[str] = []
    problems: list[FileReport] = []
    seen: set[str] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs.sort()
                for n in sorted(names):
                    if n.startswith("."):
                        continue
                    fp = Path(root) / n
                    if fp.suffix.lower() in TEXT_SUFFIXES or fp.is_file():
                        files.append(str(fp))
        elif p.exists():
            files.append(str(p))
        else:
            problems.append(FileReport(path=str(p), status="skipped", reason="no such file or folder"))
    out = []
    for f in files:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return sorted(out), problems
