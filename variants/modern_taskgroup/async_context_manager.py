"""async_context_manager: a resource opened and closed by awaitable code, also on an error.

Style modern_taskgroup (3.11+): unchanged since 3.5: the class defines
`async def __aenter__` and `async def __aexit__`, and `async with` awaits
them. __aexit__ runs however the block ends; it sees the exception, if any,
and returning False lets it propagate. (contextlib.asynccontextmanager, 3.7+,
builds the same from an async generator.)
"""
import asyncio


async def query(conn, fail):
    await asyncio.sleep(1)
    if fail:
        raise ValueError("query on " + conn.name + " failed")
    print(conn.name, "query done")


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(self.name, "opening")
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(self.name, "closing after", "no error" if exc_type is None else exc_type.__name__)
        await asyncio.sleep(0.5)
        print(self.name, "closed")
        return False  # do not swallow the exception


async def main():
    for name, fail in (("first", False), ("second", True)):
        try:
            async with Connection(name) as conn:
                await query(conn, fail)
        except ValueError as error:
            print("main caught ValueError:", error)


if __name__ == "__main__":
    asyncio.run(main())
