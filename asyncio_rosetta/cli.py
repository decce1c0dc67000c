"""The ``asyncio-rosetta`` command line: list, show, diff, run, verify; scan, explain, port.

    python -m asyncio_rosetta verify            # every topic, every style, this interpreter
    python -m asyncio_rosetta diff wait_timeout async_await modern_taskgroup
    python -m asyncio_rosetta scan src/ --target-version 3.8 --upgrade-to 3.12
    python -m asyncio_rosetta explain AR101
    python -m asyncio_rosetta port src/ --target-version 3.11 --write
    python -m asyncio_rosetta matrix --format markdown      # what the test suite measured, every Python
    python -m asyncio_rosetta site public/                  # the static site (index.html)
    python -m asyncio_rosetta bench --format markdown       # the styles timed on every python3.X on PATH

Standard library only, so that it runs on 3.6-3.14 from a clone with nothing
installed (``port`` alone needs LibCST); installed, it reads the variants, traces
and probes its wheel carries. A bad topic, style, hazard or flag prints one line and exits 2.
Ctrl-C and kill end any command with no traceback and nothing left running
(exit 130, 143: see interrupts), and so does a reader that goes away (``| head``: 141).
"""

import argparse
import os
import sys

from asyncio_rosetta import __version__, config, interrupts, render
from asyncio_rosetta.data import in_clone, read_text
from asyncio_rosetta.errors import RosettaError, UsageError
from asyncio_rosetta.harness.catalog import load
from asyncio_rosetta.harness.compat import expectation, reference_style
from asyncio_rosetta.scan import cache as scan_cache
from asyncio_rosetta.scan import report as scan_report
from asyncio_rosetta.scan.hazards import NOT_MEASURED, load as load_hazards
from asyncio_rosetta.scan.scanner import scan
from asyncio_rosetta.versions import DEFAULT_TARGET, NEWEST, OLDEST, PYTHONS, label, parse_supported

__all__ = ["main"]

PROG = "asyncio-rosetta"
_OUTCOME_WORDS = {"clean": "runs", "warns": "warns", "fails": "fails"}


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # One clear line instead of argparse's usage block.
        raise UsageError("{} (see {} --help)".format(message, self.prog))


def main(argv=None):
    with interrupts.handled():
        try:
            status = _dispatch(argv)
            sys.stdout.flush()  # here, not at exit: a reader that went away is seen below
            return status
        except KeyboardInterrupt as exc:  # Ctrl-C, kill: children and temporary folders are gone by now
            return exc.status if isinstance(exc, interrupts.Interrupted) else 130
        except BrokenPipeError:
            return interrupts.broken_pipe()


def _dispatch(argv):
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        if args.command in (cmd_scan, cmd_explain, cmd_port, cmd_bench):  # no clone needed
            return args.command(args)
        return args.command(load(), args)
    except RosettaError as exc:
        print("{}: error: {}".format(PROG, exc), file=sys.stderr)
        return 2


def _parser():
    parser = _Parser(prog=PROG, description="One asyncio topic, written three ways, proven equivalent.")
    parser.set_defaults(command=None)
    parser.add_argument("--version", action="version", version="%(prog)s " + __version__)
    commands = parser.add_subparsers(title="commands", dest="name", parser_class=_Parser)
    _reference_commands(commands)
    _porting_commands(commands)
    _reference_checks(commands)
    _publishing_commands(commands)
    return parser


