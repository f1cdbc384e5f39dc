"""The command line in subprocesses: what a build writes, and that every user mistake ends in one
clear line on stderr with the documented exit status, never a traceback."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

# a made-up article: small enough for a build of a few seconds
ARTICLE = """鄂州市政协召开常委会议
2025-03-02 来源：鄂州日报
3月1日，鄂州市政协召开十五届常委会第三次会议。市政协主席王明远主持会议。
会议听取了“鄂州议事”品牌建设情况汇报。
"""

USAGE, PROBLEM, INTERRUPTED = 2, 1, 130


def _run(*args: str, cwd: str | Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout)


def _one_clear_line(r: subprocess.CompletedProcess, code: int, *words: str) -> None:
    """Exit status ``code``, no traceback, and a single stderr line holding every word."""
    assert r.returncode == code, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "error:" in lines[0]
    for w in words:
        assert w in lines[0], (w, lines[0])


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> dict[str, Path]:
    """One built article (graph in ``out``), a broken graph, and gold files good and bad."""
    root = tmp_path_factory.mktemp("cli")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = _run("build", str(root / "in"), "-o", str(root / "out"), "--workers", "1", "--no-cache")
    assert r.returncode == 0, r.stderr
    (root / "bad.ttl").write_text("this is not turtle\n", encoding="utf-8")
    (root / "afile").write_text("x", encoding="utf-8")
    (root / "gold.json").write_text(json.dumps({"entities": [{"class": "CPPCCCommittee", "label": "鄂州市政协"}],
                                                "relations": []}, ensure_ascii=False), encoding="utf-8")
    (root / "notjson.json").write_text("{oops", encoding="utf-8")
    (root / "list.json").write_text("[1, 2]", encoding="utf-8")
    (root / "nolabel.json").write_text('{"entities": [{"class": "Person"}]}', encoding="utf-8")
    (root / "latin1.rq").write_bytes("SELECT * WHERE { ?s ?p 'é' }".encode("latin-1"))
    return {"root": root, "in": root / "in", "out": root / "out", "graph": root / "out" / "graph.ttl"}


# --- a build that works -----------------------------------------------------------------------


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


def test_tiny_build_reports_one_article(tiny):
    report = json.loads((tiny["out"] / "report.json").read_text(encoding="utf-8"))
    assert [Path(f["path"]).name for f in report["files"]] == ["a.txt"]


# --- help and version ---------------------------------------------------------------------------


def test_help_documents_the_exit_status():
    r = _run("build", "--help")
    assert r.returncode == 0
    for word in ("exit status", "--strict", "--no-cache", "--dask", "--store", "--push", "130", "--workers"):
        assert word in r.stdout


@pytest.mark.parametrize("verb", ["query", "validate", "eval", "serve"])
def test_every_verb_has_help_with_exit_status_and_an_example(verb):
    r = _run(verb, "--help")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert "exit status" in r.stdout and f"cppcc-kg {verb} " in r.stdout


def test_main_help_lists_verbs_and_exit_codes():
    r = _run("--help")
    assert r.returncode == 0
    for word in ("build", "query", "validate", "eval", "serve", "exit status", "130", "--version"):
        assert word in r.stdout


def test_version():
    r = _run("--version")
    assert r.returncode == 0
    assert re.fullmatch(r"cppcc-kg \d+\.\d+\S*\n", r.stdout)
    script = shutil.which("cppcc-kg")
    if script:  # the console script gives the same
        assert subprocess.run([script, "--version"], capture_output=True, text=True).stdout == r.stdout


def test_no_verb_prints_help_and_exits_2():
    r = _run()
    assert r.returncode == USAGE and "Traceback" not in r.stderr
    assert "build" in r.stderr and "query" in r.stderr


def test_unknown_verb_and_option():
    _one_clear_line(_run("frobnicate"), USAGE, "invalid choice", "--help")
    _one_clear_line(_run("build", "--frob"), USAGE, "unrecognized arguments: --frob")


# --- build mistakes -----------------------------------------------------------------------------


def test_missing_input_is_a_usage_error(tmp_path):
    r = _run("build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"), "--no-cache")
    _one_clear_line(r, USAGE, "no such file")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value,words", [("0", ("--workers", "at least 1")), ("-1", ("--workers", "at least 1")),
                                         ("abc", ("--workers", "whole number", "abc"))])
def test_bad_workers(tiny, tmp_path, value, words):
    r = _run("build", str(tiny["in"]), "-o", str(tmp_path / "out"), "--no-cache", "--workers", value)
    _one_clear_line(r, USAGE, *words)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value,words", [("turtle", ("--formats", "unknown format 'turtle'", "ttl")),
                                         (",", ("--formats", "no format named"))])
def test_bad_formats(tiny, tmp_path, value, words):
    r = _run("build", str(tiny["in"]), "-o", str(tmp_path / "out"), "--no-cache", "--formats", value)
    _one_clear_line(r, USAGE, *words)
    assert not (tmp_path / "out").exists()


def test_formats_write_only_those_and_name_what_is_left_from_before(tiny, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(tiny["out"], out)
    r = _run("build", str(tiny["in"]), "-o", str(out), "--no-cache", "--workers", "1", "--formats", "html,ttl")
    assert r.returncode == 0, r.stderr
    assert "wrote graph.ttl, graph.html, overview.html, report.json in" in r.stderr
    note = [ln for ln in r.stderr.splitlines() if ln.startswith("note:")]
    assert len(note) == 1 and "graph.nt" in note[0] and "entities.csv" in note[0] and "graph.ttl" not in note[0]
    fresh = tmp_path / "fresh"
    assert _run("build", str(tiny["in"]), "-o", str(fresh), "--no-cache", "--workers", "1",
                "--formats", "ttl").returncode == 0
    assert sorted(p.name for p in fresh.iterdir()) == ["graph.ttl", "report.json"]
    assert (fresh / "graph.ttl").read_bytes() == (tiny["out"] / "graph.ttl").read_bytes()


def test_output_folder_that_is_a_file(tiny):
    afile = tiny["root"] / "afile"
    _one_clear_line(_run("build", str(tiny["in"]), "-o", str(afile), "--no-cache"), USAGE, "is a file")
    r = _run("build", str(tiny["in"]), "-o", str(afile / "sub"), "--no-cache")
    _one_clear_line(r, USAGE, "cannot create", "is a file")
    assert afile.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_output_folder(tiny, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        _one_clear_line(_run("build", str(tiny["in"]), "-o", str(locked), "--no-cache"), USAGE, "not writable")
        _one_clear_line(_run("build", str(tiny["in"]), "-o", str(locked / "new"), "--no-cache"), USAGE,
                        "not writable")
    finally:
        locked.chmod(0o755)


def test_bad_push_url_and_cache_dir_fail_before_the_build(tiny, tmp_path):
    _one_clear_line(_run("build", str(tiny["in"]), "-o", str(tmp_path / "o"), "--no-cache", "--push", "ftp://x"),
                    USAGE, "--push")
    _one_clear_line(_run("build", str(tiny["in"]), "-o", str(tmp_path / "o"), "--cache-dir",
                         str(tiny["root"] / "afile")), USAGE, "--cache-dir", "is a file")
    assert not (tmp_path / "o").exists()


def test_folder_with_no_article(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "gold.json").write_text("{}", encoding="utf-8")
    (d / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    r = _run("build", str(d), "-o", str(tmp_path / "out"), "--no-cache", "--workers", "1")
    assert r.returncode == PROBLEM and "Traceback" not in r.stderr
    assert "no article found" in r.stderr
    assert not (tmp_path / "out").exists()


def test_folder_skips_gold_and_images_next_to_articles(tiny, tmp_path):
    d = tmp_path / "mixed"
    shutil.copytree(tiny["in"], d)
    shutil.copy(tiny["root"] / "gold.json", d / "a.json")
    (d / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    # options before and after the input, in any order
    r = _run("build", "-o", str(tmp_path / "out"), "--no-cache", str(d), "--workers", "1", "--strict")
    assert r.returncode == 0, r.stderr  # --strict: nothing was skipped, the .json and .jpg were never candidates
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [Path(f["path"]).name for f in report["files"]] == ["a.txt"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _ctrl_c_as_in_a_terminal() -> None:
    """In the child: SIGINT handled as in a terminal.  A test run started in the background by a
    non-interactive shell (``pytest &``) passes SIGINT on ignored, and Python then never turns it
    into KeyboardInterrupt: the Ctrl-C tests would test nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_build_keeps_the_previous_export(tiny, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(tiny["out"], out)
    before = _snapshot(out)
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(300):  # distinct articles, so that the build is still running when interrupted
        (corpus / f"{i:03d}.txt").write_text(ARTICLE.replace("第三次", f"第{i + 1}次"), encoding="utf-8")
    cache = tmp_path / "cache"
    p = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "--workers", "1",
                          "--cache-dir", str(cache)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal)
    try:
        deadline = time.monotonic() + 60
        # interrupt once articles are being analysed (the imports are done): a cache entry exists
        while not any(f.is_file() for f in cache.rglob("*")) and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert p.poll() is None, "the build ended before it could be interrupted"
        os.killpg(p.pid, signal.SIGINT)  # as Ctrl-C does: the whole foreground group
        _, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == INTERRUPTED, err
    assert "Traceback" not in err and "interrupted" in err and "previous export" in err
    assert _snapshot(out) == before


