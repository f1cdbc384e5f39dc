"""The command line: each verb is a few lines over the public API.

Exit status: 0 success; 1 the command ran and found a problem (validation failed, a build
that produced nothing, ``--strict`` with skipped files); 2 a usage error (bad arguments,
missing files, malformed query).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import UserError

BUILD_EPILOG = """\
exit status:
  0  the graph was built and written (skipped files are listed on stderr and in report.json)
  1  nothing could be built (no readable article; the previous export is left as it was),
     or --strict and some file was skipped, failed or duplicated (nothing written),
     or --store/--push failed (the export itself was written)
  2  usage error: bad option, or none of the inputs exists
  3  internal error (a bug: please report it; --debug shows the traceback)
  130 interrupted (Ctrl-C); the previous export is left whole and the next build resumes
      from the cache

cache: per-article results are kept in $XDG_CACHE_HOME/cppcc-kg if that variable is set, else
in .cache/cppcc-kg next to the output folder; an article is analysed again only when its
bytes, its path or the package's code changed.  --no-cache neither reads nor writes it.
"""

MAX_LISTED = 20  # problems printed on stderr; the rest are in report.json


def _cmd_build(args: argparse.Namespace) -> int:
    try:
        return _build(args)
    except (UserError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - no traceback for the user unless asked
        if args.debug:
            raise
        print(f"error: internal error: {type(exc).__name__}: {exc} (run again with --debug for the traceback)",
              file=sys.stderr)
        return 3


def _build(args: argparse.Namespace) -> int:
    import importlib

    from kg.cache import default_cache_dir

    b = importlib.import_module("kg.build")  # the module (kg.build the attribute is the function)

    inputs = args.inputs or ["seeds"]
    missing = [i for i in inputs if not Path(i).exists() and not Path(i).is_symlink()]
    if len(missing) == len(inputs):
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    cache_dir = None if args.no_cache else (args.cache_dir or default_cache_dir(args.output))
    progress = sys.stderr.isatty() and not args.quiet
    stats: dict = {}
    corpus = b.analyse(inputs, workers=args.workers, progress=progress, cache_dir=cache_dir, dask=args.dask,
                       stats=stats)
    problems = [r for r in corpus.reports if r.status != "ok"]
    for r in problems[:MAX_LISTED]:
        print(f"{r.status}: {r.path}: {r.reason}", file=sys.stderr)
    if len(problems) > MAX_LISTED:
        print(f"... and {len(problems) - MAX_LISTED} more (see report.json)", file=sys.stderr)
    print(b.summary(corpus), file=sys.stderr)
    if cache_dir is not None and stats.get("files"):
        print(f"cache: {stats['cached']} articles reused, {stats['analysed']} analysed ({cache_dir})",
              file=sys.stderr)
    if not any(r.status == "ok" for r in corpus.reports):
        print("error: no article could be read; nothing written", file=sys.stderr)
        return 1
    if args.strict and problems:
        print(f"error: --strict and {len(problems)} files were not used; nothing written", file=sys.stderr)
        return 1
    kgraph = b.to_graph(corpus)
    b.export(kgraph, args.output)
    print(f"wrote graph.ttl, graph.html, report.json in {args.output}", file=sys.stderr)
    done = b.publish(kgraph, args.output, store=args.store, push=args.push)
    if "store" in done:
        print(f"loaded {done['store']} triples into the Oxigraph store {args.store}", file=sys.stderr)
    if "push" in done:
        print(f"pushed the graph to {args.push} (HTTP {done['push']})", file=sys.stderr)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate, format_report

    result = evaluate(args.graph, args.gold)
    print(format_report(result, verbose=not args.brief))
    if args.min_f1 is not None and result["overall_f1"] < args.min_f1:
        return 1
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from kg.query import run_query_cli

    print(run_query_cli(args.graph, args.query, name=args.name, fmt=args.format, engine=args.engine), end="")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate

    conforms, text = validate(args.graph)
    print(text)
    return 0 if conforms else 1


def _cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import serve

    serve(args.graph, host=args.host, port=args.port, timeout=args.timeout)
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="cppcc-kg", description="Knowledge graph of CPPCC news.")
    sub = ap.add_subparsers(dest="verb", required=True)

    b = sub.add_parser("build", help="build the graph of articles (files or folders)", epilog=BUILD_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("inputs", nargs="*", help="files or folders (default: seeds/)")
    b.add_argument("-o", "--output", default="exports", help="output folder (default: exports/)")
    b.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    b.add_argument("--strict", action="store_true", help="exit 1 and write nothing if any file was not used")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument("--cache-dir", default=None, help="where per-article results are kept (see below)")
    b.add_argument("--no-cache", action="store_true", help="analyse every article again; do not touch the cache")
    b.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run the per-article stages on this dask.distributed scheduler (tcp://host:8786)")
    b.add_argument("--store", metavar="DIR", default=None, help="also load the graph into a persistent Oxigraph store")
    b.add_argument("--push", metavar="URL", default=None,
                   help="also PUT the graph to a SPARQL 1.1 Graph Store endpoint (?default unless the URL "
                        "names a graph)")
    b.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    b.set_defaults(func=_cmd_build)

    e = sub.add_parser("eval", help="precision, recall and F1 against gold files")
    e.add_argument("graph")
    e.add_argument("gold", nargs="+")
    e.add_argument("--min-f1", type=float, default=None)
    e.add_argument("--brief", action="store_true", help="only the table")
    e.set_defaults(func=_cmd_eval)

    q = sub.add_parser("query", help="run SPARQL over a graph")
    q.add_argument("graph")
    q.add_argument("query", nargs="?", help="a SPARQL query or a .rq file")
    q.add_argument("--name", help="a named example query (see kg/queries/)")
    q.add_argument("--format", default="table", choices=["table", "csv", "json"])
    q.add_argument("--engine", default="auto", choices=["auto", "rdflib", "oxigraph"])
    q.set_defaults(func=_cmd_query)

    v = sub.add_parser("validate", help="check a graph against ontology/shapes.ttl (SHACL)")
    v.add_argument("graph")
    v.set_defaults(func=_cmd_validate)

    s = sub.add_parser("serve", help="serve a read-only SPARQL endpoint and the HTML view")
    s.add_argument("graph", nargs="?", default="exports/graph.ttl")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--timeout", type=float, default=10.0, help="seconds per query")
    s.set_defaults(func=_cmd_serve)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
