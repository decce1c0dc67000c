"""Upper-casing stream server and three clients, all names from asyncio's star import."""
import sys
from asyncio import *


@coroutine
def handle(reader, writer):
    data = yield from reader.read()
    writer.write(data.upper())
    yield from writer.drain()
    writer.close()


@coroutine
def ask(port, text):
    reader, writer = yield from open_connection("127.0.0.1", port)
    writer.write(text.encode())
    writer.write_eof()
    reply = yield from reader.read()
    writer.close()
    return reply.decode()


@coroutine
def main():
    server = yield from start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    tasks = [Task(ask(port, word)) for word in ("spam", "eggs", "ham")]
    done, _ = yield from wait(tasks)
    print(sorted(task.result() for task in done))
    server.close()
    yield from server.wait_closed()


if __name__ == "__main__":
    loop = get_event_loop()
    if "--debug" in sys.argv:
        loop.set_debug(True)
    else:
        print("serving on an ephemeral port")
    loop.run_until_complete(main())
    loop.close()
