"""A chat room: every line a client sends goes to all the others; import asyncio as aio (2016)."""
import asyncio as aio

writers = {}


async def handle_client(reader, writer):
    name = (await reader.readline()).decode().strip()
    writers[name] = writer
    broadcast("* {} joined".format(name), name)
    while True:
        line = await reader.readline()
        if not line:
            break
        broadcast("{}: {}".format(name, line.decode().strip()), name)
    del writers[name]
    broadcast("* {} left".format(name), name)
    writer.close()


def broadcast(message, sender):
    for name, writer in sorted(writers.items()):
        if name != sender:
            writer.write((message + "\n").encode())


async def client(name, port, loop):
    reader, writer = await aio.open_connection("127.0.0.1", port, loop=loop)
    writer.write((name + "\n").encode())
    await writer.drain()
    return reader, writer


async def read_lines(name, reader, count, loop):
    lines = [(await aio.wait_for(reader.readline(), 2, loop=loop)).decode().strip() for _ in range(count)]
    print(name, "got", lines)


async def main(loop):
    server = await aio.start_server(handle_client, "127.0.0.1", 0, loop=loop)
    port = server.sockets[0].getsockname()[1]
    alice = await client("alice", port, loop)
    await aio.sleep(0.02, loop=loop)
    bob = await client("bob", port, loop)
    await read_lines("alice", alice[0], 1, loop)
    alice[1].write(b"hi bob\n")
    await read_lines("bob", bob[0], 1, loop)
    bob[1].write(b"hi alice, bye\n")
    bob[1].close()
    await read_lines("alice", alice[0], 2, loop)
    alice[1].close()
    await aio.sleep(0.02, loop=loop)
    print("still connected:", sorted(writers))
    server.close()
    await server.wait_closed()


loop = aio.get_event_loop()
try:
    loop.run_until_complete(main(loop))
finally:
    loop.close()
