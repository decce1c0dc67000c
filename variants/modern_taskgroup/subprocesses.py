"""subprocesses: run child processes, read what they print, and check their exit codes.

Style modern_taskgroup (3.11+): asyncio.create_subprocess_exec() runs a
program with a list of arguments and no shell (here the interpreter itself,
sys.executable -c ...); asyncio.create_subprocess_shell() hands one command
line to /bin/sh. Both return an asyncio.subprocess.Process: with
stdout=PIPE, proc.stdout is a StreamReader. Read it to the end, then
`await proc.wait()` for the exit code: a non-zero exit raises nothing,
check proc.returncode yourself. Two children run at once in a TaskGroup,
whose results are read from the tasks after the block. No loop= argument
and no child watcher: both are gone (3.10 and 3.14).
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
    loop = asyncio.get_running_loop()
    start = loop.time()
    output, code = await run_python("print('hello from python')")
    print("exec printed", repr(output), "and exited with", code)
    # Steps start on the second, counted from the start: the time the
    # children take to start up does not add up from step to step.
    await asyncio.sleep(start + 1 - loop.time())
    output, code = await run_shell(SHELL_COMMAND)
    print("shell printed", repr(output), "and exited with", code)
    await asyncio.sleep(start + 2 - loop.time())
    async with asyncio.TaskGroup() as tg:
        python_task = tg.create_task(run_python("print('python, side by side')"))
        shell_task = tg.create_task(run_shell(SHELL_COMMAND))
    results = [python_task.result(), shell_task.result()]
    for output, code in results:
        print("gathered", repr(output), "exit code", code)
    await asyncio.sleep(start + 3 - loop.time())
    output, code = await run_python("import sys; print('giving up'); sys.exit(3)")
    print("exec printed", repr(output), "and exited with", code)


if __name__ == "__main__":
    asyncio.run(main())
