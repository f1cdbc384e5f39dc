"""A read-only SPARQL 1.1 Protocol endpoint over an export, plus the export's files.

* ``GET /sparql?query=...`` and ``POST /sparql`` (``application/x-www-form-urlencoded`` with
  ``query=``, or ``application/sparql-query``); results as SPARQL JSON (default) or CSV, chosen
  by the ``Accept`` header or a ``format=json|csv`` parameter; CONSTRUCT/DESCRIBE give
  N-Triples (or CSV).
* Read-only: SPARQL Update (``update=``, ``application/sparql-update``, or a query text that is
  an INSERT/DELETE/LOAD/CLEAR/DROP/CREATE/ADD/MOVE/COPY operation) gets 403; the Graph Store
  write methods (PUT, DELETE, PATCH, POST elsewhere than /sparql) get 405.
* Limits: each query runs in a worker process holding an Oxigraph store; a query that runs
  longer than ``timeout`` seconds gets 503 and the worker is replaced.  At most ``max_rows``
  rows are returned (header ``X-Result-Truncated: true`` when some were cut).  A malformed
  query gets 400 with the parser's message.
* Files: ``/`` is ``graph.html``; other export files in the graph's folder are served by name.
  Nothing outside that folder: no sub-folders, no dot files, no symbolic links, only export
  file types.
* Binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import errno
import json
import multiprocessing as mp
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from kg.errors import UserError

MAX_BODY = 1 << 20  # bytes of a POSTed query
MAX_ROWS = 10_000
SERVED_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".ttl": "text/turtle; charset=utf-8",
    ".nt": "application/n-triples; charset=utf-8",
    ".jsonld": "application/ld+json; charset=utf-8",
    ".trig": "application/trig; charset=utf-8",
    ".graphml": "application/xml; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json; charset=utf-8",
}
UPDATE_OPS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_COMMENT = re.compile(r"#[^\n]*")
_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_IRI = re.compile(r"<[^<>\s]*>")
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*|BASE\s+)<>\s*)*", re.I)
_FIRST_WORD = re.compile(r"[A-Za-z]+")
FORM = """<!doctype html><meta charset="utf-8"><title>cppcc-kg SPARQL</title>
<h1>SPARQL endpoint (read-only)</h1>
<form method="post" action="/sparql"><textarea name="query" rows="12" cols="100">
SELECT ?committee ?initiative WHERE { ?c cppcc:runs ?i ; skos:prefLabel ?committee . ?i skos:prefLabel ?initiative }
</textarea><br><select name="format"><option>json</option><option>csv</option></select>
<button>Run</button></form><p>Prefixes cppcc:, org:, skos:, prov:, oa:, schema: are predeclared.</p>
"""


def is_update(sparql: str) -> bool:
    """Whether ``sparql`` is a SPARQL Update request (comments, strings and IRIs ignored).

    >>> is_update("PREFIX x: <http://x/> # SELECT\\nINSERT DATA { <a> <b> 'SELECT' }")
    True
    >>> is_update("SELECT * WHERE { ?s <http://x/DELETE> 'DROP' }")
    False
    """
    text = _STRINGS.sub('""', sparql)
    text = _IRI.sub("<>", text)
    text = _COMMENT.sub(" ", text)
    text = _PROLOGUE.sub("", text)
    m = _FIRST_WORD.search(text)
    return bool(m) and m.group(0).upper() in UPDATE_OPS


# ---------------------------------------------------------------------------------------------
# the query worker


def _worker_main(conn: Any, graph_path: str) -> None:
    """Worker process: load the graph once, then answer (sparql, limit) requests."""
    from kg.query import OxigraphEngine

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # also when started from a thread (see QueryWorker.start)
    try:
        engine = OxigraphEngine.from_file(Path(graph_path))
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        conn.send(("fatal", str(exc)))
        return
    conn.send(("ready", len(engine)))
    while True:
        try:
            sparql, limit = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", engine.query(sparql, limit=limit)))
        except UserError as exc:
            conn.send(("syntax", str(exc)))
        except Exception as exc:  # noqa: BLE001 - an evaluation error is the query's problem
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class QueryTimeout(Exception):
    pass


class QueryWorker:
    """One worker process with the store; queries are serialised; a query over the time limit
    kills the worker and a fresh one is started for the next query."""

    def __init__(self, graph_path: str | Path, timeout: float, load_timeout: float = 600.0):
        self.graph_path = str(graph_path)
        self.timeout = timeout
        self.load_timeout = load_timeout
        self.lock = threading.Lock()
        self.proc: Any = None
        self.conn: Any = None
        self.triples = 0

    def start(self) -> None:
        ctx = mp.get_context("spawn")  # no fork of a threaded server
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, self.graph_path), daemon=True)
        # Ctrl-C reaches the whole process group: the worker must not answer it with a traceback
        # of its own (the server stops it).  An ignored SIGINT survives the exec of a spawned
        # process and Python keeps it ignored, so it also covers the worker's start-up imports.
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            self.proc.start()
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)
        child.close()
        self.conn = parent
        if not parent.poll(self.load_timeout):
            self.stop()
            raise UserError(f"loading {self.graph_path} took longer than {self.load_timeout:.0f} s")
        status, info = parent.recv()
        if status != "ready":
            self.stop()
            raise UserError(f"cannot load {self.graph_path}: {info}")
        self.triples = info

    def stop(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.proc = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def query(self, sparql: str, limit: int) -> tuple[str, Any]:
        with self.lock:
            if self.proc is None or not self.proc.is_alive():
                self.start()
            self.conn.send((sparql, limit))
            if not self.conn.poll(self.timeout):
                self.stop()
                raise QueryTimeout(f"the query exceeded the time limit of {self.timeout:g} s and was stopped")
            try:
                return self.conn.recv()
            except EOFError:
                self.stop()
                return ("error", "the query worker died (out of memory?)")


# ---------------------------------------------------------------------------------------------
# HTTP


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, addr: tuple[str, int], graph_path: Path, timeout: float, max_rows: int):
        self.graph_path = graph_path
        self.folder = graph_path.resolve().parent
        self.max_rows = max_rows
        self.worker = QueryWorker(graph_path, timeout)
        # bind first: a port in use is reported at once, not after loading a large graph
        super().__init__(addr, Handler)
        try:
            self.worker.start()
        except BaseException:
            self.server_close()
            raise

    def server_close(self) -> None:
        super().server_close()
        self.worker.stop()


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "cppcc-kg"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if not getattr(self.server, "quiet", False):
            sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))  # noqa: UP031

    # -- responses

    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"), "text/plain; charset=utf-8", extra)

    # -- methods

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if url.path in ("/sparql", "/query"):
            params = parse_qs(url.query, keep_blank_values=True)
            if "update" in params:
                return self._error(403, "read-only endpoint: SPARQL Update is refused")
            if "query" not in params:
                return self._send(200, FORM.encode("utf-8"), "text/html; charset=utf-8")
            return self._run(params["query"][0], params)
        return self._file(url.path)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/query"):
            return self._error(405, "read-only endpoint: POST is only for SPARQL queries at /sparql; "
                                    "the Graph Store write methods are refused", {"Allow": "GET, HEAD"})
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._error(413, f"request body larger than {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", "replace") if length > 0 else ""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._error(403, "read-only endpoint: SPARQL Update is refused")
        if ctype == "application/sparql-query":
            return self._run(body, params)
        if ctype in ("application/x-www-form-urlencoded", ""):
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form or "update" in params:
                return self._error(403, "read-only endpoint: SPARQL Update is refused")
            params.update(form)
            if "query" not in params:
                return self._error(400, "missing 'query' parameter")
            return self._run(params["query"][0], params)
        return self._error(415, f"unsupported Content-Type {ctype!r}: use application/sparql-query or "
                                "application/x-www-form-urlencoded")

    def _refuse_write(self) -> None:
        self._error(405, f"read-only endpoint: {self.command} (Graph Store write) is refused",
                    {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = _refuse_write

    # -- SPARQL

    def _format(self, params: dict[str, list[str]]) -> str:
        fmt = (params.get("format") or params.get("output") or [""])[0].lower()
        if fmt in ("csv", "text/csv"):
            return "csv"
        if fmt in ("json", "application/sparql-results+json", "application/json"):
            return "json"
        accept = (self.headers.get("Accept") or "").lower()
        if "text/csv" in accept and "json" not in accept.split("text/csv")[0]:
            return "csv"
        return "json"

    def _run(self, sparql: str, params: dict[str, list[str]]) -> None:
        from kg.query import format_csv, to_json

        if not sparql.strip():
            return self._error(400, "empty query")
        if is_update(sparql):
            return self._error(403, "read-only endpoint: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP ...) "
                                    "is refused")
        try:
            status, payload = self.server.worker.query(sparql, self.server.max_rows)
        except QueryTimeout as exc:
            return self._error(503, str(exc))
        except UserError as exc:
            return self._error(500, str(exc))
        if status == "syntax":
            return self._error(400, payload)
        if status != "ok":
            return self._error(500, f"query failed: {payload}")
        result = payload
        extra = {"X-Result-Truncated": "true"} if result.truncated else {}
        fmt = self._format(params)
        if result.kind == "graph" and fmt != "csv":
            return self._send(200, _ntriples(result.triples), "application/n-triples; charset=utf-8", extra)
        if fmt == "csv":
            return self._send(200, format_csv(result).encode("utf-8"), "text/csv; charset=utf-8", extra)
        body = json.dumps(to_json(result), ensure_ascii=False).encode("utf-8")
        return self._send(200, body, "application/sparql-results+json; charset=utf-8", extra)

    # -- files

    def _file(self, raw_path: str) -> None:
        path = self.server.folder / "graph.html" if raw_path in ("/", "") else safe_file(self.server.folder,
                                                                                         raw_path)
        if path is None or not path.is_file():
            return self._error(404, "not found (only the export files of the graph's folder are served)")
        ctype = SERVED_TYPES.get(path.suffix.lower(), "application/octet-stream")
        self._send(200, path.read_bytes(), ctype)


def safe_file(folder: Path, url_path: str) -> Path | None:
    """The export file ``url_path`` names inside ``folder``, or None for anything else:
    sub-folders, ``..``, dot files, symbolic links, other file types.

    >>> safe_file(Path("/srv/out"), "/..%2f..%2fetc/passwd") is None
    True
    >>> safe_file(Path("/srv/out"), "/graph.ttl")
    PosixPath('/srv/out/graph.ttl')
    """
    name = unquote(url_path)
    name = name[1:] if name.startswith("/") else name
    if not name or "/" in name or "\\" in name or "\x00" in name or name.startswith("."):
        return None
    if Path(name).suffix.lower() not in SERVED_TYPES:
        return None
    p = folder / name
    if p.is_symlink():
        return None
    return p


def _ntriples(triples: list) -> bytes:
    from kg.rdf import Lit, write_ntriples

    def term(c: dict) -> Any:
        if c["type"] == "literal":
            return Lit(c["value"], c.get("xml:lang", ""), c.get("datatype", ""))
        return f"_:{c['value']}" if c["type"] == "bnode" else c["value"]

    return write_ntriples([tuple(term(c) for c in t) for t in triples])


def make_server(graph_path: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0,
                max_rows: int = MAX_ROWS) -> SparqlServer:
    """A ready server (its worker has loaded the graph); ``port=0`` picks a free port."""
    p = Path(graph_path)
    if not p.is_file():
        raise UserError(f"no such graph file: {graph_path} (build one with `cppcc-kg build -o FOLDER`)")
    if timeout <= 0:
        raise UserError("--timeout must be positive")
    if not 0 <= port <= 65535:
        raise UserError(f"port {port} is out of range (0-65535; 0: any free port)")
    try:
        return SparqlServer((host, port), p, timeout, max_rows)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UserError(f"port {port} on {host} is already in use: stop the other server or choose another "
                            "port with --port (0: any free port)") from None
        if exc.errno == errno.EACCES:
            raise UserError(f"not allowed to listen on {host}:{port} (ports below 1024 need privileges): "
                            "choose another port with --port") from None
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(graph_path: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0) -> None:
    """The ``serve`` verb: serve until Ctrl-C."""
    server = make_server(graph_path, host, port, timeout)
    h, p = server.server_address[:2]
    print(f"serving {graph_path} ({server.worker.triples} triples): SPARQL at http://{h}:{p}/sparql, "
          f"view at http://{h}:{p}/ (read-only; {timeout:g} s per query; Ctrl-C stops)", file=sys.stderr)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {host}: other machines can reach this endpoint", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
