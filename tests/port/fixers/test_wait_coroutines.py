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
