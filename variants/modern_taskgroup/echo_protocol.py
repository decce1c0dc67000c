"""echo_protocol: a TCP echo server and client written as Protocol classes.

Style modern_taskgroup (3.11+): streams are the high-level API, but
loop.create_server() and loop.create_connection() with an asyncio.Protocol
are still the modern form of callback-based networking, with the loop from
asyncio.get_running_loop(). The loop calls connection_made(transport),
data_received(data) for each chunk, eof_received() when the peer half-closes
(a false return value closes the transport), and connection_lost(exc). The
client half-closes with transport.write_eof(); its connection_lost()
resolves a Future main awaits. `async with server:` closes the server and
awaits wait_closed().
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


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServer, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        closed = loop.create_future()
        transport, _ = await loop.create_connection(lambda: EchoClient(closed), "127.0.0.1", port)
        for message in (b"ping", b"hello", b"bye"):
            await asyncio.sleep(1)
            print("client sends", message)
            transport.write(message)
        await asyncio.sleep(1)
        print("client: write_eof")
        transport.write_eof()
        await closed
    print("server closed")


if __name__ == "__main__":
    asyncio.run(main())
