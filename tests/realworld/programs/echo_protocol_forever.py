"""Echo server kept up by run_forever(); the client task's done callback stops the loop.

A script: the loop is looked up at import time, there is no __main__ block.
"""
import asyncio

loop = asyncio.get_event_loop()


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        print("server: connection made")
        self.transport = transport

    def data_received(self, data):
        self.transport.write(b"> " + data)

    def connection_lost(self, exc):
        print("server: connection lost")


async def talk(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for line in (b"hello\n", b"world\n"):
        writer.write(line)
        replies.append((await reader.readline()).decode().strip())
    writer.close()
    return replies


server = loop.run_until_complete(loop.create_server(Echo, "127.0.0.1", 0))
port = server.sockets[0].getsockname()[1]
task = loop.create_task(talk(port))
task.add_done_callback(lambda _: loop.stop())
loop.run_forever()
print(task.result())
server.close()
loop.run_until_complete(server.wait_closed())
loop.run_until_complete(asyncio.sleep(0.01))
loop.close()
