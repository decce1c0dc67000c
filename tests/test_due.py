"""tests/due.py: the split of the tox matrix names what exists, and no proof is left to one interpreter."""

import ast
import doctest
import glob
import os

import pytest

import due

TESTS = os.path.dirname(os.path.abspath(__file__))


def _tests(module):
    """{test function name: its parameters} of a test module (a path from tests/)."""
    with open(os.path.join(TESTS, module), encoding="utf-8") as source:
        tree = ast.parse(source.read())
    return {node.name: [arg.arg for arg in node.args.args] for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_")}


MODULES = sorted(os.path.relpath(path, TESTS).replace(os.sep, "/")
                 for path in glob.glob(os.path.join(TESTS, "**", "test_*.py"), recursive=True))


def test_examples():
    assert doctest.testmod(due).failed == 0


@pytest.mark.parametrize("key", sorted(due.DUE))
def test_every_key_names_a_folder_a_module_or_one_of_its_tests(key):
    """A stale key would hand its tests to the rule above it without a word."""
    path, _, test = key.partition("::")
    if path.endswith("/"):
        assert os.path.isdir(os.path.join(TESTS, path)), key
    else:
        assert path in MODULES, key
        assert not test or test in _tests(path), key


@pytest.mark.parametrize("module", MODULES)
def test_every_test_of_the_batch_runs_on_every_interpreter(module):
    """The batch's runs (each topic x style as __main__, the probes, the ported variants) are the proofs."""
    for name, parameters in _tests(module).items():
        if "runs" in parameters:
            assert due.rule(module + "::" + name) == due.EVERY, module + "::" + name


def test_the_newest_runs_everything_and_a_floor_its_own():
    """Everything but what a tox env of its own runs (actionlint: tox -e workflows)."""
    assert all(due.module_due_on(module, due.NEWEST) for module in MODULES)
    assert [key for key, where in due.DUE.items() if where == due.WORKFLOWS] == [
        "test_workflows.py::test_actionlint_finds_nothing", "test_workflows.py::test_actionlint_finds_a_mistake"]
    assert due.due_on("port/test_porter.py::test_a", (3, 9)) and not due.due_on("port/test_porter.py::test_a", (3, 10))
    assert due.due_on("port/test_porter.py::test_every_ported_legacy_variant_runs_as_the_topic_does[hello]", (3, 10))
    assert not due.module_due_on("publish/test_site.py", (3, 6)) and due.module_due_on("port/test_porter.py", (3, 12))
