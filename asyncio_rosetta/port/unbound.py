"""The names a module reads and never binds: port's guard against handing back a program that cannot run.

    >>> sorted(unbound_names("import asyncio\nasyncio.run(main(loop))\n"))
    ['loop', 'main']

A rewrite may move a name out of the statement that bound it (``loop =
asyncio.get_event_loop()`` gone, ``main(loop)`` kept): the module then
raises NameError where it ran before. Port compares this set before and
after each rewrite and refuses one that makes it grow. Read through the
interpreter's own ``symtable``, so every scope rule (class bodies,
comprehensions, ``global``, ``nonlocal``) is Python's own. A star import
binds what the shared model knows it binds on the newest Python (``from
asyncio import *``: ``new_event_loop``, not ``coroutine``); any other's is
unknown here, but the same before and after.
"""

import builtins
import symtable

from asyncio_rosetta.model import exports
from asyncio_rosetta.model.names import Model
from asyncio_rosetta.scan.sources import mask_async_names
from asyncio_rosetta.versions import NEWEST

__all__ = ["unbound_names"]

_BUILTINS = frozenset(dir(builtins))


def unbound_names(source):
    """The global names *source* reads that nothing in it binds (builtins
    aside); empty if it does not compile here. ``async`` and ``await`` used
    as names are read as port reads them (masked)."""
    masked = mask_async_names(source)
    try:
        top = symtable.symtable(masked, "<port>", "exec")
    except (SyntaxError, ValueError):
        return set()
    bound, read = set(), set()
    for table in _tables(top):
        for symbol in table.get_symbols():
            name = symbol.get_name()
            binds = symbol.is_assigned() or symbol.is_imported() or symbol.is_namespace()
            if table is top:
                read.update([name] if symbol.is_referenced() else [])
                bound.update([name] if binds else [])
            elif symbol.is_global():  # a function or class reading (or, declared global, binding) a global
                read.update([name] if symbol.is_referenced() else [])
                bound.update([name] if binds and symbol.is_declared_global() else [])
    unbound = read - bound - _BUILTINS
    for module, _ in Model.parse(masked).stars if unbound else ():
        unbound -= {name for name in exports.star(module) or () if exports.exported_until(name) == NEWEST}
    return unbound


def _tables(table):
    yield table
    for child in table.get_children():
        for each in _tables(child):
            yield each
