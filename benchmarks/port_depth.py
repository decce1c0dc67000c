"""How deep a module LibCST takes, shape by shape, and what port's estimate says there.

    python3 benchmarks/port_depth.py --python .tox/py39/bin/python --python .tox/py314/bin/python [--shape sum ...]

For each shape of deep nesting (a sum, an attribute chain, nested calls,
an elif chain, adjacent strings...), then a generator coroutine (so that
port's fixers walk the module): the largest n up to 3000 whose port
(port_text, port's depth check off) runs in a fresh child process, found by
bisection; what it does one step further (RecursionError, a signal that
killed the process, or what port says); and port/depth's estimate at that
n. Port takes an estimate of depth.LIMIT at most: the shallowest failure,
less a margin for the frames under it. With --parser, also the largest n up
to 10,000 that LibCST's native parser alone survives (no signal, under
60 s): what depth.BRACKETS and depth.TOKENS keep away from it. Needs LibCST
in each interpreter. Prints a table per interpreter; writes
benchmarks/port_depth.json.
"""

import json
import os
import signal
import subprocess
import sys

from _script import ROOT, parser as script_parser, python_version  # beside this script


# name -> an expression of n: the source of that shape, n deep (after "import asyncio").
SHAPES = {
    "sum": '"x = " + " + ".join(["1"] * n)',
    "power": '"x = " + " ** ".join(["2"] * n)',
    "attributes": '"x = a" + ".b" * n',
    "calls of calls": '"x = f" + "()" * n',
    "subscripts": '"x = a" + "[0]" * n',
    "nested subscripts": '"x = " + "a[" * n + "0" + "]" * n',
    "nested calls": '"x = " + "f(" * n + "1" + ")" * n',
    "nested keywords": '"x = " + "f(k=" * n + "1" + ")" * n',
    "nested lists": '"x = " + "[" * n + "1" + "]" * n',
    "nested tuples": '"x = " + "(1, " * n + "1" + ")" * n',
    "nested dicts": '"x = " + "{1: " * n + "1" + "}" * n',
    "nested brackets": '"x = " + "(" * n + "1" + ")" * n',
    "not": '"x = " + "not " * n + "a"',
    "minus": '"x = " + "-" * n + "1"',
    "conditional expressions": '"x = " + "a if b else " * n + "c"',
    "elif": '"if a:\\n    pass\\n" + "elif a:\\n    pass\\n" * n',
    "nested ifs": '"".join("    " * i + "if x:\\n" for i in range(n)) + "    " * n + "x = 1"',
    "lambda": '"x = " + "lambda: " * n + "1"',
    "and": '"x = " + " and ".join(["a"] * n)',
    "or in and": '"x = " + " and ".join(["(a or b or c)"] * n)',
    "comparison": '"x = " + " < ".join(["a"] * n)',
    "adjacent strings": '"x = " + " ".join([\'"a"\'] * n)',
    "adjacent strings, a line each": '"x = (\\n" + "".join(\'    "a"\\n\' for _ in range(n)) + ")"',
    "adjacent f-strings": '"x = " + " ".join([\'f"{a}"\'] * n)',
    "comprehension fors": '"x = [a " + " ".join("for a%d in b" % i for i in range(n)) + "]"',
    "yield from": '"def f():\\n    x = " + "(yield from " * n + "a" + ")" * n',
    "in a method in 20 ifs": '"class C:\\n    def f(self):\\n" + "".join("    " * (2 + i) + "if a:\\n" for i in range(20))'
                             ' + "    " * 22 + "x = " + "g(" * (n // 3) + "a" + ".b" * (n // 3) + ")" * (n // 3)'
                             ' + " + 1" * (n // 3)',
}

