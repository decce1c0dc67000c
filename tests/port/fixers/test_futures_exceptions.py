"""AR118: CancelledError, TimeoutError, InvalidStateError from asyncio.futures -> from asyncio (futures_exceptions.py)."""


def test_the_import_takes_them_from_asyncio(ported, dedent):
    assert ported('''
        from asyncio.futures import CancelledError, TimeoutError  # legacy
    ''', target=(3, 6)) == dedent('''
        from asyncio import CancelledError, TimeoutError  # legacy
    ''')


def test_attribute_spellings(ported, dedent):
    assert ported('''
        import asyncio
        import asyncio.futures as futures

        try:
            pass
        except (asyncio.futures.InvalidStateError, futures.CancelledError):
            pass
    ''', target=(3, 6)) == dedent('''
        import asyncio
        import asyncio.futures as futures

        try:
            pass
        except (asyncio.InvalidStateError, asyncio.CancelledError):
            pass
    ''')


def test_no_op_an_import_with_other_names(unchanged):
    unchanged('''
        from asyncio.futures import CancelledError, Future
    ''')


def test_no_op_the_public_names(unchanged):
    unchanged('''
        import asyncio
        from asyncio import CancelledError
        x = asyncio.CancelledError
    ''')
