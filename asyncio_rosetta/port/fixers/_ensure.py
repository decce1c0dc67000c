"""``ensure_future(aw[, loop=L])`` as LibCST writes it, for the fixers that hand asyncio futures, not coroutines.

    >>> import libcst
    >>> libcst.Module([]).code_for_node(ensure_future("asyncio.ensure_future", libcst.Name("c"), libcst.Name("L")))
    'asyncio.ensure_future(c, loop=L)'

``loop=`` is what asyncio itself passed on 3.6-3.9 where a call was given a loop
(gather, shield and wait wrapped each awaitable so), and ``ensure_future`` still
takes it on every Python (AR206): outside a coroutine, the futures are then made
on the loop the program named, not on one looked up (none, on 3.14, after
``set_event_loop(None)``).
"""

import libcst
from libcst import matchers

__all__ = ["ensure_future", "each_on", "loop_given"]


def ensure_future(spelled, value, loop=None):
    """The call ``spelled(value)``, or ``spelled(value, loop=loop)``."""
    args = [libcst.Arg(value)]
    if loop is not None:
        args = [libcst.Arg(value, comma=libcst.Comma(whitespace_after=libcst.SimpleWhitespace(" "))),
                libcst.Arg(loop, keyword=libcst.Name("loop"), equal=libcst.AssignEqual(
                    whitespace_before=libcst.SimpleWhitespace(""), whitespace_after=libcst.SimpleWhitespace("")))]
    return libcst.Call(func=libcst.parse_expression(spelled), args=args)


def each_on(spelled, iterable, loop=None, names=("c", "aw", "aw_", "aw__")):
    """``[spelled(c[, loop=loop]) for c in iterable]``, its variable a name *loop* does not read
    (the comprehension's variable would hide it there)."""
    variable = libcst.Name(next(name for name in names if loop is None or not matchers.findall(
        loop, matchers.Name(name))))
    return libcst.ListComp(ensure_future(spelled, variable, loop), libcst.CompFor(target=variable, iter=iterable))


def loop_given(call):
    """The value of *call*'s ``loop=`` argument, or None."""
    return next((arg.value for arg in call.args if arg.keyword is not None and arg.keyword.value == "loop"), None)
