"""AR601 server-wait-closed: server.close() + server.wait_closed() while a client is still connected."""
import asyncio


def handler(connected, finished):
    async def handle(reader, writer):
        connected.set()
        await reader.read()  # until the client closes
        writer.close()
        finished.set()
    return handle


async def main():
    connected, finished = asyncio.Event(), asyncio.Event()
    server = await asyncio.start_server(handler(connected, finished), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await connected.wait()
    server.close()
    try:
        await asyncio.wait_for(server.wait_closed(), 1)
        print("wait_closed returned at once")
    except asyncio.TimeoutError:
        print("wait_closed still waiting for the connection")
    writer.close()
    await finished.wait()
    await server.wait_closed()
    print("closed")


async def events():
    return asyncio.Event(), asyncio.Event()


def legacy_shutdown(loop):
    """A legacy server's own shutdown, outside any coroutine: close(), then run wait_closed()."""
    connected, finished = loop.run_until_complete(events())
    server = loop.run_until_complete(asyncio.start_server(handler(connected, finished), "127.0.0.1", 0))
    port = server.sockets[0].getsockname()[1]
    reader, writer = loop.run_until_complete(asyncio.open_connection("127.0.0.1", port))
    loop.run_until_complete(connected.wait())
    server.close()
    loop.call_later(1, writer.close)  # the client leaves after 1 s (else 3.12+ waits here for ever)
    start = loop.time()
    loop.run_until_complete(server.wait_closed())
    print("run_until_complete(server.wait_closed()) returned after {:.0f} s".format(loop.time() - start))
    loop.run_until_complete(finished.wait())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
    legacy_shutdown(loop)
finally:
    loop.close()