def _path(text):
    """A path argument: not empty (pathlib reads '' as '.', so `scan ''` scanned the working
    directory and `site ''` would have replaced it)."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path names no file or folder")
    return text


def _reference_commands(commands):
    """The topics: list, show, diff, run."""
    sub = commands.add_parser("list", help="topics, and what each style does on this interpreter")
    sub.set_defaults(command=cmd_list)

    sub = commands.add_parser("show", help="a variant's source (highlighted on a terminal)")
    sub.add_argument("topic")
    sub.add_argument("--style", default=None, help="default: the newest style that runs here")
    sub.set_defaults(command=cmd_show)

    sub = commands.add_parser("diff", help="styles side by side (unified diff when narrow or piped)")
    sub.add_argument("topic")
    sub.add_argument("styles", nargs="*", metavar="STYLE", help="two styles (default: all three)")
    sub.add_argument("--unified", action="store_true", help="always print a unified diff")
    sub.set_defaults(command=cmd_diff)

    sub = commands.add_parser("run", help="run a variant and print its trace live")
    sub.add_argument("topic")
    sub.add_argument("--style", default=None, help="default: the newest style that runs here")
    sub.add_argument("--real-time", action="store_true", help="wall-clock time instead of the virtual clock")
    sub.set_defaults(command=cmd_run)


def _porting_commands(commands):
    """The user's code: scan, explain, port."""
    sub = commands.add_parser("scan", help="find legacy asyncio constructs in files and say what breaks where")
    sub.add_argument("paths", nargs="+", type=_path, metavar="PATH", help="files and folders")
    _target_version(sub, "the oldest Python the code must run on: what a construct did before it is not reported",
                    OLDEST)
    sub.add_argument("--upgrade-to", default=None, metavar="VERSION", help="the newest Python to look ahead to: "
                     "what changes on the way up to it is reported (default: pyproject.toml's, else {})".format(
                         label(NEWEST)))
    sub.add_argument("--select", default=None, metavar="IDS", help="only these hazards (ids or names, comma-separated)")
    sub.add_argument("--ignore", default=None, metavar="IDS", help="leave these hazards out")
    sub.add_argument("--format", choices=scan_report.FORMATS, default="text", help="text (the explanation once per "
                     "file), concise (path:line:col: ID title), github (workflow annotations), json or sarif")
    sub.add_argument("--statistics", action="store_true", help="how many of each hazard, instead of each finding")
    sub.add_argument("--exit-zero", action="store_true", help="exit 0 even if something is found")
    sub.add_argument("--jobs", type=int, default=None, help="worker processes for large trees (default: one per MiB of "
                     "source, up to one per core)")
    sub.add_argument("--cache-dir", type=_path, default=scan_cache.DEFAULT_FOLDER, metavar="DIR",
                     help="where results are kept for files that have not changed (default: %(default)s)")
    sub.add_argument("--no-cache", action="store_true", help="read and scan every file, keep nothing")
    sub.set_defaults(command=cmd_scan)

    sub = commands.add_parser("explain", help="a hazard: what it does on each Python, and the modern form")
    sub.add_argument("hazard", help="an id (AR101) or name (coroutine-decorator)")
    sub.set_defaults(command=cmd_explain)

    sub = commands.add_parser("port", help="rewrite legacy asyncio code as modern asyncio (a diff, unless --write)")
    sub.add_argument("paths", nargs="+", type=_path, metavar="PATH", help="files and folders")
    _target_version(sub, "the oldest Python the result must run on: rewrites that need a newer one are not made, "
                    "and the to-do list is what changes from it up", DEFAULT_TARGET)
    mode = sub.add_mutually_exclusive_group()
    mode.add_argument("--diff", dest="mode", action="store_const", const="diff",
                      help="print a unified diff and change nothing (the default)")
    mode.add_argument("--write", dest="mode", action="store_const", const="write", help="rewrite the files")
    mode.add_argument("--check", dest="mode", action="store_const", const="check",
                      help="change nothing; exit 1 if a file would change")
    sub.add_argument("--jobs", type=int, default=None, help="worker processes for many files (default: one per core)")
    sub.set_defaults(command=cmd_port, mode="diff")


def _target_version(sub, meaning, default):
    """--target-version, as in ruff, for scan and port; --target, its old spelling (see _target)."""
    sub.add_argument("--target-version", default=None, metavar="VERSION", help="{} ({}-{} or py{}; default: "
                     "pyproject.toml's, else {})".format(meaning, label(OLDEST), label(NEWEST),
                                                         label(NEWEST).replace(".", ""), label(default)))
    sub.add_argument("--target", default=None, help=argparse.SUPPRESS)


def _reference_checks(commands):
    """The proof on this interpreter: verify."""
    sub = commands.add_parser("verify", help="run every style of each topic and compare with the expected traces")
    sub.add_argument("topics", nargs="*", metavar="TOPIC", help="default: all topics")
    sub.add_argument("--update", action="store_true",
                     help="first rewrite the shared expected traces from the reference style's run")
    sub.set_defaults(command=cmd_verify)


