"""A Protocol server counts bytes; an Event (loop=) says when it has them all (2016)."""
import asyncio


class Counter(asyncio.Protocol):
    def __init__(self, expected, finished):
        self.expected, self.finished, self.count = expected, finished, 0

    def data_received(self, data):
        self.count += len(data)
        if self.count >= self.expected:
            self.finished.set()


async def send(loop, port, chunks):
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port)
    for chunk in chunks:
        transport.write(chunk)
        await asyncio.sleep(0.01, loop=loop)
    transport.close()


async def main(loop):
    chunks = [b"x" * 10, b"y" * 20, b"z" * 30]
    finished = asyncio.Event(loop=loop)
    counters = []

    def factory():
        counters.append(Counter(sum(map(len, chunks)), finished))
        return counters[-1]

    server = await loop.create_server(factory, "127.0.0.1", 0)
    await send(loop, server.sockets[0].getsockname()[1], chunks)
    await asyncio.wait_for(finished.wait(), 5, loop=loop)
    print("connections:", len(counters), "bytes:", counters[0].count)
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
