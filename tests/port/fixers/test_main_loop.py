"""AR301: get_event_loop() in the __main__ block -> new_event_loop() + set_event_loop() (main_loop.py)."""


def test_main_block_makes_its_loop(ported, dedent):
    assert ported('''
        import asyncio

        if __name__ == "__main__":
            loop = asyncio.get_event_loop()  # the loop
            loop.run_forever()
    ''', target=(3, 6)) == dedent('''
        import asyncio

        if __name__ == "__main__":
            loop = asyncio.new_event_loop()  # the loop
            asyncio.set_event_loop(loop)
            loop.run_forever()
    ''')


def test_no_op_after_set_event_loop(unchanged):
    # get_event_loop() returns the loop that was set: a new one would be another loop.
    unchanged('''
        import asyncio

        if __name__ == "__main__":
            asyncio.set_event_loop(make_loop())
            loop = asyncio.get_event_loop()
    ''')


def test_no_op_at_import_time(unchanged):
    unchanged('''
        import asyncio

        loop = asyncio.get_event_loop()
    ''')
