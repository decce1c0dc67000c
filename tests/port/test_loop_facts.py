"""What port's AR301 rewrite relies on, run on every interpreter (no LibCST needed):
after ``new_event_loop()`` + ``set_event_loop()``, every later ``get_event_loop()`` in
the thread, outside a coroutine or in one, returns that loop, with no warning."""

import subprocess
import sys
import textwrap

from asyncio_rosetta.harness.runner import child_env

PROGRAM = textwrap.dedent("""
    import asyncio

    def helper():
        return asyncio.get_event_loop()

    async def inside():
        return asyncio.get_event_loop()

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    print(helper() is loop, asyncio.get_event_loop() is loop, loop.run_until_complete(inside()) is loop)
    loop.close()
    print(asyncio.get_event_loop() is loop)  # closed, but still the thread's loop
""")


def test_later_lookups_return_the_loop_that_was_set_without_a_warning():
    done = subprocess.run([sys.executable, "-W", "error", "-c", PROGRAM], env=child_env(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "True True True\nTrue\n", "")
