"""Files -> :class:`kg.model.Article`: decoding and (for HTML) title/date extraction.

First version: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.  Issue 3 replaces
the guess with detection.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.model import Article


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
