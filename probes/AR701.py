"""AR701 proactor-add-reader: loop.add_reader() on the default loop, which is the Proactor loop on Windows from 3.8."""
import asyncio
import socket

# Libraries that watch a file descriptor themselves (c-ares, ZeroMQ, database drivers) call add_reader.
loop = asyncio.new_event_loop()
ours, theirs = socket.socketpair()
try:
    loop.add_reader(ours.fileno(), lambda: None)
    print("add_reader: the socket is watched")
    loop.remove_reader(ours.fileno())
finally:
    ours.close()
    theirs.close()
    loop.close()
