"""loop_lifecycle: one loop run twice, stopped from a callback, then shut down and closed.

Style modern_taskgroup (3.11+): asyncio.Runner owns the loop. runner.run()
returns when its coroutine is done, so nothing has to call loop.stop(); each
run() reuses the same loop (asyncio.run() would make a new one per call), and
runner.get_loop() hands it out. Leaving the with-block does the shutdown:
remaining tasks cancelled, shutdown_asyncgens(), the default executor shut
down, then close(). get_loop() on a closed Runner raises RuntimeError, so keep
the loop before leaving; runner.run() inside a running loop raises
RuntimeError too. is_running() is True only while the loop runs, is_closed()
only after close().
"""
import asyncio


def report(loop, when):
    print("{}: running {}, closed {}".format(when, loop.is_running(), loop.is_closed()))


async def main():
    report(asyncio.get_running_loop(), "inside main")
    await asyncio.sleep(1)
    print("main done")


if __name__ == "__main__":
    with asyncio.Runner() as runner:
        runner.run(main())
        loop = runner.get_loop()
        report(loop, "between runs")
        runner.run(main())
    report(loop, "after close")
