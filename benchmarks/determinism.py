"""Run the test suite N times in a row with every core kept busy; report any difference.

    python3 benchmarks/determinism.py [--runs 20] [--python .tox/py311/bin/python]

Every test asserts an exact trace (or an exact failure), so a run that
passes printed exactly the expected lines at exactly the expected stamps:
N passing runs are N identical runs. Prints one line per run and a summary;
exits 1 if any run differed.
"""

import argparse
import multiprocessing
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def spin():
    while True:
        pass


def _has_pytest(python):
    try:
        return subprocess.run([python, "-c", "import pytest"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # One clear line instead of argparse's usage block.
        self.exit(2, "{}: error: {} (see --help)\n".format(self.prog, message))


def main(argv=None):
    parser = _Parser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--python", default=sys.executable, help="interpreter with pytest installed")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not _has_pytest(args.python):
        parser.error("{} is not an interpreter with pytest installed".format(args.python))
    hogs = [multiprocessing.Process(target=spin, daemon=True) for _ in range(os.cpu_count() or 1)]
    for hog in hogs:
        hog.start()
    differing = 0
    try:
        for number in range(1, args.runs + 1):
            start = time.monotonic()
            run = subprocess.run([args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
            summary = (run.stdout.strip().splitlines() or ["no output"])[-1]
            failed = re.findall(r"^FAILED (\S+)", run.stdout, re.MULTILINE)
            differing += run.returncode != 0
            print("run {:2d}: {} ({:.1f} s wall, {} cores busy)".format(
                number, summary, time.monotonic() - start, len(hogs)), flush=True)
            for test in failed:
                print("    differs:", test, flush=True)
    finally:
        for hog in hogs:
            hog.terminate()
    print("{} runs, {} with a difference".format(args.runs, differing))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
