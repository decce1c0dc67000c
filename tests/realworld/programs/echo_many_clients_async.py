"""A word-count server and its clients in one program; each log line names its task via Task.current_task() (2016)."""
import asyncio

names = {}


def log(message):
    task = asyncio.Task.current_task()
    print("[{}] {}".format(names.get(task, "server"), message))


async def count_words(reader, writer):
    data = await reader.read(100)
    writer.write(str(len(data.split())).encode())
    await writer.drain()
    writer.close()


async def ask(text, port, loop):
    await asyncio.sleep(len(text) / 100, loop=loop)  # the shorter texts go first
    reader, writer = await asyncio.open_connection("127.0.0.1", port, loop=loop)
    writer.write(text.encode())
    words = int(await reader.read(100))
    log("{!r} has {} words".format(text, words))
    writer.close()
    return words


def main():
    loop = asyncio.get_event_loop()
    server = loop.run_until_complete(asyncio.start_server(count_words, "127.0.0.1", 0, loop=loop))
    port = server.sockets[0].getsockname()[1]
    texts = ["a b c d e f g", "one", "the quick brown fox"]
    tasks = []
    for number, text in enumerate(texts):
        task = asyncio.ensure_future(ask(text, port, loop), loop=loop)
        names[task] = "client-{}".format(number)
        tasks.append(task)
    total = loop.run_until_complete(asyncio.gather(*tasks, loop=loop))
    print("total words:", sum(total), "current task outside the loop:", asyncio.Task.current_task(loop=loop))
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()


if __name__ == "__main__":
    main()
