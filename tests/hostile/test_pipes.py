"""Output into a reader that goes away (``| head -1``): no BrokenPipeError traceback, no "Exception ignored"
message, exit 141 as a shell shows for coreutils (which die of SIGPIPE there). And file names that are not
UTF-8, or hold a newline, printed escaped (``bad\\xff.py``) instead of a UnicodeEncodeError.

The reader is gone before the command writes (its end of the pipe is closed at once): then the first
write fails whatever the machine's speed. ``head -1`` on output larger than a pipe holds is the same
case, once the pipe is full; one test reads a first line and then goes, on output that size.
"""

import os
import subprocess
import sys

import pytest

from asyncio_rosetta.harness.runner import PACKAGE_PARENT

from conftest import HAVE_LIBCST
from hostile.world import DEADLINE, Command

LEGACY = "import asyncio\n\n\n@asyncio.coroutine\ndef job():\n    yield from asyncio.sleep(1)\n"


def _tree(folder, files=3):
    folder.mkdir()
    for number in range(files):
        (folder / "m{}.py".format(number)).write_text(LEGACY)
    return folder


def _into_closed_pipe(args, first_line=False):
    """(exit status, stderr) of the command writing into a pipe whose reader is gone: at
    once, or (*first_line*) after reading one line, as ``| head -1`` does."""
    read_end, write_end = os.pipe()
    if not first_line:
        os.close(read_end)
    process = subprocess.Popen([sys.executable, "-m", "asyncio_rosetta"] + list(args), stdin=subprocess.DEVNULL,
                               stdout=write_end, stderr=subprocess.PIPE, env=_env())
    os.close(write_end)
    if first_line:
        with os.fdopen(read_end, "rb") as reader:
            assert reader.readline()
    _, stderr = process.communicate(timeout=DEADLINE)
    return process.returncode, stderr.decode("utf-8", "backslashreplace")


def _env():
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(PYTHONPATH=PACKAGE_PARENT, PYTHONIOENCODING="utf-8")
    return env


@pytest.mark.parametrize("args", [["list"], ["explain", "AR101"], ["scan", "{tree}", "--format", "json"],
                                  ["scan", "{tree}"], ["show", "hello"], ["matrix", "{missing}"]],
                         ids=["list", "explain", "scan-json", "scan-text", "show", "an-error-into-stderr"])
def test_a_reader_gone_before_the_first_line(tmp_path, args):
    tree = _tree(tmp_path / "tree")
    args = [arg.format(tree=tree, missing=tmp_path / "missing") for arg in args]
    status, stderr = _into_closed_pipe(args)
    if args[0] == "matrix":  # stdout is not written: the error goes to stderr, as always
        assert status == 2 and stderr.startswith("asyncio-rosetta: error: no results folder")
        return
    assert (status, stderr) == (141, "")


@pytest.mark.skipif(not HAVE_LIBCST, reason="port needs LibCST (Python 3.9+)")
def test_port_into_a_reader_gone(tmp_path):
    tree = _tree(tmp_path / "tree")
    status, stderr = _into_closed_pipe(["port", str(tree)])
    assert status == 141 and "Traceback" not in stderr and "Exception ignored" not in stderr


def test_head_1_on_output_larger_than_a_pipe(tmp_path):
    """scan --format json of 300 findings (~300 kB, a pipe holds 64 kB): the command is
    still writing when the reader goes."""
    tree = _tree(tmp_path / "tree", files=300)
    status, stderr = _into_closed_pipe(["scan", str(tree), "--format", "json", "--jobs", "1"], first_line=True)
    assert (status, stderr) == (141, "")


def _bytes_name(folder, name):
    """A file named *name* (bytes: it need not be UTF-8) in *folder*, holding LEGACY."""
    path = os.path.join(os.fsencode(str(folder)), name)
    with open(path, "wb") as out:
        out.write(LEGACY.encode("ascii"))


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8: Linux")
def test_names_that_are_not_utf8_are_printed_escaped(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    _bytes_name(tree, b"bad\xff.py")
    _bytes_name(tree, b"new\nline.py")
    command = Command(tmp_path, ["scan", str(tree)])
    assert command.wait() == 1, command.stderr()
    assert command.stderr() == ""
    lines = command.stdout().splitlines()  # each file: its finding, then its hazard explained
    assert [line.split("  ")[0] for line in lines[0:4:2]] == [
        "{}/bad\\xff.py:4:1".format(tree), "{}/new\\nline.py:4:1".format(tree)]
    assert lines[1].startswith("    AR101: ") and lines[3] == lines[1]
    assert lines[4:] == ["2 finding(s) in 2 of 2 file(s) scanned"]


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8: Linux")
@pytest.mark.skipif(not HAVE_LIBCST, reason="port needs LibCST (Python 3.9+)")
def test_port_prints_names_that_are_not_utf8_escaped(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    _bytes_name(tree, b"bad\xff.py")
    command = Command(tmp_path, ["port", str(tree)])
    assert command.wait() == 0, command.stderr()
    name = "{}/bad\\xff.py".format(tree)
    assert command.stdout().startswith("--- {}\n+++ {}\n".format(name, name))
    assert command.stderr().startswith("would rewrite {}: AR101\n".format(name))
