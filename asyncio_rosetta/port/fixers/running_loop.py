"""``asyncio.get_event_loop()`` inside a coroutine becomes ``get_running_loop()`` (AR314).

    async def main():                          async def main():
        loop = asyncio.get_event_loop()   ->       loop = asyncio.get_running_loop()

In a coroutine both return the running loop; ``get_running_loop`` (3.7+)
says so, and never creates a loop. Only in the ``async def`` itself: a
function nested in it may run after the loop stopped.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer


@fixer("AR314", min_target=(3, 7), trigger=["get_event_loop"])
class RunningLoop(Fixer):
    def leave_Call(self, original, updated):
        if self.in_async_function() and not updated.args and isinstance(updated.func, libcst.Attribute) \
                and self.names.qualified(updated.func) in detected("AR314"):
            self.applied()
            return updated.with_changes(func=updated.func.with_changes(attr=libcst.Name("get_running_loop")))
        return updated
