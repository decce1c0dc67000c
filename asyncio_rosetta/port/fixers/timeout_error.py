"""``asyncio.TimeoutError`` becomes the builtin ``TimeoutError`` (AR501).

    except asyncio.TimeoutError:   ->   except TimeoutError:

From 3.11 on they are the same class; before, ``asyncio.TimeoutError`` is
another one, so this needs a target of 3.11 or later.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer


@fixer("AR501", min_target=(3, 11), trigger=["TimeoutError"])
class TimeoutErrorFixer(Fixer):
    def leave_Attribute(self, original, updated):
        if self.names.qualified(updated) in detected("AR501"):
            self.applied()
            return libcst.Name("TimeoutError", lpar=updated.lpar, rpar=updated.rpar)
        return updated
