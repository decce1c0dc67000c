"""How fast scan is, cold and warm, beside pyupgrade and ruff, on legacy asyncio code.

    python3 benchmarks/scan_throughput.py [--tree DIR ...] [--repeat 5]

Two trees by default: a small one, the legacy variants (42 files), and a
large one, the 3.6 standard library's asyncio package and test/test_asyncio
(pyenv's 3.6 install), which use @coroutine hundreds of times. Each tool runs
on its own fresh copy (pyupgrade rewrites files in place; scan's cold run
starts without a cache), in rounds, so that a change in the machine's load
hits every tool alike; the best of --repeat wall times is printed, with lines
per second. scan's warm run is a second scan of the copy its cold run left
(its cache folder beside the files). Then the goals: scan cold at most
pyupgrade's time, a warm re-scan at least 10 times faster than cold. Tools
not installed are listed as such. Writes benchmarks/scan_throughput.json.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from _script import ROOT, parser as script_parser  # beside this script
from _trees import DEFAULT_TREES, python_files

SMALL_TREE = os.path.join(ROOT, "variants", "generator_coroutine")
SCAN = [sys.executable, "-m", "asyncio_rosetta", "scan"]
TOOLS = {
    "scan (cold: no cache yet)": SCAN + ["."],
    "scan (warm: a second run)": SCAN + ["."],
    "scan --no-cache --jobs 1": SCAN + ["--no-cache", "--jobs", "1", "."],
    "scan --no-cache --jobs 2": SCAN + ["--no-cache", "--jobs", "2", "."],
    "pyupgrade --py311-plus": ["pyupgrade", "--py311-plus"],
    "ruff check --select UP,ASYNC": ["ruff", "check", "--no-cache", "--select", "UP,ASYNC",
                                     "--target-version", "py311", "--exit-zero", "."],
}
COLD, WARM, PYUPGRADE = "scan (cold: no cache yet)", "scan (warm: a second run)", "pyupgrade --py311-plus"


def main(argv=None):
    parser = script_parser(__doc__)
    parser.add_argument("--tree", action="append", help="a folder to scan (repeatable; default: the two trees)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    trees = {"custom": args.tree} if args.tree else {"small": [SMALL_TREE], "large": DEFAULT_TREES}
    missing = [tree for folders in trees.values() for tree in folders if not os.path.isdir(tree)]
    if missing:
        parser.exit(2, "scan_throughput.py: error: no such folder: {}\n".format(missing[0]))
    if args.repeat < 1:
        parser.exit(2, "scan_throughput.py: error: --repeat must be at least 1\n")
    tool_dir = os.path.dirname(shutil.which("ruff") or shutil.which("pyupgrade") or sys.executable)
    executables = {name: shutil.which(command[0]) or os.path.join(tool_dir, command[0])
                   for name, command in TOOLS.items()}
    tools = [name for name in TOOLS if TOOLS[name][0] == sys.executable or os.path.exists(executables[name])]
    pyupgrade_python = _python_of(executables[PYUPGRADE]) if PYUPGRADE in tools else None
    print("scan on Python {}, pyupgrade on Python {}; load average at the start: {}".format(
        sys.version.split()[0], pyupgrade_python, _load()))
    data = {"python": sys.version.split()[0], "pyupgrade_python": pyupgrade_python, "load_at_start": _load(),
            "trees": {}}
    for label, folders in trees.items():
        data["trees"][label] = _measure(label, folders, tools, executables, args.repeat)
    data["load_at_end"] = _load()
    print("load average at the end: {}".format(data["load_at_end"]))
    with open(os.path.join(ROOT, "benchmarks", "scan_throughput.json"), "w") as out:
        json.dump(data, out, indent=2)
    return 0


def _measure(label, folders, tools, executables, repeat):
    with tempfile.TemporaryDirectory(prefix="scan-bench-") as tmp:
        pristine = os.path.join(tmp, "pristine")
        for tree in folders:
            shutil.copytree(tree, os.path.join(pristine, os.path.basename(tree)),
                            ignore=shutil.ignore_patterns("__pycache__"))
        files = sorted(os.path.relpath(path, pristine) for path in python_files(pristine))
        lines = 0
        for name in files:
            with open(os.path.join(pristine, name), "rb") as source:
                lines += source.read().count(b"\n")
        print("\n{} tree: {} files, {} lines ({})".format(label, len(files), lines, ", ".join(folders)))
        times = {name: [] for name in tools}
        done = {}
        for _ in range(repeat):  # rounds: every tool once per round
            for name in tools:
                work = os.path.join(tmp, "work")
                if name != WARM:  # the warm run scans the copy the cold run just left
                    shutil.rmtree(work, ignore_errors=True)
                    shutil.copytree(pristine, work)
                command = TOOLS[name]
                run = command if command[0] == sys.executable else [executables[name]] + command[1:]
                if command[0] == "pyupgrade":  # takes files, not folders
                    run = run + files
                started = time.perf_counter()
                done[name] = subprocess.run(run, cwd=work, env=dict(os.environ, PYTHONPATH=ROOT),
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
                times[name].append(time.perf_counter() - started)
    results = {}
    for name in TOOLS:
        if name not in tools:
            print("  {:32} not installed".format(name))
            continue
        best = min(times[name])
        summary = (done[name].stdout.strip().splitlines() or [""])[-1][:60]
        results[name] = {"seconds": round(best, 3), "all_seconds": [round(t, 3) for t in times[name]],
                         "lines_per_second": round(lines / best), "exit": done[name].returncode, "last_line": summary}
        print("  {:32} {:6.3f} s  {:>8} lines/s  exit {}  {}".format(
            name, best, round(lines / best), done[name].returncode, summary))
    goals = {"cold_over_warm": round(results[COLD]["seconds"] / results[WARM]["seconds"], 1)}
    if done[COLD].stdout != done[WARM].stdout:
        sys.exit("scan_throughput.py: error: the warm scan printed something else than the cold one")
    print("  warm re-scan: {}x faster than cold (goal: at least 10x)".format(goals["cold_over_warm"]))
    if PYUPGRADE in results:
        goals["scan_over_pyupgrade"] = round(results[COLD]["seconds"] / results[PYUPGRADE]["seconds"], 2)
        print("  scan cold / pyupgrade: {} (goal: at most 1.0)".format(goals["scan_over_pyupgrade"]))
    return {"files": len(files), "lines": lines, "folders": folders, "tools": results, "goals": goals}


def _python_of(script):
    """The version of the interpreter a console script (its #! line) runs on."""
    with open(script, encoding="utf-8", errors="replace") as head:
        python = head.readline()[2:].strip()
    done = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"], stdout=subprocess.PIPE,
                          universal_newlines=True)
    return done.stdout.strip()


def _load():
    return round(os.getloadavg()[0], 2)


if __name__ == "__main__":
    sys.exit(main())
