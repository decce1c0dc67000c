"""AR101: @asyncio.coroutine generators -> async def (coroutine_decorator.py)."""


def test_decorated_generator_becomes_async_def(ported, dedent):
    assert ported('''
        import asyncio


        @asyncio.coroutine
        def fetch(url):
            data = yield from get(url)
            return (yield from parse(data))
    ''') == dedent('''
        import asyncio


        async def fetch(url):
            data = await get(url)
            return (await parse(data))
    ''')


def test_bare_yield_is_one_turn_of_the_loop(ported, dedent):
    assert ported('''
        import asyncio as aio

        @aio.coroutine
        def step():
            yield
    ''') == dedent('''
        import asyncio as aio

        async def step():
            await aio.sleep(0)
    ''')


def test_operand_that_binds_looser_than_await_is_parenthesised(ported, dedent):
    assert ported('''
        import asyncio

        @asyncio.coroutine
        def f(a, b, c):
            x = yield from a if c else b
            y = yield from a.b[0](c)
    ''') == dedent('''
        import asyncio

        async def f(a, b, c):
            x = await (a if c else b)
            y = await a.b[0](c)
    ''')


def test_decorated_function_without_yield_becomes_async_def(ported, dedent):
    assert ported('''
        import asyncio

        @asyncio.coroutine
        def answer():
            return 42
    ''') == dedent('''
        import asyncio

        async def answer():
            return 42
    ''')


def test_other_decorators_and_comments_stay(ported, dedent):
    assert ported('''
        import asyncio

        # fetches
        @logged
        # the legacy marker
        @asyncio.coroutine
        def fetch():  # trailing
            yield from go()
    ''') == dedent('''
        import asyncio

        # fetches
        @logged
        # the legacy marker
        async def fetch():  # trailing
            await go()
    ''')


def test_a_comment_ending_the_removed_decorator_line_stays(ported, dedent):
    assert ported('''
        import asyncio

        class Client:
            @asyncio.coroutine  # kept for 3.4 users
            @logged  # and this one
            def fetch(self):
                yield from go()

            @asyncio.coroutine  # the only decorator
            def close(self):
                yield from go()
    ''') == dedent('''
        import asyncio

        class Client:
            # kept for 3.4 users
            @logged  # and this one
            async def fetch(self):
                await go()

            # the only decorator
            async def close(self):
                await go()
    ''')


def test_unused_from_import_of_coroutine_is_dropped(ported, dedent):
    # `from asyncio import coroutine` is an ImportError from 3.11 on.
    assert ported('''
        import asyncio
        from asyncio import coroutine, sleep

        @coroutine
        def nap():
            yield from sleep(1)
    ''') == dedent('''
        import asyncio
        from asyncio import sleep

        async def nap():
            await sleep(1)
    ''')


def test_relative_import_inside_the_asyncio_package(dedent):
    from asyncio_rosetta.port.porter import port_source
    new, fixed = port_source(dedent('''
        from .coroutines import coroutine
        from . import coroutines

        @coroutines.coroutine
        def a():
            yield from b()
    '''), (3, 11), package="asyncio")
    assert "async def a():\n    await b()" in new and fixed == {"AR101": 1}


def test_nested_functions_keep_their_own_yields(ported, dedent):
    assert ported('''
        import asyncio

        @asyncio.coroutine
        def outer():
            def numbers():
                yield 1
            yield from asyncio.sleep(sum(numbers()))
    ''') == dedent('''
        import asyncio

        async def outer():
            def numbers():
                yield 1
            await asyncio.sleep(sum(numbers()))
    ''')


def test_methods_convert_too(ported, dedent):
    assert ported('''
        import asyncio

        class Client:
            @asyncio.coroutine
            def close(self):
                yield from self._writer.drain()
    ''') == dedent('''
        import asyncio

        class Client:
            async def close(self):
                await self._writer.drain()
    ''')


def test_no_op_generator_that_yields_a_value(unchanged):
    unchanged('''
        import asyncio

        @asyncio.coroutine
        def legacy():
            yield asyncio.sleep(1)
    ''')


def test_no_op_delegating_to_a_plain_generator(unchanged):
    # await would reject the plain generator: left for the scan to report (AR103/AR104).
    unchanged('''
        import asyncio

        def chunks():
            yield b"x"

        @asyncio.coroutine
        def read():
            yield from chunks()
    ''')


