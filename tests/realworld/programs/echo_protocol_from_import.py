"""A Protocol server that reverses what it gets, and a Protocol client (2015)."""
import asyncio
from asyncio import coroutine, sleep


class Reverser(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""

    def data_received(self, data):
        self.buffer += data

    def eof_received(self):
        self.transport.write(self.buffer[::-1])
        self.transport.close()


class Client(asyncio.Protocol):
    def __init__(self, loop, text):
        self.done = asyncio.Future(loop=loop)
        self.text = text
        self.received = b""

    def connection_made(self, transport):
        transport.write(self.text)
        transport.write_eof()

    def data_received(self, data):
        self.received += data

    def connection_lost(self, exc):
        self.done.set_result(self.received)


@coroutine
def run(loop):
    server = yield from loop.create_server(Reverser, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for text in (b"stressed", b"drawer", b"reward"):
        _, client = yield from loop.create_connection(lambda: Client(loop, text), "127.0.0.1", port)
        reply = yield from client.done
        print(text.decode(), "->", reply.decode())
        yield from sleep(0.01)
    server.close()
    yield from server.wait_closed()


def main():
    loop = asyncio.get_event_loop()
    loop.run_until_complete(run(loop))
    loop.close()
    print("bye")


if __name__ == "__main__":
    main()
