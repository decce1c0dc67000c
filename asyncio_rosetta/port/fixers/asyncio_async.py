"""``asyncio.async(x)`` becomes ``asyncio.ensure_future(x)`` (AR106).

    task = asyncio.async(fetch())   ->   task = asyncio.ensure_future(fetch())

``async`` is a keyword from 3.7 on, so the old spelling does not even parse
there; ``ensure_future`` (3.4.4+) is the same function. ``port`` reads such
files with ``async`` masked as a name (see ``_sources``), so the attribute
arrives here masked. After ``from asyncio import *`` (which bound ``async`` on
3.6), a bare ``async(x)`` becomes ``ensure_future(x)``, which the star binds on
every Python.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.scan.sources import unmask


@fixer("AR106", min_target=(3, 6), trigger=["async("])
class AsyncioAsync(Fixer):
    def leave_Attribute(self, original, updated):
        if self.names.qualified(updated) in detected("AR106"):
            self.applied()
            return updated.with_changes(attr=libcst.Name("ensure_future"))
        return updated

    def leave_Call(self, original, updated):
        func = updated.func
        if isinstance(func, libcst.Name) and self.names.qualified(func) in detected("AR106") and getattr(
                self.names.model.binding(unmask(func.value), self.names.path()), "kind", None) == "star":
            ensure = self.spell("ensure_future")
            if ensure is not None:
                self.applied()
                return updated.with_changes(func=libcst.parse_expression(ensure))
        return updated
