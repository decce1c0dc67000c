"""port on real legacy code: the 3.6 standard library's asyncio and test_asyncio.

    python3.13 benchmarks/port_stdlib.py [--tree DIR ...] [--target 3.11]

Ports every file in memory (nothing is written), then counts: the rewrites
per hazard, the files that compile on this interpreter, the coroutine
decorators and ``yield from`` left (and whether the scan of the result
reports them), and the to-do list scan gives for the result. Prints the
numbers and writes benchmarks/port_stdlib.json. Needs LibCST.
"""

import ast
import collections
import json
import os
import sys
import tempfile
import time

from _script import ROOT, parser as script_parser  # beside this script
from _trees import DEFAULT_TREES, python_files

sys.path.insert(0, ROOT)
from asyncio_rosetta.scan.sources import mask_async_names  # noqa: E402
from asyncio_rosetta.scan.hazards import load  # noqa: E402
from asyncio_rosetta.errors import UsageError  # noqa: E402
from asyncio_rosetta.versions import parse_supported  # noqa: E402
from asyncio_rosetta.port.porter import port_file  # noqa: E402
from asyncio_rosetta.scan.scanner import scan  # noqa: E402


def leftovers(tree):
    """(coroutine-decorated functions, yield from in them, yield from in plain generators)."""
    decorated = yield_in_decorated = yield_in_plain = 0
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        own = [n for n in _own_nodes(node) if isinstance(n, ast.YieldFrom)]
        if any(ast.unparse(d).endswith("coroutine") and "types" not in ast.unparse(d) for d in node.decorator_list):
            decorated += 1
            yield_in_decorated += len(own)
        else:
            yield_in_plain += len(own)
    return decorated, yield_in_decorated, yield_in_plain


def _own_nodes(function):
    """The nodes of *function*'s body, not of the functions and classes nested in it."""
    todo = list(function.body)
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))


def main(argv=None):
    parser = script_parser(__doc__)
    parser.add_argument("--tree", action="append", help="a folder to port (repeatable)")
    parser.add_argument("--target", default="3.11")
    args = parser.parse_args(argv)
    trees = args.tree or DEFAULT_TREES
    missing = [tree for tree in trees if not os.path.isdir(tree)]
    if missing:
        parser.exit(2, "port_stdlib.py: error: no such folder: {}\n".format(missing[0]))
    try:
        target = parse_supported(args.target)
    except UsageError as exc:
        parser.exit(2, "port_stdlib.py: error: {}\n".format(exc))
    files = [path for tree in trees for path in python_files(tree)]
    started = time.perf_counter()
    results = [port_file(path, target) for path in files]
    seconds = time.perf_counter() - started
    fixed, compiled, errors = collections.Counter(), 0, []
    before, after = [0, 0, 0], [0, 0, 0]
    with tempfile.TemporaryDirectory(prefix="port-bench-") as tmp:
        for result in results:
            if result.error is not None:
                errors.append(str(result.error))
                continue
            fixed.update(result.fixed)
            before = [a + b for a, b in zip(before, leftovers(ast.parse(mask_async_names(result.text))))]
            try:
                tree = ast.parse(result.new)
                compile(tree, str(result.path), "exec")
                compiled += 1
            except SyntaxError as exc:
                errors.append("{}: does not compile: {}".format(result.path, exc))
                continue
            after = [a + b for a, b in zip(after, leftovers(tree))]
            # The trees' layout is kept: relative imports resolve in the scan as in the port.
            copy = os.path.join(tmp, os.path.relpath(str(result.path), os.path.dirname(trees[0])))
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            with open(copy, "w", encoding="utf-8") as out:
                out.write(result.new)
        todo = scan([tmp], hazards=load())
    lines = sum(len(r.text.splitlines()) for r in results if r.text is not None)
    report = {
        "python": "{}.{}.{}".format(*sys.version_info[:3]),
        "target": args.target,
        "files": len(files),
        "lines": lines,
        "seconds": round(seconds, 2),
        "lines_per_second": round(lines / seconds),
        "files_changed": sum(r.error is None and r.new != r.text for r in results),
        "rewrites": dict(sorted(fixed.items())),
        "compiled": compiled,
        "errors": errors,
        "coroutine_decorators": {"before": before[0], "after": after[0]},
        "yield_from_in_decorated": {"before": before[1], "after": after[1]},
        "yield_from_in_plain_generators": {"before": before[2], "after": after[2]},
        "todo": dict(sorted(collections.Counter(f.hazard.id for f in todo.findings).items())),
        "todo_errors": [str(error) for error in todo.errors],
    }
    for key, value in report.items():
        print("{:32} {}".format(key, value))
    with open(os.path.join(ROOT, "benchmarks", "port_stdlib.json"), "w") as out:
        json.dump(report, out, indent=2)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
