"""streams_http: three tiny HTTP servers and a client fetching from all three at once, with streams.

Style generator_coroutine (3.4-3.10): asyncio.start_server() hands each
connection to a handler as (StreamReader, StreamWriter);
asyncio.open_connection() gives the client the same pair. No loop= argument
(deprecated in 3.8, removed in 3.10). StreamWriter.wait_closed() is new in
3.7, so this port closes a writer the 3.6 way (see close()). The servers are
closed with server.close() and yield from server.wait_closed(), which since
3.12.1 also waits until every connection is closed: the handlers close their
writers, so a port to 3.12+ does not hang there. The three fetches run as
tasks; each server answers after its own delay, so they finish in that
order.
"""
import asyncio

SITES = (("sina", 2), ("sohu", 1), ("163", 3))  # name, seconds the server takes to answer


@asyncio.coroutine
def close(writer):
    writer.close()
    # Before 3.7 there is no wait_closed(): with its buffer empty, close()
    # calls connection_lost() (which closes the socket) on the next loop pass.
    yield from asyncio.sleep(0)


def http_handler(name, delay):
    @asyncio.coroutine
    def handle(reader, writer):
        request = yield from reader.readline()
        while (yield from reader.readline()) not in (b"\r\n", b""):
            pass  # skip the request headers
        yield from asyncio.sleep(delay)
        print(name, "server answers", request.decode().rstrip())
        body = "Hello from " + name
        head = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n".format(len(body))
        writer.write((head + body).encode())
        yield from writer.drain()
        yield from close(writer)  # HTTP/1.0: the end of the body is the end of the connection
    return handle


@asyncio.coroutine
def wget(name, port):
    print("wget " + name + "...")
    reader, writer = yield from asyncio.open_connection("127.0.0.1", port)
    writer.write("GET / HTTP/1.0\r\nHost: {}\r\n\r\n".format(name).encode())
    yield from writer.drain()
    status = yield from reader.readline()
    print(name, "status >", status.decode().rstrip())
    while (yield from reader.readline()) not in (b"\r\n", b""):
        pass  # skip the response headers
    body = yield from reader.read()  # until the server closes
    print(name, "body >", body.decode())
    yield from close(writer)


@asyncio.coroutine
def main():
    servers = []
    ports = {}
    for name, delay in SITES:
        server = yield from asyncio.start_server(http_handler(name, delay), "127.0.0.1", 0)
        servers.append(server)
        ports[name] = server.sockets[0].getsockname()[1]
    tasks = [asyncio.ensure_future(wget(name, ports[name])) for name, _ in SITES]
    yield from asyncio.gather(*tasks)
    for server in servers:
        server.close()
        yield from server.wait_closed()
    print("servers closed")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
