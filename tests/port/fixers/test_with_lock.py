"""AR108/AR109: with (yield from lock) / with (await lock) -> async with (with_lock.py)."""


def test_with_yield_from_in_a_converted_generator(ported, dedent):
    assert ported('''
        import asyncio

        @asyncio.coroutine
        def update(lock):
            with (yield from lock):  # held here
                yield from write()
    ''') == dedent('''
        import asyncio

        async def update(lock):
            async with lock:  # held here
                await write()
    ''')


def test_each_rewrite_is_counted_as_the_hazard_the_source_holds(fixes):
    # The yield from is an await by the time this fixer sees it (AR101 ran first in the pass): still AR108.
    assert dict(fixes('''
        import asyncio

        @asyncio.coroutine
        def update(lock):
            with (yield from lock):
                yield from write()

        async def read(lock):
            with (await lock):
                pass
    ''')) == {"AR101": 1, "AR108": 1, "AR109": 1}


def test_with_await_in_async_def(ported, dedent):
    assert ported('''
        async def update(self):
            with (await self._cond) as held:
                pass
    ''') == dedent('''
        async def update(self):
            async with self._cond as held:
                pass
    ''')


def test_no_op_when_an_item_is_a_plain_context_manager(unchanged):
    unchanged('''
        async def update(lock, path):
            with (await lock), open(path):
                pass
    ''')


def test_no_op_in_a_generator_that_stays_one(unchanged):
    unchanged('''
        import asyncio

        @asyncio.coroutine
        def update(lock):
            with (yield from lock):
                yield 1
    ''')


def test_no_op_async_with_already(unchanged):
    unchanged('''
        async def update(lock):
            async with lock:
                pass
    ''')


def test_no_op_where_a_class_here_is_awaited_through_its_iter(ported, dedent):
    """with (yield from pool) as conn: which with holds an asyncio lock is not known in such a module;
    with (await pool) works once Pool has __await__ (test_coroutine_decorator), async with pool would not."""
    assert ported('''
        import asyncio

        class Pool(object):
            def __iter__(self):
                return (yield from asyncio.sleep(0, "conn"))

        @asyncio.coroutine
        def main(pool, lock):
            with (yield from pool) as conn, (yield from lock):
                print(conn)
    ''') == dedent('''
        import asyncio

        class Pool(object):
            def __iter__(self):
                return (yield from asyncio.sleep(0, "conn"))
            __await__ = __iter__  # await obj runs it, as yield from obj did

        async def main(pool, lock):
            with (await pool) as conn, (await lock):
                print(conn)
    ''')
