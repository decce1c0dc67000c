"""interrupts: processes started in groups of their own and killed with all they started; a stopping
signal (the handler called as Python calls it) kills them at once and raises Interrupted, 128 + its
number; one that comes while the main thread holds the lock waits for its release; a closed pipe.
The real signals, sent to the command line, are tests/hostile/test_interrupt.py's."""

import io
import os
import signal
import subprocess
import sys

import pytest

from asyncio_rosetta import interrupts

from hostile.world import descendants, still_running

# Starts a process that never ends, prints its pid, and never ends either.
PARENT = ("import os, subprocess, sys; never = 'import os; r, w = os.pipe(); os.read(r, 1)'; "
          "print(subprocess.Popen([sys.executable, '-c', never]).pid, flush=True); r, w = os.pipe(); os.read(r, 1)")

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="processes read from /proc")


def _parent_and_child():
    """started(PARENT): it prints the pid of the process it started, then never ends."""
    return interrupts.started([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, universal_newlines=True)


@linux
def test_leaving_the_block_early_kills_the_process_and_what_it_started():
    with pytest.raises(ValueError):
        with _parent_and_child() as process:
            int(process.stdout.readline())
            both = descendants(process.pid)
            assert len(both) == 2 and os.getpgid(process.pid) == process.pid  # a group of its own
            raise ValueError("the caller gives up")
    assert process.returncode == -signal.SIGKILL and process.stdout.closed
    assert still_running(both) == {}


def test_a_process_that_ended_is_only_reaped():
    with interrupts.started([sys.executable, "-c", "print('done')"], stdout=subprocess.PIPE,
                            universal_newlines=True) as process:
        assert process.communicate()[0] == "done\n"
    assert process.returncode == 0


@linux
def test_a_stopping_signal_kills_every_process_at_once_and_raises_interrupted(single_threaded):
    """(single_threaded: every process started here is killed, the test session's batch's too.)"""
    before = signal.getsignal(signal.SIGINT)
    with interrupts.handled():
        with pytest.raises(interrupts.Interrupted) as info:
            with _parent_and_child() as process:
                int(process.stdout.readline())
                both = descendants(process.pid)
                interrupts._on_signal(signal.SIGTERM, None)  # as Python calls the handler
        assert info.value.status == 143 and isinstance(info.value, KeyboardInterrupt)
        assert still_running(both) == {}
        with pytest.raises(interrupts.Interrupted):  # stopping: nothing new starts
            with interrupts.started([sys.executable, "-c", "pass"]):
                pass
        assert signal.getsignal(signal.SIGINT) is interrupts._let_pass  # a second Ctrl-C lets the cleanup end
    assert signal.getsignal(signal.SIGINT) is before  # restored, and started() works again
    with interrupts.started([sys.executable, "-c", "pass"]) as process:
        process.wait()


def test_a_signal_while_the_main_thread_holds_the_lock_waits_for_its_release(single_threaded):
    with interrupts.handled():
        reached = []
        with pytest.raises(interrupts.Interrupted) as info:
            with interrupts._locked():
                interrupts._on_signal(signal.SIGINT, None)
                reached.append("the end of the block")
        assert reached == ["the end of the block"] and info.value.status == 130


def test_outside_the_main_thread_nothing_is_installed():
    import threading

    seen = []

    def command():
        with interrupts.handled():
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=command)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGTERM)] and seen[0] is not interrupts._on_signal


@linux
def test_what_starts_shielded_has_the_stopping_signals_blocked():
    def blocked():
        out = subprocess.run(["grep", "SigBlk", "/proc/self/status"], stdout=subprocess.PIPE,
                             universal_newlines=True).stdout
        mask = int(out.split()[1], 16)
        return {signum for signum in interrupts.SIGNALS if mask & (1 << (signum - 1))}

    with interrupts.shielded():
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # as the resource tracker does
        with interrupts.shielded():
            assert blocked() == set(interrupts.SIGNALS)
        assert blocked() == set(interrupts.SIGNALS) - {signal.SIGINT}  # as the inner block found it
    assert blocked() == set() and not signal.pthread_sigmask(signal.SIG_BLOCK, set()) & set(interrupts.SIGNALS)


@linux
def test_a_closed_pipe_is_exit_141_and_the_stream_then_goes_to_dev_null(monkeypatch):
    read_end, write_end = os.pipe()
    os.close(read_end)
    stream = io.TextIOWrapper(io.BufferedWriter(io.FileIO(write_end, "w")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    stream.write("a line no one reads\n")
    with pytest.raises(BrokenPipeError):
        stream.flush()
    assert interrupts.broken_pipe() == 141
    assert os.readlink("/proc/self/fd/{}".format(write_end)) == os.devnull
    stream.flush()  # what the interpreter does at exit: now quiet
    monkeypatch.undo()
    stream.close()


def test_a_closed_pipe_leaves_streams_that_are_not_files_alone(monkeypatch):
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert interrupts.broken_pipe() == 141
