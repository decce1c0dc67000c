"""How long the full tox matrix takes, cold and warm, and where the time goes.

    export PATH="$(../shared/tools/interpreters.sh)"    # python3.6 ... python3.14
    python3 benchmarks/matrix_speed.py [--runs-only]

Clones the committed HEAD into a temporary folder (so nothing of yours is
touched and nothing uncommitted is measured), then runs ``tox -p auto``
there twice: cold (no .tox; uv's package cache as it is) and warm. Per env:
env creation, install and test time (tox's --result-json), and the CPU time
of the whole run (what a busy machine does not change much). Beside them, the
physical floor: for each interpreter, the __main__ runs its suite makes
(``runs`` in results/<3.X>.json) times one bare interpreter start-up, which
is what one fresh process per run would cost at the very least. Prints the
tables; writes benchmarks/matrix_speed.json. With --runs-only, skips tox and
measures only the start-ups against the results/ of this clone.
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

from _script import ROOT, parser as script_parser  # beside this script
MINORS = ["3.{}".format(minor) for minor in range(6, 15)]


def startup(python, code="pass", repeat=20):
    """Best wall time of ``python -c code``, in seconds (the floor: least disturbed by load)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([python, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def run_tox(clone, label):
    report = os.path.join(clone, "tox-{}.json".format(label))
    load, before = os.getloadavg()[0], resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(["tox", "-p", "auto", "--result-json", report], cwd=clone,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # tox and all it waited for (not chromium's own children)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        sys.exit("matrix_speed.py: error: tox -p auto ({}) failed:\n{}".format(label, done.stdout[-3000:]))
    with open(report, encoding="utf-8") as data:
        envs = json.load(data)["testenvs"]
    rows = {}
    for name, env in sorted(envs.items()):
        if "result" not in env:  # the ".pkg" pseudo-env, if any
            continue
        setup = sum(step["elapsed"] for step in env.get("setup", []))
        install = sum(step["elapsed"] for step in env.get("setup", []) if "install" in step.get("run_id", ""))
        test = sum(step["elapsed"] for step in env.get("test", []))
        total = env["result"]["duration"]
        rows[name] = {"total_s": total, "create_s": max(0.0, total - setup - test), "install_s": install,
                      "other_setup_s": setup - install, "test_s": test}
    return {"wall_s": wall, "cpu_s": cpu, "load_before": load, "load_after": os.getloadavg()[0], "envs": rows}


def floor(results_dir):
    """Per interpreter: its suite's __main__ runs, a bare start-up, and their product."""
    rows = {}
    for minor in MINORS:
        python = shutil.which("python" + minor)
        path = os.path.join(results_dir, minor + ".json")
        if python is None or not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as data:
            runs = json.load(data).get("runs")
        if runs is None:
            continue
        bare, asyncio_import = startup(python), startup(python, "import asyncio")
        rows[minor] = {"runs": runs, "bare_start_s": bare, "import_asyncio_s": asyncio_import,
                       "floor_s": runs * bare, "floor_with_asyncio_s": runs * asyncio_import}
    return rows


def print_tox(label, measured):
    print("\n{}: tox -p auto took {:.1f} s, {:.1f} s of CPU (= {:.1f} s on {} idle cores); load average {:.1f} "
          "before, {:.1f} after".format(label, measured["wall_s"], measured["cpu_s"],
                                        measured["cpu_s"] / (os.cpu_count() or 1), os.cpu_count(),
                                        measured["load_before"], measured["load_after"]))
    print("  {:6} {:>8} {:>8} {:>8} {:>8} {:>8}".format("env", "total", "create", "install", "setup", "test"))
    for name, row in measured["envs"].items():
        print("  {:6} {total_s:8.1f} {create_s:8.1f} {install_s:8.1f} {other_setup_s:8.1f} {test_s:8.1f}".format(
            name, **row))
    print("  sum of env times {:.1f} s on {} cores".format(
        sum(row["total_s"] for row in measured["envs"].values()), os.cpu_count()))


def main(argv=None):
    parser = script_parser(__doc__)
    parser.add_argument("--runs-only", action="store_true", help="only the floor, from this clone's results/")
    args = parser.parse_args(argv)
    missing = [minor for minor in MINORS if shutil.which("python" + minor) is None]
    if missing:
        parser.exit(2, "matrix_speed.py: error: python{} is not on PATH (see the docstring)\n".format(missing[0]))
    if not args.runs_only and shutil.which("tox") is None:
        parser.exit(2, "matrix_speed.py: error: tox is not on PATH\n")
    report = {"cores": os.cpu_count(), "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="matrix-speed-") as tmp:
        results = os.path.join(ROOT, "results")
        if not args.runs_only:
            clone = os.path.join(tmp, "clone")
            subprocess.run(["git", "clone", "-q", ROOT, clone], check=True)
            report["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=clone, check=True,
                                              stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
            report["cold"] = run_tox(clone, "cold")
            report["warm"] = run_tox(clone, "warm")
            results = os.path.join(clone, "results")
            print_tox("cold (no .tox, package caches warm)", report["cold"])
            print_tox("warm", report["warm"])
        report["floor"] = rows = floor(results)
    total_runs = sum(row["runs"] for row in rows.values())
    cpu_floor = sum(row["floor_s"] for row in rows.values())
    with_asyncio = sum(row["floor_with_asyncio_s"] for row in rows.values())
    print("\nfloor: {} __main__ runs over {} interpreters".format(total_runs, len(rows)))
    print("  {:5} {:>5} {:>10} {:>15} {:>9}".format("", "runs", "bare ms", "import asyncio", "floor s"))
    for minor, row in rows.items():
        print("  {:5} {runs:5d} {bare:10.1f} {imp:15.1f} {floor_s:9.1f}".format(
            minor, bare=row["bare_start_s"] * 1000, imp=row["import_asyncio_s"] * 1000, **row))
    cores = os.cpu_count() or 1
    report["floor_wall_s"] = cpu_floor / cores
    print("  bare start-ups: {:.1f} s of CPU = {:.1f} s on {} cores; with import asyncio: {:.1f} s".format(
        cpu_floor, cpu_floor / cores, cores, with_asyncio / cores))
    for label in ("cold", "warm"):
        if label in report:
            print("  {}: {:.1f} s = {:.1f} x that floor".format(
                label, report[label]["wall_s"], report[label]["wall_s"] / report["floor_wall_s"]))
    with open(os.path.join(ROOT, "benchmarks", "matrix_speed.json"), "w", encoding="utf-8") as out:
        json.dump(report, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
