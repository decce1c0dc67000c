"""Each topic's main() awaited in-process under pytest-asyncio, on the virtual clock.

This is the test a user would write for their own code in each style:
``await main()`` works for ``@asyncio.coroutine`` functions on 3.6-3.10.
Where a style cannot run, the test asserts how it fails here, as the
compatibility table says: at import, or inside the coroutine. (A failure in
the ``__main__`` block -- the style's way of starting a program -- does not
concern an in-process test: main() itself must then run, unless the table
records an ``in_process_error``.)
"""

import importlib.util
import sys
import threading

import pytest

from conftest import CASE_IDS, CASES
from asyncio_rosetta.harness._child import displayed_error
from asyncio_rosetta.harness._clock import VirtualClock
from asyncio_rosetta.harness._hooks import _is_participant
from asyncio_rosetta.harness.compat import expectation
from asyncio_rosetta.harness.tracing import StampingWriter
from asyncio_rosetta.harness.verify import compare_traces

CLOCK = VirtualClock()


@pytest.fixture(scope="module", autouse=True)
def virtual_clock():
    # Module scope: installed before pytest-asyncio creates any loop here.
    with CLOCK.installed():
        yield CLOCK


def _import_variant(path):
    spec = importlib.util.spec_from_file_location("variant_" + path.parent.name + "_" + path.stem, str(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.asyncio
@pytest.mark.parametrize("topic, style", CASES, ids=CASE_IDS)
async def test_main_in_process(catalog, topic, style, request):
    if "ProcessPoolExecutor" in catalog.variant_path(topic, style).read_text():
        request.getfixturevalue("single_threaded")  # it forks: not while other threads run
    exp = expectation(catalog, topic, style)
    expected = catalog.expected_trace(topic, style)
    expected = expected[:len(expected) - catalog.topic(topic).runner_lines]
    if exp.outcome == "fails" and exp.phase == "import":
        with pytest.raises(BaseException) as caught:
            _import_variant(catalog.variant_path(topic, style))
        assert displayed_error(caught.value)[1] == exp.error
        return
    wanted_error = exp.in_process_error or (exp.error if exp.phase == "coroutine" else None)
    module = _import_variant(catalog.variant_path(topic, style))
    start = CLOCK.time()
    writer = StampingWriter(lambda: CLOCK.time() - start)
    saved, sys.stdout = sys.stdout, writer
    threads = set(threading.enumerate())
    try:
        await module.main()
    except Exception as exc:  # noqa: B902 -- compared with the table below
        assert displayed_error(exc)[1] == wanted_error
        error = True
    else:
        assert wanted_error is None
        error = False
    finally:
        # Threads main() left behind finish here, not in the next test's output
        # (pool workers stay: the test's loop owns its default executor).
        for thread in set(threading.enumerate()) - threads:
            if _is_participant(thread):
                thread.join()
        sys.stdout = saved
    if error:
        expected = expected[:len(writer.lines)]
    assert "\n".join(compare_traces(expected, writer.lines)) == ""