# In the child: the shape, then a generator coroutine (so that port's fixers walk the module), ported
# with the depth check off; prints "estimate <e>" and how it went: "ok", "RecursionError", or what
# else port said (LibCST's own limits: 100 levels of indentation).
_CHILD = """
import ast, sys
sys.path.insert(0, {root!r})
from asyncio_rosetta.port import depth, porter
n = int(sys.argv[1])
source = "import asyncio\\n" + ({shape}) + "\\n\\n@asyncio.coroutine\\ndef main():\\n    yield from asyncio.sleep(1)\\n"
try:
    print("estimate", depth.estimate(ast.parse(source), source)[0], flush=True)
except (SyntaxError, RecursionError, MemoryError) as exc:
    print("estimate n/a ({{}})".format(type(exc).__name__), flush=True)
depth.measure = lambda source: (None, None)
try:
    porter.port_text(source, (3, 11))
    print("ok")
except porter.PortError as exc:  # port's own guard turns a RecursionError into one
    print("RecursionError" if "RecursionError" in str(exc) else str(exc).split(" (line")[0])
"""


# In the child, with --parser: LibCST's parser alone; a syntax error is no crash.
_PARSER_CHILD = """
import sys
import libcst
n = int(sys.argv[1])
source = "import asyncio\\n" + ({shape}) + "\\n"
try:
    libcst.parse_module(source)
except libcst.ParserSyntaxError:
    pass
print("ok")
"""


def main(argv=None):
    parser = script_parser(__doc__)
    parser.add_argument("--python", action="append", help="an interpreter with LibCST (repeatable; default this one)")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    parser.add_argument("--most", type=int, default=3000, help="the largest n tried")
    parser.add_argument("--parser", action="store_true", help="also LibCST's parser alone, up to n = 10,000")
    args = parser.parse_args(argv)
    report = {}
    for python in args.python or [sys.executable]:
        version = python_version(python)
        rows = report[version] = {}
        extra = (" LibCST's parser alone: largest n | then |", " --- | --- |") if args.parser else ("", "")
        print("\n{}\n\n| shape | port: largest n | then | estimate there |{}\n| --- | --- | --- | --- |{}".format(
            version, *extra))
        for name in args.shape or SHAPES:
            rows[name] = _bisect(python, name, args.most, _CHILD)
            if args.parser:
                parsed = _bisect(python, name, 10000, _PARSER_CHILD, timeout=60)
                rows[name].update(parser_n=parsed["n"], parser_then=parsed["then"])
            print("| {} | {} | {} | {} |".format(name, rows[name]["n"], rows[name]["then"], rows[name]["estimate"])
                  + (" {} | {} |".format(rows[name]["parser_n"], rows[name]["parser_then"]) if args.parser else ""),
                  flush=True)
        failed = [(row["estimate"], name) for name, row in rows.items()
                  if (row["then"] == "RecursionError" or row["then"].startswith("SIG"))
                  and isinstance(row["estimate"], int)]
        if failed:
            print("\nshallowest failure of LibCST's: at an estimate of {} ({})".format(*min(failed)))
    with open(os.path.join(ROOT, "benchmarks", "port_depth.json"), "w") as out:
        json.dump(report, out, indent=2)
    return 0


def _run(python, name, n, child, timeout):
    """(survived, how it failed or went, the estimate) for the shape *name*, *n* deep, in *child*."""
    code = child.format(root=ROOT, shape=SHAPES[name])
    try:
        done = subprocess.run([python, "-c", code, str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "over {} s".format(timeout), None
    lines = done.stdout.splitlines()
    estimate = lines.pop(0).split(" ", 1)[1] if lines and lines[0].startswith("estimate ") else None
    estimate = int(estimate) if estimate and estimate.isdigit() else estimate
    if done.returncode < 0:
        return False, signal.Signals(-done.returncode).name, estimate
    outcome = lines[-1] if lines else "exit status {}".format(done.returncode)
    return outcome == "ok", outcome, estimate


def _bisect(python, name, most, child, timeout=300):
    survived, how, estimate = _run(python, name, most, child, timeout)
    if survived:
        return {"n": most, "then": "none", "estimate": estimate}
    low, high = 1, most
    while high - low > 1:  # how it failed at high is kept: at the edge a crash may come and go (ASLR)
        middle = (low + high) // 2
        survived, went, _ = _run(python, name, middle, child, timeout)
        if survived:
            low = middle
        else:
            high, how = middle, went
    estimate = _run(python, name, low, child, timeout)[2]
    return {"n": low, "then": how, "estimate": estimate}


if __name__ == "__main__":
    sys.exit(main())
