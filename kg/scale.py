"""Past one machine: the per-article stages on a Dask cluster, the graph in an Oxigraph store
or in any SPARQL 1.1 Graph Store Protocol endpoint.

The scaling path, in order of need:

1. one machine, all cores: ``cppcc-kg build --workers N`` (default: every core) plus the
   incremental cache, which makes every rebuild after the first one cost only what changed;
2. several machines: ``--dask tcp://scheduler:8786`` sends the per-article stages (read,
   normalise, segment, recognise, relate: everything that is independent per article) to a
   ``dask.distributed`` cluster in batches; the workers need this package installed and the
   input files at the same paths (a shared file system).  Resolve and the exports stay on the
   machine that runs the command: they are corpus-wide and cheap next to the analysis.  The
   graph is byte-identical to a local build;
3. a real triple store: ``--store DIR`` loads the graph into a persistent pyoxigraph store
   (RocksDB; query it with ``pyoxigraph`` or ``oxigraph serve --location DIR``), and
   ``--push URL`` replaces a graph of a SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph,
   Fuseki, GraphDB, Virtuoso...) with an HTTP PUT of the Turtle export.

Dependencies (the ``scale`` extra): ``dask[distributed]`` for 2, ``oxigraph`` (the server binary)
to test 3; ``pyoxigraph`` is a core dependency.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import UserError
from kg.pipeline import Outcome, Task, work_batch

DASK_BATCH = 16  # articles per Dask task: amortises the scheduler's per-task cost (~1 ms)


class ScaleError(UserError):
    """The graph was built but could not be sent where the user asked (exit status 1)."""

    exit_code = 1


def _client(dask: Any, timeout: float = 30.0) -> tuple[Any, bool]:
    """A ``distributed.Client`` for an address (ours to close) or the client given."""
    if not isinstance(dask, str):
        return dask, False
    try:
        from distributed import Client
    except ImportError:
        raise UserError("--dask needs dask.distributed: pip install 'dask[distributed]'") from None
    try:
        return Client(dask, set_as_default=False, timeout=timeout), True
    except (OSError, TimeoutError) as exc:
        raise UserError(f"cannot reach the Dask scheduler at {dask}: {exc}") from None


def run_on_dask(tasks: list[Task], dask: Any, batch: int = DASK_BATCH, window: int | None = None,
                connect_timeout: float = 30.0) -> Iterator[Outcome]:
    """Outcomes of ``tasks`` in input order, computed on a Dask cluster.

    ``dask`` is a scheduler address or a ``distributed.Client``.  At most ``window`` batches
    are in flight, so neither the cluster nor this process holds the whole corpus's results.
    """
    if not tasks:
        return
    client, owned = _client(dask, connect_timeout)
    inflight: deque = deque()
    try:
        if window is None:
            window = max(4, 4 * len(client.scheduler_info().get("workers", {}) or [1]))
        batches = [tasks[i:i + batch] for i in range(0, len(tasks), batch)]
        nxt = 0
        while nxt < len(batches) or inflight:
            while nxt < len(batches) and len(inflight) < window:
                inflight.append(client.submit(work_batch, batches[nxt], pure=False))
                nxt += 1
            fut = inflight.popleft()
            outcomes = fut.result()
            fut.release()
            yield from outcomes
    finally:
        for fut in inflight:
            fut.cancel()
        if owned:
            client.close()


def load_store(turtle: bytes | str | os.PathLike, store_dir: str | os.PathLike, graph: str | None = None) -> int:
    """Replace the default graph (or the named ``graph``) of the persistent Oxigraph store in
    ``store_dir`` with the Turtle given (bytes, or the path of a file); returns its triple count.
    """
    import pyoxigraph as ox

    target = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    Path(store_dir).mkdir(parents=True, exist_ok=True)
    try:
        store = ox.Store(str(store_dir))
    except OSError as exc:
        raise ScaleError(f"cannot open the Oxigraph store {store_dir} (is a server using it?): {exc}") from None
    try:
        store.clear_graph(target)
        if isinstance(turtle, bytes):
            store.bulk_load(input=turtle, format=ox.RdfFormat.TURTLE, to_graph=target)
        else:
            store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE, to_graph=target)
        store.flush()
        return sum(1 for _ in store.quads_for_pattern(None, None, None, target))
    finally:
        del store


def graph_url(url: str, graph: str | None = None) -> str:
    """The Graph Store Protocol URL of the target graph: ``?default`` unless the URL already
    names one, or ``?graph=`` when ``graph`` is given.

    >>> graph_url("http://127.0.0.1:7878/store")
    'http://127.0.0.1:7878/store?default'
    >>> graph_url("http://h/store", "https://w3id.org/cppcc-kg/graph")
    'http://h/store?graph=https%3A%2F%2Fw3id.org%2Fcppcc-kg%2Fgraph'
    >>> graph_url("http://h/store?graph=urn:g")
    'http://h/store?graph=urn:g'
    """
    parts = urllib.parse.urlsplit(url)
    if graph:
        query = urllib.parse.urlencode({"graph": graph})
    elif parts.query:
        return url
    else:
        query = "default"
    return urllib.parse.urlunsplit(parts._replace(query=query))


def push(turtle: bytes, url: str, graph: str | None = None, method: str = "PUT", timeout: float = 120.0) -> int:
    """Send the graph to a SPARQL 1.1 Graph Store Protocol endpoint: ``PUT`` replaces the
    target graph (the graph is always the whole current corpus), ``POST`` adds to it.
    Returns the HTTP status; raises :class:`ScaleError` with the server's answer on failure."""
    target = graph_url(url, graph)
    if urllib.parse.urlsplit(target).scheme not in ("http", "https"):
        raise ScaleError(f"--push needs an http(s) URL, not {url!r}")
    req = urllib.request.Request(target, data=turtle, method=method,
                                 headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - scheme checked above
            return resp.status
    except urllib.error.HTTPError as exc:
        body = exc.read(500).decode("utf-8", "replace").strip()
        raise ScaleError(f"push to {target} failed: HTTP {exc.code} {exc.reason}: {body}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise ScaleError(f"push to {target} failed: {getattr(exc, 'reason', exc)}") from None
