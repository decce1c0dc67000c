"""Ending when stopped from outside: Ctrl-C, ``kill``, a reader that went away.

    with interrupts.handled():                  # cli.main: SIGINT, SIGTERM, SIGHUP raise Interrupted
        with interrupts.started(command, stdout=subprocess.PIPE) as process:
            process.communicate()               # the process and what it started are gone after the block

A signal kills every process group started here, at once, in the handler, and
then raises Interrupted (a KeyboardInterrupt) in the main thread: whatever that
thread waits on returns (the processes it waits for are dead), ``finally`` and
``with`` blocks remove the temporary folders as the exception passes, and the
command line exits 128 + the signal's number, 130 for Ctrl-C and 143 for
SIGTERM, the status a shell shows for a process a signal ended (Python's own
default for SIGTERM ends at once, cleaning nothing). Each child leads a session
of its own, so that killing its group also ends what it started (a variant's
subprocesses, a fork server's runs) and a terminal's Ctrl-C reaches this process
alone: this process decides. After the first signal, no new process starts and
further signals are let pass, so that a second Ctrl-C cannot cut the cleanup short.

``broken_pipe`` ends a command whose reader went away (``| head -1``) as quietly as
coreutils do. Standard library only; 3.6+.
"""

import contextlib
import os
import signal
import sys
import threading

__all__ = ["Interrupted", "SIGNALS", "handled", "started", "kill", "shielded", "broken_pipe", "BROKEN_PIPE"]

# The signals that stop a command: Ctrl-C, kill (and systemd, docker stop...), a closed terminal.
SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))

# coreutils die of SIGPIPE when their reader goes (`seq 100000 | head -1`: the shell says 141);
# `python -m json.tool` exits 32 (the errno). We exit 141 ourselves, as we exit 130 for Ctrl-C:
# the same number in `$?` and for `set -o pipefail`, after our own cleanup.
BROKEN_PIPE = 128 + 13


class Interrupted(KeyboardInterrupt):
    """A stopping signal arrived; a KeyboardInterrupt, so that code that already
    handles Ctrl-C (subprocess, concurrent.futures) handles kill alike."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum

    @property
    def status(self):
        """The exit status: 128 + the signal's number, as a shell reports a process it ended."""
        return 128 + self.signum


class _State:
    lock = threading.Lock()    # held while a process is started or let go (running changes)
    running = set()            # the Popen objects started here and not yet let go
    stopped = None             # the first stopping signal's number, once one arrived
    holding = 0                # the main thread is inside _locked(): a signal waits for its end
    pending = None             # ... and this one did
    installed = 0              # handled() depth


def _on_signal(signum, frame):
    if _State.holding:  # the main thread holds the lock: acting now could deadlock or leak a process
        _State.pending = signum
        return
    _stop(signum)


def _stop(signum):
    """Kill every process group started here, and raise Interrupted in the main thread."""
    if _State.stopped is None:
        _State.stopped = signum
        for other in SIGNALS:  # a second Ctrl-C must not cut the cleanup short
            signal.signal(other, _let_pass)
    with _State.lock:
        for process in list(_State.running):
            _kill_group(process)
    raise Interrupted(_State.stopped)


def _let_pass(signum, frame):
    """Signals after the first: cleanup is under way (a handler, not SIG_IGN: before 3.9 a
    signal that arrived before the switch would have the interpreter call SIG_IGN, an int)."""


@contextlib.contextmanager
def handled():
    """Stopping signals raise Interrupted here, after killing the processes started here.
    Only in the main thread (where Python runs signal handlers); elsewhere, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {signum: signal.getsignal(signum) for signum in SIGNALS}
    _State.installed += 1
    try:
        for signum in SIGNALS:
            signal.signal(signum, _on_signal)
        yield
    finally:
        _State.installed -= 1
        for signum, handler in saved.items():
            if handler is not None:  # None: set from outside Python, cannot be restored from here
                signal.signal(signum, handler)
        if not _State.installed:  # for the next command run in this process (the tests)
            _State.stopped = _State.pending = None


@contextlib.contextmanager
def _locked():
    """The lock; in the main thread, with a stopping signal held back until it is released."""
    main = threading.current_thread() is threading.main_thread()
    if main:
        _State.holding += 1
    try:
        with _State.lock:
            yield
    finally:
        if main:
            _State.holding -= 1
            signum, _State.pending = _State.pending, None
            if signum is not None and not _State.holding:
                _stop(signum)


@contextlib.contextmanager
def started(command, **popen_kwargs):
    """``subprocess.Popen(command, **popen_kwargs)`` as the leader of a new session, so
    that everything it starts can be killed with it. On leaving the block it is
    reaped and its pipes closed; if it is still running then (an exception, a
    signal), it is killed first, with its whole process group."""
    with _locked():
        if _State.stopped is not None:
            raise Interrupted(_State.stopped)
        import subprocess  # not on scan's path: a warm re-scan starts no process

        process = subprocess.Popen(command, start_new_session=True, **popen_kwargs)
        _State.running.add(process)
    try:
        yield process
    finally:
        with _locked():
            kill(process)
            _State.running.discard(process)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        process.wait()


def kill(process):
    """SIGKILL *process* (from ``started``) and every process in its group, unless it was
    reaped already: its pid could then name another group. While it is not reaped (even
    if it has exited), no other process can take its number."""
    if process.returncode is None:
        _kill_group(process)


def _kill_group(process):
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # Windows: no process groups to kill
            process.kill()
    except OSError:  # gone already (ESRCH), or reaped meanwhile by the thread waiting for it
        pass


@contextlib.contextmanager
def shielded():
    """Processes started in this block (a process pool's workers) never get a stopping signal
    from outside, not even one sent to their process group (a terminal's Ctrl-C or hangup):
    they are blocked in this thread meanwhile, and blocked signals stay blocked across fork and
    exec. Each worker would print a KeyboardInterrupt traceback; the command kills them instead.
    A signal meanwhile is delivered here when the block ends; blocks nest."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, set(SIGNALS))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def broken_pipe():
    """The reader of our output went away (``| head -1``): the exit status, BROKEN_PIPE.

    Standard streams that cannot be flushed any more are pointed at /dev/null, so that
    the interpreter's own flush at exit does not print "Exception ignored ... BrokenPipeError".
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            try:
                fd = stream.fileno()
            except (OSError, ValueError, AttributeError):  # not a real file (a test's StringIO)
                continue
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
    return BROKEN_PIPE
