"""Style overhead: the same tree of coroutines in each style, timed on each interpreter.

    >>> data = run(find_pythons()[0], repeat=5, rounds=3)        # doctest: +SKIP
    >>> print(text(data))                                        # doctest: +SKIP
    python   generator_coroutine         async_await                 modern_taskgroup
    3.6.15   1.01x  150.2 ms (med 152.0)  1.00x  148.9 ms (med 151.3)  - [1]

The workloads are ``data/bench/<style>.py`` (package data): scripts that time
their own repetitions in their style's runner idiom and print one JSON line.
Each style runs where compat.json says it runs (its ``runs_on``); elsewhere
the cell says why not, in the data's words, and nothing is attempted. Rounds
go over every interpreter and, within one, every style in a rotated order, so
that a drift in machine speed hits all alike. The ratio is a style's minimum
over async_await's minimum on the same interpreter. Every process bench starts
has a time limit (``timeout``): one still running then is killed, with all it
started, and said so. Standard library only; runs on 3.6+.
"""

import datetime
import html as _html
import json
import os
import platform
import re
import shutil
import statistics
import subprocess

from asyncio_rosetta import interrupts
from asyncio_rosetta.data import DATA
from asyncio_rosetta.errors import RosettaError
from asyncio_rosetta.files import write_atomic
from asyncio_rosetta.harness.catalog import load_styles
from asyncio_rosetta.versions import PYTHONS, in_range, label, parse

__all__ = ["BenchError", "NAMES", "SCHEMA", "REFERENCE", "TIMEOUT", "find_pythons", "describe", "not_run_reason",
           "check_output_path", "run", "summarize", "text", "markdown", "html", "as_json", "write", "load"]

SCHEMA = 1
WORKLOADS = DATA / "bench"
NAMES = tuple("python" + label(version) for version in PYTHONS)  # what the default run looks for on PATH
REFERENCE = "async_await"  # the style every ratio divides by: the one that runs on the most interpreters
# Seconds a process bench starts may take (the default workload takes 1-2 s): then it is
# killed. The probe that asks an interpreter what it is gets at most PROBE_TIMEOUT.
TIMEOUT = 600
PROBE_TIMEOUT = 60
MAX_TIMEOUT = 10 ** 6
_PROBE = ("import json, platform, sys; print(json.dumps([platform.python_version(), "
          "platform.python_implementation(), '{}.{}'.format(*sys.version_info[:2])]))")

_WARNING = re.compile(r"\w+Warning: .*")


class BenchError(RosettaError):
    """A bad option, interpreter or output path; one line says which."""


def find_pythons(paths=None):
    """(interpreter paths, names not found): *paths* as given (each must be an
    executable file; a bare name such as ``python3.12`` is looked up on PATH,
    as a shell and tox do), or every python3.6 ... python3.14 on PATH."""
    if paths:
        paths = [_on_path(path) for path in paths]
        for path in paths:
            if os.path.isdir(path):
                raise BenchError("--python {}: a folder, not an interpreter".format(path))
            if not os.path.isfile(path):
                raise BenchError("--python {}: no such file".format(path))
            if not os.access(path, os.X_OK):
                raise BenchError("--python {}: not executable".format(path))
        return list(paths), []
    found = [(name, shutil.which(name)) for name in NAMES]
    pythons = [path for _, path in found if path]
    if not pythons:
        raise BenchError("none of {} ... {} is on PATH: give --python PATH".format(NAMES[0], NAMES[-1]))
    return pythons, [name for name, path in found if not path]


def _on_path(path):
    """*path* itself if it names a folder (``./python3``, ``/usr/bin/python3``), else the file PATH gives for it."""
    if os.path.dirname(path):
        return path
    found = shutil.which(path)
    if found is None:
        raise BenchError("--python {}: not found on PATH (give a path to use a file in the working folder: "
                         "./{})".format(path, path))
    return found


def describe(path, timeout=TIMEOUT):
    """{"path", "version", "implementation", "minor"} of the interpreter at *path*."""
    timeout = min(timeout, PROBE_TIMEOUT)
    try:
        returncode, stdout, _ = _run_process([path, "-I", "-c", _PROBE], timeout)
        if returncode is None:
            raise BenchError("{}: no answer after {} s (killed); is it a Python interpreter?".format(
                path, _seconds(timeout)))
        version, implementation, minor = json.loads(stdout)
    except (OSError, ValueError) as exc:
        raise BenchError("{}: not a Python interpreter that runs ({})".format(path, exc))
    return {"path": path, "version": version, "implementation": implementation, "minor": minor}


