"""Run a variant in a fresh interpreter as ``__main__`` and collect its result.

    >>> result = run_variant(load().variant_path("hello", "async_await"))  # doctest: +SKIP
    >>> [str(line) for line in result.lines]                               # doctest: +SKIP
    ['  0.00  hello', '  1.00  world']

Each run is its own process (``python -m asyncio_rosetta._child``), so loop
set-up and shutdown are part of what is compared. ``run_many`` starts several
at once; the runs only wait on the clock, never on each other.
"""

import collections
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from asyncio_rosetta.tracing import TraceLine

__all__ = ["RunResult", "run_variant", "run_many", "child_env"]

PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)

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
        result_file = os.path.join(tmp, "result.json")
        command = [python or sys.executable] + list(flags) + [
            "-m", "asyncio_rosetta._child", result_file]
        command += ["--real-time"] * real_time + ["--echo"] * echo + [str(path)]
        process = subprocess.Popen(command, env=child_env(), cwd=tmp, stdin=subprocess.DEVNULL,
                                   stdout=None if echo else subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, universal_newlines=True)
        try:
            _, process_stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return _broken("TimeoutError: still running after {} s of wall time".format(timeout))
        try:
            with open(result_file, encoding="utf-8") as data:
                raw = json.load(data)
        except (OSError, ValueError):
            return _broken("the child process died (exit {}) before reporting".format(
                process.returncode), process_stderr)
    stderr = [TraceLine(*line) for line in raw["stderr"]]
    # Anything written after the child reported (interpreter shutdown) counts too.
    stderr += [TraceLine(float("nan"), text) for text in process_stderr.splitlines()]
    return RunResult([TraceLine(*line) for line in raw["lines"]], stderr, raw["warnings"],
                     raw["error"], raw["phase"], raw["traceback"], raw["python"], process.returncode,
                     raw["stalls"])


def _broken(error, stderr=""):
    return RunResult([], [TraceLine(float("nan"), t) for t in stderr.splitlines()], [], error,
                     "harness", "", None, None, [])


def run_many(jobs, workers=None):
    """Run ``{key: (path, kwargs)}`` concurrently; return ``{key: RunResult}``."""
    workers = workers or max(2, (os.cpu_count() or 1) * 2)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {key: pool.submit(run_variant, path, **kwargs) for key, (path, kwargs) in jobs.items()}
        return {key: future.result() for key, future in futures.items()}
