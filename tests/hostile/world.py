"""What the hostile tests share: the command line in a process of its own, with a private TMPDIR,
and what /proc says about the processes it left.

    command = Command(tmp_path, ["scan", "tree"])         # started; stdout and stderr go to files
    markers = command.wait_for_markers(1)                # the hostile programs say they are stuck
    left = command.processes()                           # everything it runs now, from /proc
    command.stop(signal.SIGINT)
    assert command.wait() == 130 and still_running(left) == {}

Waiting is polling with a deadline, never a fixed sleep: a loaded machine makes
a test wait longer, not fail.
"""

import json
import os
import signal
import subprocess
import sys
import time

from asyncio_rosetta.harness.runner import PACKAGE_PARENT

PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")
NEVER = "import os; r, w = os.pipe(); os.read(r, 1)"  # a Python program that never ends (as programs/hang.py's)
# Long enough for any honest wait on a loaded machine; a bug makes the wait endless, not this long.
DEADLINE = 120


def poll(condition, what, deadline=DEADLINE):
    """condition()'s first true value, asked every 20 ms; an AssertionError naming *what* after *deadline* s."""
    end = time.monotonic() + deadline
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError("still waiting after {} s for {}".format(deadline, what))
        time.sleep(0.02)


class Command:
    """``python -m asyncio_rosetta ARGS`` (or ``python SCRIPT ARGS``) as a user starts it, in a process group
    of its own (as a shell starts a job: a terminal's Ctrl-C goes to that group), with TMPDIR a new empty
    folder and the hostile programs told where to leave their markers."""

    def __init__(self, tmp_path, args, script=None, clone=PACKAGE_PARENT, env=None, cwd=None):
        self.tmpdir, self.markers = tmp_path / "tmpdir", tmp_path / "markers"
        for folder in (self.tmpdir, self.markers):
            folder.mkdir()
        self.out, self.err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
        environ = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        environ.update(PYTHONPATH=str(clone), PYTHONIOENCODING="utf-8", TMPDIR=str(self.tmpdir),
                       ROSETTA_HOSTILE_MARKERS=str(self.markers), ROSETTA_HOSTILE_PROGRAMS=PROGRAMS)
        environ.update(env or {})
        command = [sys.executable] + ([script] if script else ["-m", "asyncio_rosetta"]) + list(args)
        # Files, not pipes: a process the command leaves behind would hold a pipe open forever.
        with open(str(self.out), "wb") as out, open(str(self.err), "wb") as err:
            self.process = subprocess.Popen(command, cwd=str(cwd or clone), env=environ, stdin=subprocess.DEVNULL,
                                            stdout=out, stderr=err, start_new_session=True)
        self.seen = {}  # {pid: start time} of every process processes() found, for kill_everything

    def wait_for_markers(self, count=1):
        """The first *count* markers the hostile programs wrote ({"pid", "helper"} each)."""
        def written():
            names = [name for name in os.listdir(str(self.markers)) if name.endswith(".json")]
            return len(names) >= count and names

        names = poll(written, "{} marker(s) in {} (stderr: {})".format(count, self.markers, self.stderr()))
        markers = []
        for name in names:
            with open(str(self.markers / name)) as marker:
                markers.append(json.load(marker))
        return markers

    def processes(self, markers=()):
        """{pid: start time} of the command and every process it started that still runs, and of the
        processes *markers* name (below the command, so found already: by name, to be sure)."""
        found = descendants(self.process.pid)
        for marker in markers:
            for pid in (marker["pid"], marker["helper"]):
                start = pid and _stat(pid)
                if start:
                    found.setdefault(pid, start[2])
        self.seen.update(found)
        return found

    def stop(self, signum, group=False):
        """Send *signum* to the command, or to its whole process group (a terminal's Ctrl-C)."""
        (os.killpg if group else os.kill)(self.process.pid, signum)

    def wait(self):
        """The command's exit status (a negative number: the signal that ended it)."""
        try:
            return self.process.wait(DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("the command still ran {} s later (stderr: {})".format(DEADLINE, self.stderr()))

    def stdout(self):
        return self.out.read_text(encoding="utf-8", errors="backslashreplace")

    def stderr(self):
        return self.err.read_text(encoding="utf-8", errors="backslashreplace")

    def leftover_temporary_files(self):
        return sorted(os.listdir(str(self.tmpdir)))

    def kill_everything(self):
        """After a failed test: nothing it started outlives it (by pid, each checked to be the one seen)."""
        if self.process.poll() is None:  # once reaped, its pid may name another process
            self.processes()
            self.process.kill()
        for pid, start in self.seen.items():
            if alive(pid, start):
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass


_FAKE_PYTHON = """#!/bin/sh
# A Python for bench (tests/hostile): it says it is CPython 3.13.0 and times each workload at 1 ms, but
# never ends where $ROSETTA_HOSTILE_HANG says: "probe" (asked what it is) or a style's name (asked to
# run that style's workload). bench runs PYTHON -I -c PROBE, and PYTHON -I WORKLOAD.py REPEAT DEPTH FANOUT.
# Never ending, it first starts a process that never ends either and says so as programs/hang.py does;
# all in sh, so that it is said within milliseconds, long before bench's --timeout.
if [ "$2" = -c ]; then asked=probe; else asked=$(basename "$2" .py); fi
if [ "$asked" = "$ROSETTA_HOSTILE_HANG" ]; then
    "{python}" -c "{never}" </dev/null >/dev/null 2>&1 &
    printf '{{"pid": %s, "helper": %s}}' $$ $! > "$ROSETTA_HOSTILE_MARKERS/$$.tmp"
    mv "$ROSETTA_HOSTILE_MARKERS/$$.tmp" "$ROSETTA_HOSTILE_MARKERS/$$.json"
    exec "{python}" -c "{never}"
fi
if [ "$asked" = probe ]; then echo '["3.13.0", "CPython", "3.13"]'; else echo '{{"times": [0.001]}}'; fi
"""


def fake_python(folder):
    """An executable *folder*/python3.13 that bench takes for an interpreter (see _FAKE_PYTHON)."""
    path = folder / "python3.13"
    path.write_text(_FAKE_PYTHON.format(python=sys.executable, never=NEVER))
    path.chmod(0o755)
    return path


def _stat(pid):
    """(state, parent pid, start time) of *pid* from /proc, or None if there is no such process."""
    try:
        with open("/proc/{}/stat".format(pid)) as stat:
            text = stat.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) ", which may hold spaces
    return fields[0], int(fields[1]), int(fields[19])


def descendants(root):
    """{pid: start time} of *root* and every process below it, as they are now."""
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            stat = _stat(int(name))
            if stat is not None:
                children.setdefault(stat[1], []).append((int(name), stat[2]))
    found, todo = {}, [root]
    root_stat = _stat(root)
    if root_stat is not None:
        found[root] = root_stat[2]
    while todo:
        for pid, start in children.get(todo.pop(), []):
            if pid not in found:
                found[pid] = start
                todo.append(pid)
    return found


def alive(pid, start):
    """Whether the process *pid* that started at *start* still runs (a zombie has ended)."""
    stat = _stat(pid)
    return stat is not None and stat[2] == start and stat[0] not in ("Z", "X")


def still_running(processes):
    """The pids of *processes* ({pid: start time}) still running once SIGKILL has had time to act
    (the kernel ends a killed process soon, not at once); {} when all are gone."""
    def all_gone():
        return not any(alive(pid, start) for pid, start in processes.items())

    try:
        poll(all_gone, "processes to end", deadline=30)
    except AssertionError:
        pass
    return {pid: start for pid, start in processes.items() if alive(pid, start)}
