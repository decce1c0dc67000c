"""_hooks: every patch undone in one place; only participants start participants and count jobs."""

import asyncio
import concurrent.futures
import concurrent.futures.thread
import threading

from asyncio_rosetta.harness import _hooks
from asyncio_rosetta.harness._clock import VirtualClock
from asyncio_rosetta.harness._hooks import Hooks, _is_participant
from harness.test_clock import _blocking, _run


def test_install_patches_the_table_and_uninstall_restores_every_entry():
    before = [getattr(owner, name) for owner, name, _ in _hooks._PATCHES]
    hooks = Hooks(VirtualClock()).install()
    try:
        assert Hooks.current is hooks
        assert all(getattr(owner, name) is not old for (owner, name, _), old in zip(_hooks._PATCHES, before))
    finally:
        hooks.uninstall()
    assert [getattr(owner, name) for owner, name, _ in _hooks._PATCHES] == before
    assert Hooks.current is None


def test_every_hook_in_the_table_is_a_method():
    assert all(callable(getattr(Hooks, hook)) for _, _, hook in _hooks._PATCHES)


def test_nested_installations_restore_the_outer_one():
    outer = Hooks(VirtualClock()).install()
    try:
        inner = Hooks(VirtualClock()).install()
        assert Hooks.current is inner
        inner.uninstall()
        assert Hooks.current is outer
    finally:
        outer.uninstall()


def test_pool_workers_take_part_only_through_their_jobs():
    assert _is_participant(threading.Thread(target=_blocking))
    assert _is_participant(threading.Thread(target=asyncio.sleep))  # asyncio's helpers do
    assert not _is_participant(threading.Thread(target=concurrent.futures.thread._worker))
    assert not _is_participant(threading.Thread())


def _outsider(work):
    """A thread started before any clock (so no participant) that runs *work* once told to; (thread, go)."""
    go = threading.Event()

    def run():
        go.wait()
        work()
    thread = threading.Thread(target=run)
    thread.start()
    return thread, go


def test_a_thread_outside_the_story_submits_jobs_without_holding_the_clock():
    """A test runner's own pool (the suite's batch of runs) works in real time
    beside a virtual-clock test: its jobs must not stop the clock's jumps. The
    job waits until the story has ended, so if its submit counted, the story
    could only end when the job's wait timed out."""
    story_over, jobs = threading.Event(), []
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    submitter, go = _outsider(lambda: jobs.append(pool.submit(story_over.wait, 30)))
    clock = VirtualClock()
    with clock.installed():
        go.set()
        submitter.join()
        _run(asyncio.sleep(10))
        story_over.set()
    assert clock.time() == 10
    assert jobs[0].result(30) is True  # the story ended before the job's wait timed out
    pool.shutdown()


def test_threads_started_outside_the_story_do_not_take_part():
    seen = []
    clock = VirtualClock()
    inner = threading.Thread(target=lambda: seen.append(clock.takes_part()))
    outsider, go = _outsider(inner.start)
    with clock.installed():
        go.set()
        outsider.join()
        inner.join()
    assert seen == [False]
