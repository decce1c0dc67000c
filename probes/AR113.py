"""AR113 iscoroutinefunction-inspect-differs: where asyncio.iscoroutinefunction and inspect.iscoroutinefunction disagree."""
import asyncio
import functools
import inspect
import types
import warnings
from unittest import mock


async def job():
    pass


@types.coroutine
def bridge():
    yield


def plain():
    pass


candidates = {
    "async def": job,
    "functools.partial(async def)": functools.partial(job),
    "@types.coroutine generator": bridge,
}
if hasattr(asyncio, "coroutine"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        candidates["@asyncio.coroutine function"] = asyncio.coroutine(plain)
if hasattr(mock, "AsyncMock"):
    candidates["unittest.mock.AsyncMock()"] = mock.AsyncMock()
if hasattr(inspect, "markcoroutinefunction"):
    candidates["inspect.markcoroutinefunction(def)"] = inspect.markcoroutinefunction(lambda: None)

for label, candidate in sorted(candidates.items()):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        by_asyncio = asyncio.iscoroutinefunction(candidate)
    print("{}: asyncio {}, inspect {}".format(label, by_asyncio, inspect.iscoroutinefunction(candidate)))
