"""``loop=`` is dropped from the calls whose API removed it in 3.10 (AR201-AR205).

    await asyncio.sleep(1, loop=loop)   ->   await asyncio.sleep(1)
    lock = asyncio.Lock(loop=loop)      ->   lock = asyncio.Lock()

The families (primitives and queues; sleep, wait, wait_for, shield,
as_completed; gather; streams, also spelled ``asyncio.streams.open_connection``;
subprocesses) are the hazards' detected names, through the module's imports.
Inside a coroutine the loop they then use is the running one, as passed. At
import time it is bound on first use from 3.10 on: the scan still reports
primitives made at import time (AR307). ``Future(loop=)`` and the other APIs
that still take it (AR206) are left as they are, and so is ``JoinableQueue(loop=)``:
that class is gone on every Python from 3.6 (AR207, which scan reports).
"""

from asyncio_rosetta.port.fixers import Fixer, detected, fixer

_FAMILIES = ("AR201", "AR202", "AR203", "AR204", "AR205")


@fixer(*_FAMILIES, min_target=(3, 6), trigger=["loop=", "loop ="])
class LoopArgument(Fixer):
    def leave_Call(self, original, updated):
        name = self.names.qualified(updated.func)
        family = next((h for h in _FAMILIES if name in detected(h)), None)
        keep = [arg for arg in updated.args if not (arg.keyword is not None and arg.keyword.value == "loop")]
        if family is None or len(keep) == len(updated.args):
            return updated
        if keep and updated.args[-1].keyword is not None and updated.args[-1].keyword.value == "loop":
            # loop= was last: the new last argument takes its comma (a trailing one, or none).
            keep[-1] = keep[-1].with_changes(comma=updated.args[-1].comma)
        self.applied(family)
        return updated.with_changes(args=keep)
