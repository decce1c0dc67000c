"""``asyncio.async(x)`` becomes ``asyncio.ensure_future(x)`` (AR106).

    task = asyncio.async(fetch())   ->   task = asyncio.ensure_future(fetch())

``async`` is a keyword from 3.7 on, so the old spelling does not even parse
there; ``ensure_future`` (3.4.4+) is the same function. ``port`` reads such
files with ``async`` masked as a name (see ``_sources``), so the attribute
arrives here masked.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer


@fixer("AR106", min_target=(3, 6), trigger=["async("])
class AsyncioAsync(Fixer):
    def leave_Attribute(self, original, updated):
        if self.names.qualified(updated) in detected("AR106"):
            self.applied()
            return updated.with_changes(attr=libcst.Name("ensure_future"))
        return updated
