"""loop_lifecycle: one loop run twice, stopped from a callback, then shut down and closed.

Style generator_coroutine (3.4-3.10): the program owns the loop. run_forever()
waits for no future, so it returns only when loop.stop() is called: here from
main()'s done-callback. The same loop can run again (run_until_complete), as
long as it is not closed. Shutting down is the program's job:
loop.shutdown_asyncgens() (3.6+) finalizes suspended async generators, then
loop.close(); close() cancels nothing, and a closed loop cannot run again.
is_running() is True only while the loop runs, is_closed() only after close().
"""
import asyncio


def report(loop, when):
    print("{}: running {}, closed {}".format(when, loop.is_running(), loop.is_closed()))


@asyncio.coroutine
def main():
    report(asyncio.get_event_loop(), "inside main")
    yield from asyncio.sleep(1)
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    task = asyncio.ensure_future(main())
    # run_forever() has nothing to wait for: a callback must stop the loop.
    task.add_done_callback(lambda task: loop.stop())
    loop.run_forever()
    report(loop, "between runs")
    loop.run_until_complete(main())
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    report(loop, "after close")
