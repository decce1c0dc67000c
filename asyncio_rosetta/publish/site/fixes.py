"""A hazard's fix as ``port`` makes it, before and after, taken from its fixer's own tests.

    >>> examples(catalog.root, hazards)["AR106"].target      # doctest: +SKIP
    (3, 6)

The fixer tests (``tests/port/fixers/test_<fixer>.py``) state each rewrite as
``assert ported('''before''', target=(3, 6)) == dedent('''after''')``, and the
suite runs them on 3.9+. Here they are read, not run, so that building the site
needs no LibCST. A hazard's example is the first such case, in a test module of a
fixer registered for it, whose source scan finds the hazard in and whose
rewrite has fewer of it (or, failing that, any rewrite of a source that has it). Without the clone's tests (an installed package) there is none.
"""

import ast
import collections
import shutil
import tempfile
import textwrap
from pathlib import Path

from asyncio_rosetta.scan.scanner import scan

__all__ = ["Example", "examples"]

FIXERS = Path(__file__).resolve().parents[2] / "port" / "fixers"

Example = collections.namedtuple("Example", "before after target test")


def examples(root, hazards):
    """{hazard id: Example} for the hazards a fixer is registered for, from the tests under *root*."""
    tests = Path(str(root)) / "tests" / "port" / "fixers"
    if not (tests / "conftest.py").is_file():
        return {}
    default = _default_target(tests / "conftest.py")
    cases = []  # (hazard ids of the fixer, Example)
    for module, ids in sorted(_registered().items()):
        path = tests / "test_{}.py".format(module)
        if path.is_file():
            cases += [(ids, case) for case in _cases(path, default)]
    found = _found([case for _, case in cases], [h for h in hazards if any(h.id in ids for ids, _ in cases)])
    out, fallback = {}, {}
    for index, (ids, case) in enumerate(cases):
        before, after = found[index]
        for hazard_id in ids:
            if hazard_id not in out and before[hazard_id] > after[hazard_id]:
                out[hazard_id] = case
            # A rewrite that keeps the construct (AR116: @types.coroutine, still stepped by hand).
            if before[hazard_id] and case.before != case.after:
                fallback.setdefault(hazard_id, case)
    fallback.update(out)
    return fallback


def _registered():
    """{fixer module: hazard ids}, from each module's ``@fixer("AR106", ...)`` (a ``*NAME`` is
    the tuple of ids the module assigns to NAME)."""
    out = {}
    for path in sorted(FIXERS.glob("[!_]*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tuples = {target.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                  for target in node.targets if isinstance(target, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "fixer":
                ids = []
                for arg in node.args:
                    if isinstance(arg, ast.Starred):
                        ids += ast.literal_eval(tuples[arg.value.id])
                    else:
                        ids.append(ast.literal_eval(arg))
                out[path.stem] = tuple(ids)
    return out


def _default_target(conftest):
    """The target of ``port(source, target=...)`` in the fixer tests' conftest."""
    for node in ast.parse(conftest.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef) and node.name == "port":
            return ast.literal_eval(node.args.defaults[-1])
    raise LookupError("{} defines no port(source, target=...)".format(conftest))


def _cases(path, default):
    """Every ``ported(...) == dedent(...)`` of a test module, in order, as Examples."""
    out = []
    for function in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            if not (isinstance(node, ast.Compare) and len(node.comparators) == 1):
                continue
            left, right = node.left, node.comparators[0]
            if _called(left, "ported") and _called(right, "dedent"):
                target = {k.arg: ast.literal_eval(k.value) for k in left.keywords}.get("target", default)
                # The blank line after the opening quotes is the test's layout, not the example's.
                out.append(Example(textwrap.dedent(ast.literal_eval(left.args[0])).lstrip("\n"),
                                   textwrap.dedent(ast.literal_eval(right.args[0])).lstrip("\n"), tuple(target),
                                   "{}::{}".format(path.name, function.name)))
    return out


def _called(node, name):
    return (isinstance(node, ast.Call) and getattr(node.func, "id", None) == name and len(node.args) == 1
            and isinstance(ast.literal_eval(node.args[0]) if _literal(node.args[0]) else None, str))


def _literal(node):
    try:
        ast.literal_eval(node)
    except ValueError:
        return False
    return True


def _found(cases, hazards):
    """Per case, (Counter of the hazards scan finds before, the same after), one scan for all."""
    folder = Path(tempfile.mkdtemp(prefix="rosetta-fixes-"))
    try:
        for index, case in enumerate(cases):
            (folder / "before_{}.py".format(index)).write_text(case.before, encoding="utf-8")
            (folder / "after_{}.py".format(index)).write_text(case.after, encoding="utf-8")
        report = scan([folder], select=[h.id for h in hazards], hazards=hazards, jobs=1)
    finally:
        shutil.rmtree(str(folder), ignore_errors=True)
    counts = collections.defaultdict(collections.Counter)
    for finding in report.findings:
        counts[Path(str(finding.path)).stem][finding.hazard.id] += 1
    return [(counts["before_{}".format(i)], counts["after_{}".format(i)]) for i in range(len(cases))]
