"""Scale-out: Dask gives the same graph; the graph goes into an Oxigraph store and, over real
HTTP, into an Oxigraph server's Graph Store Protocol endpoint."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg import pipeline, rdf, scale
from kg.workflow import analyse, build, to_graph
from tests.test_pipeline import SEEDS, TOY_STAGES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def toy(monkeypatch):
    monkeypatch.setattr(pipeline, "STAGES", TOY_STAGES)


def _ntriples(ttl: bytes) -> set[str]:
    import pyoxigraph as ox

    return {str(t) for t in ox.parse(ttl, format=ox.RdfFormat.TURTLE)}


def test_dask_local_cluster_gives_the_same_graph_bytes(toy, tmp_path):
    distributed = pytest.importorskip("distributed", reason="dask.distributed not installed (pip install '.[scale]')")
    local = rdf.turtle_bytes(to_graph(analyse(SEEDS, workers=1)).rdf)
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        corpus = analyse(SEEDS, dask=cluster.scheduler_address, cache_dir=tmp_path / "cache")
        remote = rdf.turtle_bytes(to_graph(corpus).rdf)
        assert remote == local
        assert any(k.startswith("person:") for k in corpus.entities)
        # the results computed on the cluster were cached here: the next build needs no cluster
        stats: dict = {}
        again = analyse(SEEDS, workers=1, cache_dir=tmp_path / "cache", stats=stats)
        assert stats["cached"] == len(SEEDS)
        assert rdf.turtle_bytes(to_graph(again).rdf) == local


def test_dask_batches_come_back_in_order(toy):
    distributed = pytest.importorskip("distributed", reason="dask.distributed not installed (pip install '.[scale]')")
    tasks = [pipeline.Task(p) for p in SEEDS * 3]
    with distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        got = [o.report.path for o in scale.run_on_dask(tasks, client, batch=2, window=2)]
    assert got == [t.path for t in tasks]


def test_unreachable_scheduler_is_a_clear_error():
    pytest.importorskip("distributed", reason="dask.distributed not installed (pip install '.[scale]')")
    from kg.errors import UserError

    with pytest.raises(UserError, match="Dask scheduler"):
        list(scale.run_on_dask([pipeline.Task(SEEDS[0])], f"tcp://127.0.0.1:{_free_port()}", connect_timeout=2))


def test_store_holds_exactly_the_graph_and_a_reload_replaces_it(toy, tmp_path):
    import pyoxigraph as ox

    out = tmp_path / "out"
    build(SEEDS, outdir=out, workers=1, store=tmp_path / "store")
    ttl = (out / "graph.ttl").read_bytes()
    assert scale.load_store(ttl, tmp_path / "store") == len(_ntriples(ttl))  # twice: replaced, not doubled
    store = ox.Store(str(tmp_path / "store"))
    got = {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert got == _ntriples(ttl) and got


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    exe = shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server binary is missing (pip install oxigraph, in the [scale] extra)")
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode()[-500:]}")
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not answer")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _select(base: str, sparql: str) -> list[dict]:
    req = urllib.request.Request(f"{base}/query?{urllib.parse.urlencode({'query': sparql})}",
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)["results"]["bindings"]


def test_push_to_a_real_oxigraph_server_and_query_it_back(toy, tmp_path, oxigraph_server):
    out = tmp_path / "out"
    build(SEEDS, outdir=out, workers=1, push=f"{oxigraph_server}/store")
    ttl = (out / "graph.ttl").read_bytes()
    expected = _ntriples(ttl)
    count = _select(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(count[0]["n"]["value"]) == len(expected) > 0
    # PUT replaces: pushing again does not double the graph
    assert scale.push(ttl, f"{oxigraph_server}/store") in (200, 201, 204)
    count = _select(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(count[0]["n"]["value"]) == len(expected)
    # a named graph, and the labels survive the trip (UTF-8)
    scale.push(ttl, f"{oxigraph_server}/store", graph="https://w3id.org/cppcc-kg/graph")
    rows = _select(oxigraph_server, "SELECT ?l WHERE { GRAPH <https://w3id.org/cppcc-kg/graph> "
                                    "{ ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } }")
    import pyoxigraph as ox

    labels = {t.object.value for t in ox.parse(ttl, format=ox.RdfFormat.TURTLE)
              if t.predicate.value == "http://www.w3.org/2004/02/skos/core#prefLabel"}
    assert {r["l"]["value"] for r in rows} == labels and labels


def test_cli_push_and_store(toy, tmp_path, oxigraph_server):
    r = subprocess.run([sys.executable, "-m", "kg", "build", *SEEDS[:2], "-o", str(tmp_path / "out"), "--workers",
                        "1", "--no-cache", "--store", str(tmp_path / "st"), "--push", f"{oxigraph_server}/store"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "pushed the graph" in r.stderr and "Oxigraph store" in r.stderr


def test_push_failure_is_reported_with_exit_1(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kg", "build", SEEDS[0], "-o", str(tmp_path / "out"), "--workers",
                        "1", "--no-cache", "--push", f"http://127.0.0.1:{_free_port()}/store"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1, r.stderr
    assert "push to" in r.stderr and "Traceback" not in r.stderr
    assert (tmp_path / "out" / "graph.ttl").is_file(), "the export itself was written"
