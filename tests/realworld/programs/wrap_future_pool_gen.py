"""A thread pool shared with non-asyncio code: executor.submit() futures brought in with asyncio.wrap_future (2015)."""
import asyncio
import concurrent.futures
import hashlib

pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)


def checksum(data):
    return hashlib.sha1(data).hexdigest()[:10]


def fails(data):
    raise ValueError("cannot hash {!r}".format(data))


@asyncio.coroutine
def hash_all(blobs, loop):
    futures = [asyncio.wrap_future(pool.submit(checksum, blob), loop=loop) for blob in blobs]
    done, _ = yield from asyncio.wait(futures, loop=loop)
    return [f.result() for f in futures]


@asyncio.coroutine
def main(loop):
    print("hashes:", (yield from hash_all([b"spam", b"eggs", b"ham"], loop)))
    try:
        yield from asyncio.wrap_future(pool.submit(fails, b"bad"), loop=loop)
    except ValueError as exc:
        print("error crossed over:", exc)
    cf = pool.submit(checksum, b"shared")
    print("same result in both worlds:", (yield from asyncio.wrap_future(cf, loop=loop)) == cf.result())
    wrapped = asyncio.wrap_future(pool.submit(sum, [1, 2, 3]), loop=loop)
    print("wrapped is an asyncio future:", isinstance(wrapped, asyncio.Future), (yield from wrapped))


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main(loop))
    finally:
        pool.shutdown()
        loop.close()
