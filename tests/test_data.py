"""data: reading the package's data files, and finding the clone beside it."""

from pathlib import Path

import pytest

from asyncio_rosetta import data
from asyncio_rosetta.errors import CatalogError


def test_read_json_reads_the_package_data():
    assert data.read_json(data.DATA / "topics.json")["topics"][0]["name"] == "hello"


def test_an_undecodable_file_is_a_catalog_error_naming_it(tmp_path):
    path = tmp_path / "latin.trace"
    path.write_bytes(b"caf\xe9\n")
    with pytest.raises(CatalogError) as raised:
        data.read_text(path)
    assert str(raised.value).startswith("cannot read {}: ".format(path))


def test_find_root_is_the_package_parent_in_a_clone():
    root = data.find_root()
    assert data.in_clone() and root == Path(data.__file__).resolve().parent.parent and (root / "variants").is_dir()


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """The package as if installed away from any clone (its own folder holds no modules here)."""
    package = tmp_path / "site-packages" / "asyncio_rosetta"
    package.mkdir(parents=True)
    monkeypatch.setattr(data, "PACKAGE", package)
    return package


def test_installed_it_is_the_copy_the_wheel_carries_whatever_the_working_directory(installed, monkeypatch):
    (installed / "bundled" / "variants").mkdir(parents=True)
    monkeypatch.chdir(str(Path(data.__file__).resolve().parent.parent))  # a clone: not the installed code's copy
    assert not data.in_clone() and data.find_root() == installed / "bundled"


def test_find_root_without_a_variants_folder_is_a_catalog_error(installed):
    with pytest.raises(CatalogError) as raised:
        data.find_root()
    assert str(raised.value) == ("no variants/ folder beside the package nor in {}: reinstall asyncio-rosetta, "
                                 "or run it from a clone".format(installed / "bundled"))
