"""Run a child Python, read its output line by line and its exit code (2015)."""
import asyncio
import sys

CHILD = "import sys\nfor i in range(3):\n    print('line', i)\nsys.exit(3)"


def lines_of(stream):
    # A helper generator: every line of a StreamReader, delegated to with yield from.
    out = []
    while True:
        line = yield from stream.readline()
        if not line:
            return out
        out.append(line.decode().strip())


@asyncio.coroutine
def run_child(loop):
    proc = yield from asyncio.create_subprocess_exec(sys.executable, "-c", CHILD,
                                                     stdout=asyncio.subprocess.PIPE, loop=loop)
    lines = yield from lines_of(proc.stdout)
    code = yield from proc.wait()
    return lines, code


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    lines, code = loop.run_until_complete(run_child(loop))
    for line in lines:
        print(line)
    print("exit code", code)
    loop.close()
