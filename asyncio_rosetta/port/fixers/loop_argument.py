"""``loop=`` is dropped from the calls whose API removed it in 3.10 (AR201-AR205).

    await asyncio.sleep(1, loop=loop)   ->   await asyncio.sleep(1)
    lock = asyncio.Lock(loop=loop)      ->   lock = asyncio.Lock()

The families (primitives and queues; sleep, wait, wait_for, shield,
as_completed; gather; streams, also spelled ``asyncio.streams.open_connection``;
subprocesses) are the hazards' detected names, through the module's imports.
Without ``loop=``, 3.6-3.9 take the current loop when the call is made (3.10+
the loop that uses the object), so it is dropped only where that is the loop
passed (probes/AR201.py shows the RuntimeError otherwise): in a coroutine
(the running loop), where the loop passed is the current one (a call of
``get_event_loop()``, a name bound only to one, or to ``new_event_loop()``
made current with ``set_event_loop()``), or anywhere for a target of 3.10+.
The same goes for ``loop=`` that reaches those parameters another way: bound by
``functools.partial(asyncio.sleep, loop=loop)`` (where the partial is called is
not known: dropped for a target of 3.10+ or the current loop, not because the
partial is made in a coroutine), or forwarded by a subclass to the class it
derives from, ``super().__init__(maxsize, loop=loop)`` in a subclass of
``asyncio.Queue`` (its own ``loop`` parameter stays, for its callers)::

    super().__init__(maxsize, loop=loop)   ->   super().__init__(maxsize)

Elsewhere it stays, and the scan of the result lists it; but gather and
shield, which wrap what they are given in futures as they are called, are
given those futures on the loop passed instead, which every Python takes the
loop from (asyncio/tasks.py 3.6-3.14)::

    loop.run_until_complete(asyncio.gather(a(), *more, loop=other))   ->
    loop.run_until_complete(asyncio.gather(asyncio.ensure_future(a(), loop=other),
                                           *[asyncio.ensure_future(aw, loop=other) for aw in more]))

(a 2015 test suite's ``set_event_loop(None)`` and a loop per test: without
``loop=``, 3.11+ raise "There is no current event loop"). The scan also
reports primitives made at import time (AR307). ``Future(loop=)`` and the other APIs
that still take it (AR206) are left as they are, and so is ``JoinableQueue(loop=)``:
that class is gone on every Python from 3.6 (AR207, which scan reports).
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.port.fixers._ensure import each_on, ensure_future, loop_given

_FAMILIES = ("AR201", "AR202", "AR203", "AR204", "AR205")
# What wraps its arguments in futures when called: outside a coroutine, on the loop passed or looked up then.
_WRAPS_AT_ONCE = ("asyncio.gather", "asyncio.shield")
# ... and what else looks the loop up when called; as_completed's futures on the loop passed still fail on
# 3.11-3.14 (its queue looks it up too): outside a coroutine its loop= stays, for the scan to list (AR202, AR408).
_AT_ONCE = _WRAPS_AT_ONCE + ("asyncio.as_completed",)


@fixer(*_FAMILIES, min_target=(3, 6), trigger=["loop=", "loop ="])
class LoopArgument(Fixer):
    def leave_Call(self, original, updated):
        keep = [arg for arg in updated.args if not (arg.keyword is not None and arg.keyword.value == "loop")]
        if len(keep) == len(updated.args):
            return updated
        name = self.names.qualified(updated.func)
        bound = name == "functools.partial"  # loop= bound for a call made later, wherever the partial is called
        if bound or _calls_init(updated):
            name = self.names.keywords_go_to(original)  # partial(f, loop=); super().__init__(loop=) in a subclass
        family = next((h for h in _FAMILIES if name in detected(h)), None)
        if family is None:
            return updated
        if not self._same_loop(original, name, here=not bound):
            keep = self._on_the_loop(updated, keep) if name in _WRAPS_AT_ONCE and not bound else None
            if keep is None:
                return updated
        if keep and updated.args[-1].keyword is not None and updated.args[-1].keyword.value == "loop":
            # loop= was last: the new last argument takes its comma (a trailing one, or none).
            keep[-1] = keep[-1].with_changes(comma=updated.args[-1].comma)
        self.applied(family)
        return updated.with_changes(args=keep)

    def _same_loop(self, call, name, here=True):
        """Whether the call, without loop=, uses the loop it was given on every Python from the target on
        (*here*: *name* runs where the call is, not later, as a partial does, wherever that is called)."""
        if (here and self.in_async_function()) or (self.names.target >= (3, 10) and name not in _AT_ONCE):
            return True
        return self.names.is_current_loop(loop_given(call))

    def _on_the_loop(self, call, keep):
        """*keep* (the arguments but loop=) with each awaitable wrapped in ``ensure_future(aw, loop=L)``,
        or None if that cannot be written (``**kwargs``, or the module binds the name it would need)."""
        ensure = self.spell("ensure_future", record=False)
        if ensure is None or any(arg.star == "**" for arg in keep):
            return None
        self.spell("ensure_future")
        loop = loop_given(call)
        wrapped = []
        for arg in keep:
            if arg.keyword is None and arg.star == "*":
                arg = arg.with_changes(value=each_on(ensure, arg.value, loop, names=("aw", "aw_", "aw__")))
            elif arg.keyword is None:
                arg = arg.with_changes(value=ensure_future(ensure, arg.value, loop))
            wrapped.append(arg)
        return wrapped


def _calls_init(call):
    """Whether *call* is ``x.__init__(...)``: a base class's, maybe (Names.keywords_go_to says whose)."""
    return isinstance(call.func, libcst.Attribute) and call.func.attr.value == "__init__"
