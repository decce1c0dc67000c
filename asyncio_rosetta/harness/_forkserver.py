"""Fork a new process per variant run from one interpreter that imported the harness once.

    python [FLAGS] -m asyncio_rosetta.harness._forkserver WORKERS < REQUESTS

REQUESTS holds one JSON list per line, ``[number, directory, stderr, timeout, args]``;
the server runs at most WORKERS of them at once and answers one line per
finished run on stdout: ``number returncode`` (``-N`` for signal N, as
subprocess says it) or ``number timeout``; or only ``fork-broken`` where a
forked child cannot end cleanly (``fork_works``).

Why: most of a fresh interpreter's run was start-up and ``import asyncio``
(150-200 ms on the test machine); a fork costs a few milliseconds.
Each run is still a new process that runs the variant as ``__main__`` through
``_child.main(args)`` in *directory*, with stdin and stdout on /dev/null and
stderr in the file *stderr*, and ends through the interpreter's own
shutdown (atexit, thread joins, the last garbage collection). It starts with
what ``python -m asyncio_rosetta.harness._child`` imports anyway already imported and
with nothing else: the server imports no module that _child does not.
Linux only (``signal.sigtimedwait``); runner falls back to fresh interpreters.
"""

import gc
import json
import os
import signal
import sys
import time


def serve(workers, requests, answer):
    """Run *requests*; return the child's ``_child`` arguments in a forked
    child, None in the server once every run has been answered."""
    pending = list(reversed(requests))
    running = {}  # pid -> (number, deadline)
    # SIGCHLD stays pending while blocked, so no exit is missed between a
    # reap and the next wait; the default action (ignore) would drop it.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
    while pending or running:
        while pending and len(running) < workers:
            number, directory, stderr, timeout, args = pending.pop()
            pid = os.fork()
            if pid == 0:
                _become_run(directory, stderr)
                return args
            running[pid] = number, time.monotonic() + timeout
        deadline = min(deadline for _, deadline in running.values())
        signal.sigtimedwait({signal.SIGCHLD}, max(0.0, deadline - time.monotonic()))
        for pid, status in _reap():
            number, _ = running.pop(pid)
            answer("{} {}".format(number, _returncode(status)))
        now = time.monotonic()
        for pid, (number, deadline) in list(running.items()):
            if deadline <= now:
                _kill_tree(pid)  # a run that started a process (a subprocess topic) leaves none behind
                os.waitpid(pid, 0)
                del running[pid]
                answer("{} timeout".format(number))
    return None


def fork_works():
    """Whether a forked child ends cleanly here (None in that child, which
    the caller lets exit). Not on 3.8 under ``-X dev``: there a forked child
    is killed by a signal at interpreter exit, SIGBUS as a rule (debug allocator;
    3.8.18: benchmarks/fork_under_dev.py)."""
    pid = os.fork()
    if pid == 0:
        _become_run(os.getcwd(), os.devnull)
        return None
    _, status = os.waitpid(pid, 0)
    return status == 0


def _become_run(directory, stderr):
    """In the forked child: the process state a fresh interpreter starts with."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
    os.chdir(directory)
    null = os.open(os.devnull, os.O_RDWR)
    err = os.open(stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    for fd, target in ((0, null), (1, null), (2, err)):
        os.dup2(target, fd)
    os.close(null)
    os.close(err)


def _kill_tree(pid):
    """SIGKILL the run *pid* and every process it started, however deep (its
    descendants by parent pid, read from /proc). Each is stopped as it is
    found, and /proc read again until no new one appears, so that none starts
    another meanwhile. One in a session of its own (``start_new_session``) is
    found too: the command's kill of the fork server's group would miss it."""
    tree, found = {pid}, [pid]
    while found:
        for each in found:
            _signal(each, signal.SIGSTOP)
        found = [child for parent, child in _parents() if parent in tree and child not in tree]
        tree.update(found)
    for each in tree:
        _signal(each, signal.SIGKILL)


def _parents():
    """(parent pid, pid) of every process, from /proc."""
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/{}/stat".format(name), "rb") as stat:
                    # "pid (comm) state ppid ...": comm may hold spaces and parentheses
                    yield int(stat.read().rsplit(b")", 1)[1].split()[1]), int(name)
            except (OSError, IndexError, ValueError):  # ended meanwhile
                continue


def _signal(pid, signum):
    try:
        os.kill(pid, signum)
    except ProcessLookupError:  # ended meanwhile
        pass


def _reap():
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        yield pid, status


def _returncode(status):
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def preload():
    """Import, before the first fork, what every run imports anyway; keep the
    collector off it, or each run's ``gc.collect()`` walks the whole
    inherited heap (35 of a run's 54 ms on 3.13 here). Frozen objects still
    count as references, so what a run leaves behind is collected as before."""
    from asyncio_rosetta.harness import _child

    gc.collect()
    if hasattr(gc, "freeze"):  # 3.7+
        gc.freeze()
    return _child


def main(argv):
    """The arguments of the run this process is to make, [] to just exit, or
    None in the server once it is done."""
    works = fork_works()
    if works is None:
        return []
    if not works:
        os.write(1, b"fork-broken\n")
        return None
    workers = int(argv[0])
    requests = [json.loads(line) for line in sys.stdin.read().splitlines() if line]

    def answer(line):
        os.write(1, (line + "\n").encode("ascii"))

    return serve(workers, requests, answer)


if __name__ == "__main__":
    _child = preload()
    child_args = main(sys.argv[1:])
    if child_args is not None:
        sys.exit(_child.main(child_args) if child_args else 0)
