"""Run the test suite N times in a row with every core kept busy; report any difference.

    python3 benchmarks/determinism.py [--runs 50] [--python .tox/py311/bin/python] [--dev-modern]

Every test asserts an exact trace (or an exact failure), so a run that passes
printed exactly the expected lines at exactly the expected stamps. Beyond
pass/fail, each run leaves its measured results (results/<3.X>.json: every
topic x style verdict, every probe's output) in a folder of its own, and
they are compared with the first run's, as are pytest's warnings: any
difference is printed.
With --dev-modern, each run is the modern style's tests only, with pytest
itself under ``python -X dev -W error`` (3.11+), so that anything the
modern variants or the harness warn about in this process fails the run.
Prints one line per run and a summary; exits 1 if any run differed.
"""

import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time

from _script import ROOT, parser as script_parser  # beside this script


def spin():
    while True:
        pass


def _version(python):
    try:
        done = subprocess.run([python, "-c", "import pytest, sys; print(*sys.version_info[:2])"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, universal_newlines=True)
    except OSError:
        return None
    return tuple(int(part) for part in done.stdout.split()) if done.returncode == 0 else None


def _measured(folder):
    """The run's results file, without the moment it was written."""
    names = os.listdir(folder) if os.path.isdir(folder) else []
    if len(names) != 1:
        return None
    with open(os.path.join(folder, names[0]), encoding="utf-8") as data:
        results = json.load(data)
    results.pop("finished", None)
    return results


def _differences(first, other, path=""):
    if isinstance(first, dict) and isinstance(other, dict):
        for key in sorted(set(first) | set(other)):
            yield from _differences(first.get(key), other.get(key), "{}/{}".format(path, key))
    elif first != other:
        yield "{}: {!r} -> {!r}".format(path or "/", first, other)


def _warnings(output):
    """The lines of pytest's warnings summary (a warning is output too: it must not come and go)."""
    section = re.search(r"^=+ warnings summary =+$(.*?)^-- Docs:", output, re.MULTILINE | re.DOTALL)
    return [line.strip() for line in section.group(1).splitlines() if line.strip()] if section else []


def main(argv=None):
    parser = script_parser(__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--python", default=sys.executable, help="interpreter with pytest installed")
    parser.add_argument("--dev-modern", action="store_true",
                        help="the modern style's tests, pytest under -X dev -W error (3.11+)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    version = _version(args.python)
    if version is None:
        parser.error("{} is not an interpreter with pytest installed".format(args.python))
    if args.dev_modern and version < (3, 11):
        parser.error("--dev-modern needs 3.11+ (the modern style's floor), got {}.{}".format(*version))
    command = [args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    if args.dev_modern:
        command[1:1] = ["-X", "dev", "-W", "error"]
        command += ["-k", "modern_taskgroup"]
    hogs = [multiprocessing.Process(target=spin, daemon=True) for _ in range(os.cpu_count() or 1)]
    for hog in hogs:
        hog.start()
    differing, first = 0, None
    try:
        with tempfile.TemporaryDirectory(prefix="determinism-") as tmp:
            for number in range(1, args.runs + 1):
                folder = os.path.join(tmp, str(number))
                env = dict(os.environ, ROSETTA_RESULTS_DIR=folder)
                start = time.monotonic()
                run = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, universal_newlines=True)
                summary = (run.stdout.strip().splitlines() or ["no output"])[-1]
                problems = ["failed: " + test for test in re.findall(r"^FAILED (\S+)", run.stdout, re.MULTILINE)]
                if run.returncode != 0 and not problems:
                    problems.append("pytest exited {}".format(run.returncode))
                measured = (_measured(folder), _warnings(run.stdout))
                if first is None:
                    first = measured
                elif measured != first:
                    problems += ["results differ from run 1: " + line
                                 for line in _differences(first[0], measured[0])][:20]
                    problems += ["warning {} run 1: {}".format("not in" if line in measured[1] else "only in", line)
                                 for line in measured[1] + first[1] if (line in measured[1]) != (line in first[1])]
                differing += bool(problems)
                print("run {:2d}: {} ({:.1f} s wall, {} cores busy)".format(
                    number, summary, time.monotonic() - start, len(hogs)), flush=True)
                for problem in problems:
                    print("    " + problem, flush=True)
                if problems:  # what pytest printed, to read why: kept after the temporary folder goes
                    kept = os.path.join(tempfile.gettempdir(), "determinism-run-{}-{}.txt".format(os.getpid(), number))
                    with open(kept, "w", encoding="utf-8") as out:
                        out.write(run.stdout)
                    print("    pytest's output: " + kept, flush=True)
    finally:
        for hog in hogs:
            hog.terminate()
    print("{} runs of {} on Python {}.{}, {} with a difference".format(
        args.runs, " ".join(command[1:]), version[0], version[1], differing))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
