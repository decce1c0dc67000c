"""The virtual clock: loops jump to their next timer; time.sleep advances it."""

import asyncio
import concurrent.futures
import socket
import threading
import time

import pytest

from asyncio_rosetta.harness._clock import VirtualClock


def _run(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def test_sleep_jumps_to_the_timer():
    clock = VirtualClock()
    wall = time.monotonic()
    with clock.installed():
        _run(asyncio.sleep(3600))
    assert clock.time() == 3600
    assert time.monotonic() - wall < 60  # an hour of story, not of waiting


def test_time_sleep_advances_the_same_clock():
    clock = VirtualClock(start=5)
    with clock.installed():
        time.sleep(2)
    assert clock.time() == 7


def test_negative_sleep_is_refused_like_time_sleep():
    with pytest.raises(ValueError, match="sleep length must be non-negative"):
        VirtualClock().advance(-1)


def test_uninstall_restores_real_time():
    real_time, real_sleep = asyncio.base_events.BaseEventLoop.time, time.sleep
    with VirtualClock().installed():
        assert time.sleep is not real_sleep
    assert (asyncio.base_events.BaseEventLoop.time, time.sleep) == (real_time, real_sleep)


def test_a_loop_created_before_installation_becomes_virtual():
    clock = VirtualClock()
    loop = asyncio.new_event_loop()
    try:
        with clock.installed():
            loop.run_until_complete(asyncio.sleep(3600))
        assert clock.time() == 3600
    finally:
        loop.close()


def test_ready_io_is_served_before_the_clock_jumps():
    """A socket with data wakes the loop at once; the 60 s timer waits its turn."""
    clock = VirtualClock()
    left, right = socket.socketpair()
    seen = []

    async def main():
        loop = asyncio.get_event_loop()
        loop.call_later(60, seen.append, "timer")
        loop.add_reader(left.fileno(), lambda: seen.append(("read", left.recv(10), clock.time())))
        right.send(b"ping")
        await asyncio.sleep(61)
        loop.remove_reader(left.fileno())

    try:
        with clock.installed():
            _run(main())
    finally:
        left.close()
        right.close()
    assert seen == [("read", b"ping", 0.0), "timer"]


# -- threads and executors: the clock waits for every participant ------------

def _story(main):
    """Run ``main(log)`` on a fresh clock; return the log of (time, event)."""
    clock, log = VirtualClock(), []
    note = lambda event: log.append((round(clock.time(), 3), event))  # noqa: E731
    with clock.installed():
        _run(main(note))
    return log


async def _ticker(note, ticks):
    for _ in range(ticks):
        await asyncio.sleep(1)
        note("tick")


def _blocking(note, name, seconds):
    note(name + " starts")
    time.sleep(seconds)
    note(name + " ends")
    return name


def test_a_thread_pool_job_sleeps_in_story_time_beside_the_loop():
    async def main(note):
        loop = asyncio.get_event_loop()
        ticker = asyncio.ensure_future(_ticker(note, 3))
        note("got " + await loop.run_in_executor(None, _blocking, note, "job", 2.5))
        await ticker
    assert _story(main) == [(0, "job starts"), (1, "tick"), (2, "tick"), (2.5, "job ends"),
                            (2.5, "got job"), (3, "tick")]


def test_queued_jobs_wait_for_a_free_worker():
    async def main(note):
        loop = asyncio.get_event_loop()
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            jobs = [loop.run_in_executor(pool, _blocking, note, name, 0.4) for name in "ab"]
            note("got {}".format(await asyncio.gather(*jobs)))
    assert _story(main) == [(0, "a starts"), (0.4, "a ends"), (0.4, "b starts"), (0.8, "b ends"),
                            (0.8, "got ['a', 'b']")]


def test_polling_a_semaphore_is_not_waiting():
    """submit() polls Semaphore.acquire(timeout=0): the clock must not move meanwhile."""
    async def main(note):
        loop = asyncio.get_event_loop()
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            jobs = [loop.run_in_executor(pool, time.sleep, 1) for _ in range(2)]
            note("submitted")
            await asyncio.gather(*jobs)
            note("done")
    assert _story(main) == [(0, "submitted"), (2, "done")]


def test_a_process_pool_job_holds_the_clock_until_its_result_is_back(single_threaded):
    async def main(note):
        loop = asyncio.get_event_loop()
        ticker = asyncio.ensure_future(_ticker(note, 1))
        with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
            note("sum {}".format(await loop.run_in_executor(pool, sum, range(10 ** 5))))
        await ticker
    assert _story(main) == [(0, "sum 4999950000"), (1, "tick")]


def test_a_thread_hands_over_to_the_loop_it_wakes():
    """call_soon_threadsafe() and run_coroutine_threadsafe() from a sleeping
    thread: the loop runs the callback before the thread's next sleep ends."""
    async def main(note):
        loop = asyncio.get_event_loop()

        def worker():
            time.sleep(0.3)
            loop.call_soon_threadsafe(note, "callback from thread")
            time.sleep(0.2)
            future = asyncio.run_coroutine_threadsafe(asyncio.sleep(1, "slept"), loop)
            note("thread got " + future.result())

        thread = threading.Thread(target=worker)
        thread.start()
        await loop.run_in_executor(None, thread.join)
        note("joined")
    assert _story(main) == [(0.3, "callback from thread"), (1.5, "thread got slept"), (1.5, "joined")]


def test_a_child_process_takes_no_story_time_and_a_timeout_can_kill_it():
    """Whatever watches the child (SIGCHLD on 3.6/3.7, a waitpid thread on
    3.8-3.11, a pidfd on 3.12+), a loop waiting on it lets time reach its timer."""
    import sys

    async def main(note):
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-c", "import time; time.sleep(60)")
        try:
            await asyncio.wait_for(proc.wait(), 2)
        except asyncio.TimeoutError:
            note("timed out")
            proc.kill()
        note("exit {}".format(await proc.wait()))
    clock, log = VirtualClock(), []
    note = lambda event: log.append((round(clock.time(), 3), event))  # noqa: E731
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # 3.6/3.7 attach the child watcher to the current loop
    started = time.monotonic()
    try:
        with clock.installed():
            loop.run_until_complete(main(note))
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    assert log == [(2, "timed out"), (2, "exit -9")]
    assert time.monotonic() - started < 30  # not the child's 60 s
