# Python's minimal stdlib server with the same endpoints as bench/server.du: one thread per
# connection (ThreadingHTTPServer), keep-alive. Run: python3 bench/server_py.py 8092
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Buffer each response and send it in one write (the handler flushes after every request):
    # headers and body as two small writes meet the client's delayed ACK under Nagle, adding
    # 40 ms to every keep-alive request, which measures TCP, not Python.
    wbufsize = -1

    def do_GET(self):
        if self.path == "/ping":
            self.reply(b"pong")
        elif self.path == "/delay":
            time.sleep(1)
            self.reply(b"done")
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def reply(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 8192


Server(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8092), Handler).serve_forever()
