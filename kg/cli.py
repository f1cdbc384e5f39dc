"""The command line: each verb is a few lines over the public API.

Every user mistake ends in one line ``error: ...`` on stderr and a documented exit status (see
:mod:`kg.errors`), never in a traceback: 0 success; 1 the command ran and found a problem; 2 a
usage error (bad arguments, missing or malformed files, malformed query, unusable output folder
or port); 3 an internal error (a bug; ``--debug`` shows the traceback); 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import INTERNAL, INTERRUPTED, PROBLEM, USAGE, UserError

EXIT_STATUS = """\
exit status:
  0    success
  1    the command ran and found a problem (see the verb's --help)
  2    usage error: bad option, missing or malformed input file, malformed query,
       unusable output folder, port in use
  3    internal error (a bug: please report it; --debug shows the traceback)
  130  interrupted (Ctrl-C)
"""

MAIN_DESCRIPTION = """\
Knowledge graph of CPPCC (政协) news: articles in; RDF (Turtle, JSON-LD, N-Triples, TriG), an
HTML view, CSV tables and a report out.  'cppcc-kg VERB --help' describes each verb.  Wherever
a GRAPH is asked for, a graph file or the output folder of a build (its graph.ttl) will do.
"""

BUILD_EPILOG = """\
folders: every text-like file below them is read (.txt .text .htm .html .shtml .xhtml .md or no
suffix; hidden files skipped); other files (gold .json, images ...) are ignored.  A file named
on the command line is read whatever its suffix.

exit status:
  0  the graph was built and written (skipped files are listed on stderr and in report.json)
  1  nothing could be built (no readable article; the previous export is left as it was),
     or --strict and some file was skipped, failed or duplicated (nothing written),
     or --store/--push failed (the export itself was written),
     or the export could not be written (disk full ...)
  2  usage error: bad option, none of the inputs exists, the output folder is a file or is
     not writable
  3  internal error (a bug: please report it; --debug shows the traceback)
  130 interrupted (Ctrl-C); the previous export is left whole and the next build resumes
      from the cache

cache: per-article results are kept in $XDG_CACHE_HOME/cppcc-kg if that variable is set, else
in .cache/cppcc-kg next to the output folder; an article is analysed again only when its
bytes, its path or the package's code changed.  --no-cache neither reads nor writes it.

examples:
  cppcc-kg build                                 # seeds/ -> exports/
  cppcc-kg build scraped/ more.html -o out --workers 2
"""

QUERY_EPILOG = """\
The prefixes {prefixes} are predeclared.
Named queries (--name, in kg/queries/):
{names}
Only reading queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are run.

exit status: 0 answered; 1 the query failed while running (e.g. a SERVICE endpoint could not
be reached); 2 missing or unparsable graph, malformed query, unknown --name; 3 internal error;
130 interrupted.

examples:
  cppcc-kg query exports --name who-runs
  cppcc-kg query exports/graph.ttl 'SELECT ?c WHERE {{ ?c a cppcc:CPPCCCommittee }}' --format csv
  cppcc-kg query exports/graph.ttl my-query.rq --format json
"""

VALIDATE_EPILOG = """\
exit status: 0 the graph conforms; 1 violations (listed on stdout); 2 missing or unparsable
graph; 3 internal error; 130 interrupted.

example:
  cppcc-kg validate exports/graph.ttl
"""

EVAL_EPILOG = """\
Gold files are JSON: {"entities": [{"class": ..., "label": ..., "alt": [...], "optional": ...}],
"relations": [{"s": ..., "p": ..., "o": ...}]}.

exit status: 0 scored (and overall F1 >= --min-f1 when given); 1 overall F1 under --min-f1;
2 missing or unparsable graph or gold file; 3 internal error; 130 interrupted.

example:
  cppcc-kg eval exports/graph.ttl gold/*.json --min-f1 0.9
"""

SERVE_EPILOG = """\
GET or POST /sparql (SPARQL 1.1 Protocol; JSON or CSV results), / is graph.html, the other export
files of the graph's folder are served by name.  Read-only: SPARQL Update and Graph Store writes
are refused.  Ctrl-C stops the server (exit status 0).

exit status: 0 stopped with Ctrl-C; 2 missing or unparsable graph, the port is in use or cannot
be bound; 3 internal error.

example:
  cppcc-kg serve exports --port 8080
"""

MAX_LISTED = 20  # problems printed on stderr; the rest are in report.json
MAX_MESSAGE = 600  # characters of an error message (parsers can quote whole files)

# files that are certainly not an RDF graph: a user who passes one gets told so before a parser
# produces a confusing message (or, for JSON, an empty graph)
NOT_RDF_SUFFIXES = {".html", ".htm", ".csv", ".graphml", ".gexf", ".txt", ".md", ".png", ".jpg", ".jpeg",
                    ".gif", ".svg", ".pdf", ".zip", ".gz", ".rq", ".sparql", ".py"}


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error: the mistake and where to read more, no usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message} (see '{self.prog} --help')\n")
        sys.exit(USAGE)


def _bounded(convert: Callable[[str], Any], what: str, ok: Callable[[Any], bool], rule: str) -> Callable[[str], Any]:
    """An argparse ``type``: ``convert`` the text, then check it with ``ok``; both failures are
    one readable line (``expected a whole number, not 'abc'``, ``must be at least 1, not 0``)."""

    def parse(text: str) -> Any:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, not {text!r}") from None
        if not ok(value):
            raise argparse.ArgumentTypeError(f"must be {rule}, not {text}")
        return value

    return parse


_positive_int = _bounded(int, "a whole number", lambda n: n >= 1, "at least 1")


def _formats(text: str) -> tuple[str, ...]:
    from kg.exports import parse_formats

    try:
        return parse_formats(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


_port = _bounded(int, "a port number", lambda n: 0 <= n <= 65535, "between 0 and 65535 (0: any free port)")
_positive_float = _bounded(float, "a number of seconds", lambda x: 0 < x < float("inf"),
                           "a positive number of seconds")
_fraction = _bounded(float, "a number between 0 and 1", lambda x: 0 <= x <= 1, "between 0 and 1")


def _one_line(message: str) -> str:
    """Parser messages span lines and may quote the input: one line, capped."""
    line = " ".join(message.split())
    return line if len(line) <= MAX_MESSAGE else line[:MAX_MESSAGE - 3] + "..."


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("cppcc-kg")
    except Exception:  # noqa: BLE001 - not installed as a distribution (a source checkout)
        import kg

        return getattr(kg, "__version__", "unknown")


def graph_file(arg: str, verb: str = "") -> str:
    """The graph file a GRAPH argument names: a file, or a build's folder (its graph.ttl).

    Raises :class:`UserError` for a missing path, a folder without a graph, or a file that is
    plainly not RDF (HTML view, CSV, a gold JSON file ...)."""
    p = Path(arg)
    if p.is_dir():
        if (p / "graph.ttl").is_file():
            return str(p / "graph.ttl")
        raise UserError(f"{arg} is a folder with no graph.ttl in it: give a graph file or the output folder "
                        "of a build")
    if not p.exists():
        hint = " (build one with `cppcc-kg build`)" if p.name == "graph.ttl" else ""
        raise UserError(f"no such graph file: {arg}{hint}")
    if not p.is_file():
        raise UserError(f"not a regular file: {arg}")
    try:
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise UserError(f"cannot read {arg}: {exc.strerror or exc}") from None
    suffix = p.suffix.lower()
    swapped = " (the graph comes first: cppcc-kg eval GRAPH GOLD.json ...)" if verb == "eval" else ""
    if suffix in NOT_RDF_SUFFIXES or (suffix == ".json" and b"@context" not in head):
        raise UserError(f"{arg} is not an RDF graph: give graph.ttl (or graph.nt, graph.jsonld, graph.trig) "
                        f"or the folder of a build{swapped}")
    return str(p)


# ---------------------------------------------------------------------------------------------
# build


def _check_output_folder(out: str) -> None:
    """Fail before hours of work when the export could not be written anyway."""
    p = Path(out)
    if p.exists() and not p.is_dir():
        raise UserError(f"the output folder {out} is a file: choose a folder with -o")
    existing = p
    while not existing.exists() and existing != existing.parent:
        if existing.is_symlink():
            raise UserError(f"cannot create the output folder {out}: {existing} is a broken symbolic link")
        existing = existing.parent
    if not existing.is_dir():
        raise UserError(f"cannot create the output folder {out}: {existing} is a file")
    if not os.access(existing, os.W_OK | os.X_OK):
        what = f"the output folder {out}" if existing == p else f"cannot create {out}: {existing}"
        raise UserError(f"{what} is not writable")


@contextlib.contextmanager
def _deferred_interrupt(what: str) -> Iterator[list[int]]:
    """Let ``what`` finish on a first Ctrl-C (so that the export is a whole set of files, not
    a mix of old and new ones); a second Ctrl-C stops at once.  The yielded list is non-empty
    when an interrupt was deferred."""
    pending: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield pending
        return

    def handler(signum: int, frame: object) -> None:
        if pending:
            raise KeyboardInterrupt
        pending.append(signum)
        print(f"\ninterrupt: finishing {what} so that it stays whole; Ctrl-C again to stop at once",
              file=sys.stderr)

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield pending
    finally:
        signal.signal(signal.SIGINT, previous)


def _cmd_build(args: argparse.Namespace) -> int:
    try:
        return _build(args)
    except KeyboardInterrupt:
        resume = "" if args.no_cache else " (the next build resumes from the cache)"
        print(f"\ninterrupted: nothing written; the previous export in {args.output} is as it was{resume}",
              file=sys.stderr)
        return INTERRUPTED


def _build(args: argparse.Namespace) -> int:
    from kg import exports, gcpause, workflow
    from kg.cache import default_cache_dir

    inputs = args.inputs or ["seeds"]
    missing = [i for i in inputs if not Path(i).exists() and not Path(i).is_symlink()]
    if len(missing) == len(inputs):
        hint = " (run from the repository, or name the articles to read)" if inputs == ["seeds"] else ""
        raise UserError(f"no such file or folder: {', '.join(missing)}{hint}")
    _check_output_folder(args.output)
    if args.push is not None and not args.push.startswith(("http://", "https://")):
        raise UserError(f"--push needs an http(s) URL, not {args.push!r}")
    for option, folder in (("--cache-dir", args.cache_dir), ("--store", args.store)):
        if folder is not None and Path(folder).exists() and not Path(folder).is_dir():
            raise UserError(f"{option} {folder} is a file: give a folder")
    cache_dir = None if args.no_cache else (args.cache_dir or default_cache_dir(args.output))
    progress = sys.stderr.isatty() and not args.quiet
    stats: dict = {}
    # The cyclic collector off for the build, which makes no cycles (see kg.gcpause); run as the
    # program, it stays off to the end of the process (see main): turning it back on would walk
    # the corpus twice more for nothing, after the analysis and at exit (1.4 s on 3,000
    # articles).  Forked analysis workers turn it on for themselves (kg.pipeline); a Dask
    # client's threads (or a caller's) keep it.
    if gcpause.alone(threads_to_come=args.dask is not None):
        gc.disable()
    corpus = workflow.analyse(inputs, workers=args.workers, progress=progress, cache_dir=cache_dir, dask=args.dask,
                       stats=stats)
    problems = [r for r in corpus.reports if r.status != "ok"]
    for r in problems[:MAX_LISTED]:
        print(f"{r.status}: {r.path}: {r.reason}", file=sys.stderr)
    if len(problems) > MAX_LISTED:
        print(f"... and {len(problems) - MAX_LISTED} more (see report.json)", file=sys.stderr)
    print(workflow.summary(corpus), file=sys.stderr)
    if cache_dir is not None and stats.get("files"):
        print(f"cache: {stats['cached']} articles reused, {stats['analysed']} analysed ({cache_dir})",
              file=sys.stderr)
    if not corpus.reports:
        print("error: no article found: folders give only text-like files (.txt .html .md ... or no suffix); "
              "name other files explicitly; nothing written", file=sys.stderr)
        return PROBLEM
    if not any(r.status == "ok" for r in corpus.reports):
        print("error: no article could be read; nothing written", file=sys.stderr)
        return PROBLEM
    if args.strict and problems:
        print(f"error: --strict and {len(problems)} files were not used; nothing written", file=sys.stderr)
        return PROBLEM
    kgraph = workflow.to_graph(corpus)
    with _deferred_interrupt("writing the export") as interrupted:
        try:
            written = workflow.export(kgraph, args.output, args.formats, args.workers)
        except KeyboardInterrupt:  # the second Ctrl-C: each file is whole, but old and new may mix
            print(f"\ninterrupted while writing the export: files in {args.output} may be a mix of the "
                  "previous and the new build; build again", file=sys.stderr)
            return INTERRUPTED
        except OSError as exc:
            raise UserError(f"cannot write the export to {args.output}: {exc.strerror or exc}"
                            + (f" ({exc.filename})" if exc.filename else ""), exit_code=PROBLEM) from None
    print(f"wrote {', '.join(written)} in {args.output}", file=sys.stderr)
    stale = sorted(n for names in exports.FORMATS.values() for n in names
                   if n not in written and (Path(args.output) / n).is_file())
    if stale:
        print(f"note: {', '.join(stale)} in {args.output} are from an earlier build (not in --formats)",
              file=sys.stderr)
    if interrupted:
        print("interrupted after the export was written", file=sys.stderr)
        return INTERRUPTED
    try:
        done = workflow.publish(kgraph, args.output if "graph.ttl" in written else None, store=args.store,
                                push=args.push)
    except KeyboardInterrupt:
        print(f"\ninterrupted while loading or pushing the graph; the export in {args.output} was written",
              file=sys.stderr)
        return INTERRUPTED
    if "store" in done:
        print(f"loaded {done['store']} triples into the Oxigraph store {args.store}", file=sys.stderr)
    if "push" in done:
        print(f"pushed the graph to {args.push} (HTTP {done['push']})", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------------------------
# the other verbs


def _cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate, format_report

    result = evaluate(graph_file(args.graph, "eval"), args.gold)
    print(format_report(result, verbose=not args.brief))
    if args.min_f1 is not None and result["overall_f1"] < args.min_f1:
        print(f"error: overall F1 {result['overall_f1']:.3f} is under --min-f1 {args.min_f1:g}", file=sys.stderr)
        return PROBLEM
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from kg.query import run_query_cli

    print(run_query_cli(graph_file(args.graph), args.query, name=args.name, fmt=args.format, engine=args.engine),
          end="")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate

    conforms, text = validate(graph_file(args.graph))
    print(text)
    return 0 if conforms else PROBLEM


def _cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import serve

    serve(graph_file(args.graph), host=args.host, port=args.port, timeout=args.timeout)
    return 0


# ---------------------------------------------------------------------------------------------
# the parser


def _query_epilog() -> str:
    from kg.query import QUERY_DIR
    from kg.vocab import PREFIXES

    names = ", ".join(sorted(p.stem for p in QUERY_DIR.glob("*.rq"))) or "none"
    return QUERY_EPILOG.format(prefixes=" ".join(f"{p}:" for p in PREFIXES),
                               names=textwrap.fill(names, 94, initial_indent="  ", subsequent_indent="  "))


def _wrap(text: str) -> str:
    """A verb's description, wrapped as argparse would (raw formatting keeps the epilogs' layout)."""
    return textwrap.fill(text, 94)


def parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The main parser and each verb's parser (by verb)."""
    raw = argparse.RawDescriptionHelpFormatter
    ap = _Parser(prog="cppcc-kg", description=MAIN_DESCRIPTION, epilog=EXIT_STATUS, formatter_class=raw)
    ap.add_argument("--version", action="version", version=f"cppcc-kg {_version()}")
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    sub = ap.add_subparsers(dest="verb", metavar="VERB", required=True)

    b = sub.add_parser("build", help="build the graph of articles (files or folders)", parents=[common],
                       description=_wrap("Read articles (files or folders), extract the CPPCC knowledge graph and "
                                         "write graph.ttl, graph.jsonld, graph.nt, graph.trig, graph.graphml, "
                                         "entities.csv, relations.csv, graph.html and report.json to OUTDIR."),
                       epilog=BUILD_EPILOG, formatter_class=raw)
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="article files or folders (default: seeds/)")
    b.add_argument("-o", "--output", default="exports", metavar="OUTDIR", help="output folder (default: exports/)")
    b.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                   help="processes, at least 1 (default: all cores)")
    b.add_argument("--formats", type=_formats, default=None, metavar="LIST",
                   help="export formats, comma-separated: ttl, nt, jsonld, trig, graphml, csv, html, or all "
                        "(default: all; report.json is always written)")
    b.add_argument("--strict", action="store_true", help="exit 1 and write nothing if any file was not used")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument("--cache-dir", default=None, metavar="DIR", help="where per-article results are kept (see below)")
    b.add_argument("--no-cache", action="store_true", help="analyse every article again; do not touch the cache")
    b.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run the per-article stages on this dask.distributed scheduler (tcp://host:8786)")
    b.add_argument("--store", metavar="DIR", default=None, help="also load the graph into a persistent Oxigraph store")
    b.add_argument("--push", metavar="URL", default=None,
                   help="also PUT the graph to a SPARQL 1.1 Graph Store endpoint (?default unless the URL "
                        "names a graph)")
    b.set_defaults(func=_cmd_build)

    q = sub.add_parser("query", help="run SPARQL over a graph", parents=[common],
                       description=_wrap("Run a SPARQL query over a graph and print the answer."),
                       epilog=_query_epilog(), formatter_class=raw)
    q.add_argument("graph", metavar="GRAPH", help="graph file (graph.ttl, .nt, .jsonld, .trig) or a build's folder")
    q.add_argument("query", nargs="?", metavar="QUERY", help="a SPARQL query, or a .rq file holding one")
    q.add_argument("--name", help="run a named example query instead (listed below)")
    q.add_argument("--format", default="table", choices=["table", "csv", "json"],
                   help="table (default), csv, or json (SPARQL 1.1 results JSON)")
    q.add_argument("--engine", default="auto", choices=["auto", "rdflib", "oxigraph"],
                   help="auto (default: Oxigraph for large graphs), rdflib or oxigraph")
    q.set_defaults(func=_cmd_query)

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes", parents=[common],
                       description=_wrap("Check a graph against ontology/shapes.ttl (SHACL) and list the "
                                         "violations readably."), epilog=VALIDATE_EPILOG, formatter_class=raw)
    v.add_argument("graph", metavar="GRAPH", help="graph file or a build's folder")
    v.set_defaults(func=_cmd_validate)

    e = sub.add_parser("eval", help="precision, recall and F1 against gold files", parents=[common],
                       description=_wrap("Score a graph against gold JSON files: precision, recall and F1 per "
                                         "class and relation, and overall."), epilog=EVAL_EPILOG, formatter_class=raw)
    e.add_argument("graph", metavar="GRAPH", help="graph file or a build's folder")
    e.add_argument("gold", nargs="+", metavar="GOLD", help="gold JSON files")
    e.add_argument("--min-f1", type=_fraction, default=None, metavar="F",
                   help="exit 1 when the overall F1 is under F (0 to 1)")
    e.add_argument("--brief", action="store_true", help="only the table")
    e.set_defaults(func=_cmd_eval)

    s = sub.add_parser("serve", help="serve a read-only SPARQL endpoint and the HTML view", parents=[common],
                       description=_wrap("Serve a read-only SPARQL 1.1 endpoint over a graph, and the export's "
                                         "HTML view, until Ctrl-C."), epilog=SERVE_EPILOG, formatter_class=raw)
    s.add_argument("graph", nargs="?", default="exports/graph.ttl", metavar="GRAPH",
                   help="graph file or a build's folder (default: exports/graph.ttl)")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=_port, default=8000, help="port (default: 8000; 0: any free port)")
    s.add_argument("--timeout", type=_positive_float, default=10.0, metavar="SECONDS",
                   help="time limit per query (default: 10)")
    s.set_defaults(func=_cmd_serve)
    return ap, dict(sub.choices)


def parser() -> argparse.ArgumentParser:
    return parsers()[0]


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Options and arguments in any order (``query G --format csv 'SELECT ...'`` works), which
    plain argparse refuses when an optional positional follows an option."""
    ap, verbs = parsers()
    if argv and argv[0] in verbs:
        return verbs[argv[0]].parse_intermixed_args(argv[1:])
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """The command line.  Without ``argv`` (the console script, ``python -m kg``) the process
    ends after it; with ``argv`` (a caller in Python) the garbage collector is left as it was."""
    program = argv is None
    gc_was_on = gc.isenabled()
    try:
        return _main(sys.argv[1:] if argv is None else list(argv))
    finally:
        if gc_was_on and not program:
            gc.enable()


def _main(argv: list[str]) -> int:
    if not argv:
        parser().print_help(sys.stderr)
        return USAGE
    try:
        args = parse_args(argv)  # the help texts import rdflib (prefixes): a Ctrl-C may come here
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return INTERRUPTED
    try:
        return args.func(args)
    except UserError as exc:
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # the reader (| head) went away: not an error; stop Python complaining when it flushes
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - no traceback for the user unless asked
        if getattr(args, "debug", False):
            raise
        print(f"error: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
              "(a bug: please report it; run again with --debug for the traceback)", file=sys.stderr)
        return INTERNAL


if __name__ == "__main__":
    sys.exit(main())
