"""The catalogue (harness.catalog): lookups that name the choices, where a variant and its expected trace live."""

import json
import re

import pytest

from asyncio_rosetta.data import DATA
from asyncio_rosetta.errors import CatalogError
from asyncio_rosetta.harness import catalog as catalog_module


def test_an_unknown_topic_names_the_choices(catalog):
    with pytest.raises(CatalogError) as raised:
        catalog.variant_path("no_such_topic", "async_await")
    assert str(raised.value) == "unknown topic 'no_such_topic'; choose from: " + ", ".join(
        topic.name for topic in catalog.topics)


def test_an_unknown_style_names_the_choices(catalog):
    with pytest.raises(CatalogError) as raised:
        catalog.variant_path("hello", "no_such_style")
    assert str(raised.value) == (
        "unknown style 'no_such_style'; choose from: generator_coroutine, async_await, modern_taskgroup")


def test_variant_path_is_the_style_folder_in_the_clone(catalog):
    path = catalog.variant_path("hello", "async_await")
    assert path == catalog.root / "variants" / "async_await" / "hello.py" and path.is_file()


def test_a_style_has_its_own_trace_only_where_topics_json_gives_a_reason(catalog):
    assert "generator_coroutine" in catalog.topic("debug_mode").style_traces
    expected = catalog.root / "tests" / "expected"
    own = catalog.expected_path("debug_mode", "generator_coroutine")
    assert own == expected / "debug_mode.generator_coroutine.trace" and own.is_file()
    assert catalog.expected_path("debug_mode", "async_await") == catalog.expected_path("debug_mode") == (
        expected / "debug_mode.trace")


def test_load_styles_needs_no_clone(monkeypatch):
    def no_clone(start=None):
        raise CatalogError("no clone")

    monkeypatch.setattr(catalog_module, "find_root", no_clone)
    with pytest.raises(CatalogError):
        catalog_module.load()
    assert [style.name for style in catalog_module.load_styles()] == [
        "generator_coroutine", "async_await", "modern_taskgroup"]


def test_a_missing_trace_is_a_catalog_error_naming_it(tmp_path):
    """A catalogue of a folder that is no clone still knows its topics; reading
    a file it does not have says which."""
    elsewhere = catalog_module.load(tmp_path)
    missing = tmp_path / "tests" / "expected" / "hello.trace"
    with pytest.raises(CatalogError, match="^cannot read {}: ".format(re.escape(str(missing)))):
        elsewhere.expected_trace("hello")


def test_topics_json_holds_only_what_the_catalogue_reads():
    """Every key of a topic is a Topic field, and the data names nothing outside the project
    (a 'seed' field once pointed at ../shared/seeds/, a document users do not have, and nothing read it)."""
    text = (DATA / "topics.json").read_text(encoding="utf-8")
    assert {key for topic in json.loads(text)["topics"] for key in topic} <= set(catalog_module.Topic._fields)
    assert "../" not in text and "seed" not in catalog_module.Topic._fields