def test_no_op_plain_generators(unchanged):
    unchanged('''
        def numbers():
            yield from range(3)
    ''')


def test_no_op_other_coroutine_decorators(unchanged):
    unchanged('''
        import types

        @types.coroutine
        def step():
            yield
    ''')


def test_bare_yield_after_a_from_import_imports_sleep(ported, dedent):
    # coroutine is dropped (gone in 3.11), sleep joins the same import statement.
    assert ported('''
        from asyncio import coroutine

        @coroutine
        def step():
            yield
    ''') == dedent('''
        from asyncio import sleep

        async def step():
            await sleep(0)
    ''')


def test_no_op_bare_yield_where_nothing_can_name_sleep(unchanged):
    # The module binds sleep itself: asyncio's cannot be written there.
    unchanged('''
        from asyncio import coroutine

        def sleep(seconds):
            pass

        @coroutine
        def step():
            yield
    ''')


def test_a_helper_generator_reached_only_by_yield_from_becomes_async_def(ported, dedent):
    assert ported('''
        import asyncio

        def read_lines(reader):
            lines = []
            while True:
                line = yield from reader.readline()
                if not line:
                    return lines
                lines.append(line)

        @asyncio.coroutine
        def client(reader):
            lines = yield from read_lines(reader)
            return lines
    ''') == dedent('''
        import asyncio

        async def read_lines(reader):
            lines = []
            while True:
                line = await reader.readline()
                if not line:
                    return lines
                lines.append(line)

        async def client(reader):
            lines = await read_lines(reader)
            return lines
    ''')


def test_helpers_are_followed_through_each_other_and_methods(ported, dedent):
    assert ported('''
        import asyncio

        def backoff(n):
            yield from asyncio.sleep(n)

        class Client:
            def retry(self, make):
                yield from backoff(1)
                return (yield from make())

            @asyncio.coroutine
            def run(self):
                return (yield from self.retry(self.fetch))
    ''') == dedent('''
        import asyncio

        async def backoff(n):
            await asyncio.sleep(n)

        class Client:
            async def retry(self, make):
                await backoff(1)
                return (await make())

            async def run(self):
                return (await self.retry(self.fetch))
    ''')


def test_no_op_a_helper_also_used_otherwise(unchanged):
    # list(chunks(r)) drives it as a generator: it stays one, and so does its caller.
    unchanged('''
        import asyncio

        def chunks(reader):
            yield from reader.read()

        @asyncio.coroutine
        def read(reader):
            yield from chunks(reader)

        everything = list(chunks(None))
    ''')


def test_no_op_a_helper_that_yields_a_value_or_delegates_to_data(unchanged):
    unchanged('''
        import asyncio

        def numbers():
            yield from range(3)

        def pairs(reader):
            yield (yield from reader.read())

        @asyncio.coroutine
        def use(reader):
            yield from numbers()
            yield from pairs(reader)
    ''')


def test_a_helper_used_nowhere_here_or_by_a_plain_function_stays(ported, dedent):
    # plain is used nowhere in this module (another may drive it as a generator),
    # and read_all only by plain: both stay generators; only the decorated one changes.
    assert ported('''
        import asyncio

        def read_all(reader):
            return (yield from reader.read())

        def plain(reader):
            yield from read_all(reader)

        @asyncio.coroutine
        def unrelated():
            yield from asyncio.sleep(1)
    ''') == dedent('''
        import asyncio

        def read_all(reader):
            return (yield from reader.read())

        def plain(reader):
            yield from read_all(reader)

        async def unrelated():
            await asyncio.sleep(1)
    ''')


def test_a_coroutine_stepped_by_hand_becomes_types_coroutine(ported, dedent):
    # next() on an async def coroutine raises TypeError; types.coroutine keeps the generator (AR116).
    assert ported('''
        import asyncio

        @asyncio.coroutine
        def steps():
            yield
            yield from asyncio.sleep(0)

        @asyncio.coroutine
        def main():
            yield from steps()

        def test_steps():
            stepper = steps()
            next(stepper)
    ''') == dedent('''
        import asyncio
        import types

        @types.coroutine
        def steps():
            yield
            yield from asyncio.sleep(0)

        async def main():
            await steps()

        def test_steps():
            stepper = steps()
            next(stepper)
    ''')


