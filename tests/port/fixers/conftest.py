"""The fixer tests: each fixer's rewrites, before -> after, and the code it must leave alone.

LibCST runs on Python 3.9+ only; below that, ``port`` says so (asserted in
tests/port/test_porter.py) and these tests are reported as skipped with that reason.
"""

import textwrap

import pytest

from conftest import HAVE_LIBCST
from asyncio_rosetta.port.porter import port_source
from asyncio_rosetta.port.unbound import unbound_names


@pytest.fixture(autouse=True)
def _needs_libcst():
    # tests/harness/test_compat.py asserts that tox installs it wherever it installs.
    if not HAVE_LIBCST:
        pytest.skip("port needs LibCST, which needs Python 3.9+ (tests/port/test_porter.py asserts what port says)")


def port(source, target=(3, 11)):
    """The source (dedented) as port rewrites it for *target*; asserts that a
    second run changes nothing, and that the result reads no name that the
    source did not (port's guard, checked on every fixer case)."""
    source = textwrap.dedent(source)
    new, fixed = port_source(source, target)
    again, fixed_again = port_source(new, target)
    assert again == new and not fixed_again, "not idempotent"
    assert unbound_names(new) <= unbound_names(source), "reads a name nothing binds"
    return new


@pytest.fixture
def ported():
    return port


@pytest.fixture
def unchanged():
    def check(source, target=(3, 11)):
        assert port(source, target) == textwrap.dedent(source)
    return check


@pytest.fixture
def dedent():
    return textwrap.dedent


@pytest.fixture
def fixes():
    """The Counter of hazard id -> rewrites port makes in the (dedented) source."""
    def count(source, target=(3, 11)):
        return port_source(textwrap.dedent(source), target)[1]
    return count