def _publishing_commands(commands):
    """What was measured: matrix, site, bench."""
    sub = commands.add_parser("matrix", help="what each topic, style and hazard did on each Python (from the test "
                              "suite's results files)")
    sub.add_argument("results", nargs="?", default=None, type=_path, metavar="RESULTS_DIR",
                     help="default: $ROSETTA_RESULTS_DIR, else results/ in the clone (installed: in the working directory)")
    sub.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    sub.set_defaults(command=cmd_matrix)

    sub = commands.add_parser("site", help="build the static site (topics, hazards, porting guide, measured matrix)")
    sub.add_argument("out", type=_path, metavar="OUT_DIR", help="a new or empty folder, or a site built here before (replaced)")
    sub.add_argument("--results", default=None, type=_path, metavar="DIR", help="results files to show (default: "
                     "$ROSETTA_RESULTS_DIR, else results/ in the clone (installed: in the working directory), if it is there)")
    sub.add_argument("--bench", default=None, type=_path, metavar="FILE", help="style overhead to show, as written by "
                     "bench --output (default: benchmarks/style_overhead.json, measured on the project's machine)")
    sub.set_defaults(command=cmd_site)

    sub = commands.add_parser("bench", help="time one tree of coroutines in each style on each Python, as ratios "
                              "to async_await")
    sub.add_argument("--python", action="append", default=[], type=_path, metavar="PATH", help="an interpreter (repeatable; "
                     "default: every python3.6 ... python3.14 on PATH)")
    sub.add_argument("--repeat", type=int, default=5, help="timed repetitions per process (default %(default)s)")
    sub.add_argument("--rounds", type=int, default=3, help="processes per interpreter and style, interleaved "
                     "(default %(default)s)")
    sub.add_argument("--depth", type=int, default=5, help="levels below the root (default %(default)s)")
    sub.add_argument("--fanout", type=int, default=5, help="children per node (default %(default)s)")
    sub.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    sub.add_argument("--output", default=None, type=_path, metavar="FILE", help="also write the JSON here (for site --bench)")
    sub.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="kill a process still "
                     "running after this long, and say so (default: 600; asking an interpreter what it is: 60)")
    sub.set_defaults(command=cmd_bench)


def cmd_list(catalog, args):
    width = max(len(topic.name) for topic in catalog.topics)
    print("{:{w}}  {}".format("topic", "  ".join(s.name for s in catalog.styles), w=width))
    for topic in catalog.topics:
        cells = [_OUTCOME_WORDS[expectation(catalog, topic.name, s.name).outcome].ljust(len(s.name))
                 for s in catalog.styles]
        print("{:{w}}  {}".format(topic.name, "  ".join(cells), w=width))
        print("{:{w}}    {}".format("", topic.summary, w=width))
    print("\n(on Python {}.{}; runs = clean, warns = runs with warnings, fails = asserted failure)".format(
        *sys.version_info[:2]))
    return 0


def cmd_show(catalog, args):
    style = args.style or reference_style(catalog, args.topic)
    source = read_text(catalog.variant_path(args.topic, style))
    sys.stdout.write(render.highlight(source, sys.stdout.isatty()))
    return 0


def cmd_diff(catalog, args):
    catalog.topic(args.topic)
    styles = args.styles or [s.name for s in catalog.styles]
    if len(styles) not in (2, 3):
        raise UsageError("diff takes two or three styles, got {}".format(len(styles)))
    paths = [catalog.variant_path(args.topic, style) for style in styles]
    texts = [read_text(path) for path in paths]
    titles = [os.path.relpath(str(path), str(catalog.root)) for path in paths]
    tty = sys.stdout.isatty()
    table = None
    if tty and not args.unified:
        import shutil  # diff only

        width = shutil.get_terminal_size().columns
        table = render.side_by_side(titles, texts, width, colour=True)
        if table is None:
            print(render.too_narrow(width, len(texts)), file=sys.stderr)
    sys.stdout.write(table or render.unified(titles, texts))
    return 0


def cmd_run(catalog, args):
    style = args.style or reference_style(catalog, args.topic)
    path = catalog.variant_path(args.topic, style)
    clock = "real time" if args.real_time else "virtual clock"
    print("# {} [{}] on Python {}.{}, {}".format(args.topic, style, *sys.version_info[:2], clock))
    sys.stdout.flush()
    from asyncio_rosetta.harness.runner import run_variant  # here: scan's start-up does not pay for it

    result = run_variant(path, real_time=args.real_time, echo=True)
    for warning in result.distinct_warnings():
        print("warning: " + warning)
    if result.error:
        sys.stdout.write(result.traceback or result.error + "\n")
    for line in catalog.topic(args.topic).style_traces.get(style, "").splitlines():
        print("note: this style's trace differs on purpose: " + line)
    return 0 if result.error is None else 1


