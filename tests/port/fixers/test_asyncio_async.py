"""AR106: asyncio.async(x) -> asyncio.ensure_future(x) (asyncio_async.py)."""


def test_asyncio_async_becomes_ensure_future(ported, dedent):
    assert ported('''
        import asyncio
        import asyncio as aio

        task = asyncio.async(job())
        other = aio.async(job(), loop=loop)
    ''', target=(3, 6)) == dedent('''
        import asyncio
        import asyncio as aio

        task = asyncio.ensure_future(job())
        other = aio.ensure_future(job(), loop=loop)
    ''')


def test_async_as_a_name_elsewhere_is_kept(ported, dedent):
    # Only asyncio's attribute is rewritten; a variable named async stays for the scan (AR107).
    assert ported('''
        import asyncio

        async = True
        task = asyncio.async(job(async))
    ''', target=(3, 6)) == dedent('''
        import asyncio

        async = True
        task = asyncio.ensure_future(job(async))
    ''')


def test_no_op_other_objects_async_attribute(unchanged):
    unchanged('''
        import asyncio

        result = backend.async(job())
    ''')


def test_after_a_star_import_a_bare_async_call_becomes_ensure_future(ported, dedent):
    # from asyncio import * bound async on 3.6, and binds ensure_future on every Python.
    assert ported('''
        from asyncio import *

        def start(loop):
            async(job(), loop=loop)
    ''') == dedent('''
        from asyncio import *

        def start(loop):
            ensure_future(job(), loop=loop)
    ''')


def test_no_op_an_async_the_module_binds_itself(unchanged):
    # Not asyncio's: a function of this module that 3.6 let be called async.
    unchanged('''
        from asyncio import *

        def async(x):
            return x

        async(1)
    ''', target=(3, 6))


def test_getattr_of_async_becomes_the_attribute(ported, dedent):
    # It parses where async is a keyword, and raises AttributeError from 3.7 (a default: returned instead).
    assert ported('''
        import asyncio as aio

        spawn = getattr(aio, "async")
        ensure = getattr(aio, "ensure_future", getattr(aio, 'async'))
        task = getattr(aio, "async", None)(job())
    ''', target=(3, 6)) == dedent('''
        import asyncio as aio

        spawn = aio.ensure_future
        ensure = getattr(aio, "ensure_future", aio.ensure_future)
        task = aio.ensure_future(job())
    ''')


def test_no_op_getattr_whose_default_does_something(unchanged):
    # Evaluating make_spawner() ran on 3.6 too: it stays, and the scan of the result lists it (AR106).
    unchanged('''
        import asyncio

        spawn = getattr(asyncio, "async", make_spawner())
    ''')


def test_no_op_getattr_of_other_names_or_objects(unchanged):
    unchanged('''
        import asyncio

        def lookup(getattr):
            return getattr(asyncio, "async")

        spawn = getattr(backend, "async")
        ensure = getattr(asyncio, "ensure_future")
    ''')


def test_no_op_getattr_where_the_program_catches_its_absence(unchanged):
    # The fallback for 3.4.3 (never runs on 3.6+): scan does not report it either.
    unchanged('''
        import asyncio as aio

        try:
            ensure_future = aio.ensure_future
        except AttributeError:
            ensure_future = getattr(aio, "async")
    ''')
