"""AR314: get_event_loop() inside a coroutine -> get_running_loop() (running_loop.py)."""


def test_in_async_def(ported, dedent):
    assert ported('''
        import asyncio

        async def main():
            loop = asyncio.get_event_loop()
    ''', target=(3, 7)) == dedent('''
        import asyncio

        async def main():
            loop = asyncio.get_running_loop()
    ''')


def test_in_a_generator_this_port_makes_async(ported, dedent):
    assert ported('''
        import asyncio

        @asyncio.coroutine
        def main():
            loop = asyncio.get_event_loop()
            yield from asyncio.sleep(1)
    ''', target=(3, 7)) == dedent('''
        import asyncio

        async def main():
            loop = asyncio.get_running_loop()
            await asyncio.sleep(1)
    ''')


def test_no_op_in_a_function_nested_in_a_coroutine(unchanged):
    # A callback may run after the loop stopped: get_running_loop() would raise there.
    unchanged('''
        import asyncio

        async def main():
            def later():
                return asyncio.get_event_loop()
            return later
    ''', target=(3, 7))


def test_no_op_outside_coroutines_and_below_3_7(unchanged):
    unchanged('''
        import asyncio

        loop = asyncio.get_event_loop()
        def f():
            return asyncio.get_event_loop()
    ''', target=(3, 7))
    unchanged('''
        import asyncio

        async def main():
            loop = asyncio.get_event_loop()
    ''', target=(3, 6))
