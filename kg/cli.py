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


def _cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build, summary

    inputs = args.inputs or ["seeds"]
    progress = sys.stderr.isatty() and not args.quiet
    graph = build(inputs, outdir=args.output, workers=args.workers, progress=progress)
    corpus = graph.corpus
    assert corpus is not None
    for r in corpus.reports:
        if r.status != "ok":
            print(f"{r.status}: {r.path}: {r.reason}", file=sys.stderr)
    print(summary(corpus))
    print(f"wrote {Path(args.output) / 'graph.ttl'}, graph.html, report.json in {args.output}")
    ok = sum(1 for r in corpus.reports if r.status == "ok")
    if ok == 0:
        print("error: no article could be read", file=sys.stderr)
        return 1
    if args.strict and any(r.status != "ok" for r in corpus.reports):
        print("error: --strict and some files were skipped", file=sys.stderr)
        return 1
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

    b = sub.add_parser("build", help="build the graph of articles (files or folders)")
    b.add_argument("inputs", nargs="*", help="files or folders (default: seeds/)")
    b.add_argument("-o", "--output", default="exports", help="output folder (default: exports/)")
    b.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    b.add_argument("--strict", action="store_true", help="exit 1 if any file was skipped")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
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
