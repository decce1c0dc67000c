"""A connection pool used as aiopg's was: with (yield from pool) as conn: leases one, the with block returns it."""
import asyncio
import contextlib


class Pool(object):
    def __init__(self):
        self.free = ["c1", "c2"]

    @contextlib.contextmanager
    def _lease(self, conn):
        try:
            yield conn
        finally:
            self.free.append(conn)

    @asyncio.coroutine
    def acquire(self):
        yield from asyncio.sleep(0)
        return self._lease(self.free.pop(0))

    def __iter__(self):  # yield from pool: a connection, released by the with block
        return (yield from self.acquire())


@asyncio.coroutine
def main(pool):
    with (yield from pool) as conn:
        print("using", conn, "free:", pool.free)
    print("free again:", pool.free)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(Pool()))
    loop.close()
