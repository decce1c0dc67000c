"""Ask two mirrors for the same file and keep the first answer (star import, 2015)."""
import http.server
import socketserver
import threading
import time
from asyncio import *


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/slow"):
            time.sleep(1)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"release notes from " + self.path.encode())

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@coroutine
def download(port, mirror):
    reader, writer = yield from open_connection("127.0.0.1", port)
    writer.write("GET /{}/notes.txt HTTP/1.0\r\n\r\n".format(mirror).encode())
    data = yield from reader.read()
    writer.close()
    return data.partition(b"\r\n\r\n")[2].decode()


@coroutine
def fastest(port):
    done, pending = yield from wait([download(port, "slow"), download(port, "fast")],
                                    return_when=FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    yield from sleep(0.01)
    return [task.result() for task in done]


if __name__ == "__main__":
    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    loop = get_event_loop()
    print(loop.run_until_complete(fastest(httpd.server_address[1])))
    loop.close()
    httpd.shutdown()
