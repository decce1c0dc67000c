"""A hazard's fix, before and after, read from its fixer's tests (publish/site/fixes.py)."""

import pytest

from conftest import CATALOG, HAVE_LIBCST, HAZARDS
from asyncio_rosetta.publish.site import fixes
from asyncio_rosetta.scan.scanner import scan


@pytest.fixture(scope="module")
def examples():
    return fixes.examples(CATALOG.root, HAZARDS)


def test_every_hazard_a_fixer_rewrites_has_an_example(examples):
    registered = {hazard_id for ids in fixes._registered().values() for hazard_id in ids}
    assert len(registered) >= 17 and set(examples) == registered
    assert fixes._registered()["loop_argument"] == ("AR201", "AR202", "AR203", "AR204", "AR205")  # *_FAMILIES
    assert examples["AR106"] == fixes.Example(
        "import asyncio\nimport asyncio as aio\n\ntask = asyncio.async(job())\nother = aio.async(job(), loop=loop)\n",
        "import asyncio\nimport asyncio as aio\n\ntask = asyncio.ensure_future(job())\n"
        "other = aio.ensure_future(job(), loop=loop)\n",
        (3, 6), "test_asyncio_async.py::test_asyncio_async_becomes_ensure_future")
    assert examples["AR101"].target == (3, 11)  # conftest's port(source, target=(3, 11))


def test_each_example_has_its_hazard_before_and_is_a_rewrite(examples, tmp_path):
    for hazard_id, example in examples.items():
        path = tmp_path / (hazard_id + ".py")
        path.write_text(example.before, encoding="utf-8")
        found = {f.hazard.id for f in scan([path], select=[hazard_id], jobs=1).findings}
        assert found == {hazard_id} and example.before != example.after, hazard_id


def test_port_makes_each_example_as_shown(examples):
    if not HAVE_LIBCST:
        pytest.skip("port needs LibCST, which needs Python 3.9+ (tests/port/test_porter.py asserts what port says)")
    from asyncio_rosetta.port.porter import port_source
    for hazard_id, example in examples.items():
        assert port_source(example.before, example.target)[0] == example.after, hazard_id


def test_without_the_clones_tests_there_is_none(tmp_path):
    assert fixes.examples(tmp_path, HAZARDS) == {}
