"""gather: results in argument order from tasks that finish in another order; 99 tasks of 2 s take 2 s.

Style modern_taskgroup (3.11+): the tasks are created in a TaskGroup, which
waits for all of them at the end of the block; reading task.result() over the
list of tasks gives the results in creation order, as gather() does.
asyncio.gather() still exists and behaves the same while nothing fails; on the
first exception the TaskGroup cancels the other tasks and raises an
ExceptionGroup, where gather() raises the bare exception and leaves the others
running.
"""
import asyncio

JOBS = (("A", 3), ("B", 1), ("C", 2))


async def job(name, seconds):
    await asyncio.sleep(seconds)
    print("job", name, "finished")
    return name


async def nap(number, seconds):
    await asyncio.sleep(seconds)
    return number


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(name, seconds)) for name, seconds in JOBS]
    results = [task.result() for task in tasks]
    print("results, in argument order:", results)
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(nap(number, 2)) for number in range(1, 100)]
        print(len(tasks), "tasks of 2 s each created")
    results = [task.result() for task in tasks]
    print(len(results), "results, all in argument order:", results == list(range(1, 100)))


if __name__ == "__main__":
    asyncio.run(main())
