"""concurrent_downloads: 99 pages downloaded with a blocking HTTP client, ten at a time.

Style generator_coroutine (3.4-3.10): urllib blocks, so each download runs
in a thread with loop.run_in_executor(pool, ...), awaited by one of 99 tasks
made with ensure_future and gathered; an asyncio.Semaphore lets ten at a
time in: acquire() and release() in try/finally, as `with (yield from
semaphore):` warns from 3.7 and fails from 3.9 (TypeError: 'Semaphore'
object is not iterable). The pool is an explicit
ThreadPoolExecutor(max_workers=10): the default pool's size depends on the
interpreter and the machine (5 x CPUs before 3.8, min(32, CPUs + 4) since).
The `with` block shuts the pool down; the server, on the same loop, answers
at once; server.close() and yield from server.wait_closed() stop it.
"""
import asyncio
import collections
import concurrent.futures
import urllib.error
import urllib.request

PAGES = 99
LIMIT = 10  # downloads at once: the semaphore's value and the pool's size

# No proxies: a proxy variable in the environment must not reroute 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def download(url):
    """The blocking client, run in a pool thread: (status, bytes read)."""
    try:
        with OPENER.open(url) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        with error:  # the error is the response: close it too
            return error.code, len(error.read())


@asyncio.coroutine
def serve_page(reader, writer):
    request = yield from reader.readline()  # b"GET /page/17 HTTP/1.1\r\n"
    while (yield from reader.readline()) not in (b"\r\n", b""):
        pass  # skip the request headers
    number = int(request.split()[1].rsplit(b"/", 1)[1])
    if number % 25:
        status, body = "200 OK", "<p>page {}</p>\n".format(number) * number
    else:
        status, body = "404 Not Found", "no page {}\n".format(number)
    writer.write("HTTP/1.0 {}\r\nContent-Length: {}\r\n\r\n{}".format(status, len(body), body).encode())
    yield from writer.drain()
    writer.close()
    # Before 3.7 there is no wait_closed(): with its buffer empty, close()
    # calls connection_lost() (which closes the socket) on the next loop pass.
    yield from asyncio.sleep(0)


@asyncio.coroutine
def fetch(url, semaphore, pool, in_flight):
    yield from semaphore.acquire()
    in_flight["now"] += 1
    in_flight["most"] = max(in_flight["most"], in_flight["now"])
    try:
        return (yield from asyncio.get_event_loop().run_in_executor(pool, download, url))
    finally:
        in_flight["now"] -= 1
        semaphore.release()


@asyncio.coroutine
def main():
    server = yield from asyncio.start_server(serve_page, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    urls = ["http://127.0.0.1:{}/page/{}".format(port, n) for n in range(1, PAGES + 1)]
    print("downloading", len(urls), "pages,", LIMIT, "at a time")
    semaphore = asyncio.Semaphore(LIMIT)
    in_flight = {"now": 0, "most": 0}  # downloads inside the semaphore
    with concurrent.futures.ThreadPoolExecutor(max_workers=LIMIT) as pool:
        tasks = [asyncio.ensure_future(fetch(url, semaphore, pool, in_flight)) for url in urls]
        results = yield from asyncio.gather(*tasks)
    server.close()
    yield from server.wait_closed()
    print("pages:", len(results))
    print("bytes:", sum(size for _, size in results))
    statuses = collections.Counter(status for status, _ in results)
    print("statuses:", ", ".join("{} x {}".format(*item) for item in sorted(statuses.items())))
    # The first ten tasks take the semaphore in the loop's first pass, before
    # any download can finish: the most is exactly LIMIT, never more.
    print("most downloads in flight at once:", in_flight["most"])


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
