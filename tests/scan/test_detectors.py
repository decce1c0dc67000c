"""The detectors, through ``find`` on small sources: what each kind matches
and what it leaves alone, columns, and the module's name model (imports,
aliases, relative imports) that turns an expression into a dotted name."""

import ast
import sys
import textwrap

import pytest

from asyncio_rosetta.scan.detectors import find
from asyncio_rosetta.scan.detectors.model import Module
from asyncio_rosetta.scan.hazards import load
from asyncio_rosetta.scan.sources import mask_async_names, source_lines

HAZARDS = load()


def _find(source, *ids, package=""):
    """[(line, column, id)] that find reports in the (dedented) *source* for hazards *ids*."""
    source = mask_async_names(textwrap.dedent(source))
    hazards = [HAZARDS.get(id_) for id_ in ids]
    return [(line, column, hazard.id)
            for line, column, hazard in find(ast.parse(source), source_lines(source), hazards, package)]


def _lines(source, mark):
    """The numbers of the (dedented) lines that end with the comment *mark*."""
    return [n for n, line in enumerate(textwrap.dedent(source).splitlines(), 1) if line.endswith("# " + mark)]


def test_every_detect_kind_has_a_detector():
    """hazards.DETECT_KINDS documents the kinds; each has a detector, or scan finds it
    itself (masking), or nothing can (runtime)."""
    from asyncio_rosetta.scan.detectors import _NOT_IN_TREE, DETECTORS
    from asyncio_rosetta.scan.hazards import DETECT_KINDS
    except_star = {"except-star"} if sys.version_info < (3, 11) else set()  # no ast.TryStar to look for
    assert set(DETECTORS) | _NOT_IN_TREE | except_star == set(DETECT_KINDS)


def test_kinds_found_outside_the_tree_are_left_to_scan():
    """async as a name (masked by scan), runtime."""
    assert _find("async def main():\n    pass\n", "AR107", "AR509") == []


YIELD_FROM = """\
import asyncio


async def main():
    yield from asyncio.sleep(0)  # in async def

    def inner():
        yield from range(3)

    await (yield from asyncio.sleep(0))  # in async def


def gen():
    yield from range(3)
"""


def test_yield_from_in_an_async_def_is_found_in_the_tree():
    """ast.parse accepts it on every Python (only the compiler rejects it), so
    it is looked for like any construct; not in a function nested in it."""
    assert [line for line, _, _ in _find(YIELD_FROM, "AR105")] == _lines(YIELD_FROM, "in async def")


def test_a_decorator_is_found_at_its_at_sign_and_columns_count_characters():
    source = """\
    import asyncio
    x = "é"; t = asyncio.async(job())
    class Jobs:
        @asyncio.coroutine
        def run(self):
            yield
    """
    assert _find(source, "AR101", "AR106") == [(2, 14, "AR106"), (4, 5, "AR101")]


THREADS = """\
import asyncio
import threading


def helper():
    return asyncio.get_event_loop()  # in thread


def target():
    helper()


def elsewhere():
    return asyncio.get_event_loop()


threading.Thread(target=target).start()
"""


def test_call_in_thread_follows_the_target_and_what_it_calls():
    assert [line for line, _, _ in _find(THREADS, "AR302")] == _lines(THREADS, "in thread")


TRIES = """\
import asyncio


async def swallows():
    try:
        await asyncio.sleep(1)
    except Exception:  # swallows
        pass


async def does_not_suspend():
    try:
        print("no await")
    except Exception:
        pass


def not_a_coroutine():
    try:
        asyncio.sleep(1)
    except Exception:
        pass


async def oserror_first(reader):
    try:
        await reader.read()
    except OSError:  # before
        pass
    except asyncio.TimeoutError:
        pass
"""


def test_except_handler_in_a_coroutine_that_suspends_or_before_a_later_handler():
    assert _find(TRIES, "AR503", "AR507") == [
        (line, 5, hazard) for hazard, mark in (("AR503", "swallows"), ("AR507", "before"))
        for line in _lines(TRIES, mark)]


FINALLY = """\
def f(items):
    try:
        pass
    finally:
        for item in items:
            if item:
                break
            continue
        def inner():
            return 1
        if items:
            return 2  # flagged
    for item in items:
        try:
            pass
        finally:
            continue  # flagged
"""


