"""The SPARQL endpoint over real HTTP: protocol, formats, read-only, limits, file serving."""

from __future__ import annotations

import csv
import http.client
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from test_rdf_corpus import make_corpus

from kg import rdf, serve
from kg.errors import UserError

RUNS = "SELECT ?c ?i WHERE { ?x cppcc:runs ?y . ?x skos:prefLabel ?c . ?y skos:prefLabel ?i } ORDER BY ?i"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    out = root / "out"
    out.mkdir()
    (out / "graph.ttl").write_bytes(rdf.corpus_turtle(make_corpus()))
    (out / "graph.html").write_text("<html>view</html>", encoding="utf-8")
    (out / "entities.csv").write_text("iri,label\n", encoding="utf-8")
    (out / ".graph.ttl.tmp").write_text("partial", encoding="utf-8")
    (root / "secret.txt").write_text("SECRET", encoding="utf-8")
    (out / "link.csv").symlink_to(root / "secret.txt")
    server = serve.make_server(out / "graph.ttl", port=0, timeout=2.0, max_rows=5)
    server.quiet = True
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}", server
    server.shutdown()
    server.server_close()


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _post(url: str, data: bytes, ctype: str, method: str = "POST", headers: dict | None = None):
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": ctype, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _bindings(body: bytes) -> list[tuple[str, ...]]:
    doc = json.loads(body)
    return [tuple(b[v]["value"] for v in doc["head"]["vars"]) for b in doc["results"]["bindings"]]


def test_binds_localhost_by_default(endpoint):
    url, server = endpoint
    assert server.server_address[0] == "127.0.0.1"


def test_get_json(endpoint):
    url, _ = endpoint
    status, headers, body = _get(f"{url}/sparql?query={urllib.parse.quote(RUNS)}")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert _bindings(body) == [("宜昌市政协", "峡江议事厅"), ("湖北省政协", "荆楚同心 委员行动")]


def test_post_form_and_sparql_query_and_csv(endpoint):
    url, _ = endpoint
    form = urllib.parse.urlencode({"query": RUNS}).encode()
    status, _, body = _post(f"{url}/sparql", form, "application/x-www-form-urlencoded")
    assert status == 200 and len(_bindings(body)) == 2
    status, headers, body = _post(f"{url}/sparql", RUNS.encode(), "application/sparql-query",
                                  headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["c", "i"] and rows[1] == ["宜昌市政协", "峡江议事厅"]
    status, headers, _ = _get(f"{url}/sparql?format=csv&query={urllib.parse.quote(RUNS)}")
    assert headers["Content-Type"].startswith("text/csv")


def test_ask_and_construct(endpoint):
    url, _ = endpoint
    status, _, body = _get(f"{url}/sparql?query={urllib.parse.quote('ASK { ?c cppcc:runs ?i }')}")
    assert json.loads(body)["boolean"] is True
    q = "CONSTRUCT { ?c cppcc:runs ?i } WHERE { ?c cppcc:runs ?i }"
    status, headers, body = _get(f"{url}/sparql?query={urllib.parse.quote(q)}")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert body.decode().count("<https://w3id.org/cppcc-kg/ontology#runs>") == 2


def test_malformed_query_is_400_with_the_parser_message(endpoint):
    url, _ = endpoint
    status, _, body = _get(f"{url}/sparql?query={urllib.parse.quote('SELECT ?x WHERE { ?x')}")
    assert status == 400 and b"malformed" in body


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x:> DELETE WHERE { ?s ?p ?o }",
    "# a comment\nLOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "drop graph <urn:g>",
])
def test_updates_are_refused(endpoint, update):
    url, _ = endpoint
    status, _, body = _get(f"{url}/sparql?query={urllib.parse.quote(update)}")
    assert status == 403 and b"read-only" in body
    status, _, body = _post(f"{url}/sparql", urllib.parse.urlencode({"update": update}).encode(),
                            "application/x-www-form-urlencoded")
    assert status == 403 and b"read-only" in body
    status, _, _ = _post(f"{url}/sparql", update.encode(), "application/sparql-update")
    assert status == 403
    # the data is unchanged
    _, _, body = _get(f"{url}/sparql?query={urllib.parse.quote(RUNS)}")
    assert len(_bindings(body)) == 2


