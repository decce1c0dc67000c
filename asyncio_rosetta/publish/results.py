"""What one interpreter measured: a results file per tox env, for the matrix and the site.

    >>> record(catalog, hazards, variants, probes, runs=1200)   # doctest: +SKIP
    PosixPath('.../results/3.13.json')
    >>> [d["python"]["version"] for d in load_dir("results")]   # doctest: +SKIP
    ['3.6.15', ..., '3.14.0']

The test suite writes the file at the end of its session, from the runs its
batch already made (nothing is run twice): the verify status of every
topic x style, what every hazard's probe did, the exact interpreter version
and the platform. ``ROSETTA_RESULTS_DIR`` moves the folder (default
``results/`` in the clone, or in the working directory where installed). Standard library only; runs on 3.6+.
"""

import datetime
import json
import os
import platform
import sys
from pathlib import Path

from asyncio_rosetta.data import find_root, in_clone
from asyncio_rosetta.errors import RosettaError
from asyncio_rosetta.files import write_atomic
from asyncio_rosetta.harness.verify import check
from asyncio_rosetta.versions import label, parse

__all__ = ["SCHEMA", "ENV_VAR", "ResultsError", "collect", "record", "write", "results_dir", "load_file", "load_dir"]

SCHEMA = 1
ENV_VAR = "ROSETTA_RESULTS_DIR"
# A differing run's problems can be long diffs: the first few lines say enough.
MAX_PROBLEMS = 8


class ResultsError(RosettaError):
    """A results folder or file that cannot be used; the message names it."""


def record(catalog, hazards, variants, probes, runs, folder=None):
    """Write this interpreter's results file (see collect, write); returns its path."""
    return write(collect(catalog, hazards, variants, probes, runs), folder)


def collect(catalog, hazards, variants, probes, runs=None, version_info=None, platform_name=None):
    """The results of one interpreter as plain data, from the RunResults of
    every variant (``variants[topic, style]``, on the virtual clock) and every
    hazard's probe (``probes[hazard_id]``); *runs*: how many ``__main__`` runs
    the session made in all (default: those given)."""
    version_info = version_info or sys.version_info
    topics = {}
    for topic in catalog.topics:
        topics[topic.name] = {}
        for style in catalog.styles:
            result = variants[topic.name, style.name]
            verdict = check(catalog, topic.name, style.name, result, tuple(version_info[:2]))
            topics[topic.name][style.name] = {
                "status": verdict.status,
                "outcome": _outcome(result),
                "error": result.error,
                "warnings": result.distinct_warnings(),
                "problems": verdict.problems[:MAX_PROBLEMS],
            }
    measured = {}
    for hazard in hazards:
        result = probes[hazard.id]
        recorded = hazard.here(version_info)  # the probes ran on this machine
        rows = hazard.outcomes if recorded in hazard.outcomes else hazard.on_linux
        output = [line.text for line in result.lines]
        outcome = _outcome(result)
        if outcome == "clean":  # as hazards.json says it: ok, or runs but prints something else
            outcome = "ok" if output == rows[0].output else "changed"
        observed = {"error": result.error, "warnings": result.distinct_warnings(), "output": output,
                    "stderr": [line.text for line in result.stderr]}
        measured[hazard.id] = dict(observed, outcome=outcome, recorded=recorded.outcome, matches=observed == {
            "error": recorded.error, "warnings": recorded.warnings, "output": recorded.output, "stderr": []})
        if rows is hazard.on_linux:  # a probe of another platform's hazard, run here: the matrix marks it
            measured[hazard.id]["platform_only"] = hazard.where
    return {
        "schema": SCHEMA,
        "python": {
            "implementation": platform.python_implementation(),
            "version": "{}.{}.{}".format(*version_info[:3]),
            "minor": label(version_info),
        },
        # The same machine for every env: platform.platform() would also name each
        # interpreter's build libc, so the short form is what the matrix shows.
        "platform": platform_name or "{} {} {}".format(platform.system(), platform.release(), platform.machine()),
        "platform_detail": platform.platform(),
        "finished": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "topics": topics,
        "hazards": measured,
        # How many __main__ runs the batch made: benchmarks/matrix_speed.py
        # sets the suite's time beside that many bare interpreter start-ups.
        "runs": runs if runs is not None else len(variants) + len(probes),
    }


def _outcome(result):
    if result.error is not None:
        return "fails"
    return "warns" if result.warnings else "clean"


def results_dir(folder=None):
    """*folder*, else ``$ROSETTA_RESULTS_DIR``, else ``results/`` in the clone (installed:
    in the working directory, never inside the installed package)."""
    folder = folder or os.environ.get(ENV_VAR)
    return Path(folder) if folder else find_root() / "results" if in_clone() else Path("results")


