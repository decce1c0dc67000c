"""vermin proves each style's source is valid for its floor (3.4 / 3.5 / 3.11).

A topic may declare a newer floor for one style (``source_floors`` in
topics.json, with the reason): its file is checked at that floor instead.
"""

import re
import subprocess
import sys

import pytest

from conftest import CATALOG

OWN_FLOORS = [(topic.name, style, own["floor"]) for topic in CATALOG.topics
              for style, own in sorted(topic.source_floors.items())]


def vermin(target, *paths):
    command = [sys.executable, "-c", "import sys, vermin; sys.exit(vermin.main())",
               "--no-tips", "--violations", "-t={}-".format(target)]
    return subprocess.run(command + [str(p) for p in paths], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)


def version(text):
    return tuple(int(part) for part in text.split("."))


def minimum_version(result):
    assert result.returncode == 0, result.stdout
    return re.search(r"Minimum required versions: ([\d.]+)", result.stdout).group(1)


@pytest.mark.parametrize("style", CATALOG.styles, ids=lambda style: style.name)
def test_style_source_is_valid_for_its_floor(style):
    paths = [CATALOG.variant_path(topic.name, style.name) for topic in CATALOG.topics
             if style.name not in topic.source_floors]
    assert minimum_version(vermin(style.source_floor, *paths)) == style.source_floor


@pytest.mark.parametrize("topic, style, floor", OWN_FLOORS)
def test_a_topic_floor_is_newer_than_its_style_and_holds(topic, style, floor):
    style_floor = version(CATALOG.style(style).source_floor)
    assert version(floor) > style_floor
    found = version(minimum_version(vermin(floor, CATALOG.variant_path(topic, style))))
    assert style_floor <= found <= version(floor)  # vermin may not see the reason


def test_vermin_rejects_a_newer_style_below_its_floor():
    """The check can fail: async_await source is not valid for 3.4."""
    result = vermin("3.4", CATALOG.root / "variants" / "async_await")
    assert result.returncode != 0
    assert "coroutines (async) require !2, 3.5" in result.stdout
