"""AR201-AR205: loop= dropped where the API removed it (loop_argument.py)."""

import pytest


@pytest.mark.parametrize("call, expected, hazard", [
    ("asyncio.Lock(loop=loop)", "asyncio.Lock()", "AR201"),
    ("asyncio.Queue(maxsize=2, loop=loop)", "asyncio.Queue(maxsize=2)", "AR201"),
    ("asyncio.sleep(1, loop=loop)", "asyncio.sleep(1)", "AR202"),
    ("asyncio.wait_for(job(), 2, loop=self._loop)", "asyncio.wait_for(job(), 2)", "AR202"),
    ("asyncio.gather(a(), b(), loop=loop, return_exceptions=True)",
     "asyncio.gather(a(), b(), return_exceptions=True)", "AR203"),
    ("asyncio.open_connection('h', 80, loop=loop)", "asyncio.open_connection('h', 80)", "AR204"),
    ("asyncio.streams.open_connection('h', 80, loop=loop)", "asyncio.streams.open_connection('h', 80)", "AR204"),
    ("asyncio.streams.start_server(handle, port=0, loop=loop)", "asyncio.streams.start_server(handle, port=0)",
     "AR204"),
    ("asyncio.streams.open_unix_connection(path, loop=loop)", "asyncio.streams.open_unix_connection(path)", "AR204"),
    ("asyncio.streams.start_unix_server(handle, path, loop=loop)", "asyncio.streams.start_unix_server(handle, path)",
     "AR204"),
    ("asyncio.create_subprocess_exec('ls', loop=loop)", "asyncio.create_subprocess_exec('ls')", "AR205"),
])
def test_loop_keyword_is_dropped(call, expected, hazard):
    # In a coroutine: the loop they then use is the running one.
    from asyncio_rosetta.port.porter import port_source
    source = "import asyncio\nasync def main(loop):\n    x = {}\n"
    new, fixed = port_source(source.format(call), (3, 6))
    assert new == source.format(expected) and fixed == {hazard: 1}


@pytest.mark.parametrize("setup, target, dropped", [
    ("loop = asyncio.get_event_loop()", (3, 6), True),  # the current loop: 3.6-3.9 take it without loop= too
    ("loop = asyncio.new_event_loop()\nasyncio.set_event_loop(loop)", (3, 6), True),
    ("loop = asyncio.new_event_loop()", (3, 6), False),  # not the current loop: Event() would bind another
    ("loop = asyncio.new_event_loop()", (3, 10), True),  # 3.10+ bind the loop that uses it
    ("loop = make_loop()", (3, 9), False),
])
def test_outside_a_coroutine_only_the_current_loop_is_dropped(setup, target, dropped):
    from asyncio_rosetta.port.porter import port_source
    source = "import asyncio\n{}\nevent = asyncio.Event(loop=loop)\n".format(setup)
    new, fixed = port_source(source, target)
    assert (new == source.replace("Event(loop=loop)", "Event()"), dict(fixed)) == (
        (True, {"AR201": 1}) if dropped else (False, {}))


def test_multiline_call_keeps_its_layout(ported, dedent):
    assert ported('''
        import asyncio
        from asyncio import sleep

        async def main(loop):
            await sleep(
                1,
                loop=loop,
            )
    ''') == dedent('''
        import asyncio
        from asyncio import sleep

        async def main(loop):
            await sleep(
                1,
            )
    ''')


def test_no_op_apis_that_still_take_loop(unchanged):
    # Future(loop=), ensure_future(loop=), ... are still accepted (AR206).
    unchanged('''
        import asyncio

        future = asyncio.Future(loop=loop)
        task = asyncio.ensure_future(job(), loop=loop)
    ''')


def test_no_op_other_functions(unchanged):
    unchanged('''
        import asyncio

        server = make_server(loop=loop)
    ''')


def test_no_op_joinable_queue(unchanged):
    # asyncio.JoinableQueue is gone on every Python from 3.6 (AR207): the scan reports it, with or without loop=.
    unchanged('''
        import asyncio

        queue = asyncio.JoinableQueue(loop=loop)
    ''')


def test_each_family_in_a_program(ported, dedent):
    # As the site's hazard pages show them (publish/site/fixes.py reads these cases): one per family.
    assert ported('''
        import asyncio

        async def main(loop):
            lock = asyncio.Lock(loop=loop)
            async with lock:
                print("locked")
    ''') == dedent('''
        import asyncio

        async def main(loop):
            lock = asyncio.Lock()
            async with lock:
                print("locked")
    ''')
    assert ported('''
        import asyncio

        async def main(loop):
            results = await asyncio.gather(job(1), job(2), loop=loop)
    ''') == dedent('''
        import asyncio

        async def main(loop):
            results = await asyncio.gather(job(1), job(2))
    ''')
    assert ported('''
        import asyncio

        async def fetch(loop):
            reader, writer = await asyncio.open_connection("127.0.0.1", 8888, loop=loop)
    ''') == dedent('''
        import asyncio

        async def fetch(loop):
            reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    ''')
    assert ported('''
        import asyncio

        async def run(loop):
            proc = await asyncio.create_subprocess_exec("ls", stdout=asyncio.subprocess.PIPE, loop=loop)
    ''') == dedent('''
        import asyncio

        async def run(loop):
            proc = await asyncio.create_subprocess_exec("ls", stdout=asyncio.subprocess.PIPE)
    ''')


