"""The browsable reference: a static site built from the catalogue, the hazards and the measured matrix.

    >>> build("public", load(), load_hazards(), table)   # doctest: +SKIP  (table: matrix.merge(...) or None)
    PosixPath('public')

Pages: ``index.html`` (every topic and hazard, filtered by legacy or modern API
name), ``topics/<topic>.html`` (the three styles side by side, changed lines
marked, the expected trace, the topic's measured row, related hazards),
``hazards/<ID>.html`` (outcome per Python with exact messages),
``guide.html`` (what breaks moving to each Python), ``matrix.html`` and
``bench.html`` (style overhead, from ``bench --output`` data, or how to get it).
Relative links only, no external request: it works from ``file://``.
Standard library, plus Pygments for highlighting when installed (without it
the code is plain and the pages say so). The site is built in a temporary
folder beside OUT_DIR and renamed into place, so OUT_DIR never holds half a site.
pages.Site writes the files (topic_page and hazard_page the pages they name)
from ``templates/*.html``, filled by templates.fill.
"""

import os
import shutil
import tempfile
from pathlib import Path

from asyncio_rosetta.errors import CatalogError
from asyncio_rosetta.publish.site.pages import Site
from asyncio_rosetta.publish.site.search import search_terms

__all__ = ["build", "search_terms", "SiteError", "MARKER"]

# Written into every site built here: a folder holding it may be replaced
# by a rebuild; any other non-empty folder is left alone.
MARKER = ".asyncio-rosetta-site"


class SiteError(CatalogError):
    """OUT_DIR cannot be used; one line says why."""


def build(out_dir, catalog, hazards, table=None, bench_data=None):
    """Write the site to *out_dir*: built beside it, then renamed into place.
    *table* is matrix.merge(...) of the results to show, or None; *bench_data*
    what bench.load(...) read, or None."""
    out = Path(out_dir).resolve()
    if out.exists() and not _ours(out):
        raise SiteError("{} exists and is not a site built here: choose a new or empty folder".format(out_dir))
    files = Site(catalog, hazards, table, bench_data).files()
    files[MARKER] = "built by asyncio-rosetta site; a rebuild replaces this folder\n"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="." + out.name + ".tmp-", dir=str(out.parent)))
    except OSError as exc:
        raise SiteError("cannot write beside {}: {}".format(out_dir, exc.strerror or exc))
    try:
        _write(tmp, files)
        old = _swap(tmp, out)
    except OSError as exc:
        shutil.rmtree(str(tmp), ignore_errors=True)
        raise SiteError("cannot write {}: {}".format(out_dir, exc.strerror or exc))
    except BaseException:
        shutil.rmtree(str(tmp), ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(str(old), ignore_errors=True)
    return out


def _ours(out):
    """Whether the existing *out* may be replaced: an empty folder, or a site built here."""
    return out.is_dir() and (not any(out.iterdir()) or (out / MARKER).exists())


def _write(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(str(path), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    os.chmod(str(folder), 0o755)  # mkdtemp makes it private; a site is for reading


def _swap(tmp, out):
    """Rename *tmp* to *out*; an old site there is moved aside first, and its new name returned
    (None if there was none) for the caller to delete: it stays whole until the new one is in place."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix="." + out.name + ".old-", dir=str(out.parent)))
        os.rmdir(str(old))
        os.rename(str(out), str(old))
    try:
        os.rename(str(tmp), str(out))
    except OSError:
        if old is not None:
            os.rename(str(old), str(out))
        raise
    return old
