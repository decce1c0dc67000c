"""A UDP collector, fed by a sender coroutine; the loop is closed by contextlib.closing."""
import asyncio
import contextlib


class Collector(asyncio.DatagramProtocol):
    def __init__(self):
        self.seen = []

    def datagram_received(self, data, addr):
        self.seen.append(data.decode())


async def send_all(loop, port, words):
    transport, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol,
                                                       remote_addr=("127.0.0.1", port))
    for word in words:
        transport.sendto(word.encode())
        await asyncio.sleep(0.01)
    transport.close()


if __name__ == "__main__":
    with contextlib.closing(asyncio.get_event_loop()) as loop:
        transport, collector = loop.run_until_complete(
            loop.create_datagram_endpoint(Collector, local_addr=("127.0.0.1", 0)))
        port = transport.get_extra_info("sockname")[1]
        loop.run_until_complete(send_all(loop, port, ["red", "green", "blue"]))
        settled = loop.create_future()
        loop.call_later(0.05, settled.set_result, None)
        loop.run_until_complete(settled)
        print(sorted(collector.seen))
        transport.close()
    print("closed:", loop.is_closed())
