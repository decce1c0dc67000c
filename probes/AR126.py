"""AR126 coro-wrapper-debug: asyncio.coroutines.CoroWrapper and asyncio.coroutines._DEBUG, read by code of the time."""
import asyncio.coroutines

# _DEBUG said whether @coroutine wrapped coroutines; isinstance(x, CoroWrapper) told such a wrapper apart.
try:
    print("_DEBUG:", asyncio.coroutines._DEBUG)
except AttributeError as error:
    print("_DEBUG: AttributeError:", error)
print("CoroWrapper:", asyncio.coroutines.CoroWrapper.__name__)
