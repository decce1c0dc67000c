"""Empty and wrong-kind path arguments: one clear line, exit 2, nothing done. pathlib reads '' as '.', so
``scan ''`` scanned the working directory, ``site ''`` built into it (or replaced it, if it held a site)
and ``matrix ''`` read the default folder; ``bench --python DIR`` said "no such file"."""

import os

import pytest

from conftest import HAVE_LIBCST, cli
from hostile.world import Command

EMPTY = "an empty path names no file or folder"


@pytest.mark.parametrize("args, argument, command", [
    (["scan", ""], "PATH", "scan"),
    (["scan", "{tmp}", ""], "PATH", "scan"),
    pytest.param(["port", ""], "PATH", "port", marks=pytest.mark.skipif(not HAVE_LIBCST, reason="LibCST: 3.9+")),
    (["site", ""], "OUT_DIR", "site"),
    (["site", "{tmp}/public", "--results", ""], "--results", "site"),
    (["site", "{tmp}/public", "--bench", ""], "--bench", "site"),
    (["matrix", ""], "RESULTS_DIR", "matrix"),
    (["bench", "--python", ""], "--python", "bench"),
    (["bench", "--output", ""], "--output", "bench"),
])
def test_an_empty_path_is_one_line(tmp_path, args, argument, command):
    before = sorted(os.listdir(str(tmp_path)))
    out = cli(*[arg.format(tmp=tmp_path) for arg in args], cwd=tmp_path)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == "asyncio-rosetta: error: argument {}: {} (see asyncio-rosetta {} --help)\n".format(
        argument, EMPTY, command)
    assert sorted(os.listdir(str(tmp_path))) == before  # nothing built, nothing written


def test_bench_python_a_folder_or_not_executable(tmp_path):
    assert cli("bench", "--python", str(tmp_path)).stderr == \
        "asyncio-rosetta: error: --python {}: a folder, not an interpreter\n".format(tmp_path)
    plain = tmp_path / "python3.13"
    plain.write_text("#!/bin/sh\n")
    plain.chmod(0o644)
    out = cli("bench", "--python", str(plain))
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == "asyncio-rosetta: error: --python {}: not executable\n".format(plain)


def test_scan_empty_as_a_user_runs_it(tmp_path):
    """In a process of its own, in a folder with a legacy file: it is not scanned."""
    (tmp_path / "legacy.py").write_text("import asyncio\nasyncio.async(None)\n")
    command = Command(tmp_path, ["scan", ""], cwd=tmp_path)
    assert (command.wait(), command.stdout()) == (2, "")
    assert command.stderr() == "asyncio-rosetta: error: argument PATH: {} (see asyncio-rosetta scan " \
                               "--help)\n".format(EMPTY)
