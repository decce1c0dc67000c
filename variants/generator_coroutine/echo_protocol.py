"""echo_protocol: a TCP echo server and client written as Protocol classes.

Style generator_coroutine (3.4-3.10): loop.create_server() and
loop.create_connection() take a protocol factory and return the Server and
(transport, protocol). The loop calls connection_made(transport),
data_received(data) for each chunk, eof_received() when the peer half-closes
(a false return value closes the transport), and connection_lost(exc). The
client half-closes with transport.write_eof(); its connection_lost()
resolves an asyncio.Future() main awaits. server.close() and yield from
server.wait_closed() shut the server down.
"""
import asyncio


class EchoServer(asyncio.Protocol):
    def connection_made(self, transport):
        print("server: connection made")
        self.transport = transport

    def data_received(self, data):
        print("server: data received", data)
        self.transport.write(data.upper())

    def eof_received(self):
        print("server: eof received")
        return False  # the transport closes itself

    def connection_lost(self, exc):
        print("server: connection lost", exc)


class EchoClient(asyncio.Protocol):
    def __init__(self, closed):
        self.closed = closed  # the Future main is waiting on

    def connection_made(self, transport):
        print("client: connection made")

    def data_received(self, data):
        print("client: data received", data)

    def eof_received(self):
        print("client: eof received")

    def connection_lost(self, exc):
        print("client: connection lost", exc)
        self.closed.set_result(None)


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    server = yield from loop.create_server(EchoServer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    closed = asyncio.Future()
    transport, _ = yield from loop.create_connection(lambda: EchoClient(closed), "127.0.0.1", port)
    for message in (b"ping", b"hello", b"bye"):
        yield from asyncio.sleep(1)
        print("client sends", message)
        transport.write(message)
    yield from asyncio.sleep(1)
    print("client: write_eof")
    transport.write_eof()
    yield from closed
    server.close()
    yield from server.wait_closed()
    print("server closed")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
