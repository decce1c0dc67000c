"""AR607 process-pool-run-in-executor: loop.run_in_executor() given a ProcessPoolExecutor (fork, then forkserver)."""
import asyncio
import concurrent.futures
import re
import warnings

SETTING = "set at import"  # what a worker that imports the script afresh sees
IMPORTED_AS = __name__


def job():
    return "the worker's script: {}, SETTING {}".format(IMPORTED_AS, SETTING)


async def main(loop):
    await loop.run_in_executor(None, str)  # the default executor's thread: this process is multi-threaded now
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
            print(await loop.run_in_executor(pool, job))
    for warning in caught:  # the message holds the process id, which varies from run to run
        warnings.warn(re.sub(r"pid=\d+", "pid=N", str(warning.message)), warning.category)


if __name__ == "__main__":
    SETTING = "set at run time"  # a fork copies it; a fresh import of the script does not
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main(loop))
    finally:
        loop.close()