def test_return_in_finally_not_in_its_own_loops_nor_nested_functions():
    assert [line for line, _, _ in _find(FINALLY, "AR504")] == _lines(FINALLY, "flagged")


LOCKS = """\
import asyncio
from asyncio import Semaphore as Sem


class Guarded:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.other = object()

    def run(self, passed):
        with self.lock:  # plain
            pass
        with self.other:
            pass
        with passed:
            pass
        with Sem(2):  # plain
            pass
"""


def test_with_instance_follows_what_an_assignment_made():
    assert [line for line, _, _ in _find(LOCKS, "AR110")] == _lines(LOCKS, "plain")


METHODS = """\
import asyncio


def stop(task, loop, coroutine_function):
    task.cancel()
    task.cancel(msg="bye")  # msg
    loop.set_task_factory(factory)  # factory
    loop.set_task_factory(factory_with_kwargs)
    loop.set_task_factory(lambda loop, coro: None)


def factory(loop, coro):
    pass


def factory_with_kwargs(loop, coro, **kwargs):
    pass
"""


def test_method_calls_on_any_object_with_their_conditions():
    found = _find(METHODS, "AR508", "AR410")
    assert [(line, hazard) for line, _, hazard in found] == [
        (line, hazard) for hazard, mark in (("AR508", "msg"), ("AR410", "factory")) for line in _lines(METHODS, mark)]


GENERATORS = """\
import asyncio
import types


def gen():
    yield 1


@types.coroutine
def legacy():
    yield


async def native():
    pass


async def main():
    await gen()  # await generator
    await legacy()


def bridge():
    yield from native()  # yield from coroutine
"""


def test_await_of_a_plain_generator_and_yield_from_a_coroutine():
    found = _find(GENERATORS, "AR103", "AR104")
    assert [(line, hazard) for line, _, hazard in found] == [
        (_lines(GENERATORS, "await generator")[0], "AR103"), (_lines(GENERATORS, "yield from coroutine")[0], "AR104")]


@pytest.mark.parametrize("source, package", [
    ("import asyncio as aio\n@aio.coroutine\ndef f(): yield\n", ""),
    ("from asyncio import coroutine\n@coroutine\ndef f(): yield\n", ""),
    ("from asyncio import coroutine as co\n@co\ndef f(): yield\n", ""),
    ("import asyncio.coroutines\n@asyncio.coroutines.coroutine\ndef f(): yield\n", ""),
    ("from . import coroutines\n@coroutines.coroutine\ndef f(): yield\n", "asyncio"),
    ("from .coroutines import coroutine\n@coroutine\ndef f(): yield\n", "asyncio"),
    ("from asyncio import *\n@coroutine\ndef f(): yield\n", ""),
    ("from asyncio.coroutines import *\n@coroutine\ndef f(): yield\n", ""),
])
def test_decorator_names_resolve_through_imports(source, package):
    assert _find(source, "AR101", package=package) == [(2, 1, "AR101")]


def test_a_decorator_applied_by_hand_is_found_once():
    """A mock's side_effect=asyncio.coroutine(lambda: 1), or f = coroutine(f): the same AttributeError
    from 3.11 as the decorator; the decorator itself is not found twice."""
    source = ("import asyncio\nfake = asyncio.coroutine(lambda city: len(city))\n"
              "@asyncio.coroutine\ndef f(): yield\ng = asyncio.coroutine(f)\n")
    assert _find(source, "AR101") == [(2, 8, "AR101"), (3, 1, "AR101"), (5, 5, "AR101")]


@pytest.mark.parametrize("source, package", [
    ("from helpers import *\n@coroutine\ndef f(): yield\n", ""),  # what another module's star binds is unknown
    ("from asyncio import *\ndef coroutine(f): return f\n@coroutine\ndef f(): yield\n", ""),  # bound here: ours
    ("from . import coroutines\n@coroutines.coroutine\ndef f(): yield\n", ""),  # top level: not asyncio's
    ("import asyncio\ncoroutine = asyncio.coroutine\n@coroutine\ndef f(): yield\n", ""),  # assignments are not aliases
])
def test_what_the_name_model_does_not_follow(source, package):
    assert _find(source, "AR101", package=package) == []


def test_names_resolve_per_scope():
    source = textwrap.dedent("""\
        class C:
            from asyncio import coroutine
            @coroutine
            def f(self): yield
        def g(coroutine):
            @coroutine
            def h(): yield
    """)
    assert _find(source, "AR101") == [(3, 5, "AR101")]  # the class body's import; g's parameter is not asyncio's


