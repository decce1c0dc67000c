"""A greeting service and its client, the loop closed by contextlib.closing (2015)."""
import asyncio
import contextlib


@asyncio.coroutine
def greet(reader, writer):
    name = yield from reader.readline()
    writer.write(b"Hello, " + name.strip() + b"!\n")
    yield from writer.drain()
    writer.close()


@asyncio.coroutine
def visit(port, name, loop):
    reader, writer = yield from asyncio.open_connection("127.0.0.1", port, loop=loop)
    writer.write(name.encode() + b"\n")
    greeting = yield from reader.readline()
    writer.close()
    return greeting.decode().strip()


@asyncio.coroutine
def main(loop):
    server = yield from asyncio.start_server(greet, "127.0.0.1", 0, loop=loop)
    port = server.sockets[0].getsockname()[1]
    greetings = yield from asyncio.gather(*[visit(port, name, loop) for name in ("Ada", "Alan")], loop=loop)
    server.close()
    yield from server.wait_closed()
    return greetings


if __name__ == "__main__":
    with contextlib.closing(asyncio.get_event_loop()) as loop:
        for greeting in loop.run_until_complete(main(loop)):
            print(greeting)
