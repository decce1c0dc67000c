"""``asyncio.async(x)`` becomes ``asyncio.ensure_future(x)`` (AR106).

    task = asyncio.async(fetch())   ->   task = asyncio.ensure_future(fetch())

``async`` is a keyword from 3.7 on, so the old spelling does not even parse
there; ``ensure_future`` (3.4.4+) is the same function. ``port`` reads such
files with ``async`` masked as a name (see ``_sources``), so the attribute
arrives here masked. After ``from asyncio import *`` (which bound ``async`` on
3.6), a bare ``async(x)`` becomes ``ensure_future(x)``, which the star binds on
every Python.

The same attribute read with ``getattr`` (code of 3.4-3.6 that had to parse
where ``async`` is a keyword) parses everywhere and raises AttributeError from
3.7: it becomes the attribute, on the module the call names::

    spawn = getattr(asyncio, "async")   ->   spawn = asyncio.ensure_future

``getattr(asyncio, "async", default)`` too, which returned ``asyncio.async`` on
3.6, where the default is a name, a dotted name or a literal (evaluating it did
nothing that dropping it would undo); a default that is a call stays, for the
scan of the result to list.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.port.fixers._names import dotted
from asyncio_rosetta.scan.sources import unmask


@fixer("AR106", min_target=(3, 6), trigger=["async(", "\"async\"", "'async'"])
class AsyncioAsync(Fixer):
    def leave_Attribute(self, original, updated):
        if self.names.qualified(updated) in detected("AR106"):
            self.applied()
            return updated.with_changes(attr=libcst.Name("ensure_future"))
        return updated

    def leave_Call(self, original, updated):
        func = updated.func
        if isinstance(func, libcst.Name) and func.value == "getattr" and len(updated.args) in (2, 3) and (
                len(updated.args) == 2 or _does_nothing(updated.args[2].value)) \
                and self.names.got(original) in detected("AR106"):
            self.applied()
            return libcst.Attribute(value=updated.args[0].value, attr=libcst.Name("ensure_future"),
                                    lpar=updated.lpar, rpar=updated.rpar)
        if isinstance(func, libcst.Name) and self.names.qualified(func) in detected("AR106") and getattr(
                self.names.model.binding(unmask(func.value), self.names.path()), "kind", None) == "star":
            ensure = self.spell("ensure_future")
            if ensure is not None:
                self.applied()
                return updated.with_changes(func=libcst.parse_expression(ensure))
        return updated


def _does_nothing(default):
    """Whether evaluating *default* does nothing a program would miss: a name, a dotted name, a literal."""
    return dotted(default) is not None or isinstance(default, (libcst.SimpleString, libcst.Integer, libcst.Float))
