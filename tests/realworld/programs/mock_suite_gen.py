"""Tests of the time: coroutines replaced by mock.patch with @asyncio.coroutine fakes (2015)."""
import asyncio
import unittest
from unittest import mock


class Weather(object):
    def __init__(self, loop):
        self.loop = loop

    @asyncio.coroutine
    def fetch(self, city):
        yield from asyncio.sleep(10, loop=self.loop)  # the real one goes to the network
        raise AssertionError("not in tests")

    @asyncio.coroutine
    def report(self, cities):
        temps = yield from asyncio.gather(*[self.fetch(city) for city in cities], loop=self.loop)
        return dict(zip(cities, temps))


class WeatherTest(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(None)
        self.weather = Weather(self.loop)

    def tearDown(self):
        self.loop.close()

    def test_report(self):
        @asyncio.coroutine
        def fake_fetch(city):
            return {"Oslo": -3, "Rome": 14}[city]
        with mock.patch.object(self.weather, "fetch", fake_fetch):
            report = self.loop.run_until_complete(self.weather.report(["Oslo", "Rome"]))
        self.assertEqual(report, {"Oslo": -3, "Rome": 14})

    def test_report_with_side_effect(self):
        fetch = mock.Mock(side_effect=asyncio.coroutine(lambda city: len(city)))
        with mock.patch.object(self.weather, "fetch", fetch):
            report = self.loop.run_until_complete(self.weather.report(["Paris"]))
        self.assertEqual(report, {"Paris": 5})
        fetch.assert_called_once_with("Paris")

    def test_fastest_first(self):
        fake = lambda city: asyncio.sleep(len(city) / 100, result=city, loop=self.loop)  # noqa: E731
        with mock.patch.object(self.weather, "fetch", fake):
            futures = asyncio.as_completed([self.weather.fetch(c) for c in ("Paris", "Oslo")], loop=self.loop)
            self.assertEqual([self.loop.run_until_complete(f) for f in futures], ["Oslo", "Paris"])

    def test_timeout(self):
        with self.assertRaises(asyncio.TimeoutError):
            self.loop.run_until_complete(asyncio.wait_for(self.weather.fetch("Oslo"), 0.01, loop=self.loop))


if __name__ == "__main__":
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(WeatherTest).run(result)
    print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
    for test, trace in result.failures + result.errors:
        print(test.id().split(".")[-1], trace.strip().splitlines()[-1])