def write(data, folder=None):
    """Write *data* as ``<folder>/<major.minor>.json``, atomically (tox envs run in
    parallel, and a reader must never see half a file). Returns the path."""
    folder = results_dir(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (data["python"]["minor"] + ".json")
    write_atomic(path, json.dumps(data, indent=1, sort_keys=True) + "\n", "utf-8")
    return path


def load_file(path):
    """One results file, checked; a ResultsError names the file and what is wrong."""
    try:
        with open(str(path), encoding="utf-8") as source:
            data = json.load(source)
    except (OSError, UnicodeDecodeError) as exc:
        raise ResultsError("cannot read {}: {}".format(path, getattr(exc, "strerror", None) or exc))
    except ValueError as exc:
        raise ResultsError("{} is not valid JSON: {}".format(path, exc))
    problem = _problem(data)
    if problem:
        raise ResultsError("{} is not a results file: {}".format(path, problem))
    return data


# What the matrix and the site read from a file, and of what kind: (field, kind, required).
_FILE = (("python", "an object", True), ("platform", "a string", False), ("finished", "a string", False),
         ("topics", "an object", True), ("hazards", "an object", True))
_PYTHON = (("version", "a string", True), ("minor", "a string", True), ("implementation", "a string", False))
_TOPIC_CELL = (("status", "a string", True), ("outcome", "a string", False), ("error", "a string or null", False),
               ("warnings", "a list of strings", False), ("problems", "a list of strings", False))
_HAZARD_CELL = (("outcome", "a string", True), ("matches", "true or false", False),
                ("error", "a string or null", False), ("warnings", "a list of strings", False),
                ("output", "a list of strings", False), ("stderr", "a list of strings", False),
                ("platform_only", "a string", False))
_KINDS = {
    "an object": lambda value: isinstance(value, dict),
    "a string": lambda value: isinstance(value, str),
    "a string or null": lambda value: value is None or isinstance(value, str),
    "a list of strings": lambda value: isinstance(value, list) and all(isinstance(item, str) for item in value),
    "true or false": lambda value: isinstance(value, bool),
}


def _problem(data):
    """What is wrong with *data*, naming the field (``topics.hello.async_await.status``); None if nothing."""
    return next(_problems(data), None)


def _problems(data):
    """Each thing wrong with *data*, lazily: the first stops the reading (nothing after it is looked at)."""
    if not isinstance(data, dict):
        yield "the file holds {}, expected an object".format(_shown(data))
    schema = data.get("schema", _MISSING)
    if type(schema) is not int or schema != SCHEMA:  # noqa: E721 -- true == 1, and is no schema
        yield "schema is {}, expected {}".format(_shown(schema), SCHEMA)
    yield from _fields(data, "", _FILE)
    yield from _fields(data["python"], "python.", _PYTHON)
    for topic, styles in sorted(data["topics"].items()):
        yield from _kind(styles, "topics." + topic, "an object")
        for style, cell in sorted(styles.items()):
            where = "topics.{}.{}".format(topic, style)
            yield from _kind(cell, where, "an object")
            yield from _fields(cell, where + ".", _TOPIC_CELL)
    for hazard, cell in sorted(data["hazards"].items()):
        yield from _kind(cell, "hazards." + hazard, "an object")
        yield from _fields(cell, "hazards.{}.".format(hazard), _HAZARD_CELL)


_MISSING = object()


def _fields(data, prefix, fields):
    for name, kind, required in fields:
        if name in data or required:
            yield from _kind(data.get(name, _MISSING), prefix + name, kind)


def _kind(value, where, kind):
    if value is _MISSING or not _KINDS[kind](value):
        yield "{} is {}, expected {}".format(where, _shown(value), kind)


def _shown(value):
    """*value* in a few words: missing, or its JSON (cut short)."""
    if value is _MISSING:
        return "missing"
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def load_dir(folder):
    """Every results file in *folder*, oldest Python first (one per minor version)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ResultsError("{} is not a folder: results are the *.json files in one".format(folder))
    if not folder.is_dir():
        raise ResultsError("no results folder {} (the test suite writes it: run tox, or pytest in one env)".format(
            folder))
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise ResultsError("no results files (*.json) in {}".format(folder))
    results = [load_file(path) for path in paths]
    minors = [data["python"]["minor"] for data in results]
    duplicates = sorted({minor for minor in minors if minors.count(minor) > 1})
    if duplicates:
        raise ResultsError("{} holds more than one results file for Python {}".format(folder, ", ".join(duplicates)))
    return sorted(results, key=lambda data: _version_key(data["python"]["minor"]))


def _version_key(text):
    try:
        return parse(text)
    except ValueError:
        return (float("inf"),)
