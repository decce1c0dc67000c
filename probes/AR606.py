"""AR606 transport-socket-io: I/O on the socket of transport.get_extra_info('socket') (or server.sockets)."""
import asyncio


async def main():
    received = asyncio.Queue()

    async def handle(reader, writer):
        await received.put(await reader.readline())  # b"" if the client closes first
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    sock = writer.get_extra_info("socket")
    try:
        sock.send(b"sent on the socket itself\n")  # past the transport: 3.8 wraps it in a TransportSocket
    finally:
        writer.close()
        line = await received.get()
        server.close()
        await server.wait_closed()
        await asyncio.sleep(0)  # the transports' connection_lost, which closes their sockets
    print("the server read:", line.decode().strip())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