@pytest.mark.parametrize("library", ["rdflib", "jieba"])
def test_ctrl_c_while_the_libraries_load_is_clean(tiny, tmp_path, library):
    """``import kg`` is light, so the command line handles a Ctrl-C that comes while rdflib and
    the other heavy libraries are still loading (simulated: importing ``library`` raises it)."""
    code = ("import sys\n"
            "class Interrupt:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            f"        if name == {library!r}:\n"
            "            raise KeyboardInterrupt\n"
            "sys.meta_path.insert(0, Interrupt())\n"
            "from kg.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    r = subprocess.run([sys.executable, "-c", code, "build", str(tiny["in"]), "-o", str(tmp_path / "out"),
                        "--no-cache"], capture_output=True, text=True, timeout=120)
    assert r.returncode == INTERRUPTED, r.stderr
    assert "Traceback" not in r.stderr and "interrupted" in r.stderr
    assert not (tmp_path / "out").exists()


def test_first_ctrl_c_while_writing_the_export_is_deferred():
    from kg.cli import _deferred_interrupt

    before = signal.getsignal(signal.SIGINT)
    with _deferred_interrupt("writing") as pending:
        signal.raise_signal(signal.SIGINT)  # its Python handler has run when this returns
        assert pending  # noted, not raised: the export goes on
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)  # a second Ctrl-C stops at once
    assert signal.getsignal(signal.SIGINT) is before  # restored