def _model(source, package=""):
    tree = ast.parse(mask_async_names(textwrap.dedent(source)))
    nodes = list(ast.walk(tree))
    return tree, Module(nodes, {child: node for node in nodes for child in ast.iter_child_nodes(node)}, package)


def test_masked_async_resolves_to_its_name():
    tree, names = _model("import asyncio as aio\naio.async(job())\n")
    assert names(tree.body[1].value.func) == "asyncio.async"


def test_from_import_is_resolved_within_the_package():
    tree, names = _model("from ..events import get_event_loop\nfrom . import tasks\n", package="asyncio.sub")
    get_event_loop, tasks = (ast.parse(name, mode="eval").body for name in ("get_event_loop", "tasks.x"))
    names.parents.update({get_event_loop: tree, tasks: tree})
    assert (names(get_event_loop), names(tasks)) == ("asyncio.get_event_loop", "asyncio.sub.tasks.x")
    assert [names.module_of(node) for node in tree.body] == ["asyncio.events", "asyncio.sub"]


def test_in_coroutine_means_async_def_or_a_legacy_coroutine_decorator():
    source = """\
    from asyncio import coroutine

    async def native():
        a = 1

    @coroutine
    def legacy():
        b = yield

    def plain():
        c = yield
    """
    tree, names = _model(source)
    assignments = [node for node in ast.walk(tree) if isinstance(node, ast.Assign)]
    assert [names.in_coroutine(node) for node in assignments] == [True, True, False]


WAITS = """\
import asyncio

PENDING = {job(i) for i in range(2)}


async def main(loop, given):
    await asyncio.wait([job(1), asyncio.ensure_future(job(2))])  # coroutines
    coros = [job(i) for i in range(3)]
    await asyncio.wait(coros, timeout=1)  # coroutines
    appended = []
    for i in range(3):
        appended.append(job(i))
    await asyncio.wait(appended)  # coroutines
    await asyncio.wait(PENDING)  # coroutines
    tasks = [asyncio.ensure_future(job(i)) for i in range(3)]
    await asyncio.wait(tasks)
    made = []
    for i in range(3):
        made.append(loop.create_task(job(i)))
    await asyncio.wait(made)
    await asyncio.wait([loop.create_task(job(1)), loop.run_in_executor(None, print)])
    await asyncio.wait(given)
    rebound = [job(1)]
    rebound += [job(2)]
    await asyncio.wait(rebound)
    pending = [job(1)]
    while pending:
        done, pending = await asyncio.wait(pending)  # coroutines
    futures = []
    while futures:
        done, futures = await asyncio.wait(futures)
"""


def test_wait_given_coroutines_in_a_list_or_through_a_name():
    """AR403: a display or comprehension of calls, or a name bound (by plain
    assignments only, and what wait returned) to one, or to a list calls are
    appended to. Not calls that make tasks or futures, a parameter, or a name
    bound otherwise (+=)."""
    assert [line for line, _, _ in _find(WAITS, "AR403")] == _lines(WAITS, "coroutines")


BARE_LOCKS = """\
import asyncio


class Account:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.sem = asyncio.Semaphore(2)

    async def deposit(self, future):
        await self.lock  # bare
        await self.sem  # bare
        with (await self.lock):
            pass
        await self.lock.acquire()
        await future

    def legacy(self, lock):
        yield from self.lock  # bare
        manager = yield from self.sem  # bare
        yield from lock
"""


def test_a_bare_await_or_yield_from_on_a_lock():
    """AR115: not with (await lock): (AR109), not lock.acquire(), not an object
    scan cannot tell is a lock (a parameter)."""
    assert [line for line, _, _ in _find(BARE_LOCKS, "AR115", "AR109")] == sorted(
        _lines(BARE_LOCKS, "bare") + [12])
    assert [hazard for line, _, hazard in _find(BARE_LOCKS, "AR115", "AR109") if line == 12] == ["AR109"]


SERVERS = """\
import asyncio

loop = asyncio.get_event_loop()
server = loop.run_until_complete(asyncio.start_server(handle, "127.0.0.1", 8888))
loop.run_forever()
server.close()
loop.run_until_complete(server.wait_closed())  # shutdown
loop.run_until_complete(asyncio.wait_for(server.wait_closed(), 5))
loop.close()
"""


