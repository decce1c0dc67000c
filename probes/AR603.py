"""AR603 stream-writer-unclosed: a client StreamWriter dropped without close()."""
import asyncio
import gc
import re
import warnings


async def main():
    server_side = []

    async def handle(reader, writer):
        server_side.append(writer)
        await reader.read()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    del reader, writer  # never closed
    gc.collect()
    await asyncio.sleep(0)
    for peer in server_side:
        peer.close()
    server.close()
    await asyncio.sleep(1)


with warnings.catch_warnings(record=True) as caught:  # the messages hold fds and addresses
    warnings.simplefilter("always")
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
    gc.collect()
print("warnings:", sorted({"{}: {}".format(w.category.__name__, re.sub(r"<(\w+).*", r"<\1 ...>", str(w.message)))
                           for w in caught}))
