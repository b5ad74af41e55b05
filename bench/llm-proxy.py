#!/usr/bin/env python3
"""A recording HTTP proxy for bench/llm-overhead.

  llm-proxy.py PORT UPSTREAM LOG       # e.g. 58481 http://127.0.0.1:58480 log.jsonl

Listens on 127.0.0.1:PORT and forwards every request to UPSTREAM unchanged.
Appends one JSON line per POST to LOG: the request body as sent, when the
proxy began sending it upstream and when it had read the whole answer
(epoch seconds), the HTTP status, and the answer's usage (prompt and
completion tokens). Both the Voyageur run and the direct run go through it,
so its own cost falls on both alike.
"""

import http.client
import http.server
import json
import sys
import threading
import time
import urllib.parse

port = int(sys.argv[1])
upstream = urllib.parse.urlsplit(sys.argv[2])
log = open(sys.argv[3], "a", buffering=1)
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args):
        pass

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept", "authorization")}
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=600)
        started = time.time()
        connection.request(self.command, self.path, body=body, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        finished = time.time()
        connection.close()
        if self.command == "POST":
            usage = {}
            try:
                usage = json.loads(data).get("usage") or {}
            except ValueError:
                pass
            record = {
                "path": self.path, "started": started, "finished": finished, "status": answer.status,
                "prompt_tokens": usage.get("prompt_tokens"), "completion_tokens": usage.get("completion_tokens"),
                "body": body.decode() if body else "",
            }
            with lock:
                log.write(json.dumps(record) + "\n")
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.getheader("Content-Type") or "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = forward
    do_POST = forward


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", port), Handler).serve_forever()
