"""Tiny crawler: follows the links of a local site, fetching with open_connection (2015)."""
import asyncio
import http.server
import re
import socketserver
import threading

PAGES = {
    "/": '<a href="/a">a</a> <a href="/b">b</a>',
    "/a": '<a href="/c">c</a> <a href="/b">b</a>',
    "/b": '<a href="/">home</a>',
    "/c": '<a href="/missing">gone</a>',
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = PAGES.get(self.path)
        self.send_response(404 if body is None else 200)
        self.end_headers()
        self.wfile.write((body or "not found").encode())

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def read_status(reader):
    # A helper generator: the status code, after skipping the headers.
    status = yield from reader.readline()
    while (yield from reader.readline()) not in (b"\r\n", b""):
        pass
    return int(status.split()[1])


@asyncio.coroutine
def fetch(port, path, loop):
    reader, writer = yield from asyncio.open_connection("127.0.0.1", port, loop=loop)
    writer.write("GET {} HTTP/1.0\r\n\r\n".format(path).encode())
    status = yield from read_status(reader)
    body = yield from reader.read()
    writer.close()
    return status, body.decode()


@asyncio.coroutine
def crawl(port, loop):
    seen, todo = set(), {"/"}
    while todo:
        paths = sorted(todo)
        seen |= todo
        results = yield from asyncio.gather(*[fetch(port, path, loop) for path in paths], loop=loop)
        todo = set()
        for path, (status, body) in zip(paths, results):
            links = re.findall(r'href="([^"]+)"', body)
            print(path, status, sorted(links))
            todo |= set(links) - seen
    return seen


if __name__ == "__main__":
    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    loop = asyncio.get_event_loop()
    try:
        pages = loop.run_until_complete(crawl(httpd.server_address[1], loop))
        print("crawled", len(pages), "pages")
    finally:
        loop.close()
        httpd.shutdown()
