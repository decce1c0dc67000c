"""How scan and port grow with the size of a file and with the number of files.

    .tox/py313/bin/python benchmarks/scale.py [--sizes 0.25 0.5 1 2] [--scan-sizes 30] [--counts 10 100 1000]

A big file is renamed copies of the project's real-shaped legacy programs,
one after the other (benchmarks/_legacy.py); many files are copies of them,
a few KB each. Each command runs as a user runs it, in a child process, one
at a time: ``asyncio-rosetta scan PATH`` and ``port --target-version 3.11 PATH``
(its diff and its to-do scan; nothing is written). For each run: the wall
time, the CPU time (its worker processes' too, from os.wait4) and the peak
memory: the largest resident set of the child (its VmHWM in /proc, read as
it exits) and of its workers (RUSAGE_CHILDREN). Not the child's own
ru_maxrss: a forked child starts with this script's resident set as its
maximum (here 103 MB, once the big files were made). For a file, also the
standard library's ast.parse of it alone (``async`` names masked, as scan
reads it), in a child of its own: what scan would hold as one tree. A file
larger than scan.parts.PARTS_FROM is read in parts: for it, also the scan
made as one tree, and how many findings the two have in common. Then the ratio of the largest size to the smallest. Port needs LibCST: run it with an interpreter
that has it (--python, default this one). Prints a table; writes
benchmarks/scale.json.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

from _legacy import legacy_files, legacy_text  # beside this script
from _script import ROOT, parser as script_parser, python_version

sys.path.insert(0, ROOT)
from asyncio_rosetta.scan.parts import PARTS_FROM  # noqa: E402


def main(argv=None):
    parser = script_parser(__doc__)
    parser.add_argument("--sizes", type=float, nargs="*", default=[0.25, 0.5, 1, 2],
                        help="file sizes in MB, for scan and port")
    parser.add_argument("--scan-sizes", type=float, nargs="*", default=[30], help="file sizes in MB, for scan only")
    parser.add_argument("--counts", type=int, nargs="*", default=[10, 100, 1000], help="numbers of small files")
    parser.add_argument("--python", default=sys.executable, help="the interpreter the commands run on")
    args = parser.parse_args(argv)
    if any(size <= 0 for size in args.sizes + args.scan_sizes) or any(count < 1 for count in args.counts):
        parser.exit(2, "scale.py: error: sizes and counts must be positive\n")
    rows = []
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
        for size in sorted(set(args.sizes) | set(args.scan_sizes)):
            path = os.path.join(tmp, "legacy_{}mb.py".format(size))
            text = legacy_text(int(size * 10 ** 6))
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
            commands = ["scan"] + (["port"] if size in args.sizes else [])
            rows.append(_row("{:g} MB".format(size), "{:,} lines".format(text.count("\n")), path, commands, args))
        for count in args.counts:
            folder = os.path.join(tmp, "files_{}".format(count))
            os.mkdir(folder)
            lines = 0
            for name, text in legacy_files(count):
                with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
                    out.write(text)
                lines += text.count("\n")
            rows.append(_row("{:,} files".format(count), "{:,} lines".format(lines), folder, ["scan", "port"], args))
    ratios = _ratios([row for row in rows if row["input"].endswith(" MB") and row.get("port")], args.sizes)
    _print(rows, ratios, args.python)
    with open(os.path.join(ROOT, "benchmarks", "scale.json"), "w") as out:
        json.dump({"python": python_version(args.python), "rows": rows, "ratios": ratios}, out, indent=2)
    return 0


def _row(label, lines, path, commands, args):
    row = {"input": label, "lines": lines}
    for command in commands:
        extra = ["--target-version", "3.11"] if command == "port" else ["--no-cache"]  # cold, every time
        row[command] = _measure(args.python, [command] + extra + [path])
        print("{:12} {:16} {:5} {}".format(label, lines, command, _cell(row[command])), flush=True)
    if os.path.isfile(path):
        row["ast.parse"] = _measure(args.python, [path], _AST_PARSE)
        print("{:12} {:16} {:5} {}".format(label, lines, "ast", _cell(row["ast.parse"], (0,))), flush=True)
    if os.path.isfile(path) and os.path.getsize(path) > PARTS_FROM:
        found = {}
        for way, code in (("parts", _COMMAND), ("one tree", _ONE_TREE)):
            with tempfile.TemporaryFile("w+") as out:
                run = _measure(args.python, ["scan", "--no-cache", "--format", "json", path], code, out)
                out.seek(0)
                found[way] = {(f["line"], f["column"], f["id"]) for f in json.load(out)["findings"]}
            print("{:12} {:16} {:5} {}".format(label, lines, "scan" if way == "parts" else "1tree", _cell(run)),
                  flush=True)
            row["scan as one tree"] = run if way == "one tree" else row.get("scan as one tree")
        row["findings"] = {"both": len(found["parts"] & found["one tree"]),
                           "only in parts": len(found["parts"] - found["one tree"]),
                           "only as one tree": len(found["one tree"] - found["parts"])}
        print("{:12} {:16} findings: {}".format(label, lines, row["findings"]), flush=True)
    return row


# A child that writes its peak memory (KB) to argv[1] as it exits, then runs...
_PEAK = """
import atexit, resource, sys

