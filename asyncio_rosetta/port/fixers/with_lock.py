"""``with (await lock):`` becomes ``async with lock:`` (AR109; AR108 once AR101 ran).

    async def update(lock):            async def update(lock):
        with (await lock):       ->        async with lock:
            ...                                ...

Only in an ``async def``, and only when every item of the ``with`` is such
an ``await`` (``async with`` cannot mix in a plain context manager). A
``with (yield from lock):`` is rewritten once its generator became an
``async def``; in a generator that stays one, the scan reports it. In a
module with a class that ``yield from obj`` awaited through its generator
``__iter__`` (a pool: ``with (yield from pool) as conn``), nothing is: which
``with`` holds an asyncio lock is not known there, and ``with (await pool)``
is already right once the class has ``__await__`` (coroutine_decorator).
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, fixer
from asyncio_rosetta.port.fixers.coroutine_decorator import awaited_iters


@fixer("AR109", "AR108", min_target=(3, 6), trigger=["with"])
class WithLock(Fixer):
    def prepare(self, module):
        functions = self.names.scan.functions_model
        self.awaited_iters = awaited_iters(self.names.scan, {f.name for f in functions.legacy + functions.native})
    def leave_With(self, original, updated):
        items = updated.items
        if not self.in_async_function() or updated.asynchronous is not None or self.awaited_iters \
                or not all(isinstance(item.item, libcst.Await) for item in items):
            return updated
        # Counted as what the source holds: a yield from that AR101 made an await in this pass is AR108's.
        self.applied("AR108" if any(isinstance(item.item, libcst.Yield) for item in original.items) else "AR109")
        return updated.with_changes(
            asynchronous=libcst.Asynchronous(),
            items=[item.with_changes(item=item.item.expression) for item in items])
