"""model/exports.py: what ``from asyncio import *`` binds, checked against the
interpreter the suite runs on (each tox env checks its own)."""

import asyncio
import sys

import pytest

from asyncio_rosetta.data import DATA, read_json
from asyncio_rosetta.model import exports
from asyncio_rosetta.versions import label, parse

HERE = sys.version_info[:2]
MEASURED = read_json(DATA / "asyncio_exports.json")


def test_the_data_names_exactly_what_this_interpreters_star_import_binds():
    expected = {name for name, entry in MEASURED["names"].items()
                if parse(entry["from"]) <= HERE <= parse(entry["to"])}
    assert set(asyncio.__all__) == expected, "re-measure: python tests/model/record_exports.py"


def test_each_name_is_defined_by_the_submodules_the_data_names():
    import importlib
    import pkgutil
    import warnings
    defined = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(asyncio.__path__)):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sub = importlib.import_module("asyncio." + module)
        except ImportError:  # windows_events and the like
            continue
        for name in set(getattr(sub, "__all__", ())) & set(asyncio.__all__):
            defined.setdefault(name, set()).add(module)
    assert all(modules <= set(exports.modules_of(name)) for name, modules in defined.items())
    assert set(defined) == set(asyncio.__all__)


def test_it_was_measured_on_this_interpreter():
    assert label(HERE) in MEASURED["measured"]


@pytest.mark.parametrize("name, newest", [("coroutine", (3, 10)), ("async", (3, 6)), ("JoinableQueue", (3, 4)),
                                          ("new_event_loop", (3, 14)), ("no_such_name", None)])
def test_exported_until(name, newest):
    assert exports.exported_until(name) == newest


@pytest.mark.parametrize("qualified, canonical", [
    ("asyncio.streams.start_server", "asyncio.start_server"),
    ("asyncio.tasks.Task.all_tasks", "asyncio.Task.all_tasks"),
    ("asyncio.events.get_event_loop", "asyncio.get_event_loop"),
    ("asyncio.futures.TimeoutError", "asyncio.TimeoutError"),  # 3.6-3.7's home of it
    ("asyncio.queues.JoinableQueue", "asyncio.JoinableQueue"),  # read, before 3.6
    ("asyncio.tasks.sleep_forever", "asyncio.tasks.sleep_forever"),  # not public: as it is
    ("asyncio.base_events._run_until_complete_cb", "asyncio.base_events._run_until_complete_cb"),
    ("trio.sleep", "trio.sleep"),
])
def test_canonical_names_the_public_spelling(qualified, canonical):
    assert exports.canonical(qualified) == canonical


def test_star_of_asyncio_its_submodules_and_others():
    assert {"coroutine", "sleep", "JoinableQueue"} <= exports.star("asyncio")
    assert "Queue" in exports.star("asyncio.queues") and "sleep" not in exports.star("asyncio.queues")
    assert exports.star("helpers") is None
