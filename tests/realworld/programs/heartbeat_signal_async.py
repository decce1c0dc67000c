"""Background tasks on run_forever; SIGUSR1 (sent by a call_later) ends the program (2016)."""
import asyncio
import os
import signal


async def ticker(name, count, log):
    for n in range(count):
        log.append("{}-{}".format(name, n))
        await asyncio.sleep(0.01)


async def signal_when_done(loop, tasks):
    await asyncio.wait(tasks)
    loop.call_later(0.01, os.kill, os.getpid(), signal.SIGUSR1)


def stop(loop, tasks):
    print("SIGUSR1: all done:", all(task.done() for task in tasks))
    loop.stop()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    log = []
    tasks = [asyncio.ensure_future(ticker(name, 3, log), loop=loop) for name in ("a", "b")]
    loop.add_signal_handler(signal.SIGUSR1, stop, loop, tasks)
    watcher = asyncio.ensure_future(signal_when_done(loop, tasks), loop=loop)
    try:
        loop.run_forever()
    finally:
        loop.close()
    print(sorted(log))