def cmd_verify(catalog, args):
    if args.update and not in_clone():  # the copy inside an installed package is not the user's to rewrite
        raise UsageError("verify --update rewrites the clone's expected traces: run it from a clone")
    from asyncio_rosetta.harness.verify import verify

    report = verify(catalog, args.topics, args.update)
    for line in report.updates:
        print(line)
    width = max(len(t) for t in report.topics + ["topic"])
    print("{:{w}}  {}".format("topic", "  ".join(s.ljust(19) for s in report.styles), w=width))
    for topic in report.topics:
        statuses = [report.verdicts[topic, style].status.ljust(19) for style in report.styles]
        print("{:{w}}  {}".format(topic, "  ".join(statuses), w=width).rstrip())
    for topic, style, verdict in report.failures:
        print("\n{}[{}] differs:".format(topic, style))
        for problem in verdict.problems:
            print("    " + problem)
    for topic, problem in report.unmet:
        print("\n{} not run: {}".format(topic, problem))
    not_run = len({topic for topic, _ in report.unmet})
    print("\nPython {}.{}.{}: {} topic(s) x {} styles, {} difference(s){}".format(
        *report.python[:3], len(report.topics), len(report.styles), len(report.failures),
        ", {} topic(s) not run (missing modules)".format(not_run) if not_run else ""))
    return 1 if report.failures else 0


def cmd_matrix(catalog, args):
    from asyncio_rosetta.publish import matrix, results

    table = matrix.merge(results.load_dir(results.results_dir(args.results)), catalog)
    sys.stdout.write({"text": matrix.text, "markdown": matrix.markdown, "json": matrix.as_json}[args.format](table))
    return 0


def cmd_site(catalog, args):
    from asyncio_rosetta.publish import bench, matrix, results, site

    folder = results.results_dir(args.results)
    table = None
    if args.results is not None or folder.exists():  # asked for, or there (a folder or not): it must be good
        table = matrix.merge(results.load_dir(folder), catalog)
    measured = catalog.root / "benchmarks" / "style_overhead.json"
    bench_file = args.bench if args.bench is not None else measured if measured.is_file() else None
    bench_data = bench.load(bench_file) if bench_file is not None else None
    out = site.build(args.out, catalog, load_hazards(), table, bench_data)
    print("site: {} ({}); open {}".format(out, "measured on " + ", ".join(p["version"] for p in table["pythons"])
                                          if table else "no results: not measured", out / "index.html"))
    return 0


def cmd_bench(args):
    from asyncio_rosetta.publish import bench

    bench.check_options(args.repeat, args.rounds, args.depth, args.fanout, args.output,  # before minutes of work
                        args.timeout)
    pythons, missing = bench.find_pythons(args.python)
    progress = (lambda line: print(line, file=sys.stderr)) if sys.stderr.isatty() else None
    data = bench.run(pythons, missing, args.repeat, args.rounds, args.depth, args.fanout, progress, args.timeout)
    if args.output is not None:
        bench.write(data, args.output)
    sys.stdout.write({"text": bench.text, "markdown": bench.markdown, "json": bench.as_json}[args.format](data))
    failed = any("error" in cell for python in data["pythons"] for cell in python["styles"].values())
    return 1 if failed else 0


def cmd_scan(args):
    catalogue = load_hazards()
    settings = config.find(args.paths, catalogue)
    upgrade_to = _version(args.upgrade_to, "--upgrade-to") or _version(args.target, "--target") \
        or settings.upgrade_to or NEWEST
    oldest = _version(args.target_version, "--target-version") or settings.target_version or OLDEST
    if oldest > upgrade_to:
        raise UsageError("--upgrade-to {} is older than --target-version {}".format(label(upgrade_to), label(oldest)))
    if args.target is not None:  # it meant what --upgrade-to means
        _deprecated("scan --target is now --upgrade-to (the Python the scan looks ahead to); --target-version is "
                    "the oldest Python the code runs on, as in port and ruff")
    select = _hazard_keys(catalogue, args.select) if args.select is not None else settings.select or ()
    ignore = _hazard_keys(catalogue, args.ignore) if args.ignore is not None else settings.ignore or ()
    cache = None if args.no_cache else scan_cache.Cache(args.cache_dir)
    report = scan(args.paths, upgrade_to, select, ignore, _jobs(args.jobs), catalogue, oldest=oldest,
                  skip=config.skip(settings), cache=cache)
    ignored = config.per_file_ignored(settings)
    report = report._replace(findings=[finding for finding in report.findings if not ignored(finding)])
    sys.stdout.write(scan_report.write(report, list(catalogue), args.format, args.statistics,
                                       color=sys.stdout.isatty()))
    return 2 if report.errors else 1 if report.findings and not args.exit_zero else 0


