"""Hash files' contents in the default executor, from a coroutine given the loop (2015)."""
import asyncio
import hashlib

DATA = [b"spam", b"eggs", b"ham"]


def digest(data):
    return hashlib.sha256(data).hexdigest()[:12]


@asyncio.coroutine
def hash_all(loop, items):
    futures = [loop.run_in_executor(None, digest, item) for item in items]
    results = yield from asyncio.gather(*futures)
    for item, result in zip(items, results):
        print(item.decode(), result)
    return len(results)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    count = loop.run_until_complete(hash_all(loop, DATA))
    print("hashed", count)
    loop.close()
