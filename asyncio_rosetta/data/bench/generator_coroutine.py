"""Style overhead workload, generator_coroutine style (3.4-3.10): a tree of coroutines.

Every node sleeps 0 (one trip through the event loop), then starts its
children as tasks and waits for them with `yield from asyncio.gather(...)`;
it returns how many nodes its subtree has, which the root checks. Timed with
time.perf_counter around `loop.run_until_complete(...)`, after a warm-up, on
one loop (this style's runner idiom). In the spirit of pyperformance's
async_tree benchmarks. Prints one JSON line:

    $ python3.10 generator_coroutine.py 5 5 5      # REPEAT DEPTH FANOUT
    {"style": "generator_coroutine", "python": "3.10.13", "nodes": 3906, "times": [...]}
"""
import asyncio
import json
import platform
import sys
import time

STYLE = "generator_coroutine"
DEFAULTS = (5, 5, 5)  # REPEAT, DEPTH, FANOUT: 3906 nodes, 0.05-0.2 s a repetition here
WARMUP = 1


@asyncio.coroutine
def node(depth, fanout):
    yield from asyncio.sleep(0)
    if depth == 0:
        return 1
    tasks = [asyncio.ensure_future(node(depth - 1, fanout)) for _ in range(fanout)]
    counts = yield from asyncio.gather(*tasks)
    return 1 + sum(counts)


def measure(repeat, depth, fanout):
    expected = sum(fanout ** level for level in range(depth + 1))
    loop = asyncio.get_event_loop()
    times = []
    for index in range(WARMUP + repeat):
        start = time.perf_counter()
        nodes = loop.run_until_complete(node(depth, fanout))
        elapsed = time.perf_counter() - start
        if nodes != expected:
            raise SystemExit("{}: counted {} nodes, expected {}".format(STYLE, nodes, expected))
        if index >= WARMUP:
            times.append(elapsed)
    loop.close()
    return {"style": STYLE, "python": platform.python_version(),
            "implementation": platform.python_implementation(), "nodes": nodes, "times": times}


if __name__ == "__main__":
    args = [int(arg) for arg in sys.argv[1:]] + list(DEFAULTS[len(sys.argv) - 1:])
    print(json.dumps(measure(*args)))
