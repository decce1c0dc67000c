"""AR501: asyncio.TimeoutError -> TimeoutError for targets 3.11+ (timeout_error.py)."""


def test_from_3_11(ported, dedent):
    assert ported('''
        import asyncio

        try:
            pass
        except (asyncio.TimeoutError, KeyError):
            pass
    ''', target=(3, 11)) == dedent('''
        import asyncio

        try:
            pass
        except (TimeoutError, KeyError):
            pass
    ''')


def test_no_op_below_3_11(unchanged):
    # Before 3.11 asyncio.TimeoutError is a class of its own.
    unchanged('''
        import asyncio

        try:
            pass
        except asyncio.TimeoutError:
            pass
    ''', target=(3, 10))
