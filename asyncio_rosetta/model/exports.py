"""What asyncio exports, as measured on each interpreter (``data/asyncio_exports.json``).

    >>> "coroutine" in star("asyncio"), exported_until("coroutine")
    (True, (3, 10))
    >>> canonical("asyncio.streams.start_server"), canonical("asyncio.Task.all_tasks")
    ('asyncio.start_server', 'asyncio.Task.all_tasks')

A legacy program was written for the Python it ran on, so a bare name after
``from asyncio import *`` means what any of them exported (``async`` on 3.6,
``JoinableQueue`` on 3.4).
"""

import functools

from asyncio_rosetta.data import DATA, read_json
from asyncio_rosetta.versions import OLDEST, parse

__all__ = ["star", "exported_until", "gone", "canonical", "modules_of"]


@functools.lru_cache(maxsize=None)
def _data():
    data = read_json(DATA / "asyncio_exports.json")
    return dict(data["names"], **data["read"])


def star(module):
    """The names ``from <module> import *`` binds on some Python, for asyncio
    and its submodules; None for any other module (what it binds is unknown)."""
    if module == "asyncio":
        return frozenset(_data())
    if module.startswith("asyncio.") and module.count(".") == 1:
        sub = module.split(".")[1]
        return frozenset(name for name, entry in _data().items() if sub in entry["modules"])
    return None


def exported_until(name):
    """The newest Python whose ``from asyncio import *`` binds *name* (None: never)."""
    entry = _data().get(name)
    return parse(entry["to"]) if entry else None


def gone(qualified):
    """Whether *qualified* is an asyncio name no Python from 3.6 on has (``asyncio.JoinableQueue``)."""
    parts = qualified.split(".")
    if len(parts) != 2 or parts[0] != "asyncio":
        return False
    newest = exported_until(parts[1])
    return newest is not None and newest < OLDEST


def modules_of(name):
    """The asyncio submodules that define the public *name*."""
    entry = _data().get(name)
    return tuple(entry["modules"]) if entry else ()


def canonical(qualified):
    """``asyncio.<submodule>.<name>...`` as ``asyncio.<name>...`` where that
    submodule defines the public name; any other name as it is."""
    parts = qualified.split(".")
    if len(parts) > 2 and parts[0] == "asyncio" and parts[1] in modules_of(parts[2]):
        return ".".join(["asyncio"] + parts[2:])
    return qualified
