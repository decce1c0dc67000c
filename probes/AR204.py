"""AR204 loop-argument-streams: passing loop= to asyncio.start_server (and open_connection, the unix variants)."""
import asyncio


async def handle(reader, writer):
    writer.close()


async def main(loop):
    server = await asyncio.start_server(handle, "127.0.0.1", 0, loop=loop)
    print("listening:", bool(server.sockets))
    server.close()
    await server.wait_closed()


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main(loop))
finally:
    loop.close()
