"""vermin proves each style's source is valid for its floor (3.4 / 3.5 / 3.11)."""

import re
import subprocess
import sys

import pytest

from conftest import CATALOG


def vermin(target, *paths):
    command = [sys.executable, "-c", "import sys, vermin; sys.exit(vermin.main())","--no-tips", "--violations", "-t={}-".format(target)]
    return subprocess.run(command + [str(p) for p in paths], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)


@pytest.mark.parametrize("style", CATALOG.styles, ids=lambda style: style.name)
def test_style_source_is_valid_for_its_floor(style):
    result = vermin(style.source_floor, CATALOG.root / "variants" / style.name)
    assert result.returncode == 0, result.stdout
    minimum = re.search(r"Minimum required versions: ([\d.]+)", result.stdout).group(1)
    assert minimum == style.source_floor


def test_vermin_rejects_a_newer_style_below_its_floor():
    """The check can fail: async_await source is not valid for 3.4."""
    result = vermin("3.4", CATALOG.root / "variants" / "async_await")
    assert result.returncode != 0
    assert "coroutines (async) require !2, 3.5" in result.stdout