def cmd_port(args):
    from asyncio_rosetta.port import porter

    settings = config.find(args.paths)
    target = _version(args.target_version, "--target-version") or _version(args.target, "--target") \
        or settings.target_version or DEFAULT_TARGET
    porter.fixers_for(target)  # LibCST is there: said before any other flag is judged
    if args.target is not None:
        _deprecated("port --target is now --target-version (the same meaning, as in ruff)")
    report = porter.port(args.paths, target, args.mode, _jobs(args.jobs), skip=config.skip(settings))
    verb = {"diff": "would rewrite", "check": "would rewrite", "write": "rewrote"}[args.mode]
    for result in report.changed:  # file names printable whatever bytes they hold (render.printable)
        if args.mode == "diff":
            sys.stdout.write(render.unified([render.printable(result.path)] * 2, [result.text, result.new]))
        print("{} {}: {}".format(verb, render.printable(result.path), _fix_counts(result.fixed)), file=sys.stderr)
    for error in report.failed:
        print("{}: error: {} (left alone)".format(PROG, render.printable(error)), file=sys.stderr)
    for skipped in report.skipped:
        print("{}: {}".format(PROG, render.printable(skipped)), file=sys.stderr)
    print("{} file(s) {}, {} unchanged, {} not ported{}".format(
        len(report.changed), "rewritten" if args.mode == "write" else "to rewrite", report.unchanged,
        len(report.failed), ", {} skipped (changed meanwhile)".format(len(report.skipped)) if report.skipped else ""),
        file=sys.stderr)
    if report.todo.findings or report.refused:  # what port leaves: the scan of what it wrote (or would write)
        print("\nleft for you (scan of the result):", file=sys.stderr)
        for line in report.refused:
            print(render.printable(line), file=sys.stderr)
        todo = report.todo._replace(errors=[], notes=[])
        sys.stderr.write(scan_report.text(todo, color=sys.stderr.isatty()))
    return report.exit_status


def _version(text, flag):
    return parse_supported(text, flag) if text is not None else None


def _deprecated(message):
    print("{}: warning: {}".format(PROG, message), file=sys.stderr)


def _fix_counts(fixed):
    return ", ".join("{} x{}".format(hazard, count) if count > 1 else hazard for hazard, count in sorted(fixed.items()))


def _jobs(jobs):
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    return jobs


def _hazard_keys(catalogue, text):
    keys = [key.strip() for key in text.split(",") if key.strip()]
    for key in keys:
        catalogue.get(key)  # raises, naming the choices, if unknown
    return keys


def _outcome_lines(outcome):
    """A line per Python of *outcome*(version), each range's why (and, where read, its source) once."""
    previous = None
    for version in PYTHONS:
        row = outcome(version)
        detail = row.error or "; ".join(row.warnings) or " / ".join(row.output) or ""
        print("  {}.{:<3} {:8} {}".format(version[0], version[1], row.outcome, detail).rstrip())
        if row is not previous:  # once, on the first version of its range
            if row.why:
                print("  {:13}({})".format("", row.why))
            if not row.measured:
                print("  {:13}[{}: {}]".format("", NOT_MEASURED, row.source))
        previous = row


def cmd_explain(args):
    hazard = load_hazards().get(args.hazard)
    print("{}  {}: {}".format(hazard.id, hazard.name, hazard.title))
    print()
    if hazard.platform:
        print("  On {}, {} (each range's source under it):".format(hazard.where, NOT_MEASURED))
    _outcome_lines(hazard.outcome)
    if hazard.platform:
        print()
        print("  On Linux, measured (what its probe does here):")
        _outcome_lines(lambda version: hazard.here(version, "linux"))
    print()
    print("instead:  " + hazard.replacement)
    print("autofix:  " + hazard.fix)
    print("topics:   " + ", ".join(hazard.topics))
    print("sources:  " + "\n          ".join(hazard.sources()))
    on = " on " + hazard.where if hazard.platform else ""
    if hazard.probe is not None and in_clone():
        print("probe:    probes/{}.py, run it from the clone{}: {}".format(hazard.id, on, hazard.probe_command()))
    elif hazard.probe is not None:
        print("probe:    {}, run it{}: {}".format(hazard.probe, on, hazard.probe_command(hazard.probe)))
    return 0
