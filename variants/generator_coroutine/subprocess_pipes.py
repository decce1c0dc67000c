"""subprocess_pipes: talk to a child over its stdin and stdout, and kill one that hangs.

Style generator_coroutine (3.4-3.10): with stdin=PIPE and stdout=PIPE,
proc.stdin is a StreamWriter and proc.stdout a StreamReader. Line by line:
write() a line, `yield from proc.stdin.drain()`, then
`yield from proc.stdout.readline()` for the answer (the child must flush each
line, or the answer waits in its buffer). Closing stdin is the child's EOF.
proc.communicate(input) writes the input, closes stdin, reads stdout to the
end and waits for the exit, all in one call. A child that hangs:
asyncio.wait_for(proc.wait(), 2) gives up after 2 s with
asyncio.TimeoutError; proc.kill() sends SIGKILL and, once waited for, the
returncode is -9. The finally clause kills and waits for the child whatever
happened, so it never outlives the program. No child watcher is needed
since 3.8 (on 3.6-3.7 the loop must be the main thread's current loop, as
get_event_loop() in the __main__ block makes it).
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


@asyncio.coroutine
def line_by_line():
    proc = yield from asyncio.create_subprocess_exec(
        sys.executable, "-c", UPPER_CASER, stdin=PIPE, stdout=PIPE)
    for word in ("ping", "hello", "bye"):
        proc.stdin.write(word.encode() + b"\n")
        yield from proc.stdin.drain()
        answer = yield from proc.stdout.readline()
        print("sent", word, "and got", answer.decode().strip())
        yield from asyncio.sleep(1)
    proc.stdin.close()  # EOF: the child's loop ends
    yield from proc.wait()
    print("the upper-caser exited with", proc.returncode)


@asyncio.coroutine
def all_at_once():
    proc = yield from asyncio.create_subprocess_exec(
        sys.executable, "-c", UPPER_CASER, stdin=PIPE, stdout=PIPE)
    output, _ = yield from proc.communicate(b"one\ntwo\nthree\n")
    print("communicate returned", output.decode().split(), "exit code", proc.returncode)


@asyncio.coroutine
def kill_on_timeout():
    proc = yield from asyncio.create_subprocess_exec(sys.executable, "-c", HANGS)
    try:
        yield from asyncio.wait_for(proc.wait(), 2)
    except asyncio.TimeoutError:
        print("no exit after 2 s: kill it")
    finally:
        if proc.returncode is None:
            proc.kill()
            yield from proc.wait()
    print("the hung child's returncode:", proc.returncode)  # -9: killed by SIGKILL


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    start = loop.time()
    yield from line_by_line()
    # Steps start on the second, counted from the start: the time the
    # children take to start up does not add up from step to step.
    yield from asyncio.sleep(start + 4 - loop.time())
    yield from all_at_once()
    yield from asyncio.sleep(start + 5 - loop.time())
    yield from kill_on_timeout()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
