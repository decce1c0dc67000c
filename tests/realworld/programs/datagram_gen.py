"""UDP ping/pong between two datagram endpoints (2015)."""
import asyncio


class Pong(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(b"pong " + data, addr)


class Ping(asyncio.DatagramProtocol):
    def __init__(self, queue):
        self.queue = queue

    def datagram_received(self, data, addr):
        self.queue.put_nowait(data.decode())


@asyncio.coroutine
def ping(loop):
    server, _ = yield from loop.create_datagram_endpoint(Pong, local_addr=("127.0.0.1", 0))
    port = server.get_extra_info("sockname")[1]
    queue = asyncio.Queue(loop=loop)
    client, _ = yield from loop.create_datagram_endpoint(lambda: Ping(queue), remote_addr=("127.0.0.1", port))
    for n in range(3):
        client.sendto("ping {}".format(n).encode())
        reply = yield from asyncio.wait_for(queue.get(), 5, loop=loop)
        print(reply)
        yield from asyncio.sleep(0.01, loop=loop)
    client.close()
    server.close()


def main():
    loop = asyncio.get_event_loop()
    loop.run_until_complete(ping(loop))
    loop.close()
    print("done")


if __name__ == "__main__":
    main()
