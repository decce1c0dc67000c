"""Pipeline: a producer feeds words to a Queue, a stage runs each through a child process."""
import subprocess
import sys
from asyncio import *

UPPER = "import sys; sys.stdout.write(sys.stdin.read().upper())"


@coroutine
def shout(word):
    proc = yield from create_subprocess_exec(sys.executable, "-c", UPPER,
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = yield from proc.communicate(word.encode())
    return out.decode()


@coroutine
def produce(queue, words):
    for word in words:
        yield from queue.put(word)
    yield from queue.put(None)


@coroutine
def stage(queue):
    results = []
    while True:
        word = yield from queue.get()
        if word is None:
            return results
        results.append((yield from shout(word)))


if __name__ == "__main__":
    loop = get_event_loop()
    queue = Queue()
    producer = Task(produce(queue, ["stop", "look", "listen"]))
    print(loop.run_until_complete(stage(queue)))
    print("producer done:", producer.done())
    loop.close()
