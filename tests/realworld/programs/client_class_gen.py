"""A key-value client class: the loop kept on self and passed to every call; some methods just delegate (2015)."""
import asyncio


class KVClient(object):
    def __init__(self, host, port, loop=None):
        self._host, self._port = host, port
        self._loop = loop or asyncio.get_event_loop()
        self._lock = asyncio.Lock(loop=self._loop)
        self._reader = self._writer = None

    @asyncio.coroutine
    def connect(self):
        self._reader, self._writer = yield from asyncio.open_connection(self._host, self._port, loop=self._loop)

    @asyncio.coroutine
    def _request(self, *words):
        with (yield from self._lock):  # one request on the wire at a time
            self._writer.write((" ".join(words) + "\n").encode())
            line = yield from asyncio.wait_for(self._reader.readline(), 2, loop=self._loop)
            return line.decode().strip()

    @asyncio.coroutine
    def get(self, key):
        return self._request("GET", key)

    @asyncio.coroutine
    def set(self, key, value):
        return self._request("SET", key, value)

    def close(self):
        self._writer.close()


@asyncio.coroutine
def handle(reader, writer):
    store = {}
    while True:
        words = (yield from reader.readline()).decode().split()
        if not words:
            break
        if words[0] == "SET":
            store[words[1]] = words[2]
        writer.write("{}\n".format(store.get(words[1], "-")).encode())
    writer.close()


@asyncio.coroutine
def main(loop):
    server = yield from asyncio.start_server(handle, "127.0.0.1", 0, loop=loop)
    client = KVClient("127.0.0.1", server.sockets[0].getsockname()[1], loop=loop)
    yield from client.connect()
    print("set:", (yield from client.set("colour", "blue")))
    print("get:", (yield from asyncio.gather(client.get("colour"), client.get("size"), loop=loop)))
    client.close()
    yield from asyncio.sleep(0.05, loop=loop)  # let the handler see the end of the stream
    server.close()
    yield from server.wait_closed()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
