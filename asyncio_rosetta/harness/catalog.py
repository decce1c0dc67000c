"""The catalogue: topics, styles and where their files live.

    >>> cat = load()
    >>> [s.name for s in cat.styles]
    ['generator_coroutine', 'async_await', 'modern_taskgroup']
    >>> cat.variant_path("hello", "async_await").name
    'hello.py'

All facts come from ``data/topics.json`` and ``data/compat.json``; this module
only reads them. Expected traces live in ``tests/expected/``.
"""

import collections
from pathlib import Path

from asyncio_rosetta.data import DATA, find_root, read_json, read_text
from asyncio_rosetta.errors import CatalogError
from asyncio_rosetta.harness.tracing import parse_trace

__all__ = ["Topic", "Style", "Catalog", "load", "load_styles"]

Topic = collections.namedtuple(
    "Topic", "name title summary apis runner_lines style_traces debug_slow_callbacks source_floors"
    " requires")
Style = collections.namedtuple("Style", "name idiom source_floor runs_on outcomes")


class Catalog:
    def __init__(self, root, topics, styles, topic_outcomes, dev_mode_debug=None):
        self.root = Path(root)
        self.dev_mode_debug = dev_mode_debug or {}
        self.topics = topics
        self.styles = styles
        self.topic_outcomes = topic_outcomes

    def topic(self, name):
        return _named(self.topics, "topic", name)

    def style(self, name):
        return _named(self.styles, "style", name)

    def variant_path(self, topic, style):
        return self.root / "variants" / self.style(style).name / (self.topic(topic).name + ".py")

    def expected_path(self, topic, style=None):
        """The style's own expected trace if the data gives it a reason, else the shared one."""
        name = self.topic(topic).name
        if style is not None and style in self.topic(topic).style_traces:
            return self.root / "tests" / "expected" / "{}.{}.trace".format(name, style)
        return self.root / "tests" / "expected" / (name + ".trace")

    def expected_trace(self, topic, style=None):
        path = self.expected_path(topic, style)
        return parse_trace(read_text(path), source=str(path))


def _named(items, kind, name):
    """The item of *items* called *name*, or a CatalogError naming the choices."""
    for item in items:
        if item.name == name:
            return item
    raise CatalogError("unknown {} {!r}; choose from: {}".format(kind, name, ", ".join(i.name for i in items)))


def load(root=None):
    root = Path(root) if root is not None else find_root()
    topics_data = read_json(DATA / "topics.json")["topics"]
    compat = read_json(DATA / "compat.json")
    topics = [Topic(t["name"], t["title"], t["summary"], t["apis"], t.get("runner_lines", 0),
                    t.get("style_traces", {}), t.get("debug_slow_callbacks", []), t.get("source_floors", {}),
                    t.get("requires", []))
              for t in topics_data]
    return Catalog(root, topics, load_styles(compat), compat["topics"], compat.get("dev_mode_debug"))


def load_styles(compat=None):
    """The styles of compat.json: package data, so no clone is needed (bench)."""
    compat = compat or read_json(DATA / "compat.json")
    return [Style(s["name"], s["idiom"], s["source_floor"], s["runs_on"], s["outcomes"]) for s in compat["styles"]]
