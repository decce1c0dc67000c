"""versions: the nine Pythons covered, parsing a version flag, and inclusive, open-ended ranges."""

import pytest

from asyncio_rosetta.errors import UsageError
from asyncio_rosetta.versions import DEFAULT_TARGET, PYTHONS, in_range, label, parse, parse_supported


def test_pythons_are_3_6_to_3_14_in_order_and_the_default_target_is_one():
    assert [label(version) for version in PYTHONS] == ["3.{}".format(minor) for minor in range(6, 15)]
    assert DEFAULT_TARGET in PYTHONS


def test_parse_and_label_are_inverses():
    assert parse("3.10") == (3, 10) and label((3, 10)) == "3.10"
    assert label((3, 12, 1, "final", 0)) == "3.12"  # a sys.version_info: major.minor only
    with pytest.raises(ValueError):
        parse("3.x")


def test_parse_supported_accepts_the_covered_pythons():
    assert parse_supported("3.6") == (3, 6) and parse_supported("3.14") == (3, 14)


@pytest.mark.parametrize("text", ["2.7", "3.15", "x", "3"])
def test_parse_supported_names_the_flag_and_the_range(text):
    with pytest.raises(UsageError) as raised:
        parse_supported(text, flag="--python")
    assert str(raised.value) == "--python must be a version from 3.6 to 3.14, got {!r}".format(text)


@pytest.mark.parametrize("spec, inside, outside", [
    ("3.11-", [(3, 11), (3, 14), (4, 0)], [(3, 10)]),
    ("-3.6", [(3, 5), (3, 6)], [(3, 7)]),
    ("3.8-3.10", [(3, 8), (3, 9), (3, 10)], [(3, 7), (3, 11)]),
    ("3.9", [(3, 9)], [(3, 8), (3, 10)]),
])
def test_in_range_is_inclusive_and_an_empty_end_is_open(spec, inside, outside):
    assert [in_range(spec, version) for version in inside] == [True] * len(inside)
    assert [in_range(spec, version) for version in outside] == [False] * len(outside)


def test_in_range_compares_major_minor_only():
    assert in_range("3.8-3.10", (3, 10, 14, "final", 0))
