"""subprocess_pipes: talk to a child over its stdin and stdout, and kill one that hangs.

Style modern_taskgroup (3.11+): with stdin=PIPE and stdout=PIPE,
proc.stdin is a StreamWriter and proc.stdout a StreamReader. Line by line:
write() a line, `await proc.stdin.drain()`, then
`await proc.stdout.readline()` for the answer (the child must flush each
line, or the answer waits in its buffer). Closing stdin is the child's EOF;
wait() then returns once the child has exited (stdin.wait_closed() is not
needed here, and works on a child's stdin only from 3.8).
proc.communicate(input) writes the input, closes stdin, reads stdout to the
end and waits for the exit, all in one call. A child that hangs:
`async with asyncio.timeout(2)` around proc.wait() gives up after 2 s with
TimeoutError (the builtin); proc.kill() sends SIGKILL and, once waited for,
the returncode is -9. The finally clause kills and waits for the child
whatever happened, so it never outlives the program. No child watcher: the
API is gone in 3.14.
"""
import asyncio
import sys

PIPE = asyncio.subprocess.PIPE

# The child: answer each line of its stdin upper-cased, flushed at once, until EOF.
UPPER_CASER = """
import sys
for line in iter(sys.stdin.readline, ""):
    print(line.strip().upper(), flush=True)
"""
HANGS = "import time; time.sleep(60)"


async def line_by_line():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", UPPER_CASER, stdin=PIPE, stdout=PIPE)
    for word in ("ping", "hello", "bye"):
        proc.stdin.write(word.encode() + b"\n")
        await proc.stdin.drain()
        answer = await proc.stdout.readline()
        print("sent", word, "and got", answer.decode().strip())
        await asyncio.sleep(1)
    proc.stdin.close()  # EOF: the child's loop ends
    await proc.wait()
    print("the upper-caser exited with", proc.returncode)


async def all_at_once():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", UPPER_CASER, stdin=PIPE, stdout=PIPE)
    output, _ = await proc.communicate(b"one\ntwo\nthree\n")
    print("communicate returned", output.decode().split(), "exit code", proc.returncode)


async def kill_on_timeout():
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", HANGS)
    try:
        async with asyncio.timeout(2):
            await proc.wait()
    except TimeoutError:
        print("no exit after 2 s: kill it")
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    print("the hung child's returncode:", proc.returncode)  # -9: killed by SIGKILL


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await line_by_line()
    # Steps start on the second, counted from the start: the time the
    # children take to start up does not add up from step to step.
    await asyncio.sleep(start + 4 - loop.time())
    await all_at_once()
    await asyncio.sleep(start + 5 - loop.time())
    await kill_on_timeout()


if __name__ == "__main__":
    asyncio.run(main())
