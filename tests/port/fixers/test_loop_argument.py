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
    from asyncio_rosetta.port.porter import port_source
    new, fixed = port_source("import asyncio\nx = {}\n".format(call), (3, 6))
    assert new == "import asyncio\nx = {}\n".format(expected) and fixed == {hazard: 1}


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
