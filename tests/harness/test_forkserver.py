"""_forkserver: its protocol (a JSON request per line in, ``number returncode`` per run out), what a forked
run starts with, and ``fork-broken`` where a forked child cannot exit cleanly."""

import json
import os
import subprocess
import sys
import time

import pytest

from asyncio_rosetta.harness import runner

pytestmark = pytest.mark.skipif(not runner._CAN_FORK, reason="no os.fork or signal.sigtimedwait (Linux only): "
                                "runner starts a fresh interpreter per run instead")

SERVER = [sys.executable, "-m", "asyncio_rosetta.harness._forkserver"]


def request(tmp_path, number, source, timeout=60):
    """A run of *source*, as runner._run_forked asks for it: [number, directory, stderr, timeout, _child args]."""
    directory = tmp_path / str(number)
    directory.mkdir()
    program = tmp_path / "program{}.py".format(number)
    program.write_text(source, encoding="utf-8")
    return [number, str(directory), str(directory / "stderr.txt"), timeout,
            runner._child_args(str(directory), program)]


def serve(requests, workers=2, server=SERVER):
    """What the server answers on stdout, once every run has ended."""
    done = subprocess.run(server + [str(workers)], input="".join(json.dumps(r) + "\n" for r in requests),
                          env=runner.child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout


def result(run):
    with open(os.path.join(run[1], "result.json"), encoding="utf-8") as data:
        return json.load(data)


def test_a_forked_run_writes_what_a_fresh_child_writes(tmp_path):
    run = request(tmp_path, 0, "import asyncio, sys, warnings\nwarnings.warn('careful')\n"
                  "async def main():\n    print('start')\n    await asyncio.sleep(2)\n"
                  "    print('oops', file=sys.stderr)\n    raise ValueError('late')\n"
                  "asyncio.new_event_loop().run_until_complete(main())\n")
    assert serve([run]) == "0 1\n"
    fresh_result = str(tmp_path / "fresh.json")
    fresh = subprocess.run(SERVER[:2] + ["asyncio_rosetta.harness._child", fresh_result, run[4][-1]],
                           env=runner.child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with open(fresh_result, encoding="utf-8") as data:
        assert result(run) == json.load(data)
    assert result(run)["error"] == "ValueError: late" and fresh.returncode == 1
    with open(run[2], encoding="utf-8") as forked_stderr:
        assert forked_stderr.read() == fresh.stderr.decode() == ""


def test_a_run_imports_nothing_a_fresh_child_would_not(tmp_path):
    """The server preloads only what ``python -m ..._child`` imports; it runs as __main__ itself."""
    source = "import sys\nprint(' '.join(sorted(sys.modules)))\n"
    forked, fresh = request(tmp_path, 0, source), request(tmp_path, 1, source)
    serve([forked])
    subprocess.run(SERVER[:2] + ["asyncio_rosetta.harness._child"] + fresh[4], env=runner.child_env(), check=True)
    modules = [set(result(run)["lines"][0][1].split()) for run in (forked, fresh)]
    assert modules[0] - {"asyncio_rosetta.harness._child"} == modules[1]


def test_each_run_answers_its_number_and_returncode_or_minus_its_signal(tmp_path):
    runs = [request(tmp_path, 0, "print('fine')\n"), request(tmp_path, 1, "1 / 0\n"),
            request(tmp_path, 2, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")]
    assert sorted(serve(runs).splitlines()) == ["0 0", "1 1", "2 -9"]


def test_a_run_has_its_folder_stdin_and_stdout_on_devnull_and_stderr_in_its_file(tmp_path):
    run = request(tmp_path, 0, "import os, sys\nos.write(1, b'raw out\\n')\nos.write(2, b'raw err\\n')\n"
                  "print(os.getcwd(), repr(sys.stdin.read()))\n")
    assert serve([run]) == "0 0\n"  # nothing the run wrote on fd 1 reached the answers
    assert result(run)["lines"] == [[0.0, "{} ''".format(run[1])]]
    with open(run[2], encoding="utf-8") as stderr:
        assert stderr.read() == "raw err\n"


READER = "import os\nwith open(os.path.join('..', 'fifo')) as fifo:\n    print(fifo.read())\n"
WRITER = "import os\nwith open(os.path.join('..', 'fifo'), 'w') as fifo:\n    fifo.write('met')\n"


@pytest.mark.parametrize("workers, answers", [(2, ["0 0", "1 0"]), (1, ["0 timeout", "1 timeout"])])
def test_at_most_workers_runs_at_once(tmp_path, workers, answers):
    """Two runs meet at a FIFO (each one's open waits for the other's): only if both run at once."""
    os.mkfifo(str(tmp_path / "fifo"))
    timeout = 60 if workers == 2 else 1
    runs = [request(tmp_path, 0, READER, timeout), request(tmp_path, 1, WRITER, timeout)]
    assert sorted(serve(runs, workers).splitlines()) == answers
    if workers == 2:
        assert result(runs[0])["lines"] == [[0.0, "met"]]


BROKEN_AT_EXIT = """import atexit, os, sys
from asyncio_rosetta.harness import _forkserver
server = os.getpid()
atexit.register(lambda: os.getpid() != server and os._exit(7))
_forkserver.main(sys.argv[1:])
"""


def test_where_a_forked_child_cannot_exit_cleanly_the_server_only_says_fork_broken(tmp_path):
    """The canary child fails at exit (as on 3.8 under -X dev): no run is made."""
    run = request(tmp_path, 0, "print('ran')\n")
    assert serve([run], server=[sys.executable, "-c", BROKEN_AT_EXIT]) == "fork-broken\n"
    assert os.listdir(run[1]) == []


# Starts a process in a session of its own that starts another, says both pids, and never ends.
_TREE = """
import subprocess, sys
code = "import subprocess, sys, time; c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(3600)']); print(c.pid, flush=True); time.sleep(3600)"
child = subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stdout=subprocess.PIPE)
print(child.pid, child.stdout.readline().decode().strip(), flush=True)
import time; time.sleep(3600)
"""


def _ended(pid):
    """Gone, or a zombie: killed, and not yet reaped by the process it was handed to."""
    try:
        with open("/proc/{}/stat".format(pid), "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except FileNotFoundError:
        return True


def test_a_run_that_times_out_is_killed_with_every_process_it_started():
    """Even one in a session of its own, which the kill of the fork server's process group misses."""
    from asyncio_rosetta.harness._forkserver import _kill_tree
    run = subprocess.Popen([sys.executable, "-c", _TREE], stdout=subprocess.PIPE, universal_newlines=True)
    started = [int(pid) for pid in run.stdout.readline().split()]
    assert len(started) == 2 and not any(_ended(pid) for pid in started)
    _kill_tree(run.pid)
    assert run.wait() == -9
    # SIGKILL is delivered before kill() returns to a stopped process, but its end is the kernel's to finish
    deadline = time.monotonic() + 60
    while not all(_ended(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert all(_ended(pid) for pid in started)
