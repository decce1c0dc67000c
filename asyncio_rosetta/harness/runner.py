"""Run a variant in a fresh interpreter as ``__main__`` and collect its result.

    >>> result = run_variant(load().variant_path("hello", "async_await"))  # doctest: +SKIP
    >>> [str(line) for line in result.lines]                               # doctest: +SKIP
    ['  0.00  hello', '  1.00  world']

Each run is its own process that runs the variant as ``__main__`` through
``asyncio_rosetta.harness._child``, so loop set-up and shutdown are part of what is
compared. ``run_variant`` starts a fresh interpreter. ``run_many`` runs many
at once, forked from one interpreter per set of flags that imported the
harness once (``_forkserver``; a fresh interpreter each where fork is
missing); the runs only wait on the clock, never on each other. Each child
process is started by ``interrupts.started``: a Ctrl-C or kill of this process
kills it and everything it started, and its temporary folder goes.
"""

import collections
import concurrent.futures
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from asyncio_rosetta import interrupts
from asyncio_rosetta.harness.tracing import TraceLine

__all__ = ["RunResult", "run_variant", "run_many", "child_env"]

PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])

# A variant that runs longer than this (wall time) is reported as hung.
TIMEOUT = 60

# Variables that would change what a run shows; runs say what they want with flags.
_SCRUBBED_ENV = ("PYTHONWARNINGS", "PYTHONDEVMODE", "PYTHONASYNCIODEBUG", "PYTHONSTARTUP")


class RunResult(collections.namedtuple(
        "RunResult", "lines stderr warnings error phase traceback python returncode stalls")):
    """What one run printed (stamped), warned, and ended with; in real time,
    also how long the process had been stalled when each line was printed."""

    __slots__ = ()

    def distinct_warnings(self):
        return list(collections.OrderedDict.fromkeys(self.warnings))


def child_env():
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED_ENV}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_PARENT, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_variant(path, real_time=False, python=None, flags=(), echo=False, timeout=TIMEOUT):
    """Run *path* in a new interpreter; with *echo*, stream the stamped trace to stdout."""
    with tempfile.TemporaryDirectory(prefix="rosetta-") as tmp:
        command = [python or sys.executable] + list(flags) + ["-m", "asyncio_rosetta.harness._child"]
        with interrupts.started(command + _child_args(tmp, path, real_time, echo), env=child_env(),
                                cwd=tmp, stdin=subprocess.DEVNULL, stdout=None if echo else subprocess.DEVNULL,
                                stderr=subprocess.PIPE, universal_newlines=True) as process:
            try:
                _, process_stderr = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                interrupts.kill(process)  # and what it started
                process.communicate()
                return _timed_out(timeout)
        return _read_result(tmp, process.returncode, process_stderr)


def _child_args(directory, path, real_time=False, echo=False):
    """``_child.main``'s arguments for a run whose result is written into *directory*."""
    return [os.path.join(directory, "result.json")] + ["--real-time"] * real_time + [
        "--echo"] * echo + [str(path)]


def _read_result(directory, returncode, process_stderr):
    try:
        with open(os.path.join(directory, "result.json"), encoding="utf-8") as data:
            raw = json.load(data)
    except (OSError, ValueError):
        return _broken("the child process died (exit {}) before reporting".format(returncode),
                       process_stderr)
    stderr = [TraceLine(*line) for line in raw["stderr"]]
    # Anything written after the child reported (interpreter shutdown) counts too.
    stderr += [TraceLine(float("nan"), text) for text in process_stderr.splitlines()]
    return RunResult([TraceLine(*line) for line in raw["lines"]], stderr, raw["warnings"],
                     raw["error"], raw["phase"], raw["traceback"], raw["python"], returncode,
                     raw["stalls"])


def _timed_out(timeout):
    return _broken("TimeoutError: still running after {} s of wall time".format(timeout))


def _broken(error, stderr=""):
    return RunResult([], [TraceLine(float("nan"), t) for t in stderr.splitlines()], [], error,
                     "harness", "", None, None, [])


def run_many(jobs, workers=None):
    """Run ``{key: (path, kwargs)}`` (``run_variant``'s keyword arguments but
    *echo*) concurrently; return ``{key: RunResult}``.

    Runs with the same interpreter and flags share a fork server, *workers*
    at a time (default: one per core); real-time runs mostly sleep, so all of
    them start at once. Where fork is missing or broken, each run is a fresh
    interpreter.
    """
    workers = workers or os.cpu_count() or 1
    groups = collections.OrderedDict()
    for key, (path, kwargs) in jobs.items():
        group = (kwargs.get("python") or sys.executable, tuple(kwargs.get("flags", ())),
                 kwargs.get("real_time", False))
        groups.setdefault(group, {})[key] = path, kwargs
    run_group = _run_forked if _CAN_FORK else _run_fresh
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(groups) or 1) as pool:
        futures = [pool.submit(run_group, group, members, len(members) if group[2] else workers)
                   for group, members in groups.items()]
        return {key: result for future in futures for key, result in future.result().items()}


# The fork server waits with sigtimedwait (Linux, not macOS) for its runs.
_CAN_FORK = hasattr(os, "fork") and hasattr(signal, "sigtimedwait")


def _run_fresh(group, jobs, width):
    """*jobs* ``{key: (path, kwargs)}``, a fresh interpreter each, *width* at a time."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=width) as pool:
        futures = {key: pool.submit(run_variant, path, **kwargs) for key, (path, kwargs) in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


def _run_forked(group, jobs, width):
    """*jobs* ``{key: (path, kwargs)}`` of one *group* (interpreter, flags,
    real time), forked by one fork server, *width* at a time."""
    python, flags, real_time = group
    with tempfile.TemporaryDirectory(prefix="rosetta-") as tmp:
        requests, keys = [], {}
        for number, (key, (path, kwargs)) in enumerate(jobs.items()):
            directory = os.path.join(tmp, str(number))
            os.mkdir(directory)
            stderr, timeout = os.path.join(directory, "stderr.txt"), kwargs.get("timeout", TIMEOUT)
            requests.append(json.dumps([number, directory, stderr, timeout, _child_args(directory, path, real_time)]))
            keys[number] = key, directory, stderr, timeout
        with interrupts.started([python] + list(flags) + ["-m", "asyncio_rosetta.harness._forkserver", str(width)],
                                env=child_env(), cwd=tmp, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, universal_newlines=True) as server:
            answers, server_stderr = server.communicate("\n".join(requests) + "\n")
        if answers == "fork-broken\n":
            return _run_fresh(group, jobs, width)
        results = {}
        for line in answers.splitlines():
            number, outcome = line.split()
            key, directory, stderr, timeout = keys[int(number)]
            if outcome == "timeout":
                results[key] = _timed_out(timeout)
                continue
            with open(stderr, encoding="utf-8", errors="replace") as err:
                results[key] = _read_result(directory, int(outcome), err.read())
        for key, _, _, _ in keys.values():
            results.setdefault(key, _broken("the fork server died (exit {}) before this run ended".format(
                server.returncode), server_stderr))
        return results
