"""errors: every error raised for the user is a RosettaError, which the command line prints as one line, exit 2."""

import importlib
import json
import pkgutil
import sys

import pytest

import asyncio_rosetta
import asyncio_rosetta.port
from asyncio_rosetta.config import ConfigError
from asyncio_rosetta.errors import CatalogError, RosettaError, UsageError
from asyncio_rosetta.files import SourceError
from asyncio_rosetta.interrupts import Interrupted
from asyncio_rosetta.port.porter import PortError
from asyncio_rosetta.port.writing import Changed, NotWritten
from asyncio_rosetta.publish import results
from asyncio_rosetta.publish.bench import BenchError
from asyncio_rosetta.publish.results import ResultsError
from asyncio_rosetta.publish.site import SiteError
from asyncio_rosetta.scan.python2 import TooMuchPython2
from conftest import cli


def _defined_exceptions():
    """Every exception class defined in a module of the package that imports here."""
    found = set()
    for info in pkgutil.walk_packages(asyncio_rosetta.__path__, "asyncio_rosetta.", onerror=lambda name: None):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # port's fixers without LibCST
            continue
        found.update(value for value in vars(module).values() if isinstance(value, type)
                     and issubclass(value, BaseException) and value.__module__ == module.__name__)
    return found


def _usage(tmp_path, monkeypatch):
    return ["run"], "the following arguments are required: topic (see asyncio-rosetta run --help)"


def _catalog(tmp_path, monkeypatch):
    return ["verify", "no_such_topic"], "unknown topic 'no_such_topic'; choose from: hello, "


def _results(tmp_path, monkeypatch):
    minimal = {"schema": results.SCHEMA, "python": {"version": "3.9.1", "minor": "3.9"}, "topics": {}, "hazards": {}}
    for name in ("3.9.json", "copy.json"):
        (tmp_path / name).write_text(json.dumps(minimal), encoding="utf-8")
    return ["matrix", str(tmp_path)], "{} holds more than one results file for Python 3.9".format(tmp_path)


def _bench(tmp_path, monkeypatch):
    return ["bench", "--fanout", "0"], "--fanout must be at least 1"


def _site(tmp_path, monkeypatch):
    monkeypatch.setenv(results.ENV_VAR, str(tmp_path / "no_results"))  # the clone's results/ is not read
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    return ["site", str(tmp_path)], "{} exists and is not a site built here".format(tmp_path)


def _config(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.asyncio-rosetta]\nselect = "AR101"\n')
    return ["scan", str(tmp_path)], "{}: [tool.asyncio-rosetta] select: must be a list of strings".format(
        tmp_path / "pyproject.toml")


def _port(tmp_path, monkeypatch):
    """As without LibCST, where port's fixers cannot be imported."""
    monkeypatch.delattr(asyncio_rosetta.port, "fixers", raising=False)
    monkeypatch.setitem(sys.modules, "asyncio_rosetta.port.fixers", None)
    return ["port", str(tmp_path)], "port needs LibCST, for Python 3.9+ ("


# One thing a user can ask for that fails with each kind of error.
USER_ERRORS = {UsageError: _usage, CatalogError: _catalog, ResultsError: _results, BenchError: _bench,
               SiteError: _site, PortError: _port, ConfigError: _config}


VALUES = {SourceError, TooMuchPython2, NotWritten, Changed, Interrupted}


def test_every_exception_the_package_defines_is_a_rosetta_error_but_the_values():
    """SourceError, and port --write's NotWritten and Changed, are reported per
    file and the run goes on; TooMuchPython2 stays inside scan; Interrupted is a
    KeyboardInterrupt, a signal that stopped the command (exit 128 + its number, tests/hostile)."""
    defined = _defined_exceptions()
    assert {error for error in defined if not issubclass(error, RosettaError)} == VALUES
    assert defined - VALUES - {RosettaError} == set(USER_ERRORS)


@pytest.mark.parametrize("error", list(USER_ERRORS), ids=lambda error: error.__name__)
def test_the_command_line_prints_one_line_and_exits_2(error, tmp_path, monkeypatch):
    args, message = USER_ERRORS[error](tmp_path, monkeypatch)
    out = cli(*args)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.startswith("asyncio-rosetta: error: " + message) and out.stderr.count("\n") == 1
