"""async_context_manager: a resource opened and closed by awaitable code, also on an error.

Style generator_coroutine (3.4-3.10): there is no `async with` before 3.5,
so main calls the two coroutine methods itself with `yield from`, exactly as
`async with` would (PEP 492): __aexit__ gets the exception, if any, and
unless it returns True the exception is re-raised. A plain try/finally is not
enough: it cannot hand the exception over. Named __aenter__/__aexit__, the
same class also works with `async with` in 3.5+ code.
"""
import asyncio


@asyncio.coroutine
def query(conn, fail):
    yield from asyncio.sleep(1)
    if fail:
        raise ValueError("query on " + conn.name + " failed")
    print(conn.name, "query done")


class Connection:
    def __init__(self, name):
        self.name = name

    @asyncio.coroutine
    def __aenter__(self):
        print(self.name, "opening")
        yield from asyncio.sleep(0.5)
        return self

    @asyncio.coroutine
    def __aexit__(self, exc_type, exc, tb):
        print(self.name, "closing after", "no error" if exc_type is None else exc_type.__name__)
        yield from asyncio.sleep(0.5)
        print(self.name, "closed")
        return False  # do not swallow the exception


@asyncio.coroutine
def main():
    for name, fail in (("first", False), ("second", True)):
        try:
            connection = Connection(name)
            conn = yield from connection.__aenter__()
            try:
                yield from query(conn, fail)
            except BaseException as exc:
                if not (yield from connection.__aexit__(type(exc), exc, exc.__traceback__)):
                    raise
            else:
                yield from connection.__aexit__(None, None, None)
        except ValueError as error:
            print("main caught ValueError:", error)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
