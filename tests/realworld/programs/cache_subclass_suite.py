"""A fetcher class and its caching subclass (super(Cls, self), generator helpers), tested with a loop per test (2016)."""
import asyncio
import unittest


class Fetcher(object):
    def __init__(self, loop):
        self.loop, self.calls = loop, []

    @asyncio.coroutine
    def fetch(self, key):
        self.calls.append(key)
        yield from asyncio.sleep(0.001, loop=self.loop)
        return key.upper()

    def _fetch_all(self, keys):  # a plain generator, used with yield from
        results = []
        for key in keys:
            results.append((yield from self.fetch(key)))
        return results

    @asyncio.coroutine
    def fetch_all(self, keys):
        return (yield from self._fetch_all(keys))


class CachingFetcher(Fetcher):
    def __init__(self, loop):
        super(CachingFetcher, self).__init__(loop)
        self.cache = {}

    @asyncio.coroutine
    def fetch(self, key):
        if key not in self.cache:
            self.cache[key] = yield from super(CachingFetcher, self).fetch(key)
        return self.cache[key]


class FetcherTest(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)

    def tearDown(self):
        self.loop.close()

    def test_plain(self):
        fetcher = Fetcher(self.loop)
        self.assertEqual(self.loop.run_until_complete(fetcher.fetch_all(["a", "b", "a"])), ["A", "B", "A"])
        self.assertEqual(fetcher.calls, ["a", "b", "a"])

    def test_cached(self):
        fetcher = CachingFetcher(self.loop)
        self.assertEqual(self.loop.run_until_complete(fetcher.fetch_all(["a", "b", "a"])), ["A", "B", "A"])
        self.assertEqual(fetcher.calls, ["a", "b"])

    def test_concurrent_misses(self):
        fetcher = CachingFetcher(self.loop)
        both = asyncio.gather(fetcher.fetch("x"), fetcher.fetch("x"), loop=self.loop)
        self.assertEqual(self.loop.run_until_complete(both), ["X", "X"])
        self.assertEqual(fetcher.calls, ["x", "x"])  # no lock: both missed the cache


if __name__ == "__main__":
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(FetcherTest).run(result)
    print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
    for test, trace in result.failures + result.errors:
        print(test.id().split(".")[-1], trace.strip().splitlines()[-1])
