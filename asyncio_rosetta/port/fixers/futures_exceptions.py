"""The exceptions taken from ``asyncio.futures`` are taken from ``asyncio`` (AR118).

    from asyncio.futures import CancelledError   ->   from asyncio import CancelledError
    except asyncio.futures.TimeoutError:         ->   except asyncio.TimeoutError:

``asyncio.futures`` has no ``CancelledError``, ``TimeoutError`` or
``InvalidStateError`` from 3.8 on (they live in ``asyncio.exceptions``);
``asyncio.X`` is the same class on every Python. An import that also takes
other names from ``asyncio.futures`` is left for the scan.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.port.fixers._names import dotted


@fixer("AR118", min_target=(3, 6), trigger=["futures"])
class FuturesExceptions(Fixer):
    def leave_ImportFrom(self, original, updated):
        if updated.relative or updated.module is None or isinstance(updated.names, libcst.ImportStar) \
                or dotted(updated.module) != ["asyncio", "futures"]:
            return updated
        if not all("asyncio.futures." + alias.name.value in detected("AR118") for alias in updated.names):
            return updated
        self.applied()
        return updated.with_changes(module=libcst.Name("asyncio"))

    def leave_Attribute(self, original, updated):
        if self.names.spelled(original) not in detected("AR118"):
            return updated
        spelled = self.spell(updated.attr.value)
        if spelled is None:
            return updated
        self.applied()
        return libcst.parse_expression(spelled).with_changes(lpar=updated.lpar, rpar=updated.rpar)