def test_a_legacy_server_shutdown_runs_wait_closed():
    """AR601: run_until_complete(server.wait_closed()), at the column of the wait_closed() call;
    not with a timeout (wait_for), which is the way out of the 3.12 hang."""
    assert [(line, column) for line, column, _ in _find(SERVERS, "AR601")] == [
        (_lines(SERVERS, "shutdown")[0], 25)]


@pytest.mark.parametrize("source, hazard", [
    ("import asyncio\nasyncio.streams.open_connection('h', 80, loop=loop)\n", "AR204"),
    ("import asyncio.streams\nasyncio.streams.start_server(handle, loop=loop)\n", "AR204"),
    ("from asyncio import streams\nstreams.start_unix_server(handle, path, loop=loop)\n", "AR204"),
    ("from asyncio.streams import open_unix_connection\nopen_unix_connection(path, loop=loop)\n", "AR204"),
    ("import asyncio\nqueue = asyncio.JoinableQueue(loop=loop)\n", "AR207"),
    ("from asyncio.queues import JoinableQueue\nqueue = JoinableQueue()\n", "AR207"),
])
def test_module_spellings_of_the_same_api(source, hazard):
    assert {found for _, _, found in _find(source, "AR204", "AR207")} == {hazard}



PRIVATE = ["AR125", "AR126", "AR127", "AR128", "AR129"]


@pytest.mark.parametrize("source, hazard", [
    ("from asyncio.tasks import _all_tasks\n", "AR125"),
    ("import asyncio\nleft = len(asyncio.tasks._all_tasks)\n", "AR125"),
    ("from asyncio import coroutines\ncoroutines._DEBUG = True\n", "AR126"),
    ("import asyncio.coroutines as c\nisinstance(x, c.CoroWrapper)\n", "AR126"),
    ("from asyncio import events\nloop = events._get_event_loop(stacklevel=4)\n", "AR127"),
    ("import asyncio\nasyncio.tasks.Task._step = traced\n", "AR128"),
    ("from asyncio import Task, Future\nskip = [Task._wakeup, Future._schedule_callbacks]\n", "AR128"),
    ("import asyncio.futures\nasyncio.futures.Future._schedule_callbacks(f)\n", "AR128"),
    ("from asyncio import tasks\ncoro = tasks._wrap_awaitable(obj)\n", "AR129"),
])
def test_private_names_through_their_module_spellings(source, hazard):
    """A private name is found however the module is imported; a public one of
    the same submodule is not (asyncio.tasks.all_tasks, asyncio.events.get_event_loop)."""
    assert {found for _, _, found in _find(source, *PRIVATE)} == {hazard}


def test_public_names_of_the_same_submodules_are_not_private_hazards():
    source = "import asyncio.tasks\nasyncio.tasks.all_tasks()\nasyncio.events.get_event_loop()\n" \
             "class T(asyncio.Task):\n    def step(self):\n        self._wakeup_later = 1\n"
    assert _find(source, *PRIVATE) == []


STEPPED = """\
import asyncio


@asyncio.coroutine
def steps():
    yield


def plain():
    yield


def test():
    stepper = steps()
    next(stepper)  # stepped
    steps().send(None)  # stepped
    stepper.throw(ValueError)  # stepped
    next(plain())
    next(iter([1]))
    other = plain()
    other.send(None)
"""


def test_a_legacy_coroutine_stepped_by_hand():
    """AR116: next(), send() or throw() on what an @asyncio.coroutine generator returned."""
    assert [line for line, _, _ in _find(STEPPED, "AR116")] == _lines(STEPPED, "stepped")


def test_a_helper_generator_that_coroutines_delegate_to_runs_in_the_loop():
    source = """
    import asyncio

    def helper():
        a = yield from asyncio.sleep(1)

    def data():
        b = yield 1

    @asyncio.coroutine
    def main():
        yield from helper()
        yield from asyncio.sleep(0)
    """
    tree, names = _model(source)
    assignments = [node for node in ast.walk(tree) if isinstance(node, ast.Assign)]
    assert [names.in_coroutine(node) for node in sorted(assignments, key=lambda n: n.lineno)] == [True, False]


