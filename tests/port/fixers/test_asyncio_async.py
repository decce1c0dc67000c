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
