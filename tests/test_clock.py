"""The virtual clock: loops jump to their next timer; time.sleep advances it."""

import asyncio
import socket
import time

import pytest

from asyncio_rosetta._clock import VirtualClock


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
        _run(asyncio.sleep(10))
    assert clock.time() == 10
    assert time.monotonic() - wall < 1


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