def _run_process(command, timeout):
    """(returncode, stdout, stderr) of *command*; (None, "", "") if it was still
    running after *timeout* seconds: it was killed then, and all it started."""
    with interrupts.started(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            interrupts.kill(process)
            process.communicate()
            return None, "", ""
    return process.returncode, stdout, stderr


def _seconds(value):
    return "{:g}".format(value)


def _label(spec):
    low, _, high = spec.partition("-")
    return low + "+" if not high else high + " and older" if not low else spec


def not_run_reason(style, minor):
    """None if *style* (a catalog.Style) runs on *minor* ("3.12"), else why
    not: the recorded failure for that version, in the data's words."""
    version = parse(minor)
    if in_range(style.runs_on, version):
        return None
    for row in style.outcomes:
        if row["outcome"] == "fails" and in_range(row["python"], version):
            return "{} fails on {}: {}".format(style.name, _label(row["python"]), row["error"])
    return "{} is recorded to run on {} only".format(style.name, _label(style.runs_on))


def check_options(repeat, rounds, depth, fanout, output=None, timeout=None):
    """Before a long run: a BenchError for the first option that cannot work."""
    for flag, value in (("repeat", repeat), ("rounds", rounds), ("fanout", fanout)):
        if value < 1:
            raise BenchError("--{} must be at least 1".format(flag))
    if depth < 0:
        raise BenchError("--depth must be at least 0")
    if timeout is not None and not 0 < timeout <= MAX_TIMEOUT:  # nor NaN, nor what select() cannot wait
        raise BenchError("--timeout must be more than 0 and at most {} seconds, got {:g}".format(
            MAX_TIMEOUT, timeout))
    if output is not None:
        check_output_path(output)


def check_output_path(path):
    """Before a long run: can a file be written at *path*?"""
    parent = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise BenchError("--output {}: is a folder".format(path))
    if not os.path.isdir(parent):
        raise BenchError("--output {}: no folder {}".format(path, parent))
    if not os.access(parent, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise BenchError("--output {}: not writable".format(path))


def _run_one(python, style, repeat, depth, fanout, timeout=TIMEOUT):
    """The workload's JSON line, plus its distinct warnings; or {"error": ...}."""
    script = str(WORKLOADS / (style + ".py"))
    returncode, stdout, stderr = _run_process([python, "-I", script, str(repeat), str(depth), str(fanout)], timeout)
    if returncode is None:
        return {"error": "still running after {} s (--timeout): killed".format(_seconds(timeout))}
    lines = stderr.splitlines()
    try:
        result = json.loads(stdout.splitlines()[-1]) if returncode == 0 else None
    except (IndexError, ValueError):
        result = None
    if result is None:
        return {"error": (lines or ["exit status {}, no output".format(returncode)])[-1]}
    # The message alone: the "path:line: " before it names this machine's install.
    result["warnings"] = sorted({match.group() for match in map(_WARNING.search, lines) if match})
    return result


def _machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
    except OSError:
        pass
    return {"platform": "{} {} {}".format(platform.system(), platform.release(), platform.machine()),
            "cpu": cpu or platform.processor(), "cpus": os.cpu_count()}


def _load():
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except (AttributeError, OSError):  # not on every platform
        return None


def run(pythons, missing=(), repeat=5, rounds=3, depth=5, fanout=5, progress=None, timeout=None):
    """Measure every style on every interpreter in *pythons* (paths): *rounds*
    times a fresh process per interpreter and style, each timing *repeat*
    repetitions after a warm-up, and killed after *timeout* seconds (default
    TIMEOUT). Returns the data (see summarize)."""
    timeout = TIMEOUT if timeout is None else timeout
    styles = load_styles()
    described = [describe(path, timeout) for path in pythons]
    data = {"schema": SCHEMA, "measured": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "machine": dict(_machine(), load_start=_load()), "missing": list(missing),
            "workload": {"depth": depth, "fanout": fanout, "nodes": sum(fanout ** n for n in range(depth + 1)),
                         "repeat": repeat, "rounds": rounds, "warmup": 1},
            "styles": [style.name for style in styles], "pythons": []}
    for python in described:
        cells = {}
        for style in styles:
            reason = not_run_reason(style, python["minor"])
            cells[style.name] = {"not_run": reason} if reason else {"times": [], "warnings": []}
        data["pythons"].append(dict(python, styles=cells))
    for index in range(rounds):
        for python in data["pythons"]:
            names = data["styles"][index % len(styles):] + data["styles"][:index % len(styles)]
            for name in names:
                cell = python["styles"][name]
                if "not_run" in cell or "error" in cell:
                    continue
                if progress:
                    progress("round {}/{}: Python {} {}".format(index + 1, rounds, python["version"], name))
                result = _run_one(python["path"], name, repeat, depth, fanout, timeout)
                if "error" in result:
                    python["styles"][name] = {"error": result["error"]}
                    continue
                cell["times"] += result["times"]
                cell["warnings"] = sorted(set(cell["warnings"]) | set(result["warnings"]))
    data["machine"]["load_end"] = _load()
    return summarize(data)


def summarize(data):
    """Add each measured cell's min, median (seconds) and ratio: its min over
    the REFERENCE style's min on the same interpreter (None where that style
    has no time there). Changes *data* in place and returns it."""
    for python in data["pythons"]:
        cells = python["styles"]
        for cell in cells.values():
            if cell.get("times"):
                cell["min"], cell["median"] = min(cell["times"]), statistics.median(cell["times"])
        reference = cells.get(REFERENCE, {}).get("min")
        for cell in cells.values():
            if "min" in cell:
                cell["ratio"] = round(cell["min"] / reference, 3) if reference else None
    return data


def _rows(data):
    """(header, rows of cell strings, footnotes): the same table for text and markdown."""
    notes = []

    def note(text):
        if text not in notes:
            notes.append(text)
        return "[{}]".format(notes.index(text) + 1)

    rows = []
    for python in data["pythons"]:
        row = [python["version"]]
        for name in data["styles"]:
            cell = python["styles"][name]
            if "not_run" in cell:
                row.append("- " + note("not run: " + cell["not_run"]))
            elif "error" in cell:
                row.append("error " + note("{} on {}: {}".format(name, python["version"], cell["error"])))
            else:
                ratio = "n/a" if cell["ratio"] is None else "{:.2f}x".format(cell["ratio"])
                row.append("{:5}  {:.1f} ms (med {:.1f})".format(ratio, cell["min"] * 1000, cell["median"] * 1000))
        rows.append(row)
    return ["python"] + data["styles"], rows, notes


def _summary(data):
    work, machine = data["workload"], data["machine"]
    lines = [
        "ratio = the style's min / {ref}'s min on the same interpreter (below 1: faster than {ref}; n/a: no "
        "{ref} there); min and median of {n} repetitions ({rounds} rounds x {repeat}, after a warm-up each) of a "
        "tree of {nodes} coroutines (depth {depth}, fan-out {fanout}), in ms".format(
            ref=REFERENCE, n=work["rounds"] * work["repeat"], **work),
        "measured {} on {}, {} ({} CPUs), load average {} at the start, {} at the end".format(
            data["measured"], machine["platform"], machine["cpu"] or "unknown CPU", machine["cpus"],
            _loads(machine.get("load_start")), _loads(machine.get("load_end")))]
    if data["missing"]:
        lines.append("not found on PATH: " + ", ".join(data["missing"]))
    return lines


def _loads(values):
    return " ".join("{:.2f}".format(value) for value in values) if values else "unknown"


def text(data):
    """A plain-text table for the terminal."""
    header, rows, notes = _rows(data)
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    out = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header] + rows]
    out += [""] + ["[{}] {}".format(n, note) for n, note in enumerate(notes, 1)] + [""] + _summary(data)
    return "\n".join(out) + "\n"


