"""AR403: asyncio.wait([coro(), ...]) -> tasks first (wait_coroutines.py)."""


def test_coroutine_calls_in_a_list_become_tasks(ported, dedent):
    assert ported('''
        import asyncio

        async def main():
            done, _ = await asyncio.wait([fetch(1), fetch(2)], timeout=3)
    ''') == dedent('''
        import asyncio

        async def main():
            done, _ = await asyncio.wait([asyncio.ensure_future(fetch(1)), asyncio.ensure_future(fetch(2))], timeout=3)
    ''')


def test_comprehension(ported, dedent):
    assert ported('''
        import asyncio

        async def main(urls):
            await asyncio.wait({fetch(u) for u in urls})
    ''') == dedent('''
        import asyncio

        async def main(urls):
            await asyncio.wait({asyncio.ensure_future(fetch(u)) for u in urls})
    ''')


def test_no_op_tasks_and_futures(unchanged):
    unchanged('''
        import asyncio

        async def main(loop, a, b):
            await asyncio.wait([a, asyncio.ensure_future(b()), loop.run_in_executor(None, f)])
    ''')


def test_no_op_a_variable(unchanged):
    unchanged('''
        import asyncio

        async def main(tasks):
            await asyncio.wait(tasks)
    ''')


def test_a_name_bound_to_coroutines_is_wrapped_as_a_whole(ported, dedent):
    """A comprehension of calls, a list of them, or a list calls are appended to:
    each item goes through ensure_future (a Task passes through unchanged)."""
    assert ported('''
        import asyncio

        PENDING = {fetch(0)}

        async def main(urls):
            coros = [fetch(u) for u in urls]
            done, pending = await asyncio.wait(coros, timeout=3)
            jobs = []
            for url in urls:
                jobs.append(fetch(url))
            jobs.append(asyncio.ensure_future(fetch(None)))
            await asyncio.wait(jobs)
            await asyncio.wait(PENDING)
    ''') == dedent('''
        import asyncio

        PENDING = {fetch(0)}

        async def main(urls):
            coros = [fetch(u) for u in urls]
            done, pending = await asyncio.wait([asyncio.ensure_future(c) for c in coros], timeout=3)
            jobs = []
            for url in urls:
                jobs.append(fetch(url))
            jobs.append(asyncio.ensure_future(fetch(None)))
            await asyncio.wait([asyncio.ensure_future(c) for c in jobs])
            await asyncio.wait([asyncio.ensure_future(c) for c in PENDING])
    ''')


def test_what_port_wraps_scan_no_longer_reports(tmp_path):
    """The detector (AR403, call-with-coroutines) and the fixer read a name's bindings alike."""
    from asyncio_rosetta.port.porter import port_source
    from asyncio_rosetta.scan.scanner import scan
    source = ("import asyncio\n\n\nasync def main(urls):\n    coros = []\n    for url in urls:\n"
              "        coros.append(fetch(url))\n    await asyncio.wait(coros)\n")
    path = tmp_path / "legacy.py"
    path.write_text(source)
    assert [f.line for f in scan([path], select=["AR403"]).findings] == [8]
    new, fixed = port_source(source, (3, 11))
    assert fixed == {"AR403": 1}
    assert [f.line for f in scan([path], select=["AR403"], texts={path: new}).findings] == []


def test_no_op_names_bound_to_tasks(unchanged):
    unchanged('''
        import asyncio

        async def main(loop, urls):
            tasks = [asyncio.ensure_future(fetch(u)) for u in urls]
            await asyncio.wait(tasks)
            created = []
            for url in urls:
                created.append(loop.create_task(fetch(url)))
            await asyncio.wait(created, return_when=asyncio.FIRST_COMPLETED)
            both = [asyncio.create_task(fetch(1)), loop.run_in_executor(None, print)]
            await asyncio.wait(both)
    ''')


def test_no_op_a_name_bound_otherwise(unchanged):
    # += (or a loop variable, a parameter...): nothing shows what the name holds.
    unchanged('''
        import asyncio

        async def main(urls):
            coros = [fetch(urls[0])]
            coros += [fetch(u) for u in urls[1:]]
            await asyncio.wait(coros)
    ''')


def test_a_name_waited_on_again_with_what_wait_returned(ported, dedent):
    # The first round waits on coroutines; later rounds on the Futures wait returned,
    # which ensure_future passes through.
    assert ported('''
        import asyncio

        async def main(paths):
            pending = []
            for path in paths:
                pending.append(fetch(path))
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    ''') == dedent('''
        import asyncio

        async def main(paths):
            pending = []
            for path in paths:
                pending.append(fetch(path))
            while pending:
                done, pending = await asyncio.wait([asyncio.ensure_future(c) for c in pending], return_when=asyncio.FIRST_COMPLETED)
    ''')


def test_star_imported_wait_and_its_ensure_future(ported, dedent):
    assert ported('''
        from asyncio import *

        async def main():
            await wait([fetch(1)])
    ''') == dedent('''
        from asyncio import *

        async def main():
            await wait([ensure_future(fetch(1))])
    ''')


def test_no_op_a_name_rebound_otherwise(unchanged):
    unchanged('''
        import asyncio

        async def main(more):
            pending = [fetch(1)]
            pending, rest = more
            await asyncio.wait(pending)
    ''')


def test_outside_a_coroutine_the_loop_given_to_wait_makes_the_tasks(ported, dedent):
    """As wait did on 3.6-3.9 with loop=: a test suite's loop need not be the current one (3.14 has none to
    look up after set_event_loop(None)); in a coroutine, the running loop makes them."""
    assert ported('''
        import asyncio

        def test(self):
            self.loop.run_until_complete(asyncio.wait([job(), job()], loop=self.loop))
            coros = [job() for _ in range(2)]
            self.loop.run_until_complete(asyncio.wait(coros, loop=c))

        async def main(loop):
            await asyncio.wait([job()], loop=loop)
    ''') == dedent('''
        import asyncio

        def test(self):
            self.loop.run_until_complete(asyncio.wait([asyncio.ensure_future(job(), loop=self.loop), asyncio.ensure_future(job(), loop=self.loop)]))
            coros = [job() for _ in range(2)]
            self.loop.run_until_complete(asyncio.wait([asyncio.ensure_future(aw, loop=c) for aw in coros]))

        async def main(loop):
            await asyncio.wait([asyncio.ensure_future(job())])
    ''')
