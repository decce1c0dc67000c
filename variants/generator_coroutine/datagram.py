"""datagram: a UDP echo server and client, both on one event loop.

Style generator_coroutine (3.4-3.10): loop.create_datagram_endpoint() takes a
protocol factory and a local_addr (server) or remote_addr (client) and
returns (transport, protocol). Port 0 lets the system pick a free port. The
protocol's datagram_received() runs for each datagram; the client hands each
reply to main through an asyncio.Future(). reuse_address is left out: it
was disabled for security reasons, then removed.
"""
import asyncio


class EchoServer(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        print("server got", data)
        self.transport.sendto(data.upper(), addr)

    def connection_lost(self, exc):
        print("server closed")


class EchoClient(asyncio.DatagramProtocol):
    def __init__(self):
        self.reply = None  # the Future main is waiting on

    def datagram_received(self, data, addr):
        self.reply.set_result(data)


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    server, _ = yield from loop.create_datagram_endpoint(EchoServer, local_addr=("127.0.0.1", 0))
    port = server.get_extra_info("sockname")[1]
    client, protocol = yield from loop.create_datagram_endpoint(EchoClient, remote_addr=("127.0.0.1", port))
    for message in (b"ping", b"hello", b"bye"):
        protocol.reply = asyncio.Future()
        client.sendto(message)
        reply = yield from protocol.reply
        print("client got", reply)
        yield from asyncio.sleep(1)
    client.close()
    server.close()
    yield from asyncio.sleep(0)  # let connection_lost() run
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
