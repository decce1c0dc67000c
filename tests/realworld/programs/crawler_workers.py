"""Crawler with a pool of worker coroutines on a Queue, each fetch under wait_for (2016)."""
import asyncio
import http.server
import socketserver
import threading
import time

try:
    from asyncio import JoinableQueue
except ImportError:  # asyncio.Queue has join() since 3.4.4
    from asyncio import Queue as JoinableQueue

PATHS = ["/", "/about", "/slow", "/contact", "/nowhere"]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(3)
        found = self.path != "/nowhere"
        self.send_response(200 if found else 404)
        self.end_headers()
        self.wfile.write(b"page " + self.path.encode())

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


async def fetch(path, port, loop):
    reader, writer = await asyncio.open_connection("127.0.0.1", port, loop=loop)
    try:
        writer.write("GET {} HTTP/1.0\r\n\r\n".format(path).encode())
        data = await reader.read()
    finally:
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return "{} {}".format(head.split()[1].decode(), body.decode())


async def worker(queue, results, port, loop):
    while True:
        path = await queue.get()
        try:
            results[path] = await asyncio.wait_for(fetch(path, port, loop), 0.5, loop=loop)
        except asyncio.TimeoutError:
            results[path] = "timed out"
        queue.task_done()


async def crawl(port, loop):
    queue = JoinableQueue(loop=loop)
    for path in PATHS:
        queue.put_nowait(path)
    results = {}
    workers = [asyncio.ensure_future(worker(queue, results, port, loop), loop=loop) for _ in range(3)]
    await queue.join()
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True, loop=loop)
    for path in sorted(results):
        print(path, "->", results[path])


if __name__ == "__main__":
    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    loop = asyncio.get_event_loop()
    loop.run_until_complete(crawl(httpd.server_address[1], loop))
    loop.close()