@pytest.mark.parametrize("target", [(3, 6), (3, 11)])
def test_gather_and_shield_outside_a_coroutine_get_futures_on_the_loop_passed(ported, dedent, target):
    """Not the current loop (a test suite's loop per test, set_event_loop(None)): dropping loop= would
    make 3.11+ look the loop up and fail; the futures made on it carry it on every Python."""
    assert ported('''
        import asyncio

        def test(self):
            self.loop.run_until_complete(asyncio.gather(a(), *more, loop=self.loop, return_exceptions=True))
            self.loop.run_until_complete(asyncio.shield(job(), loop=self.loop))
            asyncio.gather(*aws, loop=aw)
    ''', target) == dedent('''
        import asyncio

        def test(self):
            self.loop.run_until_complete(asyncio.gather(asyncio.ensure_future(a(), loop=self.loop), *[asyncio.ensure_future(aw, loop=self.loop) for aw in more], return_exceptions=True))
            self.loop.run_until_complete(asyncio.shield(asyncio.ensure_future(job(), loop=self.loop)))
            asyncio.gather(*[asyncio.ensure_future(aw_, loop=aw) for aw_ in aws])
    ''')


_SUITE = """\
import asyncio
{imports}

async def double(x):
    await asyncio.sleep(0)
    return x * 2

loop = asyncio.new_event_loop()
asyncio.set_event_loop(None)
print(loop.run_until_complete({gather}(*[double(i) for i in range(3)], loop=loop)))
print(loop.run_until_complete({shield}(double(5), loop=loop)))
loop.close()
"""


@pytest.mark.parametrize("imports, gather, shield", [
    ("", "asyncio.gather", "asyncio.shield"),
    ("from asyncio import gather, shield", "gather", "shield"),
])
def test_the_rewritten_gather_runs_on_this_python(imports, gather, shield):
    """The rewrite, run here: the same result as 3.6-3.9 gave with loop= (3.10+ removed it, 3.11+ would look
    the loop up), with no new name (an ensure_future import is added next to the module's)."""
    import subprocess
    import sys
    from asyncio_rosetta.port.porter import port_source
    new, fixed = port_source(_SUITE.format(imports=imports, gather=gather, shield=shield), (3, 11))
    assert dict(fixed) == {"AR203": 1, "AR202": 1}
    run = subprocess.run([sys.executable, "-W", "error", "-c", new], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    assert (run.returncode, run.stdout, run.stderr) == (0, "[0, 2, 4]\n10\n", "")


def test_no_op_as_completed_outside_a_coroutine_on_a_loop_not_current(unchanged):
    # It looks the loop up when called, futures on the loop given or not (3.11-3.14: "There is no current
    # event loop"); its loop= stays, and the scan of the result lists it (AR202, AR408).
    unchanged('''
        import asyncio

        def test(self):
            for future in asyncio.as_completed([job()], loop=self.loop):
                self.loop.run_until_complete(future)
    ''')


_SUBCLASS = '''
    import asyncio

    class CountingQueue(asyncio.Queue):
        def __init__(self, maxsize=0, *, loop=None):
            super().__init__(maxsize, loop=loop)
            self.puts = 0

    class Gate(asyncio.Event):
        def __init__(self, loop):
            asyncio.Event.__init__(self, loop=loop)
'''


def test_loop_forwarded_by_a_subclass_is_dropped_from_its_base_init_only(ported, dedent):
    # 3.10+ bind the loop that uses the object; the subclass keeps its loop parameter for its callers.
    assert ported(_SUBCLASS, (3, 10)) == dedent(_SUBCLASS).replace(
        "maxsize, loop=loop)", "maxsize)").replace("(self, loop=loop)", "(self)")


def test_no_op_loop_forwarded_by_a_subclass_below_3_10(unchanged):
    # 3.6-3.9 would bind the current loop instead of the one its callers pass (probes/AR201.py).
    unchanged(_SUBCLASS, (3, 9))


_PARTIALS = '''
    import asyncio
    import functools

    async def main(loop):
        nap = functools.partial(asyncio.sleep, loop=loop)
        with_timeout = functools.partial(asyncio.wait_for, timeout=1, loop=loop)
        await nap(0.01)
'''


def test_loop_bound_by_a_partial_is_dropped(ported, dedent):
    assert ported(_PARTIALS, (3, 10)) == dedent(_PARTIALS).replace(", loop=loop)", ")")


def test_no_op_loop_bound_by_a_partial_below_3_10(unchanged):
    # Made in a coroutine, but called wherever the partial goes: only the current loop is certain.
    unchanged(_PARTIALS, (3, 9))


def test_loop_bound_by_a_partial_of_the_current_loop_is_dropped_on_any_target(ported, dedent):
    source = '''
        import asyncio
        from functools import partial

        loop = asyncio.get_event_loop()
        make_lock = partial(asyncio.Lock, loop=loop)
        many = partial(asyncio.gather, loop=loop)
    '''
    assert ported(source, (3, 6)) == dedent(source).replace(", loop=loop)", ")")


def test_no_op_loop_bound_by_a_partial_of_gather_on_another_loop(unchanged):
    # gather looks the loop up when the partial is called, and what it is given comes later: loop= stays.
    unchanged('''
        import asyncio
        import functools

        def test(self):
            many = functools.partial(asyncio.gather, loop=self.loop)
    ''')
