"""Files -> :class:`kg.model.Article`: encoding detection, HTML recognition, title and date.

Decisions, so that users know what to expect:

* the encoding is detected from the bytes (:mod:`kg.text.encoding`): UTF-8 with or without
  BOM, UTF-16 LE/BE with or without BOM, GB18030/GBK, Big5;
* HTML is recognised by its content, whatever the file is called; ``Article.raw`` is then the
  HTML source and every offset of the pipeline points into it;
* files larger than :data:`MAX_BYTES` are refused from their size alone (never read whole);
* UTF-8 truncated inside its last character is decoded up to the cut, with a warning;
* everything else that is not text (empty, NUL bytes, undecodable, unreadable, a folder)
  raises :class:`UnreadableFile` whose message is the reason shown to the user.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from kg.model import Article, FileReport
from kg.text import encoding as _encoding
from kg.text import html as _html

MAX_BYTES = 50 << 20  # 50 MB: no news article is larger; bigger files are refused unread
# what a folder walk reads: text and HTML pages, and suffix-less files (scrapers often drop the
# suffix).  Anything else in a folder (gold .json, images, .csv ...) is not an article and is left
# out silently; a file named on the command line is read whatever its suffix.  .shtml is kept
# because Chinese news sites serve most pages under it.
TEXT_SUFFIXES = {".txt", ".text", ".htm", ".html", ".xhtml", ".shtml", ".md", ""}

# a plain-text title line: short, no sentence punctuation at its end, not a date or a list item


class UnreadableFile(Exception):
    """A file that cannot be turned into an article; the message is the reason for the user."""


def doc_id_for(path: str | Path, content_hash: str) -> str:
    """A stable article id: the file stem plus a short content hash.

    >>> doc_id_for("seeds/001_a.txt", "abcdef0123456789")
    '001_a-abcdef01'
    """
    plain = _plain(path)
    name = Path(path).name if plain is None else plain.rpartition("/")[2]  # (the same: see _plain)
    # Path(path).stem without a second Path: pathlib (3.11) cuts at the last dot when it is
    # neither the name's first nor its last character
    i = name.rfind(".")
    stem = name[:i] if 0 < i < len(name) - 1 else name
    return f"{stem}-{content_hash[:8]}"


def _plain(path: str | Path) -> str | None:
    """``path`` when it can stand for ``Path(path)``: a POSIX ``str`` path that pathlib leaves
    as it is at its end (not "" or ".", no trailing "/" or "/."), so that the system opens the
    same file with it and its last component is ``Path(path).name`` (what pathlib changes
    elsewhere - "//", "/./" - names the same file); else None.

    A Path costs ~10 us to build, ~25 us when the caches are cold (a worker reads a file between
    the other stages of an article): most of the cost of reading a small file.

    >>> _plain("corpus/a.txt"), _plain("corpus/"), _plain(Path("a.txt"))
    ('corpus/a.txt', None, None)
    """
    if type(path) is str and os.sep == "/" and path not in ("", ".") and not path.endswith(("/", "/.")):
        return path
    return None


def _read_bytes(p: str | Path) -> bytes:
    try:
        st = os.stat(p)
    except OSError as exc:
        if getattr(exc, "errno", None) == 40:  # ELOOP
            raise UnreadableFile("symlink loop") from None
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):  # what Path.is_dir/is_file would say, from the one stat
        raise UnreadableFile("is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFile("not a regular file")
    if st.st_size > MAX_BYTES:
        raise UnreadableFile(f"too large: {st.st_size >> 20} MB (limit {MAX_BYTES >> 20} MB)")
    try:
        # a file descriptor, not a file object: no buffer object and no terminal check per file
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            # the size stat gave (+1), not the limit: a read buffer of MAX_BYTES costs time per file
            want = st.st_size + 1
            data = _read_upto(fd, want)
            if len(data) == want:  # the file grew since: read on, up to the limit
                data += _read_upto(fd, MAX_BYTES + 1 - want)
        finally:
            os.close(fd)
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"too large: more than {MAX_BYTES >> 20} MB")
    return data


def _read_upto(fd: int, n: int) -> bytes:
    """``n`` bytes from ``fd``, fewer only at the end of the file (a read may return less)."""
    chunks = []
    while n > 0:
        chunk = os.read(fd, n)
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _plain_date(text: str) -> str:
    """The first date in the first lines of a plain-text article ("" when none); its title is
    found by normalisation (the headline zone)."""
    head = text[:3000]
    lines = head.split("\n", 12)  # (the first 12 lines are all that is joined: no more split)
    return _html.iso_date("\n".join(lines[:12]) if len(lines) > 12 else head)


def read_article(path: str | Path) -> Article:
    """Read one file into an :class:`Article` or raise :class:`UnreadableFile`."""
    plain = _plain(path)
    p = Path(path) if plain is None else plain
    data = _read_bytes(p)
    if not data or data.isspace():  # (what ``not data.strip()`` says, without a copy)
        raise UnreadableFile("empty file")
    try:
        dec = _encoding.decode(data)
    except _encoding.DecodeError as exc:
        raise UnreadableFile(str(exc)) from None
    text = dec.text
    if not text or text.isspace():
        raise UnreadableFile("empty file (no text after decoding)")
    digest = hashlib.sha256(data).hexdigest()
    if _html.looks_like_html(text):
        media, (title, date) = "text/html", _html.title_and_date(text)
    else:  # the title of a plain-text file is set by kg.normalise from its zones
        media, title, date = "text/plain", "", _plain_date(text)
    if title:
        from kg.text.script import t2s  # one converter per process (building one costs ~3 ms)

        title = t2s(title)
    return Article(path=str(path), doc_id=doc_id_for(p, digest), raw=text, content_hash=digest,
                   encoding=dec.encoding, media_type=media, title=title, date=date, warnings=dec.warnings)


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> tuple[list[str], list[FileReport]]:
    """Files and folders -> the sorted list of files to read, plus reports for inputs that
    cannot be used (missing, symlink loops, folders visited twice through links).

    A file given explicitly is always taken.  In a folder only text-like files are taken
    (:func:`is_text_like`: ``.txt .text .htm .html .shtml .xhtml .md`` or no suffix, in any
    case), so gold ``.json`` files or images kept next to the articles are not read as
    articles; hidden files and folders are skipped.  Folders are walked without following
    symlinked folders, so a link loop cannot recurse; a file symlink that loops is reported
    here and not read.  The result is sorted and free of repeats.
    """
    files: list[str] = []
    problems: list[FileReport] = []
    for item in inputs:
        p = Path(item)
        if _is_loop(p):
            problems.append(FileReport(path=str(p), status="skipped", reason="symlink loop"))
        elif p.is_dir():
            _walk(p, files, problems)
        elif p.exists() or p.is_symlink():
            files.append(str(p))
        else:
            problems.append(FileReport(path=str(p), status="skipped", reason="no such file or folder"))
    seen: set[str] = set()
    out = []
    for f in files:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return sorted(out), problems


_EXTENSION = re.compile(r"\.(?=[A-Za-z0-9]{0,4}[A-Za-z])[A-Za-z0-9]{1,5}")


def is_text_like(name: str | os.PathLike) -> bool:
    """Whether a folder walk takes this file: a text or HTML suffix, or none.

    What follows the last dot counts as a suffix only when it looks like one (1-5 ASCII letters
    or digits, not all digits): a scraped page saved under its headline, dots and all, has none.

    >>> [is_text_like(n) for n in ("a.txt", "b.HTML", "README", "gold.json", "logo.png")]
    [True, True, True, False, False]
    >>> [is_text_like(n) for n in ("第3.5次会议", "notes.2024", "x.tar.gz")]
    [True, True, False]
    """
    suffix = Path(name).suffix
    if not _EXTENSION.fullmatch(suffix):
        return True
    return suffix.lower() in TEXT_SUFFIXES


def _is_loop(p: Path) -> bool:
    if not p.is_symlink():
        return False
    try:
        p.resolve(strict=True)
    except RuntimeError:
        return True
    except OSError as exc:
        return getattr(exc, "errno", None) == 40
    return False


def _walk(root: Path, files: list[str], problems: list[FileReport]) -> None:
    for dirpath, dirs, names in os.walk(root, followlinks=False, onerror=None):
        dirs.sort()
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for n in sorted(names):
            if n.startswith(".") or not is_text_like(n):
                continue
            fp = Path(dirpath) / n
            if _is_loop(fp):
                problems.append(FileReport(path=str(fp), status="skipped", reason="symlink loop"))
            elif fp.is_dir():
                continue  # a symlink to a folder: not followed (it could loop)
            else:
                files.append(str(fp))
        for d in list(dirs):
            if (Path(dirpath) / d).suffix.lower() in TEXT_SUFFIXES - {""}:
                problems.append(FileReport(path=str(Path(dirpath) / d), status="skipped",
                                           reason="is a directory named like a file"))
