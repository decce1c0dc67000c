"""A 3.5-style unittest suite: async def helpers, a new loop per test made current, loop= passed on."""
import asyncio
import unittest


async def ping(event, loop):
    await asyncio.sleep(0.01, loop=loop)
    event.set()
    return "pong"


class AsyncTestCase(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_event(self):
        event = asyncio.Event(loop=self.loop)
        result = self.loop.run_until_complete(ping(event, self.loop))
        self.assertEqual((result, event.is_set()), ("pong", True))

    def test_wait(self):
        event = asyncio.Event(loop=self.loop)
        done, pending = self.loop.run_until_complete(
            asyncio.wait([ping(event, self.loop), ping(event, self.loop)], loop=self.loop))
        self.assertEqual(sorted(task.result() for task in done), ["pong", "pong"])
        self.assertEqual(pending, set())

    def test_shielded(self):
        event = asyncio.Event(loop=self.loop)
        task = asyncio.shield(ping(event, self.loop), loop=self.loop)
        self.assertEqual(self.loop.run_until_complete(task), "pong")

    def test_gather_errors(self):
        async def fail():
            raise ValueError("boom")
        results = self.loop.run_until_complete(
            asyncio.gather(fail(), ping(asyncio.Event(loop=self.loop), self.loop), loop=self.loop,
                           return_exceptions=True))
        self.assertEqual([repr(r) for r in results], [repr(ValueError("boom")), "'pong'"])

    def test_current_task(self):
        async def me():
            return asyncio.Task.current_task(loop=self.loop) is not None
        self.assertTrue(self.loop.run_until_complete(me()))


if __name__ == "__main__":
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(AsyncTestCase).run(result)
    print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
    for test, trace in result.failures + result.errors:
        print(test.id().split(".")[-1], trace.strip().splitlines()[-1])
