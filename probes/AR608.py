"""AR608 asyncio-server-name: asyncio.Server, the class start_server() returns, named from asyncio."""
import asyncio


async def main():
    server = await asyncio.start_server(lambda reader, writer: None, "127.0.0.1", 0)
    try:
        print("start_server returns an asyncio.Server:", isinstance(server, asyncio.Server))
    finally:
        server.close()
        await server.wait_closed()


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
