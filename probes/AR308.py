"""AR308 run-until-complete-shutdown: what loop.run_until_complete() + loop.close() leave behind (asyncio.run() cleans it up)."""
import asyncio
import concurrent.futures
import gc
import logging
import time

at_gc = []  # what happens when the pending task is collected; printed sorted


class PrintErrors(logging.Handler):
    def emit(self, record):
        print("executor callback failed:", record.exc_info[0].__name__, record.exc_info[1])


def blocking_job():
    time.sleep(1)
    return "job done"


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        at_gc.append("background: finally runs")


async def main(executor):
    loop.run_in_executor(executor, blocking_job)
    await asyncio.sleep(0)
    print("main returns")


logging.getLogger("concurrent.futures").addHandler(PrintErrors())
logging.getLogger("concurrent.futures").propagate = False
executor = concurrent.futures.ThreadPoolExecutor(1)
loop = asyncio.new_event_loop()
loop.set_exception_handler(lambda loop, context: at_gc.append("loop: " + context["message"]))
try:
    task = loop.create_task(background())
    loop.run_until_complete(main(executor))
finally:
    loop.close()
print("background task cancelled:", task.cancelled())
executor.shutdown(wait=True)
print("executor job done")
del task
gc.collect()
print("at gc:", sorted(at_gc))
