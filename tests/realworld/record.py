"""Measure the real-world corpus and rewrite expected.json (by hand, after a change to port,
scan or a program; test_realworld.py then proves the data on every interpreter):

    export PATH="$(../shared/tools/interpreters.sh):$PATH"   # python3.6 ... python3.14, from the clone
    .tox/py313/bin/python tests/realworld/record.py [NAME ...]

For each program: the old Pythons (3.6-3.10) it runs on, the newest of them ("python") and
its stdout there (measured twice: it must not vary), how it fails on 3.14 unported, what the
port for 3.11 gives on 3.11-3.14, and the hazard ids scan reports. The "shapes" of each
program are written by hand and kept as they are.
"""

import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from asyncio_rosetta.harness.runner import child_env  # noqa: E402
from asyncio_rosetta.port.porter import port  # noqa: E402
from asyncio_rosetta.scan.scanner import scan  # noqa: E402

PROGRAMS = os.path.join(HERE, "programs")
EXPECTED = os.path.join(HERE, "expected.json")
OLD = ["3.6", "3.7", "3.8", "3.9", "3.10"]
NEW = ["3.11", "3.12", "3.13", "3.14"]


def run(python, path, timeout=30):
    """(exit status, stdout, stderr) of the program at *path*, run by *python* (a command or a path)."""
    try:
        process = subprocess.run([python, path], cwd=os.path.dirname(path), env=child_env(),
                                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 universal_newlines=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", "timed out after {} s".format(timeout)
    return process.returncode, process.stdout, process.stderr


def error_line(err, last=False):
    """The exception line of the last traceback in *err* (with *last*, its last line), no paths."""
    lines = err.rstrip().splitlines()
    if not last and "Traceback (most recent call last):" in lines:
        after = lines[len(lines) - lines[::-1].index("Traceback (most recent call last):"):]
        lines = [line for line in after if line and not line.startswith(" ")][:1] or lines
    return re.sub(r" \(/[^)]*\)", "", lines[-1].strip()) if lines else ""


def why(run_result, stdout, last=False):
    """"same", or one line saying how *run_result* differs from exit 0, *stdout* and no stderr."""
    code, out, err = run_result
    lines = [line.strip() for line in err.splitlines() if line.strip()]
    if code != 0:
        return error_line(err, last) or "exit {}".format(code)
    if out != stdout:
        return "exit 0, different stdout: {!r}".format(re.sub(r" at 0x[0-9a-f]+", " at 0x...", out)[:80])
    if lines:
        warnings = [line.split(": ", 1)[1] for line in lines if "Warning: " in line and ": " in line]
        return "exit 0, stderr: " + (warnings or lines)[0]
    return "same"


def main(names):
    with open(EXPECTED, encoding="utf-8") as f:
        data = json.load(f, object_pairs_hook=collections.OrderedDict)
    programs = data["programs"]
    names = names or sorted(programs)
    paths = {name: os.path.join(PROGRAMS, name + ".py") for name in names}
    tmp = tempfile.mkdtemp(prefix="realworld-")
    try:
        for name in names:
            shutil.copy(paths[name], tmp)
        report = port([tmp], target=(3, 11), mode="write")
        assert not report.failed, report.failed
        ported = {name: os.path.join(tmp, name + ".py") for name in names}
        jobs = [(name, python, paths[name]) for name in names for python in OLD + ["3.14"]]
        jobs += [(name, "ported " + python, ported[name]) for name in names for python in NEW]
        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            runs = dict(zip(jobs, pool.map(lambda job: run("python" + job[1].split()[-1], job[2], 10), jobs)))
    finally:
        shutil.rmtree(tmp)
    found = collections.defaultdict(set)
    for finding in scan([PROGRAMS]).findings:
        found[os.path.basename(str(finding.path))[:-3]].add(finding.hazard.id)
    for name in names:
        first = runs[name, OLD[0], paths[name]]
        if first[0] != 0:
            print(name, "fails on", OLD[0], first[2][-300:])
            continue
        ok = OLD[:1]  # the old Pythons, from 3.6 on, that give what 3.6 gives
        for python in OLD[1:]:
            if runs[name, python, paths[name]][:2] != first[:2]:
                break
            ok.append(python)
        python, stdout = ok[-1], first[1]
        started = time.time()
        again = run("python" + python, paths[name])
        seconds = time.time() - started
        assert again[:2] == (0, stdout), (name, python, stdout, again)
        entry = programs[name]
        entry["python"] = python
        entry["runs_on"] = ok
        entry["stdout"] = stdout
        fails = why(runs[name, "3.14", paths[name]], stdout, last=True)
        assert fails != "same", name + " runs unchanged on 3.14"
        entry["fails_on_3_14_unported"] = fails
        entry["ported"] = collections.OrderedDict(
            (python, why(runs[name, "ported " + python, ported[name]], stdout)) for python in NEW)
        entry["scan"] = sorted(found[name])
        print("{:27} {:5} {:4.1f}s 3.14: {:40.40} ported: {}".format(
            name, python, seconds, fails, " | ".join(entry["ported"].values())[:150]))
    with open(EXPECTED, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
