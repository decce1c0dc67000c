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


def test_find_root_is_the_package_parent_in_a_clone(tmp_path):
    root = data.find_root(start=tmp_path)  # tmp_path is no clone: the package's parent is tried first
    assert root == Path(data.__file__).resolve().parent.parent and (root / "variants").is_dir()


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """The package as if installed away from any clone."""
    monkeypatch.setattr(data, "PACKAGE", tmp_path / "site-packages" / "asyncio_rosetta")
    return tmp_path


def test_find_root_else_looks_up_from_start_or_the_working_directory(installed, monkeypatch):
    clone = installed / "clone"
    (clone / "variants").mkdir(parents=True)
    (clone / "tests" / "scan").mkdir(parents=True)
    assert data.find_root(start=clone / "tests" / "scan") == clone.resolve()
    monkeypatch.chdir(str(clone / "tests"))
    assert data.find_root() == clone.resolve()


def test_find_root_without_a_variants_folder_is_a_catalog_error(installed):
    if any((folder / "variants").is_dir() for folder in [installed.resolve()] + list(installed.resolve().parents)):
        pytest.skip("a folder above the temporary directory has variants/")
    with pytest.raises(CatalogError, match="no variants/ folder found"):
        data.find_root(start=installed)