def peak(path=sys.argv.pop(1)):
    with open("/proc/self/status") as status:
        own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    with open(path, "w") as out:
        out.write(str(max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)))

atexit.register(peak)
"""
# ... the command line,
_COMMAND = _PEAK + """
from asyncio_rosetta.cli import main
sys.exit(main(sys.argv[1:]))
"""
# ... or the command line with a module of any size read as one tree (no parts),
_ONE_TREE = _PEAK + """
from asyncio_rosetta.scan import parts
parts.PARTS_FROM = float("inf")
from asyncio_rosetta.cli import main
sys.exit(main(sys.argv[1:]))
"""
# ... or only the standard library's parse of the file, read as scan reads it: what one tree of it holds.
_AST_PARSE = _PEAK + """
import ast
from asyncio_rosetta.scan.sources import mask_async_names
with open(sys.argv[1], encoding="utf-8") as source:
    ast.parse(mask_async_names(source.read()))
"""


def _measure(python, arguments, code=_COMMAND, stdout=subprocess.DEVNULL):
    """Wall and CPU seconds, and peak memory (MB), of the child *code* run with *arguments*."""
    with tempfile.NamedTemporaryFile("r", prefix="scale-peak-") as peak:
        started = time.perf_counter()
        child = subprocess.Popen([python, "-c", code, peak.name] + arguments, cwd=ROOT,
                                 env=dict(os.environ, PYTHONPATH=ROOT), stdout=stdout,
                                 stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
        kilobytes = int(peak.read() or 0)
    return {"seconds": round(seconds, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_mb": round(kilobytes / 1024), "exit": child.returncode}


def _ratios(rows, sizes):
    """The largest size over the smallest: time and peak memory, for scan and port."""
    if len(rows) < 2:
        return {}
    small, large = rows[0], rows[-1]
    ratios = {"of": "{} / {}".format(large["input"], small["input"]), "size": round(max(sizes) / min(sizes), 2)}
    for command in ("scan", "port"):
        ratios[command] = {key: round(large[command][key] / small[command][key], 1)
                           for key in ("seconds", "cpu_seconds", "peak_mb")}
    return ratios


def _cell(run, ok=(0, 1)):
    """A run's cell: its exit status too unless it is one of *ok* (scan and port exit 1 when they find something)."""
    return "{:.2f} s ({:.1f} s CPU), {:,} MB{}".format(
        run["seconds"], run["cpu_seconds"], run["peak_mb"], "" if run["exit"] in ok else ", exit {}".format(
            run["exit"]))


def _print(rows, ratios, python):
    print("\n{}\n".format(python_version(python)))
    print("| input | | scan | port | ast.parse alone | scan as one tree |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print("| {} | {} | {} | {} | {} | {} |".format(row["input"], row["lines"], *[
            _cell(row[key], (0,) if key == "ast.parse" else (0, 1)) if key in row else "—"
            for key in ("scan", "port", "ast.parse", "scan as one tree")]))
    if ratios:
        print("| {} (x{:g} the size) | | {} | {} | |".format(ratios["of"], ratios["size"], *[
            "x{seconds} time (x{cpu_seconds} CPU), x{peak_mb} memory".format(**ratios[command])
            for command in ("scan", "port")]))
    for row in rows:
        if "findings" in row:
            print("\n{}: findings of the scan in parts and as one tree: {both:,} in both, {only in parts:,} only in "
                  "parts, {only as one tree:,} only as one tree".format(row["input"], **row["findings"]))


if __name__ == "__main__":
    sys.exit(main())
