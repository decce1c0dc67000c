"""model/names.py: one model of what a name means, per scope, for scan and port."""

import textwrap

import pytest

from asyncio_rosetta.model.names import Model
from asyncio_rosetta.scan.sources import mask_async_names


def _model(source, package=""):
    return Model.parse(mask_async_names(textwrap.dedent(source)), package)


# (source, dotted name, scope path): what it stands for there
RESOLVED = [
    ("import asyncio as aio\n", "aio.sleep", (), "asyncio.sleep"),
    ("from asyncio import *\n", "get_event_loop", (), "asyncio.get_event_loop"),
    ("from asyncio import *\n", "async", (), "asyncio.async"),  # 3.6 exported it (masked as a name)
    ("from asyncio import *\n", "JoinableQueue", (), "asyncio.JoinableQueue"),
    ("from asyncio import *\ndef sleep(): pass\n", "sleep", (), "sleep"),  # bound here: the module's own
    ("from asyncio import *\ndef f(wait): pass\n", "wait", ("f",), "wait"),  # a parameter
    ("from asyncio import *\ndef f(wait): pass\n", "wait", (), "asyncio.wait"),
    ("from asyncio.tasks import *\n", "Task", (), "asyncio.Task"),
    ("import asyncio.streams\n", "asyncio.streams.start_server", (), "asyncio.start_server"),
    ("from asyncio import streams\n", "streams.open_connection", (), "asyncio.open_connection"),
    ("import asyncio.locks as locks\n", "locks.Lock", (), "asyncio.Lock"),
    ("from asyncio.queues import Queue\n", "Queue", (), "asyncio.Queue"),
    ("from asyncio import events\n", "events.get_event_loop", (), "asyncio.get_event_loop"),
    # try/except ImportError: the first import is the meaning, unless it is gone on every Python here
    ("try:\n    from asyncio import ensure_future\nexcept ImportError:\n"
     "    from asyncio import async as ensure_future\n", "ensure_future", (), "asyncio.ensure_future"),
    ("try:\n    from asyncio import JoinableQueue\nexcept ImportError:\n"
     "    from asyncio import Queue as JoinableQueue\n", "JoinableQueue", (), "asyncio.Queue"),
    ("def main():\n    import asyncio as aio\n    aio\n", "aio.run", ("main",), "asyncio.run"),
    ("def main():\n    import asyncio as aio\n", "aio.run", (), "aio.run"),  # not seen outside main
    ("class C:\n    from asyncio import sleep\n    def m(self): pass\n", "sleep", ("C", "m"), "sleep"),
    ("class C:\n    from asyncio import sleep\n", "sleep", ("C",), "asyncio.sleep"),
    ("from asyncio import sleep\ndef f():\n    global sleep\n    sleep = 1\n", "sleep", ("f",), "asyncio.sleep"),
    ("import asyncio\nloop = asyncio.get_event_loop()\n", "loop.run_forever", (), "loop.run_forever"),
]


@pytest.mark.parametrize("source, name, path, expected", RESOLVED)
def test_resolve(source, name, path, expected):
    assert _model(source).resolve(name.split("."), path) == expected


def test_alternatives_of_a_try_except_import():
    model = _model("""\
        try:
            from asyncio import JoinableQueue
        except ImportError:
            from asyncio import Queue as JoinableQueue
    """)
    binding = model.binding("JoinableQueue")
    assert (binding.kind, binding.qualified, binding.line, binding.alternatives) == (
        "import", "asyncio.Queue", 4, ("asyncio.JoinableQueue",))


def test_star_bindings_name_their_line_and_hidden_stars_are_listed():
    model = _model("import os\nfrom asyncio import *\nfrom helpers import *\n")
    assert model.binding("sleep") == ("star", "asyncio.sleep", 2, ())
    assert model.hidden_by() == [("helpers", 3)]
    assert model.binding("os").kind == "import" and model.binding("nothing") is None


def test_decorators_and_defaults_belong_to_the_scope_around_the_def():
    import ast
    model = _model("from asyncio import coroutine\ndef f(coroutine=coroutine):\n    @coroutine\n    def g(): yield\n")
    default, decorator = sorted((node for node in model.parents if isinstance(node, ast.Name)),
                                key=lambda node: node.lineno)
    assert model.path(default) == () and model.path(decorator) == ("f",)
    assert model.resolve(["coroutine"], model.path(default)) == "asyncio.coroutine"
    assert model.resolve(["coroutine"], model.path(decorator)) == "coroutine"  # f's parameter


def test_module_is_the_local_name_of_an_imported_module():
    assert _model("import asyncio as aio\n").module("asyncio") == "aio"
    assert _model("from asyncio import sleep\n").module("asyncio") is None


def test_a_source_that_does_not_parse_is_an_empty_model():
    assert _model("def (:\n").resolve(["sleep"]) == "sleep"