def test_a_from_imported_coroutine_stepped_by_send(ported, dedent):
    assert ported('''
        from asyncio import coroutine
        import types as t

        @coroutine
        def echo():
            yield from t.sleep()

        echo().send(None)
    ''') == dedent('''
        import types as t

        @t.coroutine
        def echo():
            yield from t.sleep()

        echo().send(None)
    ''')


def test_no_op_stepped_by_hand_where_types_is_the_modules_own(unchanged):
    unchanged('''
        import asyncio

        types = None

        @asyncio.coroutine
        def steps():
            yield

        next(steps())
    ''')


def test_a_decorated_function_without_yield_awaits_the_coroutine_it_returns(ported, dedent):
    """@asyncio.coroutine awaited what such a function returned if it was a coroutine or a future:
    return self._request(...) (a coroutine of this module, by name) and asyncio's calls are awaited."""
    assert ported('''
        import asyncio

        class Client:
            @asyncio.coroutine
            def _request(self, op):
                yield from asyncio.sleep(0)
                return op

            @asyncio.coroutine
            def get(self):
                return self._request("GET")

            @asyncio.coroutine
            def later(self):
                return asyncio.sleep(0, result=1)

            @asyncio.coroutine
            def size(self):
                return len("abc") + 1
    ''') == dedent('''
        import asyncio

        class Client:
            async def _request(self, op):
                await asyncio.sleep(0)
                return op

            async def get(self):
                return await self._request("GET")

            async def later(self):
                return await asyncio.sleep(0, result=1)

            async def size(self):
                return len("abc") + 1
    ''')


def test_no_op_a_decorated_function_without_yield_that_returns_what_is_not_known(unchanged):
    # f() may be a coroutine (awaited by the decorator) or a value: async def would change one of them.
    unchanged('''
        import asyncio

        @asyncio.coroutine
        def call(f):
            return f()
    ''')


def test_a_class_awaited_through_its_generator_iter_gets_await(ported, dedent):
    """yield from Job(...) ran Job.__iter__; await Job(...) needs __await__: the same generator."""
    assert ported('''
        import asyncio

        class Job(object):
            def __init__(self, coro, loop):
                self.task = loop.create_task(coro)

            def __iter__(self):
                result = yield from self.task
                return result * 2

        @asyncio.coroutine
        def main(loop):
            return (yield from Job(asyncio.sleep(0, 21), loop))
    ''') == dedent('''
        import asyncio

        class Job(object):
            def __init__(self, coro, loop):
                self.task = loop.create_task(coro)

            def __iter__(self):
                result = yield from self.task
                return result * 2
            __await__ = __iter__  # await obj runs it, as yield from obj did

        async def main(loop):
            return (await Job(asyncio.sleep(0, 21), loop))
    ''')


def test_a_plain_generator_delegates_to_a_converted_coroutine_through_await(ported, dedent):
    """A pool's __iter__ stays a generator; acquire() becomes async def, whose coroutine it iterates via __await__()."""
    assert ported('''
        import asyncio

        class Pool(object):
            @asyncio.coroutine
            def acquire(self):
                yield from asyncio.sleep(0)
                return "conn"

            def __iter__(self):
                return (yield from self.acquire())

        @asyncio.coroutine
        def main(pool):
            with (yield from pool) as conn:
                print(conn)
    ''') == dedent('''
        import asyncio

        class Pool(object):
            async def acquire(self):
                await asyncio.sleep(0)
                return "conn"

            def __iter__(self):
                return (yield from self.acquire().__await__())
            __await__ = __iter__  # await obj runs it, as yield from obj did

        async def main(pool):
            with (await pool) as conn:
                print(conn)
    ''')


def test_no_op_a_container_iter(ported, dedent):
    """A generator __iter__ that delegates to no coroutine or future is plain iteration: no __await__."""
    assert ported('''
        import asyncio

        class Bag(object):
            def __iter__(self):
                yield from self.items

        @asyncio.coroutine
        def main():
            yield from asyncio.sleep(0)
    ''') == dedent('''
        import asyncio

        class Bag(object):
            def __iter__(self):
                yield from self.items

        async def main():
            await asyncio.sleep(0)
    ''')