# --- query mistakes -----------------------------------------------------------------------------

ALL = "SELECT * WHERE { ?s ?p ?o }"


def test_query_missing_graph(tiny):
    _one_clear_line(_run("query", str(tiny["root"] / "nope.ttl"), ALL), USAGE, "no such graph file")


def test_query_graph_that_is_not_turtle(tiny):
    _one_clear_line(_run("query", str(tiny["root"] / "bad.ttl"), ALL), USAGE, "cannot parse", "bad.ttl")
    _one_clear_line(_run("query", str(tiny["out"] / "graph.html"), ALL), USAGE, "not an RDF graph")
    _one_clear_line(_run("query", str(tiny["in"]), ALL), USAGE, "folder", "graph.ttl")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_malformed_query(tiny, engine):
    r = _run("query", str(tiny["graph"]), "SELEC * WHERE { ?s ?p ?o }", "--engine", engine)
    _one_clear_line(r, USAGE, "malformed")
    r = _run("query", str(tiny["graph"]), "SELECT * WHERE { ?s nope:x ?o }", "--engine", engine)
    _one_clear_line(r, USAGE, "malformed", "nope")
    assert len(r.stderr) < 200  # the reason, not the parser's list of every character it would take


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_query_that_fails_while_running(tiny, engine):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = _run("query", str(tiny["graph"]), "--engine", engine,
             f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
    _one_clear_line(r, PROBLEM, "the query failed while running")


def test_query_name_format_and_update_mistakes(tiny):
    g = str(tiny["graph"])
    _one_clear_line(_run("query", g, "--name", "no-such-query"), USAGE, "no named query", "who-runs")
    _one_clear_line(_run("query", g, "--name", "who-runs", "--format", "xml"), USAGE, "--format", "xml")
    _one_clear_line(_run("query", g), USAGE, "no query")
    _one_clear_line(_run("query", g, "INSERT DATA { <urn:a> <urn:b> <urn:c> }"), USAGE, "only reads")
    _one_clear_line(_run("query", g, "missing.rq"), USAGE, "no such query file")
    _one_clear_line(_run("query", g, "mistyped-name.sparql"), USAGE, "no such query file")
    _one_clear_line(_run("query", g, str(tiny["root"] / "latin1.rq")), USAGE, "not UTF-8")


def test_query_options_before_the_query_and_graph_as_folder(tiny):
    r = _run("query", str(tiny["out"]), "--format", "csv", "--engine", "oxigraph",
             "SELECT ?l WHERE { ?c a cppcc:CPPCCCommittee ; skos:prefLabel ?l } ORDER BY ?l")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "l" and "鄂州市政协" in lines[1:]


def test_output_cut_short_by_the_reader_is_not_an_error(tiny):
    """``cppcc-kg query ... | head -1``: the reader goes away; no BrokenPipeError noise."""
    p = subprocess.Popen([sys.executable, "-m", "kg", "query", str(tiny["graph"]), "--format", "csv",
                          "--engine", "oxigraph",  # a few hundred kB: more than a pipe holds
                          "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } LIMIT 3000"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert p.stdout.readline().strip()
        p.stdout.close()
        err = p.stderr.read().decode()
        p.wait(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 0 and err == ""


# --- eval and validate mistakes -------------------------------------------------------------------


def test_eval_gold_mistakes(tiny):
    g, root = str(tiny["graph"]), tiny["root"]
    _one_clear_line(_run("eval", g, str(root / "missing.json")), USAGE, "cannot read gold file")
    _one_clear_line(_run("eval", g, str(root / "notjson.json")), USAGE, "not JSON")
    _one_clear_line(_run("eval", g, str(root / "list.json")), USAGE, "not in the gold format")
    _one_clear_line(_run("eval", g, str(root / "nolabel.json")), USAGE, "not in the gold format", "label")
    _one_clear_line(_run("eval", str(root / "gold.json"), g), USAGE, "not an RDF graph", "graph comes first")
    _one_clear_line(_run("eval", str(root / "bad.ttl"), str(root / "gold.json")), USAGE, "cannot parse", "line 1")
    _one_clear_line(_run("eval", g, str(root / "gold.json"), "--min-f1", "2"), USAGE, "--min-f1")


def test_eval_scores_and_min_f1(tiny):
    ok = _run("eval", str(tiny["out"]), str(tiny["root"] / "gold.json"), "--brief")
    assert ok.returncode == 0, ok.stderr
    assert "overall" in ok.stdout.lower()
    missed = tiny["root"] / "missed.json"  # an entity the article never names: F1 below 1
    missed.write_text(json.dumps({"entities": [{"class": "CPPCCCommittee", "label": "鄂州市政协"},
                                               {"class": "Brand", "label": "从未提过的品牌"}]},
                                 ensure_ascii=False), encoding="utf-8")
    low = _run("eval", str(tiny["graph"]), str(missed), "--min-f1", "1", "--brief")
    _one_clear_line(low, PROBLEM, "--min-f1")
    assert "overall" in low.stdout.lower()  # the table is still printed


def test_validate_mistakes(tiny):
    _one_clear_line(_run("validate", str(tiny["root"] / "nope.ttl")), USAGE, "no such graph file")
    _one_clear_line(_run("validate", str(tiny["root"] / "bad.ttl")), USAGE, "cannot parse", "line 1")
    _one_clear_line(_run("validate", str(tiny["in"])), USAGE, "folder", "graph.ttl")
    ok = _run("validate", str(tiny["out"]))  # a build's folder is its graph
    assert ok.returncode == 0 and "conforms" in ok.stdout and "Traceback" not in ok.stderr


# --- serve mistakes -------------------------------------------------------------------------------


def test_serve_on_a_port_in_use(tiny):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = _run("serve", str(tiny["graph"]), "--port", str(port), timeout=60)
    _one_clear_line(r, USAGE, "already in use", str(port), "--port")


def test_ctrl_c_stops_the_server_quietly(tiny):
    p = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(tiny["out"]), "--port", "0"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                         preexec_fn=_ctrl_c_as_in_a_terminal)
    try:
        ready = p.stderr.readline()
        assert ready.startswith("serving"), ready
        time.sleep(0.2)
        os.killpg(p.pid, signal.SIGINT)  # as Ctrl-C does: the server and its query worker
        _, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 0
    assert "Traceback" not in err and "KeyboardInterrupt" not in err and "Process" not in err, err


def test_serve_mistakes(tiny):
    _one_clear_line(_run("serve", str(tiny["root"] / "nope.ttl")), USAGE, "no such graph file")
    _one_clear_line(_run("serve", str(tiny["graph"]), "--port", "99999"), USAGE, "--port")
    _one_clear_line(_run("serve", str(tiny["graph"]), "--timeout", "0"), USAGE, "--timeout")
    r = _run("serve", cwd=tiny["root"])  # the default exports/graph.ttl does not exist there
    _one_clear_line(r, USAGE, "no such graph file", "cppcc-kg build")


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


def test_a_build_called_from_python_leaves_the_garbage_collector_as_it_was(tmp_path):
    """The build command turns the cyclic collector off (the process ends after it); a caller
    in Python, who passes argv, gets it back as it was, on success and on failure."""
    import gc

    from kg.cli import main

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert gc.isenabled()
    assert main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--no-cache", "-q",
                 "--workers", "1"]) == 0
    assert gc.isenabled() and (tmp_path / "out" / "graph.ttl").is_file()
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "bad.txt").write_bytes(b"\x00\xff\x00\xfe")  # fails after the analysis
    assert main(["build", str(tmp_path / "bad"), "-o", str(tmp_path / "out2"), "--no-cache", "-q",
                 "--workers", "1"]) != 0
    assert gc.isenabled()
