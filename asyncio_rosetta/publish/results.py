"""What one interpreter measured: a results file per tox env, for the matrix and the site.

    >>> record(catalog, hazards, variants, probes, runs=1200)   # doctest: +SKIP
    PosixPath('.../results/3.13.json')
    >>> [d["python"]["version"] for d in load_dir("results")]   # doctest: +SKIP
    ['3.6.15', ..., '3.14.0']

The test suite writes the file at the end of its session, from the runs its
batch already made (nothing is run twice): the verify status of every
topic x style, what every hazard's probe did, the exact interpreter version
and the platform. ``ROSETTA_RESULTS_DIR`` moves the folder (default
``results/`` in the clone). Standard library only; runs on 3.6+.
"""

import datetime
import json
import os
import platform
import sys
from pathlib import Path

from asyncio_rosetta.data import find_root
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
        recorded = hazard.outcome(version_info)
        output = [line.text for line in result.lines]
        outcome = _outcome(result)
        if outcome == "clean":  # as hazards.json says it: ok, or runs but prints something else
            outcome = "ok" if output == hazard.outcomes[0].output else "changed"
        observed = {"error": result.error, "warnings": result.distinct_warnings(), "output": output,
                    "stderr": [line.text for line in result.stderr]}
        measured[hazard.id] = dict(observed, outcome=outcome, recorded=recorded.outcome, matches=observed == {
            "error": recorded.error, "warnings": recorded.warnings, "output": recorded.output, "stderr": []})
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
    """*folder*, else ``$ROSETTA_RESULTS_DIR``, else ``results/`` in the clone."""
    folder = folder or os.environ.get(ENV_VAR)
    return Path(folder) if folder else find_root() / "results"


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


def _problem(data):
    if not isinstance(data, dict):
        return "not a JSON object"
    if data.get("schema") != SCHEMA:
        return "schema {!r}, expected {}".format(data.get("schema"), SCHEMA)
    python = data.get("python")
    if not isinstance(python, dict) or not all(isinstance(python.get(k), str) for k in ("version", "minor")):
        return "no python version"
    for key in ("topics", "hazards"):
        if not isinstance(data.get(key), dict):
            return "no {}".format(key)
    for topic, styles in data["topics"].items():
        if not isinstance(styles, dict) or not all(
                isinstance(cell, dict) and isinstance(cell.get("status"), str) for cell in styles.values()):
            return "topic {!r} has no status per style".format(topic)
    for hazard, cell in data["hazards"].items():
        if not isinstance(cell, dict) or not isinstance(cell.get("outcome"), str):
            return "hazard {!r} has no outcome".format(hazard)
    return None


def load_dir(folder):
    """Every results file in *folder*, oldest Python first (one per minor version)."""
    folder = Path(folder)
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