STDLIB_COROUTINES = """\
import asyncio
import types
from asyncio import wait_for as wait_for_it


def helper():
    yield from asyncio.sleep(1)  # found
    yield from wait_for_it(reader.read(), 1)  # found
    yield from asyncio.gather(a(), b())
    yield from helper2()


@asyncio.coroutine
def legacy():
    yield from asyncio.sleep(1)


@types.coroutine
def bridge():
    yield from asyncio.sleep(1)


def helper2():
    def sleep():
        yield
    yield from sleep()
"""


def test_yield_from_asyncios_own_coroutine_in_a_plain_generator():
    """AR130: asyncio's coroutines through the module's names (an alias too); not in a legacy
    coroutine or a @types.coroutine bridge, nor a gather (a Future) or a local sleep()."""
    assert [line for line, _, _ in _find(STDLIB_COROUTINES, "AR130")] == _lines(STDLIB_COROUTINES, "found")


SOCKETS = """\
import asyncio


async def handle(reader, writer):
    writer.get_extra_info("socket").send(b"x")  # found
    sock = writer.get_extra_info("socket")
    sock.setsockopt(1, 2, 3)
    sock.recv(10)  # found
    peer = writer.get_extra_info("peername")
    peer.send(b"x")


async def serve(server, other):
    server.sockets[0].close()  # found
    for listening in server.sockets:
        listening.listen(5)  # found
    for item in other:
        item.close()
    print(server.sockets[0].getsockname())
"""


def test_io_on_a_transport_socket():
    """AR606: the socket methods that bypass the transport, on what get_extra_info('socket') or
    server.sockets gave (directly, by name, by a loop); not the options nor other extra info."""
    assert [line for line, _, _ in _find(SOCKETS, "AR606")] == _lines(SOCKETS, "found")


@pytest.mark.parametrize("source, found", [
    ("import asyncio, concurrent.futures as cf\n"
     "async def main(loop):\n"
     "    with cf.ProcessPoolExecutor() as pool:\n"
     "        await loop.run_in_executor(pool, sum, [1])\n"
     "asyncio.get_event_loop().run_until_complete(main(loop))\n", True),  # no __main__ guard
    ("import asyncio, concurrent.futures as cf\n"
     "async def main(loop):\n"
     "    return await loop.run_in_executor(cf.ProcessPoolExecutor(), sum, [1])\n"
     "loop = asyncio.new_event_loop()\n"
     "print(loop.run_until_complete(main(loop)))\n", True),  # the loop run inside another call
    ("import asyncio, concurrent.futures as cf\n"
     "async def main(loop):\n"
     "    pool = cf.ProcessPoolExecutor()\n"
     "    await loop.run_in_executor(pool, sum, [1])\n"
     "if __name__ == '__main__':\n"
     "    asyncio.run(main())\n", False),  # guarded, and sum reads nothing of the module
    ("import asyncio, concurrent.futures as cf\n"
     "CONFIG = None\n"
     "def job():\n"
     "    return CONFIG\n"
     "async def main(loop):\n"
     "    with cf.ProcessPoolExecutor() as pool:\n"
     "        await loop.run_in_executor(pool, job)\n"
     "if __name__ == '__main__':\n"
     "    CONFIG = 'set at run time'\n"
     "    asyncio.run(main())\n", True),
    ("import asyncio, concurrent.futures as cf\n"
     "CONFIG = None\n"
     "def configure():\n"
     "    global CONFIG\n"
     "    CONFIG = 1\n"
     "def job():\n"
     "    return CONFIG\n"
     "async def main(loop):\n"
     "    await loop.run_in_executor(cf.ProcessPoolExecutor(), job)\n"
     "if __name__ == '__main__':\n"
     "    asyncio.run(main())\n", True),
    ("import asyncio, concurrent.futures as cf\n"
     "def main():\n"
     "    with cf.ThreadPoolExecutor() as pool:\n"
     "        loop.run_in_executor(pool, sum, [1])\n"
     "main()\n", False),  # a thread pool
])
def test_a_process_pool_job_that_a_fresh_import_of_the_script_changes(source, found):
    """AR607: where a worker that imports the script afresh (forkserver, 3.14) differs from a fork."""
    assert bool(_find(source, "AR607")) is found


