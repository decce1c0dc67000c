"""In which order TaskGroup cancels the siblings of a failed child, per interpreter and run.

    python3 benchmarks/cancel_order.py [--runs 8] [--children 5] [--python python3.14 ...]

Each run is a fresh interpreter (its own hash seed and memory layout): one
child fails at once, the others wait and print their name when cancelled. The
script prints, per interpreter, each order seen and in how many runs.
"""

import collections
import subprocess

from _script import parser as script_parser, python_version  # beside this script

PROGRAM = """
import asyncio, sys

async def sibling(name, order):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        order.append(name)
        raise

async def fail():
    raise ValueError("first error")

async def main(children):
    order = []
    try:
        async with asyncio.TaskGroup() as tg:
            for name in "BCDEFGH"[:children]:
                tg.create_task(sibling(name, order))
            tg.create_task(fail())
    except* ValueError:
        pass
    print(" ".join(order))

asyncio.run(main(int(sys.argv[1])))
"""


def orders(python, runs, children):
    seen = collections.Counter()
    for _ in range(runs):
        out = subprocess.run([python, "-c", PROGRAM, str(children)], stdout=subprocess.PIPE, check=True,
                             universal_newlines=True).stdout
        seen[out.strip()] += 1
    return seen


def main():
    parser = script_parser(__doc__)
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--children", type=int, default=5)
    parser.add_argument("--python", nargs="+", default=["python3.11", "python3.12", "python3.13", "python3.14"])
    args = parser.parse_args()
    for python in args.python:
        version = python_version(python)
        seen = orders(python, args.runs, args.children)
        print("{:8} {}".format(version, ", ".join("{} ({} of {})".format(order, count, args.runs)
                                                  for order, count in seen.most_common())))


if __name__ == "__main__":
    main()
