"""Line echo server and its client over asyncio streams, loop passed everywhere (2015)."""
import asyncio


def read_lines(reader):
    # A helper generator (not a coroutine): callers drive it with yield from.
    lines = []
    while True:
        line = yield from reader.readline()
        if not line:
            return lines
        lines.append(line.decode().rstrip())


@asyncio.coroutine
def handle_echo(reader, writer):
    while True:
        data = yield from reader.readline()
        if not data:
            break
        writer.write(b"echo: " + data)
        yield from writer.drain()
    writer.close()


@asyncio.coroutine
def client(port, loop):
    reader, writer = yield from asyncio.open_connection("127.0.0.1", port, loop=loop)
    for word in ("alpha", "beta", "gamma"):
        writer.write(word.encode() + b"\n")
        yield from asyncio.sleep(0.01, loop=loop)
    writer.write_eof()
    lines = yield from read_lines(reader)
    writer.close()
    return lines


@asyncio.coroutine
def main(loop):
    server = yield from asyncio.start_server(handle_echo, "127.0.0.1", 0, loop=loop)
    port = server.sockets[0].getsockname()[1]
    lines = yield from client(port, loop)
    for line in lines:
        print(line)
    server.close()
    yield from server.wait_closed()
    print("server closed")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main(loop))
    finally:
        loop.close()
