"""How fast scan is, beside pyupgrade and ruff, on legacy asyncio code.

    python3 benchmarks/scan_throughput.py [--tree DIR ...] [--repeat 3]

Default tree: the 3.6 standard library's asyncio package and test/test_asyncio
(pyenv's 3.6 install), which use @coroutine hundreds of times. Each tool runs
on its own copy (pyupgrade rewrites files in place); the best of --repeat
wall times is printed, with lines per second. Tools not installed are listed
as such. Writes benchmarks/scan_throughput.json.
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


def main(argv=None):
    parser = script_parser(__doc__)
    parser.add_argument("--tree", action="append", help="a folder to scan (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    trees = args.tree or DEFAULT_TREES
    missing = [tree for tree in trees if not os.path.isdir(tree)]
    if missing:
        parser.exit(2, "scan_throughput.py: error: no such folder: {}\n".format(missing[0]))
    if args.repeat < 1:
        parser.exit(2, "scan_throughput.py: error: --repeat must be at least 1\n")
    tool_dir = os.path.dirname(shutil.which("ruff") or shutil.which("pyupgrade") or sys.executable)
    tools = {
        "asyncio-rosetta scan (one process per core)": [sys.executable, "-m", "asyncio_rosetta", "scan", "."],
        "asyncio-rosetta scan --jobs 1": [sys.executable, "-m", "asyncio_rosetta", "scan", "--jobs", "1", "."],
        "pyupgrade --py311-plus": ["pyupgrade", "--py311-plus"],
        "ruff check --select UP,ASYNC": ["ruff", "check", "--no-cache", "--select", "UP,ASYNC",
                                         "--target-version", "py311", "--exit-zero", "."],
    }
    results = {}
    with tempfile.TemporaryDirectory(prefix="scan-bench-") as tmp:
        files = lines = 0
        for tree in trees:
            shutil.copytree(tree, os.path.join(tmp, "pristine", os.path.basename(tree)),
                            ignore=shutil.ignore_patterns("__pycache__"))
        pristine = os.path.join(tmp, "pristine")
        for path in python_files(pristine):
            files += 1
            with open(path, "rb") as source:
                lines += source.read().count(b"\n")
        print("{} files, {} lines ({})".format(files, lines, ", ".join(trees)))
        for name, command in tools.items():
            executable = shutil.which(command[0]) or os.path.join(tool_dir, command[0])
            if command[0] != sys.executable and not os.path.exists(executable):
                print("{:45} not installed".format(name))
                continue
            best = None
            for _ in range(args.repeat):
                work = os.path.join(tmp, "work")
                shutil.rmtree(work, ignore_errors=True)
                shutil.copytree(pristine, work)
                run = [executable] + command[1:] if command[0] != sys.executable else command
                if command[0] == "pyupgrade":  # takes files, not folders
                    run += sorted(os.path.relpath(p, work) for p in python_files(work))
                started = time.perf_counter()
                done = subprocess.run(run, cwd=work, env=dict(os.environ, PYTHONPATH=ROOT), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, universal_newlines=True)
                elapsed = time.perf_counter() - started
                best = elapsed if best is None else min(best, elapsed)
            summary = (done.stdout.strip().splitlines() or [""])[-1][:70]
            results[name] = {"seconds": round(best, 3), "lines_per_second": round(lines / best),
                             "exit": done.returncode, "last_line": summary}
            print("{:45} {:6.2f} s  {:>8} lines/s  exit {}  {}".format(
                name, best, round(lines / best), done.returncode, summary))
    with open(os.path.join(ROOT, "benchmarks", "scan_throughput.json"), "w") as out:
        json.dump({"python": sys.version.split()[0], "files": files, "lines": lines, "tools": results}, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
