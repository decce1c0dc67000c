"""AR601 server-wait-closed: server.close() + await server.wait_closed() while a client is still connected."""
import asyncio


async def main():
    connected, finished = asyncio.Event(), asyncio.Event()

    async def handle(reader, writer):
        connected.set()
        await reader.read()  # until the client closes
        writer.close()
        finished.set()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
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


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
