"""Services run forever; on SIGTERM every task is cancelled (Task.all_tasks) and the loop stops."""
import asyncio
import os
import signal


async def service(name, beats):
    while True:
        beats[name] = beats.get(name, 0) + 1
        await asyncio.sleep(0.01)


def on_sigterm(loop):
    tasks = asyncio.Task.all_tasks(loop)
    print("SIGTERM: cancelling", len(tasks), "tasks")
    for task in tasks:
        task.cancel()
    loop.stop()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    beats = {}
    tasks = [loop.create_task(service(name, beats)) for name in ("web", "mail", "cron")]
    loop.add_signal_handler(signal.SIGTERM, on_sigterm, loop)
    loop.call_later(0.05, os.kill, os.getpid(), signal.SIGTERM)
    loop.run_forever()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
    print("cancelled:", sorted(task.cancelled() for task in tasks))
    print("services:", sorted(beats))
    loop.close()
