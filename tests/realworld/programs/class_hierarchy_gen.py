"""A connection pool class and a subclass: @asyncio.coroutine methods, plain generator helpers, super() (2015)."""
import asyncio


class Pool(object):
    def __init__(self, size, loop):
        self.loop = loop
        self.free = ["conn-{}".format(i) for i in range(size)]
        self.cond = asyncio.Condition(loop=loop)
        self.owners = {}

    def _wait_for_free(self):  # a plain generator: only ever called with yield from
        while not self.free:
            yield from self.cond.wait()

    @asyncio.coroutine
    def acquire(self):
        with (yield from self.cond):
            yield from self._wait_for_free()
            conn = self.free.pop(0)
            self.owners[conn] = asyncio.Task.current_task(loop=self.loop)
            return conn

    @asyncio.coroutine
    def release(self, conn):
        with (yield from self.cond):
            assert self.owners.pop(conn) is asyncio.Task.current_task(loop=self.loop), "released by another task"
            self.free.append(conn)
            self.cond.notify()


class CountingPool(Pool):
    def __init__(self, size, loop):
        super(CountingPool, self).__init__(size, loop)
        self.handed_out = 0

    @asyncio.coroutine
    def acquire(self):
        conn = yield from super().acquire()
        self.handed_out += 1
        return conn


@asyncio.coroutine
def use(pool, name, log):
    conn = yield from pool.acquire()
    log.append("{} got {}".format(name, conn))
    yield from asyncio.sleep(0.01, loop=pool.loop)
    yield from pool.release(conn)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    pool, log = CountingPool(2, loop), []
    tasks = [asyncio.async(use(pool, name, log), loop=loop) for name in "abcde"]
    loop.run_until_complete(asyncio.gather(*tasks, loop=loop))
    print("\n".join(log))
    print("handed out:", pool.handed_out, "free again:", sorted(pool.free), "owners left:", len(pool.owners))
    loop.close()
