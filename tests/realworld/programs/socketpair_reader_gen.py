"""A socketpair watched with loop.add_reader: the callback feeds a Queue, a coroutine consumes it (2014)."""
import asyncio
import socket


class LineReader(object):
    def __init__(self, sock, loop):
        self.sock, self.loop = sock, loop
        self.queue = asyncio.Queue(loop=loop)
        self.buffer = b""
        loop.add_reader(sock.fileno(), self._on_readable)

    def _on_readable(self):
        data = self.sock.recv(4096)
        if not data:
            self.loop.remove_reader(self.sock.fileno())
            self.queue.put_nowait(None)
            return
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            self.queue.put_nowait(line.decode())


@asyncio.coroutine
def writer(sock, loop):
    for chunk in (b"alpha\nbe", b"ta\n", b"gamma\ndelta\n"):
        yield from loop.sock_sendall(sock, chunk)
        yield from asyncio.sleep(0.01, loop=loop)
    sock.shutdown(socket.SHUT_WR)


@asyncio.coroutine
def consume(reader):
    lines = []
    while True:
        line = yield from reader.queue.get()
        if line is None:
            return lines
        lines.append(line)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    left, right = socket.socketpair()
    left.setblocking(False)
    right.setblocking(False)
    reader = LineReader(right, loop)
    lines, _ = loop.run_until_complete(asyncio.gather(consume(reader), writer(left, loop), loop=loop))
    print("lines:", lines)
    print("reader removed:", not loop.remove_reader(right.fileno()))
    left.close()
    right.close()
    loop.close()
