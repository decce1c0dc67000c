"""Style overhead workload, modern_taskgroup style (3.11+): a tree of coroutines.

Every node sleeps 0 (one trip through the event loop), then starts its
children as tasks in an `asyncio.TaskGroup`, which waits for them at the end
of its block; it returns how many nodes its subtree has, which the root
checks. Timed with time.perf_counter around `asyncio.run(...)`, after a
warm-up: this style's runner idiom, a new loop each time (well under 1 ms).
In the spirit of pyperformance's async_tree benchmarks. Prints one JSON line:

    $ python3.14 modern_taskgroup.py 5 5 5      # REPEAT DEPTH FANOUT
    {"style": "modern_taskgroup", "python": "3.14.10", "nodes": 3906, "times": [...]}
"""
import asyncio
import json
import platform
import sys
import time

STYLE = "modern_taskgroup"
DEFAULTS = (5, 5, 5)  # REPEAT, DEPTH, FANOUT: 3906 nodes, 0.05-0.2 s a repetition here
WARMUP = 1


async def node(depth, fanout):
    await asyncio.sleep(0)
    if depth == 0:
        return 1
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(node(depth - 1, fanout)) for _ in range(fanout)]
    counts = [task.result() for task in tasks]
    return 1 + sum(counts)


def measure(repeat, depth, fanout):
    expected = sum(fanout ** level for level in range(depth + 1))
    times = []
    for index in range(WARMUP + repeat):
        start = time.perf_counter()
        nodes = asyncio.run(node(depth, fanout))
        elapsed = time.perf_counter() - start
        if nodes != expected:
            raise SystemExit("{}: counted {} nodes, expected {}".format(STYLE, nodes, expected))
        if index >= WARMUP:
            times.append(elapsed)
    return {"style": STYLE, "python": platform.python_version(),
            "implementation": platform.python_implementation(), "nodes": nodes, "times": times}


if __name__ == "__main__":
    args = [int(arg) for arg in sys.argv[1:]] + list(DEFAULTS[len(sys.argv) - 1:])
    print(json.dumps(measure(*args)))
