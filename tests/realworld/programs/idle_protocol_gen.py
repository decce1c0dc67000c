"""A line protocol that hangs up on idle clients (call_later), each command run as a task (2015)."""
import asyncio


class CommandProtocol(asyncio.Protocol):
    timeout = 0.3

    def __init__(self, loop, log):
        self.loop, self.log, self.buffer = loop, log, b""

    def connection_made(self, transport):
        self.transport = transport
        self.idle = self.loop.call_later(self.timeout, self.hang_up)

    def data_received(self, data):
        self.idle.cancel()
        self.idle = self.loop.call_later(self.timeout, self.hang_up)
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            self.loop.create_task(self.handle(line.decode()))

    @asyncio.coroutine
    def handle(self, line):
        command, _, arg = line.partition(" ")
        yield from asyncio.sleep(0.01, loop=self.loop)
        self.log.append(command)
        self.transport.write("{} {}\n".format(command.upper(), arg[::-1]).encode())

    def hang_up(self):
        self.log.append("idle")
        self.transport.close()

    def connection_lost(self, exc):
        self.idle.cancel()


class Client(asyncio.Protocol):
    def __init__(self, closed):
        self.closed, self.received = closed, b""

    def data_received(self, data):
        self.received += data

    def connection_lost(self, exc):
        self.closed.set_result(self.received.decode().splitlines())


@asyncio.coroutine
def main(loop):
    log = []
    server = yield from loop.create_server(lambda: CommandProtocol(loop, log), "127.0.0.1", 0)
    closed = asyncio.Future(loop=loop)
    transport, _ = yield from loop.create_connection(
        lambda: Client(closed), *server.sockets[0].getsockname())
    transport.write(b"echo hello\n")
    yield from asyncio.sleep(0.05, loop=loop)
    transport.write(b"shout abc\n")
    replies = yield from asyncio.wait_for(closed, 2, loop=loop)
    print("replies:", replies)
    print("server log:", log)
    server.close()
    yield from server.wait_closed()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
