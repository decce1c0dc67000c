"""The command line, as a user runs it: ``python -m asyncio_rosetta`` from the clone."""

import subprocess
import sys

import pytest

from conftest import CATALOG, reference_style
from asyncio_rosetta.runner import child_env


def cli(*args):
    return subprocess.run([sys.executable, "-m", "asyncio_rosetta"] + list(args), cwd=str(CATALOG.root),
                          env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)


def test_list_names_every_topic():
    out = cli("list")
    assert out.returncode == 0
    for topic in CATALOG.topics:
        assert topic.name in out.stdout and topic.summary in out.stdout


def test_show_prints_the_source():
    out = cli("show", "hello", "--style", "generator_coroutine")
    assert out.stdout == CATALOG.variant_path("hello", "generator_coroutine").read_text(encoding="utf-8")


def test_diff_falls_back_to_unified_when_piped():
    out = cli("diff", "wait_timeout", "async_await", "modern_taskgroup")
    assert out.returncode == 0
    assert "--- variants/async_await/wait_timeout.py" in out.stdout
    assert "+    async with asyncio.TaskGroup() as tg:" in out.stdout


def test_run_prints_the_stamped_trace():
    out = cli("run", "sequential_vs_concurrent")
    assert out.returncode == 0
    assert "  5.00  all naps done\n" in out.stdout


def test_verify_one_topic():
    out = cli("verify", "hello")
    assert out.returncode == 0, out.stdout
    assert "0 difference(s)" in out.stdout


@pytest.mark.parametrize("args, message", [
    (["run", "no_such_topic"], "unknown topic 'no_such_topic'; choose from: hello, "),
    (["diff", "hello", "async_await", "nope"], "unknown style 'nope'; choose from: generator_coroutine, "),
    (["show", "hello", "--colour"], "unrecognized arguments: --colour"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["diff", "hello", "async_await"], "diff takes two or three styles, got 1"),
])
def test_bad_input_is_one_clear_line(args, message):
    out = cli(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.splitlines()) == 1 and message in out.stderr


def test_reference_style_is_what_run_uses():
    out = cli("run", "hello")
    assert "[{}]".format(reference_style("hello")) in out.stdout.splitlines()[0]
