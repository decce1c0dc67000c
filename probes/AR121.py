"""AR121 process-pool-default-executor: loop.set_default_executor() given a ProcessPoolExecutor."""
import asyncio
import concurrent.futures

loop = asyncio.new_event_loop()
pool = concurrent.futures.ProcessPoolExecutor(max_workers=1)  # no process starts until a job is sent
try:
    loop.set_default_executor(pool)
    print("set: ProcessPoolExecutor")
finally:
    pool.shutdown()
    loop.close()
