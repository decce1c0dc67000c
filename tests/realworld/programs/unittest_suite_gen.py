"""A 2015-style unittest suite: a fresh loop per test, set_event_loop(None), loop= everywhere."""
import asyncio
import unittest


@asyncio.coroutine
def fetch(queue, loop):
    item = yield from asyncio.wait_for(queue.get(), 1, loop=loop)
    return item * 2


class LegacyTestCase(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_fetch(self):
        queue = asyncio.Queue(loop=self.loop)
        queue.put_nowait(21)
        result = self.loop.run_until_complete(fetch(queue, self.loop))
        self.assertEqual(result, 42)

    def test_future_callback(self):
        fut = asyncio.Future(loop=self.loop)
        seen = []
        fut.add_done_callback(lambda f: seen.append(f.result()))
        self.loop.call_soon(fut.set_result, "x")
        self.loop.run_until_complete(fut)
        self.assertEqual(seen, ["x"])

    def test_timeout(self):
        @asyncio.coroutine
        def slow():
            yield from asyncio.sleep(10, loop=self.loop)
        with self.assertRaises(asyncio.TimeoutError):
            self.loop.run_until_complete(asyncio.wait_for(slow(), 0.01, loop=self.loop))

    def test_gather(self):
        @asyncio.coroutine
        def double(x):
            yield from asyncio.sleep(0, loop=self.loop)
            return x * 2
        results = self.loop.run_until_complete(asyncio.gather(*[double(i) for i in range(3)], loop=self.loop))
        self.assertEqual(results, [0, 2, 4])

    def test_lock(self):
        lock = asyncio.Lock(loop=self.loop)

        @asyncio.coroutine
        def locked():
            with (yield from lock):
                return lock.locked()
        self.assertTrue(self.loop.run_until_complete(locked()))

    def test_task(self):
        @asyncio.coroutine
        def answer():
            return 42
        task = asyncio.Task(answer(), loop=self.loop)
        self.assertEqual(self.loop.run_until_complete(task), 42)
        self.assertEqual({t for t in asyncio.Task.all_tasks(loop=self.loop) if not t.done()}, set())


if __name__ == "__main__":
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(LegacyTestCase).run(result)
    print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
    for test, trace in result.failures + result.errors:
        print(test.id().split(".")[-1], trace.strip().splitlines()[-1])
