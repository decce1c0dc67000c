"""The compatibility table and the catalogue are consistent data."""

import importlib.util

import pytest

from conftest import STYLES, TOPICS
from asyncio_rosetta.harness._child import PHASES
from asyncio_rosetta.harness.compat import OUTCOMES, expectation, reference_style, supported
from asyncio_rosetta.versions import in_range

ALL_PYTHONS = [(3, minor) for minor in range(6, 15)]


@pytest.mark.parametrize("spec, version, inside", [
    ("3.8-3.10", (3, 8), True), ("3.8-3.10", (3, 10), True), ("3.8-3.10", (3, 11), False),
    ("3.11-", (3, 14), True), ("-3.6", (3, 6), True), ("-3.6", (3, 7), False), ("3.9", (3, 9), True),
])
def test_in_range(spec, version, inside):
    assert in_range(spec, version) is inside


@pytest.mark.parametrize("topic, version, style", [
    ("hello", (3, 6), "async_await"),  # asyncio.run is 3.7+
    ("hello", (3, 7), "modern_taskgroup"),  # hello's own rows: no TaskGroup needed
    ("gather", (3, 10), "async_await"), ("gather", (3, 11), "modern_taskgroup"),
    ("gather", (3, 14), "modern_taskgroup"),
])
def test_reference_style_is_the_newest_that_runs(catalog, topic, version, style):
    assert reference_style(catalog, topic, version) == style


@pytest.mark.parametrize("style", STYLES)
def test_style_rows_cover_each_python_exactly_once(catalog, style):
    for version in ALL_PYTHONS:
        rows = [row for row in catalog.style(style).outcomes if in_range(row["python"], version)]
        assert len(rows) == 1, (style, version)


def test_rows_are_well_formed(catalog):
    rows = [row for style in catalog.styles for row in style.outcomes]
    rows += [row for styles in catalog.topic_outcomes.values() for rs in styles.values() for row in rs]
    for row in rows:
        assert row["outcome"] in OUTCOMES
        assert bool(row.get("warnings")) is (row["outcome"] == "warns")
        assert bool(row.get("error")) is (row["outcome"] == "fails")
        if row["outcome"] != "clean":
            assert row["phase"] in PHASES


def test_topic_rows_override_style_rows(catalog):
    assert expectation(catalog, "hello", "modern_taskgroup", (3, 8)).outcome == "clean"
    assert expectation(catalog, "wait_timeout", "modern_taskgroup", (3, 8)).outcome == "fails"


def test_every_style_runs_where_the_style_table_says(catalog):
    for style in STYLES:
        for topic in TOPICS:
            for version in ALL_PYTHONS:
                if supported(catalog, style, version):
                    assert expectation(catalog, topic, style, version).outcome != "fails"


def test_every_topic_has_three_variants_and_an_expected_trace(catalog):
    for topic in catalog.topics:
        for style in STYLES:
            assert catalog.variant_path(topic.name, style).is_file()
            assert catalog.expected_trace(topic.name, style)
        assert set(topic.style_traces) <= set(STYLES)
        assert topic.summary and topic.apis


def test_no_stray_files(catalog):
    on_disk = {(p.parent.name, p.stem) for p in (catalog.root / "variants").glob("*/*.py")}
    assert on_disk == {(style, topic) for style in STYLES for topic in TOPICS}
    traces = {p.name for p in (catalog.root / "tests" / "expected").iterdir() if p.is_file()}
    wanted = {t.name + ".trace" for t in catalog.topics}
    wanted |= {"{}.{}.trace".format(t.name, s) for t in catalog.topics for s in t.style_traces}
    assert traces == wanted


def test_variants_open_with_their_topic_and_style(catalog):
    for topic in TOPICS:
        for style in STYLES:
            text = catalog.variant_path(topic, style).read_text(encoding="utf-8")
            assert text.startswith('"""{}: '.format(topic))
            assert "\nStyle {} (".format(style) in text


def test_no_topic_shadows_a_module():
    """``python3 variants/<style>/<topic>.py`` puts that folder first on sys.path:
    a variant named like a module (``queue.py``) would break every import of it."""
    assert [topic for topic in TOPICS if importlib.util.find_spec(topic) is not None] == []


def test_readme_lists_every_topic_with_its_title(catalog):
    import re
    text = (catalog.root / "README.md").read_text(encoding="utf-8")
    text = text[text.index("\n## Topics\n"):text.index("\n## How equivalence")]
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", text, re.MULTILINE)
    assert rows == [(topic.name, topic.title) for topic in catalog.topics]


def test_modules_a_topic_requires_are_installed(catalog):
    """tox installs them (tox.ini deps): a topic is never left unrun there."""
    required = sorted({module for topic in catalog.topics for module in topic.requires})
    assert required == ["uvloop"]
    assert [m for m in required if importlib.util.find_spec(m) is None] == []
