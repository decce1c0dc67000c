"""The package as a user gets it: build the sdist and the wheel, install the wheel into
fresh venvs, and run every command from an empty folder, asserting what each prints.

    python tests/installed/check_wheel.py                          # python3.6 and python3.14 on PATH
    python tests/installed/check_wheel.py --python python3.12 --dist dist/

tox's ``wheel`` env runs it (it needs ``build`` and ``uv`` in the running
interpreter, and PyPI for tomli below 3.11 and LibCST for ``port``). The wheel
is built from the sdist (``python -m build``'s default), so a file the sdist
lacks fails the build or a check below. Exit 0 and one line per interpreter,
or an AssertionError naming what differs.
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

CLONE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(CLONE))
from asyncio_rosetta import __version__  # noqa: E402
from asyncio_rosetta.data import read_json  # noqa: E402

# What the commands read from the clone; the wheel carries each under asyncio_rosetta/bundled/.
BUNDLED = ("variants/*/*.py", "tests/expected/*.trace", "probes/*.py", "benchmarks/style_overhead.json")
LEGACY = '''import asyncio


@asyncio.coroutine
def main():
    yield from asyncio.sleep(0)


asyncio.get_event_loop().run_until_complete(main())
'''
# Writes this interpreter's results file from runs of every variant and probe
# (what the test suite records, asyncio_rosetta.publish.results), for matrix and site.
RECORD = '''import sys
from asyncio_rosetta.harness.catalog import load
from asyncio_rosetta.harness.runner import run_many
from asyncio_rosetta.publish import results
from asyncio_rosetta.scan.hazards import load as load_hazards
catalog, hazards = load(), load_hazards()
jobs = {(t.name, s.name): (catalog.variant_path(t.name, s.name), {}) for t in catalog.topics for s in catalog.styles}
jobs.update({(h.id, None): (h.probe, {}) for h in hazards})
runs = run_many(jobs)
variants = {key: run for key, run in runs.items() if key[1] is not None}
probes = {key[0]: run for key, run in runs.items() if key[1] is None}
print(results.record(catalog, hazards, variants, probes, len(runs), sys.argv[1]))
'''


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", default=[], help="default: python3.6 and python3.14")
    parser.add_argument("--dist", default=None, help="build into this folder (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rosetta-wheel-") as scratch:
        dist = Path(args.dist or os.path.join(scratch, "dist"))
        sdist, wheel = build(dist)
        check_sdist(sdist)
        check_wheel(wheel)
        for python in args.python or ["python3.6", "python3.14"]:
            home = Path(scratch) / python
            check_installed(python, wheel, home)
    return 0


def build(dist):
    """(sdist, wheel) built by the standard front end, the wheel from the sdist."""
    run([sys.executable, "-m", "build", "--outdir", str(dist), str(CLONE)], cwd=str(CLONE))
    [sdist] = sorted(dist.glob("asyncio_rosetta-{}.tar.gz".format(__version__)))
    [wheel] = sorted(dist.glob("asyncio_rosetta-{}-py3-none-any.whl".format(__version__)))
    return sdist, wheel


def _clone_files(patterns):
    return sorted(path.relative_to(CLONE).as_posix() for pattern in patterns for path in CLONE.glob(pattern))


def check_sdist(sdist):
    """It holds what a build needs: the package, the bundled files, the metadata's README."""
    with tarfile.open(str(sdist)) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    needed = _clone_files(BUNDLED + ("asyncio_rosetta/**/*.py", "asyncio_rosetta/data/**/*.json",
                                    "asyncio_rosetta/publish/site/**/*.html")) + ["pyproject.toml", "README.md"]
    missing = [name for name in needed if name not in names]
    assert not missing, "the sdist lacks {}".format(missing)


def check_wheel(wheel):
    with zipfile.ZipFile(str(wheel)) as archive:
        names = set(archive.namelist())
        metadata = archive.read("asyncio_rosetta-{}.dist-info/METADATA".format(__version__)).decode()
    missing = [name for name in _clone_files(BUNDLED) if "asyncio_rosetta/bundled/" + name not in names]
    assert not missing, "the wheel lacks {}".format(missing)
    modules = _clone_files(["asyncio_rosetta/**/*.py"])
    assert not [name for name in modules if name not in names], "the wheel lacks modules"
    assert "Version: {}\n".format(__version__) in metadata
    assert "Requires-Dist: tomli>=1.1; python_version < \"3.11\"\n" in metadata, metadata


