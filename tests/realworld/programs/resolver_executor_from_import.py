"""Blocking calls kept off the loop: loop.getaddrinfo and run_in_executor, from asyncio import ... (2015)."""
import hashlib
import socket
import time
from asyncio import as_completed, coroutine, gather, get_event_loop, sleep
from concurrent.futures import ThreadPoolExecutor


def checksum(data):
    time.sleep(0.01)  # pretend it is slow
    return hashlib.sha1(data).hexdigest()[:8]


@coroutine
def resolve(loop, host, port):
    infos = yield from loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    family, _, _, _, address = infos[0]
    return family.name, address


@coroutine
def hash_all(loop, blobs):
    results = []
    for future in as_completed([loop.run_in_executor(None, checksum, blob) for blob in blobs], loop=loop):
        results.append((yield from future))
        yield from sleep(0, loop=loop)
    return sorted(results)


@coroutine
def main(loop):
    addresses = yield from gather(*[resolve(loop, "127.0.0.1", port) for port in (80, 443)], loop=loop)
    print("resolved:", addresses)
    sums = yield from hash_all(loop, [b"spam", b"eggs", b"ham"])
    print("checksums:", sums)


if __name__ == "__main__":
    loop = get_event_loop()
    loop.set_default_executor(ThreadPoolExecutor(2))
    loop.run_until_complete(main(loop))
    loop.close()
