"""What a hazard's "why" says beyond its probe, run on this interpreter: the same
construct in another shape (without a __main__ guard, under python -O, on server.sockets)."""

import subprocess
import sys
import textwrap

from conftest import HAZARDS
from asyncio_rosetta.harness.runner import child_env
from asyncio_rosetta.scan.scanner import scan


def _run(tmp_path, source, *flags, hazard=None):
    """Run *source* as a script in a fresh interpreter: (exit status, stdout lines, stderr lines).
    With *hazard*, first check that scan finds it in the script."""
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    if hazard is not None:
        assert [f.hazard.id for f in scan([script], select=[hazard]).findings] == [hazard]
    done = subprocess.run([sys.executable] + list(flags) + [str(script)], cwd=str(tmp_path), env=child_env(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    return done.returncode, done.stdout.splitlines(), done.stderr.splitlines()


def test_a_process_pool_script_without_a_main_guard(tmp_path):
    """AR607: 3.14's forkserver imports the script again to start the worker, which starts
    the pool again before its bootstrapping is over; the program itself loses the connection."""
    status, out, err = _run(tmp_path, """\
        import asyncio
        import concurrent.futures

        def job():
            return "the job ran"

        pool = concurrent.futures.ProcessPoolExecutor(max_workers=1)
        loop = asyncio.new_event_loop()
        try:
            print(loop.run_until_complete(loop.run_in_executor(pool, job)))
        finally:
            pool.shutdown()
            loop.close()
        """, hazard="AR607")
    if sys.version_info < (3, 14):
        assert (status, out, err) == (0, ["the job ran"], [])
        return
    assert status == 1 and out == []
    assert err[-1] == "ConnectionResetError: [Errno 104] Connection reset by peer"
    assert "        An attempt has been made to start a new process before the" in err
    assert "ConnectionResetError: [Errno 104] Connection reset by peer" in HAZARDS.get("AR607").outcome((3, 14)).why


def test_a_duck_typed_policy_under_python_O(tmp_path):
    """AR316: 3.6-3.10 check with an assert, which -O leaves out; 3.11+ raise TypeError."""
    with open(str(HAZARDS.get("AR316").probe), encoding="utf-8") as probe:
        status, out, err = _run(tmp_path, probe.read(), "-O")
    if sys.version_info < (3, 11):
        assert (status, out, err) == (0, ["policy set: LoopPolicy"], [])
    else:
        assert status == 1 and err[-1] == HAZARDS.get("AR316").outcome(sys.version_info).error


def test_io_on_a_server_socket(tmp_path):
    """AR606: server.sockets holds TransportSockets from 3.8 too, and listen() goes as send() does."""
    status, out, err = _run(tmp_path, """\
        import asyncio

        loop = asyncio.new_event_loop()
        server = loop.run_until_complete(loop.create_server(asyncio.Protocol, "127.0.0.1", 0))
        try:
            server.sockets[0].listen(5)
            print(type(server.sockets).__name__, "of", type(server.sockets[0]).__name__)
        finally:
            server.close()
            loop.run_until_complete(server.wait_closed())
            loop.close()
        """, "-W", "default", hazard="AR606")
    warning = ("DeprecationWarning: Using listen() method on sockets returned from get_extra_info('socket') will be "
               "prohibited in asyncio 3.9. Please report your use case to bugs.python.org.")
    if sys.version_info < (3, 8):
        assert (status, out, err) == (0, ["list of socket"], [])
    elif sys.version_info < (3, 11):
        assert status == 0 and out == ["tuple of TransportSocket"] and any(line.endswith(warning) for line in err)
    else:
        assert status == 1 and err[-1] == "AttributeError: 'TransportSocket' object has no attribute 'listen'"


def test_the_task_functions_outside_a_running_loop(tmp_path):
    """AR401's replacement: where no loop runs, Task.current_task() answered None (3.6-3.8) and
    asyncio.current_task() raises RuntimeError (3.7+) unless given the loop, so port rewrites a call without
    its loop only where a loop surely runs (port/fixers/task_class_methods.py)."""
    status, out, err = _run(tmp_path, """\
        import asyncio
        import sys
        import warnings

        warnings.simplefilter("ignore")
        loop = asyncio.new_event_loop()
        if sys.version_info < (3, 9):
            current_task = asyncio.Task.current_task
            print("Task.current_task():", current_task(loop=loop), current_task())
        if sys.version_info >= (3, 7):
            print("current_task(loop):", asyncio.current_task(loop))
            try:
                asyncio.current_task()
            except RuntimeError as exc:
                print("current_task():", exc)
        loop.close()
    """, hazard="AR401")
    expected = ["Task.current_task(): None None"] if sys.version_info < (3, 9) else []
    if sys.version_info >= (3, 7):
        expected += ["current_task(loop): None", "current_task(): no running event loop"]
    assert (status, out, err) == (0, expected, [])


def test_asyncio_async_read_with_getattr(tmp_path):
    """AR106 spelled getattr(asyncio, "async") parses on every Python: 3.6 schedules the job (and
    warns as asyncio.async() does), 3.7+ raise AttributeError; with a default, that is returned."""
    status, out, err = _run(tmp_path, """\
        import asyncio

        async def job():
            return "job ran"

        print("with a default:", getattr(asyncio, "async", None) is None)
        loop = asyncio.new_event_loop()
        try:
            print(loop.run_until_complete(getattr(asyncio, "async")(job(), loop=loop)))
        finally:
            loop.close()
        """, "-W", "default")
    assert [(f.line, f.hazard.id) for f in scan([tmp_path / "script.py"], select=["AR106"]).findings] == [
        (6, "AR106"), (9, "AR106")]
    hazard = HAZARDS.get("AR106")
    if sys.version_info < (3, 7):
        assert (status, out) == (0, ["with a default: False", "job ran"])
        assert any(line.endswith(hazard.outcome((3, 6)).warnings[0]) for line in err)
    else:
        error = "AttributeError: module 'asyncio' has no attribute 'async'"
        assert (status, out, err[-1]) == (1, ["with a default: True"], error)
        assert error in hazard.outcome(sys.version_info).why
        assert "with a default, getattr returns the default" in hazard.outcome(sys.version_info).why