@pytest.mark.parametrize("method, path", [("PUT", "/data?default"), ("DELETE", "/data?default"),
                                          ("POST", "/data?default"), ("PUT", "/graph.ttl"),
                                          ("DELETE", "/graph.ttl"), ("PATCH", "/sparql")])
def test_graph_store_writes_are_refused(endpoint, method, path):
    url, _ = endpoint
    status, _, body = _post(f"{url}{path}", b"<urn:a> <urn:b> <urn:c> .", "text/turtle", method=method)
    assert status == 405 and b"read-only" in body


def test_time_limit_stops_a_runaway_query_and_the_next_one_works(endpoint):
    url, _ = endpoint
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    status, _, body = _get(f"{url}/sparql?query={urllib.parse.quote(slow)}")
    assert status == 503 and b"time" in body
    status, _, body = _get(f"{url}/sparql?query={urllib.parse.quote(RUNS)}")
    assert status == 200 and len(_bindings(body)) == 2


def test_result_size_limit(endpoint):
    url, _ = endpoint
    status, headers, body = _get(f"{url}/sparql?query={urllib.parse.quote('SELECT * WHERE { ?s ?p ?o }')}")
    assert status == 200 and headers.get("X-Result-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 5


def test_serves_the_view_and_export_files(endpoint):
    url, _ = endpoint
    status, headers, body = _get(f"{url}/")
    assert status == 200 and body == b"<html>view</html>" and headers["Content-Type"].startswith("text/html")
    status, headers, body = _get(f"{url}/graph.ttl")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle") and b"@prefix cppcc:" in body
    assert _get(f"{url}/entities.csv")[0] == 200


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
                                  "/link.csv", "/.graph.ttl.tmp", "/etc/passwd", "//etc/passwd",
                                  "/%2Fetc%2Fpasswd", "/..\\secret.txt", "/graph.ttl%00.html", "/nothing.ttl"])
def test_path_traversal_is_refused(endpoint, path):
    url, _ = endpoint
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", path)  # raw path: urllib would normalise some of these
    r = conn.getresponse()
    body = r.read()
    conn.close()
    assert r.status == 404 and b"SECRET" not in body and b"root:" not in body


def test_form_page_and_missing_query(endpoint):
    url, _ = endpoint
    status, headers, body = _get(f"{url}/sparql")
    assert status == 200 and b"<form" in body
    status, _, _ = _post(f"{url}/sparql", b"", "application/x-www-form-urlencoded")
    assert status == 400


def test_missing_graph_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no such graph"):
        serve.make_server(tmp_path / "none.ttl", port=0)


def test_port_in_use_is_a_user_error_before_the_graph_is_loaded(endpoint, monkeypatch):
    def never(self):  # loading a large graph takes minutes: the port must be checked first
        raise AssertionError("the graph was loaded before the port was bound")

    monkeypatch.setattr(serve.QueryWorker, "start", never)
    server = endpoint[1]
    host, port = server.server_address[:2]
    with pytest.raises(UserError, match=f"port {port} .*already in use"):
        serve.make_server(server.graph_path, host=host, port=port)


def test_named_queries_through_the_endpoint_on_the_seeds(seeds_export):
    from decimal import Decimal

    from kg import query

    _, out = seeds_export
    server = serve.make_server(out / "graph.ttl", port=0, timeout=30.0)
    server.quiet = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]

    def canon(rows):
        def cell(c):
            if c is None:
                return None
            v = c["value"]
            return Decimal(v) if c.get("datatype", "").endswith(("#decimal", "#integer")) else v
        return sorted((tuple(cell(r.get(v)) for v in vars_) for r in rows), key=repr)

    try:
        for name, nq in query.named_queries().items():
            status, _, body = _get(f"http://{host}:{port}/sparql?query={urllib.parse.quote(nq.text)}")
            assert status == 200, name
            doc = json.loads(body)
            vars_ = doc["head"]["vars"]
            local = query.RdflibEngine.from_file(out / "graph.ttl").query(nq.text)
            assert canon(doc["results"]["bindings"]) == canon(local.rows), name
    finally:
        server.shutdown()
        server.server_close()
