#!/usr/bin/python3
"""A stand-in for a content server, for the update tests; 127.0.0.1 only.

Usage: update_server.py ROOT PORT_FILE [SECONDS]
GET /NAME serves ROOT/NAME, except when ROOT/NAME.redirect exists (a 307 to the URL it holds; for
a POST too), ROOT/NAME.hang exists (the answer never comes: the
connection stays open without a byte until the client gives up, at most 60 s) or ROOT/NAME.truncate
exists (the headers promise the whole file, half of it is sent, then the connection closes).
POST appends the body as one line to ROOT/heartbeats.jsonl. Writes its port to PORT_FILE and
ends by itself after SECONDS (default 300)."""
import http.server
import os
import sys
import threading
import time

root, port_file = sys.argv[1], sys.argv[2]
lifetime = float(sys.argv[3]) if len(sys.argv) > 3 else 300.0
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def redirected(self):
        path = os.path.join(root, os.path.basename(self.path.split("?")[0])) + ".redirect"
        if not os.path.isfile(path):
            return False
        with open(path) as f:
            where = f.read().strip()
        self.send_response(307)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return True

    def do_GET(self):
        name = os.path.basename(self.path.split("?")[0])
        path = os.path.join(root, name)
        if self.redirected():
            return
        if os.path.exists(path + ".hang"):
            end = time.monotonic() + 60
            while time.monotonic() < end and os.path.exists(path + ".hang"):
                time.sleep(0.1)
            self.close_connection = True
            return
        if not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as f:
            data = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if os.path.exists(path + ".truncate"):
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(data)

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n).decode("utf-8", "replace")
        if self.redirected():
            return
        with lock, open(os.path.join(root, "heartbeats.jsonl"), "a") as out:
            out.write(body.replace("\n", " ") + "\n")
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
threading.Timer(lifetime, server.shutdown).start()
server.serve_forever()