@pytest.mark.parametrize("source, found", [
    ("import asyncio\nclass P:\n    pass\nasyncio.set_event_loop_policy(P())\n", True),
    ("import asyncio\nclass B(object):\n    pass\nclass P(B):\n    pass\nasyncio.set_event_loop_policy(P())\n", True),
    ("import asyncio, uvloop\nasyncio.set_event_loop_policy(uvloop.EventLoopPolicy)\n", True),
    ("import asyncio\nclass P(asyncio.DefaultEventLoopPolicy):\n    pass\nasyncio.set_event_loop_policy(P)\n", True),
    ("import asyncio\nclass P(asyncio.DefaultEventLoopPolicy):\n    pass\nasyncio.set_event_loop_policy(P())\n", False),
    ("import asyncio, uvloop\nasyncio.set_event_loop_policy(uvloop.EventLoopPolicy())\n", False),
    ("import asyncio\nfrom lib import Policy\nasyncio.set_event_loop_policy(Policy())\n", False),
    ("import asyncio\nasyncio.set_event_loop_policy(None)\n", False),
])
def test_set_event_loop_policy_given_what_is_not_a_policy(source, found):
    """AR316: a class itself, or an instance of a class here that derives from nothing."""
    assert bool(_find(source, "AR316")) is found


@pytest.mark.parametrize("source, found", [
    ("import asyncio\nasyncio.get_event_loop_policy().get_child_watcher()\n", True),
    ("import asyncio\npolicy = asyncio.get_event_loop_policy()\npolicy.set_child_watcher(None)\n", True),
    ("import asyncio\nasyncio.get_child_watcher()\n", False),  # AR311
    ("import asyncio\nasyncio.get_event_loop_policy().get_event_loop()\n", False),  # AR124
])
def test_the_child_watcher_asked_of_the_policy(source, found):
    """AR315: get_child_watcher()/set_child_watcher() on the policy object."""
    assert bool(_find(source, "AR315")) is found


@pytest.mark.parametrize("source, found", [
    ("import asyncio\nisinstance(s, asyncio.Server)\n", True),
    ("from asyncio import Server\n", True),
    ("import asyncio.base_events\nisinstance(s, asyncio.base_events.Server)\n", False),  # 3.6's spelling
    ("import asyncio\nasyncio.AbstractServer\n", False),
])
def test_asyncio_server_as_spelled(source, found):
    """AR608: asyncio.Server, which 3.6-3.8 do not export; asyncio.base_events.Server they have."""
    assert bool(_find(source, "AR608")) is found


LOOP_TASKS = '''
    import asyncio


    class Service:
        def __init__(self, loop):
            self.loop, self._loop = loop, loop

        def start(self):
            self.loop.create_task(self.run())  # dropped
            self._loop.create_task(self.run())  # dropped
            self.task = self.loop.create_task(self.run())
            loop = asyncio.get_event_loop()
            loop.create_task(self.run())  # dropped
            asyncio.new_event_loop().create_task(self.run())  # dropped


    async def main(service):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(service.run())
        service.create_task(service.run())
        asyncio.get_running_loop().create_task(service.run())  # dropped
'''


def test_a_task_a_loop_method_made_and_nobody_keeps_is_found():
    """AR406 on loop.create_task(...) as a statement, the loop kept on self as legacy code
    does; not a TaskGroup's create_task (it keeps its tasks), nor an unknown object's."""
    assert [line for line, _, _ in _find(LOOP_TASKS, "AR406")] == _lines(LOOP_TASKS, "dropped")


@pytest.mark.parametrize("source, found", [
    ('import asyncio\nspawn = getattr(asyncio, "async")\n', [(2, 9, "AR106")]),
    ('import asyncio as aio\ngetattr(aio, "async")(job())\n', [(2, 1, "AR106")]),
    ('import asyncio\nf = getattr(asyncio, "ensure_future", getattr(asyncio, "async"))\n', [(2, 39, "AR106")]),
    ('import asyncio\nf = getattr(asyncio, "async", None)\n', [(2, 5, "AR106")]),  # returns None from 3.7
    ('import asyncio\nf = getattr(asyncio, "ensure_future")\n', []),
    ('import asyncio\nf = getattr(backend, "async")\n', []),
    ('import asyncio\nf = getattr(asyncio, name)\n', []),
    ('import asyncio\ndef getattr(module, name):\n    pass\nf = getattr(asyncio, "async")\n', []),
    ('import asyncio\nf = getattr(asyncio, "iscoroutinefunction")\n', []),  # AR112: its call, not the attribute
])
def test_getattr_of_a_gone_attribute(source, found):
    """AR106, spelled getattr(asyncio, "async"[, default]) to parse where async is a keyword:
    the attribute is gone from 3.7 (its detect says "getattr"); the builtin getattr only."""
    assert _find(source, "AR106", "AR112") == found


