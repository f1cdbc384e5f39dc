"""The build verb end to end in a subprocess: files written, summary and exit status."""

import json
import subprocess
import sys
from pathlib import Path


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd)


def test_build_writes_three_files(tmp_path):
    out = tmp_path / "out"
    r = _run("build", "seeds", "-o", str(out), "--workers", "1", "--cache-dir", str(tmp_path / "cache"))
    assert r.returncode == 0, r.stderr
    assert "5 articles read" in r.stderr
    assert "Traceback" not in r.stderr
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (out / name).stat().st_size > 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {f["status"] for f in report["files"]} == {"ok"}
    versions = sorted(p.name for p in (tmp_path / "cache").iterdir())
    again = _run("build", "seeds", "-o", str(out), "--workers", "1", "--cache-dir", str(tmp_path / "cache"))
    assert again.returncode == 0
    if sorted(p.name for p in (tmp_path / "cache").iterdir()) == versions:  # else kg/ was edited meanwhile
        assert "5 articles reused, 0 analysed" in again.stderr


def test_help_documents_the_exit_status():
    r = _run("build", "--help")
    assert r.returncode == 0
    for word in ("exit status", "--strict", "--no-cache", "--dask", "--store", "--push", "130"):
        assert word in r.stdout


def test_missing_input_is_a_usage_error(tmp_path):
    r = _run("build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"), "--no-cache")
    assert r.returncode == 2 and "no such file" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


# --- which files a folder gives (kg.read.expand_inputs) ------------------------------------


def test_folder_takes_only_text_like_files_sorted(tmp_path):
    from kg.read import expand_inputs

    d = tmp_path / "scraped"
    (d / "sub").mkdir(parents=True)
    names = ["b.txt", "a.html", "C.HTM", "page.xhtml", "notes.md", "plain.text", "noext", "第3.5次会议",
             "sub/z.txt", "gold.json", "logo.png", "table.csv", "sub/photo.JPG", "archive.tar.gz", ".hidden.txt"]
    for n in names:
        (d / n).write_text("x", encoding="utf-8")
    files, problems = expand_inputs([d])
    taken = [str(Path(f).relative_to(d)) for f in files]
    assert taken == sorted(taken)
    assert set(taken) == {"b.txt", "a.html", "C.HTM", "page.xhtml", "notes.md", "plain.text", "noext",
                          "第3.5次会议", "sub/z.txt"}
    assert problems == []
    # an explicit file is taken whatever its suffix; a repeat is listed once; order of inputs is irrelevant
    again, _ = expand_inputs([d / "gold.json", d, d / "b.txt"])
    assert str(d / "gold.json") in again and again.count(str(d / "b.txt")) == 1
    assert again == sorted(again)
    assert expand_inputs([d / "b.txt", d])[0] == expand_inputs([d, d / "b.txt"])[0]
