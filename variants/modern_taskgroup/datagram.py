"""datagram: a UDP echo server and client, both on one event loop.

Style modern_taskgroup (3.11+): there is still no high-level UDP API:
loop.create_datagram_endpoint() with a DatagramProtocol is the modern form
too, with the loop from asyncio.get_running_loop() (port 0 lets the system
pick a free port). The client hands each reply to main through a Future.
reuse_address is left out: it was disabled for security reasons, then
removed.
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


async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(EchoServer, local_addr=("127.0.0.1", 0))
    port = server.get_extra_info("sockname")[1]
    client, protocol = await loop.create_datagram_endpoint(EchoClient, remote_addr=("127.0.0.1", port))
    for message in (b"ping", b"hello", b"bye"):
        protocol.reply = loop.create_future()
        client.sendto(message)
        reply = await protocol.reply
        print("client got", reply)
        await asyncio.sleep(1)
    client.close()
    server.close()
    await asyncio.sleep(0)  # let connection_lost() run
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
