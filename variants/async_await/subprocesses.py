"""subprocesses: run child processes, read what they print, and check their exit codes.

Style async_await (3.5-3.13): asyncio.create_subprocess_exec() runs a
program with a list of arguments and no shell (here the interpreter itself,
sys.executable -c ...); asyncio.create_subprocess_shell() hands one command
line to /bin/sh. Both return an asyncio.subprocess.Process: with
stdout=PIPE, proc.stdout is a StreamReader. Read it to the end, then
`await proc.wait()` for the exit code: a non-zero exit raises nothing,
check proc.returncode yourself. Two children run at once as tasks made first
(ensure_future), then gathered. Leave out loop= (deprecated in 3.8, a
TypeError from 3.10). On 3.6-3.7 the loop must be the main thread's current
loop for the child watcher to see the children exit (get_event_loop() in
the __main__ block sees to that); since 3.8 nothing is needed, and the child
watcher API is gone in 3.14: do not call get_child_watcher().
"""
import asyncio
import sys

PIPE = asyncio.subprocess.PIPE

# A constant command line: no user input reaches the shell. Never build one
# from outside data; if you must, quote each value with shlex.quote(), or
# better, pass values as arguments to create_subprocess_exec (no shell).
SHELL_COMMAND = "echo hello from the shell"


async def run_python(code):
    """Run the interpreter itself on *code*: (what it printed, exit code)."""
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code, stdout=PIPE)
    output = await proc.stdout.read()
    await proc.wait()
    return output.decode().strip(), proc.returncode


async def run_shell(command):
    """Run *command* through the shell: (what it printed, exit code)."""
    proc = await asyncio.create_subprocess_shell(command, stdout=PIPE)
    output = await proc.stdout.read()
    await proc.wait()
    return output.decode().strip(), proc.returncode


async def main():
    loop = asyncio.get_event_loop()
    start = loop.time()
    output, code = await run_python("print('hello from python')")
    print("exec printed", repr(output), "and exited with", code)
    # Steps start on the second, counted from the start: the time the
    # children take to start up does not add up from step to step.
    await asyncio.sleep(start + 1 - loop.time())
    output, code = await run_shell(SHELL_COMMAND)
    print("shell printed", repr(output), "and exited with", code)
    await asyncio.sleep(start + 2 - loop.time())
    python_task = asyncio.ensure_future(run_python("print('python, side by side')"))
    shell_task = asyncio.ensure_future(run_shell(SHELL_COMMAND))
    results = await asyncio.gather(python_task, shell_task)
    for output, code in results:
        print("gathered", repr(output), "exit code", code)
    await asyncio.sleep(start + 3 - loop.time())
    output, code = await run_python("import sys; print('giving up'); sys.exit(3)")
    print("exec printed", repr(output), "and exited with", code)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