def check_installed(python, wheel, home):
    """Install *wheel* into a new venv of *python* and run every command from an empty folder."""
    # uv, as tox-uv does: it makes 3.6's venvs, and needs no ensurepip (Debian's python3.X may lack it).
    run([sys.executable, "-m", "uv", "venv", "-q", "--python", python, str(home / "venv")])
    bindir = home / "venv" / ("Scripts" if os.name == "nt" else "bin")
    venv_python = str(bindir / "python")
    minor = tuple(int(part) for part in run([venv_python, "-c", "import sys; print(*sys.version_info[:2])"]).split())
    port = minor >= (3, 9)  # LibCST's floor
    run([sys.executable, "-m", "uv", "pip", "install", "-q", "--python", venv_python,
         str(wheel) + ("[port]" if port else "")])
    empty = home / "empty"
    empty.mkdir()
    tool = Commands(str(bindir / "asyncio-rosetta"), empty)
    catalog = read_json(CLONE / "asyncio_rosetta" / "data" / "topics.json")["topics"]
    here = "{}.{}".format(*minor)

    assert tool("--version") == "asyncio-rosetta {}\n".format(__version__)
    listed = tool("list")
    assert all("\n{} ".format(topic["name"]) in listed for topic in catalog), listed
    assert tool("show", "hello", "--style", "async_await") == (CLONE / "variants/async_await/hello.py").read_text()
    diff = tool("diff", "hello", "async_await", "modern_taskgroup")
    assert diff.startswith("--- variants/async_await/hello.py\n+++ variants/modern_taskgroup/hello.py\n"), diff
    style = "async_await" if minor < (3, 11) else "modern_taskgroup"
    trace = tool("run", "hello", "--style", style)
    assert trace == "# hello [{}] on Python {}, virtual clock\n{}".format(
        style, here, (CLONE / "tests/expected/hello.trace").read_text()), trace
    assert "Python {}.".format(here) in tool("verify", "hello") and " 0 difference(s)" in tool("verify")
    tool("verify", "--update", status=2, stderr="asyncio-rosetta: error: verify --update rewrites the clone's "
         "expected traces: run it from a clone\n")

    results = empty / "results"  # the installed default: results/ in the working folder
    run([venv_python, "-c", RECORD, str(results)], cwd=str(empty))
    matrix = json.loads(tool("matrix", "--format", "json"))
    assert [python["minor"] for python in matrix["pythons"]] == [here]
    assert matrix["topics"]["hello"][style][here]["status"] == "equal"
    differ = {hazard: cell[here]["error"] for hazard, cell in matrix["hazards"].items() if not cell[here]["matches"]}
    assert all(error.startswith("ModuleNotFoundError: ") for error in differ.values()), differ  # uvloop: not installed
    site = tool("site", "public")
    assert site.startswith("site: {} (measured on {}.".format(empty / "public", here)), site
    assert "hello" in (empty / "public" / "index.html").read_text(encoding="utf-8")
    assert (empty / "public" / "bench.html").is_file()

    (empty / "legacy.py").write_text(LEGACY)
    assert tool("scan", "legacy.py", status=1).startswith("legacy.py:4:1  AR101  ")
    sarif = json.loads(tool("scan", "legacy.py", "--format", "sarif", status=1))
    assert sarif["runs"][0]["tool"]["driver"]["version"] == __version__
    (empty / "pyproject.toml").write_text('[tool.asyncio-rosetta]\nselect = ["AR301"]\n')
    assert tool("scan", ".", "--format", "concise", status=1).splitlines()[0].endswith(
        "legacy.py:9:1: AR301 asyncio.get_event_loop() outside a coroutine when no loop was set"), \
        "pyproject.toml's [tool.asyncio-rosetta] (tomli below 3.11)"
    (empty / "pyproject.toml").unlink()
    explained = tool("explain", "AR101")
    probe = next(line for line in explained.splitlines() if line.startswith("probe:    "))
    assert Path(probe.split()[1].rstrip(",")).is_file(), probe
    if port:
        diff = tool("port", "legacy.py", stderr=None)
        assert "+async def main():\n" in diff and "+    await asyncio.sleep(0)\n" in diff, diff
    else:
        tool("port", "legacy.py", status=2, stderr="asyncio-rosetta: error: port needs LibCST, for Python 3.9+ "
             "(No module named 'libcst'): pip install libcst\n")
    bench = json.loads(tool("bench", "--python", "python", "--repeat", "1", "--rounds", "1", "--depth", "1",
                            "--fanout", "2", "--format", "json", env_path=str(bindir)))
    assert [python["minor"] for python in bench["pythons"]] == [here]
    print("{}: the wheel installs and every command runs from an empty folder".format(python))


class Commands:
    """``asyncio-rosetta ARGS`` from *cwd*, asserting its exit status (and stderr, if given); returns stdout."""

    def __init__(self, script, cwd):
        self.script, self.cwd = script, cwd

    def __call__(self, *args, status=0, stderr="", env_path=None):
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "ROSETTA_RESULTS_DIR")}
        if env_path:
            env["PATH"] = env_path + os.pathsep + env["PATH"]
        done = subprocess.run([self.script] + list(args), cwd=str(self.cwd), env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, universal_newlines=True)
        what = "asyncio-rosetta {}: exit {}\n{}{}".format(" ".join(args), done.returncode, done.stdout, done.stderr)
        assert done.returncode == status, what
        assert stderr is None or done.stderr == stderr, what
        return done.stdout


def run(command, cwd=None):
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    assert done.returncode == 0, "{}: exit {}\n{}".format(" ".join(command), done.returncode, done.stdout)
    return done.stdout


if __name__ == "__main__":
    sys.exit(main())
