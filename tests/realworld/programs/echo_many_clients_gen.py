"""An echo server and three clients racing in one program: asyncio.wait on the clients' tasks (2015)."""
import asyncio


@asyncio.coroutine
def shout(reader, writer):
    line = yield from reader.readline()
    while line:  # until the client closes its end
        writer.write(line.upper())
        line = yield from reader.readline()
    writer.close()


@asyncio.coroutine
def client(name, host, port, count, loop):
    reader, writer = yield from asyncio.open_connection(host, port, loop=loop)
    replies = []
    for i in range(count):
        writer.write("{} says {}\n".format(name, i).encode())
        replies.append((yield from reader.readline()).decode().strip())
        yield from asyncio.sleep(0.001 * count, loop=loop)
    writer.close()
    return replies


@asyncio.coroutine
def main(loop):
    server = yield from asyncio.start_server(shout, "127.0.0.1", 0, loop=loop)
    host, port = server.sockets[0].getsockname()[:2]
    tasks = [loop.create_task(client(name, host, port, n, loop)) for n, name in enumerate(["ann", "bob", "cy"], 1)]
    done, pending = yield from asyncio.wait(tasks, timeout=2, loop=loop)
    print("done:", len(done), "pending:", len(pending))
    for task in tasks:
        print(" | ".join(task.result()))
    server.close()
    yield from server.wait_closed()
    print("server closed:", not server.sockets)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main(loop))
    finally:
        loop.close()