@pytest.mark.parametrize("source, found", [
    ("class Q(asyncio.Queue):\n    def __init__(self, loop=None):\n        super().__init__(loop=loop)\n",
     [(4, 9, "AR201")]),
    ("class Q(asyncio.Queue):\n    def __init__(self, loop=None):\n        super(Q, self).__init__(0, loop=loop)\n",
     [(4, 9, "AR201")]),
    ("class L(asyncio.Lock, Mixin):\n    def __init__(self, loop=None):\n        asyncio.Lock.__init__(self, loop=loop)\n",
     [(4, 9, "AR201")]),
    ("class F(asyncio.Future):\n    def __init__(self, loop=None):\n        super().__init__(loop=loop)\n",
     [(4, 9, "AR206")]),  # still accepted
    ("class Q(Mixin, asyncio.Queue):\n    def __init__(self, loop=None):\n        super().__init__(loop=loop)\n",
     []),  # the Mixin's __init__
    ("class Q(asyncio.Queue):\n    def __init__(self, loop=None):\n        super(Base, self).__init__(loop=loop)\n",
     []),
    ("class Q(asyncio.Queue):\n    def __init__(self, loop=None):\n        super().__init__()\n", []),
    ("class Q(Base):\n    def __init__(self, loop=None):\n        super().__init__(loop=loop)\n", []),
])
def test_loop_forwarded_to_the_init_of_the_base(source, found):
    """AR201 (AR206): a subclass hands loop= on to the asyncio class's __init__, which 3.10 removed it from."""
    assert _find("import asyncio\n" + source, "AR201", "AR206") == found


@pytest.mark.parametrize("source, found", [
    ("import asyncio, functools\nnap = functools.partial(asyncio.sleep, loop=loop)\n", [(2, 7, "AR202")]),
    ("import asyncio\nfrom functools import partial\nf = partial(asyncio.wait_for, timeout=1, loop=loop)\n",
     [(3, 5, "AR202")]),
    ("import asyncio, functools\nmake = functools.partial(asyncio.Queue, 10, loop=loop)\n", [(2, 8, "AR201")]),
    ("import asyncio, functools\nnap = functools.partial(asyncio.sleep, 1)\n", []),
    ("import asyncio, functools\nf = functools.partial(fetch, loop=loop)\n", []),
    ("import asyncio\ndef partial(f, **kw):\n    pass\nf = partial(asyncio.sleep, loop=loop)\n", []),
])
def test_loop_bound_by_a_partial(source, found):
    """AR201, AR202: loop= given to functools.partial reaches the function when the partial is called."""
    assert _find(source, "AR201", "AR202") == found


@pytest.mark.parametrize("source, found", [
    ("try:\n    spawn = asyncio.ensure_future\nexcept AttributeError:\n    spawn = getattr(asyncio, 'async')\n", []),
    ("try:\n    spawn = getattr(asyncio, 'async')\nexcept (ImportError, AttributeError):\n    spawn = None\n", []),
    ("try:\n    spawn = getattr(asyncio, 'async')\nexcept Exception:\n    spawn = None\n", []),
    ("try:\n    spawn = getattr(asyncio, 'async')\nexcept:\n    spawn = None\n", []),
    ("try:\n    spawn = getattr(asyncio, 'async')\nexcept ImportError:\n    spawn = None\n", [(3, 13, "AR106")]),
    ("try:\n    pass\nexcept AttributeError:\n    pass\nelse:\n    spawn = getattr(asyncio, 'async')\n",
     [(7, 13, "AR106")]),
    ("try:\n    def f():\n        return getattr(asyncio, 'async')\nexcept AttributeError:\n    pass\n",
     [(4, 16, "AR106")]),  # the def is what the try runs, not the getattr
])
def test_getattr_of_a_gone_attribute_where_the_program_catches_its_absence(source, found):
    """AR106: not where the AttributeError is caught (the fallback for 3.4.3, or the lookup of it)."""
    assert _find("import asyncio\n" + source, "AR106") == found
