"""Fetch pages and handle each as soon as it arrives: wait(FIRST_COMPLETED) in a loop (2015)."""
import asyncio
import http.server
import socketserver
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(("x" * len(self.path)).encode())

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@asyncio.coroutine
def page_size(port, path):
    reader, writer = yield from asyncio.open_connection("127.0.0.1", port)
    writer.write("GET {} HTTP/1.0\r\n\r\n".format(path).encode())
    data = yield from reader.read()
    writer.close()
    return path, len(data.partition(b"\r\n\r\n")[2])


@asyncio.coroutine
def sizes(port, paths):
    pending = []
    for path in paths:
        pending.append(page_size(port, path))
    sizes = {}
    while pending:
        done, pending = yield from asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            path, size = task.result()
            sizes[path] = size
    return sizes


if __name__ == "__main__":
    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(sizes(httpd.server_address[1], ["/", "/docs", "/docs/index.html"]))
    for path in sorted(result):
        print(path, result[path])
    loop.close()
    httpd.shutdown()
