"""A key-value server over streams, run_forever; the client's done callback stops it (2015)."""
import asyncio

store = {}


def read_command(reader):
    # A helper generator: one command line, split, or None at EOF.
    line = yield from reader.readline()
    return line.decode().split() or None


@asyncio.coroutine
def handle(reader, writer):
    while True:
        command = yield from read_command(reader)
        if command is None:
            break
        if command[0] == "SET":
            store[command[1]] = command[2]
            writer.write(b"OK\n")
        else:
            writer.write((store.get(command[1], "-") + "\n").encode())
    writer.close()


@asyncio.coroutine
def client(port, loop):
    reader, writer = yield from asyncio.open_connection("127.0.0.1", port, loop=loop)
    for line in ("SET colour blue", "GET colour", "GET size", "SET size 9", "GET size"):
        writer.write(line.encode() + b"\n")
        reply = yield from reader.readline()
        print(line, "->", reply.decode().strip())
    writer.close()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    server = loop.run_until_complete(asyncio.start_server(handle, "127.0.0.1", 0, loop=loop))
    task = asyncio.ensure_future(client(server.sockets[0].getsockname()[1], loop))
    task.add_done_callback(lambda _: loop.stop())
    loop.run_forever()
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()
    print("store:", sorted(store.items()))
