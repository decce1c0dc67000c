"""Waiting for a socket to turn readable: add_reader resolves a Future, wait_for(fut, timeout) guards it (2016)."""
import asyncio
import socket


def readable(sock, loop):
    """A future that gets the next chunk from *sock*, with the reader removed once it fired."""
    fut = asyncio.Future(loop=loop)

    def on_readable():
        loop.remove_reader(sock.fileno())
        if not fut.done():
            fut.set_result(sock.recv(1024))
    loop.add_reader(sock.fileno(), on_readable)
    fut.add_done_callback(lambda f: loop.remove_reader(sock.fileno()))
    return fut


async def poll(sock, loop, timeout):
    try:
        data = await asyncio.wait_for(readable(sock, loop), timeout, loop=loop)
    except asyncio.TimeoutError:
        return "nothing within {}s".format(timeout)
    return "got {!r}".format(data)


async def main(loop):
    left, right = socket.socketpair()
    for sock in (left, right):
        sock.setblocking(False)
    print("1:", await poll(right, loop, 0.05))
    sent = asyncio.Future(loop=loop)
    loop.add_writer(left.fileno(), lambda: (loop.remove_writer(left.fileno()), sent.set_result(left.send(b"ping"))))
    print("sent bytes:", await sent)
    print("2:", await poll(right, loop, 1))
    loop.call_later(0.02, left.send, b"late")
    print("3:", await poll(right, loop, 1))
    left.close()
    right.close()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