def markdown(data):
    """GitHub-flavoured Markdown: the table, its notes and how it was measured."""
    header, rows, notes = _rows(data)

    def row(cells):
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    out = [row(["Python"] + ["`{}`".format(name) for name in header[1:]]), row(["---"] * len(header))]
    out += [row(cells) for cells in rows]
    out += [""] + ["{}. {}".format(n, note) for n, note in enumerate(notes, 1)] + [""]
    out += [line + "." for line in _summary(data)]
    return "\n".join(out) + "\n"


def html(data):
    """The table, its notes and how it was measured, as an HTML fragment (for the site)."""
    header, rows, notes = _rows(data)
    esc = _html.escape
    heads = "".join("<th>{}</th>".format(esc(cell)) for cell in header)
    body = "".join("<tr><th>{}</th>{}</tr>".format(esc(row[0]), "".join(
        "<td>{}</td>".format(esc(cell)) for cell in row[1:])) for row in rows)
    return ('<div class="scroll"><table class="bench"><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>\n'
            '<ol class="notes">{}</ol>\n{}').format(
        heads, body, "".join("<li>{}</li>".format(esc(note)) for note in notes),
        "\n".join('<p class="muted">{}.</p>'.format(esc(line)) for line in _summary(data)))


def as_json(data):
    return json.dumps(data, indent=2) + "\n"


def write(data, path):
    """*data* as JSON at *path*, atomically."""
    try:
        write_atomic(path, as_json(data), "utf-8")
    except OSError as exc:
        raise BenchError("cannot write {}: {}".format(path, exc.strerror or exc))


def load(path):
    """A file written by ``bench --output``; anything else is a BenchError naming it."""
    try:
        with open(str(path), encoding="utf-8") as source:
            data = json.load(source)
    except OSError as exc:
        raise BenchError("cannot read {}: {}".format(path, exc.strerror or exc))
    except ValueError:
        raise BenchError("{} is not valid JSON".format(path))
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or "pythons" not in data:
        raise BenchError("{} is not a bench file (asyncio-rosetta bench --output FILE writes one)".format(path))
    return data
