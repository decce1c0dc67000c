"""streams_http: three tiny HTTP servers and a client fetching from all three at once, with streams.

Style modern_taskgroup (3.11+): asyncio.start_server() hands each connection
to a handler as (StreamReader, StreamWriter); asyncio.open_connection()
gives the client the same pair. No loop= argument (removed in 3.10). A
writer is closed with writer.close() and then await writer.wait_closed()
(3.7+). `async with server:` (here through contextlib.AsyncExitStack, for
three servers) closes it and awaits server.wait_closed(), which since 3.12.1
also waits until every connection is closed: the handlers close their
writers, so nothing hangs. A TaskGroup runs the three fetches; each server
answers after its own delay, so they finish in that order.
"""
import asyncio
import contextlib

SITES = (("sina", 2), ("sohu", 1), ("163", 3))  # name, seconds the server takes to answer


async def close(writer):
    writer.close()
    await writer.wait_closed()


def http_handler(name, delay):
    async def handle(reader, writer):
        request = await reader.readline()
        while await reader.readline() not in (b"\r\n", b""):
            pass  # skip the request headers
        await asyncio.sleep(delay)
        print(name, "server answers", request.decode().rstrip())
        body = "Hello from " + name
        head = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n".format(len(body))
        writer.write((head + body).encode())
        await writer.drain()
        await close(writer)  # HTTP/1.0: the end of the body is the end of the connection
    return handle


async def wget(name, port):
    print("wget " + name + "...")
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write("GET / HTTP/1.0\r\nHost: {}\r\n\r\n".format(name).encode())
    await writer.drain()
    status = await reader.readline()
    print(name, "status >", status.decode().rstrip())
    while await reader.readline() not in (b"\r\n", b""):
        pass  # skip the response headers
    body = await reader.read()  # until the server closes
    print(name, "body >", body.decode())
    await close(writer)


async def main():
    async with contextlib.AsyncExitStack() as servers:
        ports = {}
        for name, delay in SITES:
            server = await asyncio.start_server(http_handler(name, delay), "127.0.0.1", 0)
            await servers.enter_async_context(server)
            ports[name] = server.sockets[0].getsockname()[1]
        async with asyncio.TaskGroup() as tg:
            for name, _ in SITES:
                tg.create_task(wget(name, ports[name]))
    print("servers closed")


if __name__ == "__main__":
    asyncio.run(main())
