"""The fixers' name helper (port/fixers/_names.py): what a dotted name in a
module stands for through its imports, and the name a module is bound to.
Needs LibCST (this folder's conftest skips without it)."""

import pytest


@pytest.fixture
def names_of():
    """Names of a module's source; imported here, after the conftest's LibCST check."""
    import libcst
    from asyncio_rosetta.port.fixers._names import Names

    def names(source, package=""):
        return Names(libcst.parse_module(source), package)
    return names


def _expression(text):
    import libcst
    return libcst.parse_expression(text)


# (source, expression): what the expression stands for in that module
QUALIFIED = {
    ("import asyncio\n", "asyncio.sleep"): "asyncio.sleep",
    ("import asyncio as aio\n", "aio.Task.all_tasks"): "asyncio.Task.all_tasks",
    ("from asyncio import sleep\n", "sleep"): "asyncio.sleep",
    ("from asyncio import sleep as nap\n", "nap"): "asyncio.sleep",
    ("import asyncio.tasks\n", "asyncio.tasks.Task"): "asyncio.Task",  # canonical: where it is public
    ("import asyncio.tasks as tasks\n", "tasks.Task"): "asyncio.Task",
    ("from asyncio import *\n", "sleep"): "asyncio.sleep",
    ("from helpers import *\n", "sleep"): "sleep",  # what another module's star binds is unknown
    ("def main():\n    import asyncio as aio\n", "aio.run"): "aio.run",  # main's import is not seen outside
    ("import asyncio\n", "loop.run_until_complete"): "loop.run_until_complete",
}


@pytest.mark.parametrize("source, expression", list(QUALIFIED))
def test_qualified_follows_the_imports(names_of, source, expression):
    assert names_of(source).qualified(_expression(expression)) == QUALIFIED[source, expression]


def test_relative_imports_resolve_within_the_package(names_of):
    names = names_of("from . import tasks\nfrom .coroutines import coroutine\n", package="asyncio")
    assert names.qualified(_expression("tasks.Task")) == "asyncio.Task"
    assert names.qualified(_expression("coroutine")) == "asyncio.coroutine"


def test_a_masked_async_is_unmasked(names_of):
    assert names_of("import asyncio as aio\n").qualified(_expression("aio.\u0430sync")) == "asyncio.async"


@pytest.mark.parametrize("expression", ["f()", "a[0].b", "a.b().c"])
def test_only_dotted_names_are_qualified(names_of, expression):
    from asyncio_rosetta.port.fixers._names import dotted
    assert names_of("import asyncio\n").qualified(_expression(expression)) is None
    assert dotted(_expression(expression)) is None


def test_dotted_splits_a_dotted_name():
    from asyncio_rosetta.port.fixers._names import dotted
    assert dotted(_expression("a.b.c")) == ["a", "b", "c"]


@pytest.mark.parametrize("source, module", [
    ("import asyncio\n", "asyncio"),
    ("import asyncio as aio\n", "aio"),
    ("import asyncio.tasks\n", "asyncio"),
    ("from asyncio import sleep\n", None),
    ("import trio\n", None),
])
def test_module_is_the_name_import_binds_it_to(names_of, source, module):
    assert names_of(source).module("asyncio") == module


# (source, name): how a fixer writes asyncio's name there, and whether it adds an import
SPELLED = {
    ("import asyncio as aio\n", "run"): ("aio.run", set()),
    ("from asyncio import sleep as nap\n", "sleep"): ("nap", set()),
    ("from asyncio import *\n", "new_event_loop"): ("new_event_loop", set()),
    ("from asyncio import *\n", "coroutine"): (None, set()),  # 3.11+ does not export it
    ("from asyncio import *\ndef new_event_loop(): pass\n", "new_event_loop"): (None, set()),  # bound here
    ("from asyncio import get_event_loop\n", "new_event_loop"): ("new_event_loop", {"new_event_loop"}),
    ("from asyncio import get_event_loop\nnew_event_loop = 1\n", "new_event_loop"): (None, set()),
    ("import trio\n", "run"): ("asyncio.run", set()),  # import asyncio is added (names.modules)
    ("import trio\nasyncio = trio\n", "run"): (None, set()),  # the module's own asyncio
    ("import asyncio\n", "no_such_name"): (None, set()),
}


@pytest.mark.parametrize("source, name", list(SPELLED))
def test_spell_writes_asyncio_names_as_the_module_does(names_of, source, name):
    names = names_of(source)
    assert names.spell(name, record=False) == SPELLED[source, name][0] and names.added == set()
    assert (names.spell(name), names.added) == SPELLED[source, name]


def test_added_names_join_the_modules_from_asyncio_import():
    import libcst
    from asyncio_rosetta.port.fixers._names import add_imports
    module = libcst.parse_module("import sys\nfrom asyncio import get_event_loop  # legacy\n")
    assert add_imports(module, {"set_event_loop", "new_event_loop"}).code == (
        "import sys\nfrom asyncio import get_event_loop, new_event_loop, set_event_loop  # legacy\n")


def test_import_asyncio_goes_below_the_docstring_and_imports():
    import libcst
    from asyncio_rosetta.port.fixers._names import add_imports
    module = libcst.parse_module('"""Doc."""\nfrom __future__ import annotations\nimport sys\n\nx = 1\n')
    assert add_imports(module, (), {"asyncio"}).code == (
        '"""Doc."""\nfrom __future__ import annotations\nimport sys\nimport asyncio\n\nx = 1\n')


def test_a_call_is_asked_about_as_itself_where_another_starts_at_the_same_place(names_of):
    """``super().__init__(...)`` and ``super()``, ``getattr(...)(x)`` and ``getattr(...)``: the node
    scan's model is asked about is the one that ends where the LibCST node does too."""
    import libcst
    from libcst import matchers
    names = names_of('import asyncio\nclass Q(asyncio.Queue):\n    def __init__(self, loop):\n'
                     '        super().__init__(loop=loop)\n        getattr(asyncio, "async")(job())\n')
    calls = matchers.findall(names.parsed, matchers.Call())
    assert [(libcst.Module([]).code_for_node(call), names.keywords_go_to(call), names.got(call)) for call in calls] == [
        ("super().__init__(loop=loop)", "asyncio.Queue", ""),
        ("super()", "super", ""),
        ('getattr(asyncio, "async")(job())', "", ""),
        ('getattr(asyncio, "async")', "getattr", "asyncio.async"),
        ("job()", "job", ""),
    ]
