#!/usr/bin/env python3
"""The sweep bench's local HTTP server (the target of its check_tcp and check_http services).

usage: server.py PORT DIR

Python's threading HTTP server on 127.0.0.1:PORT serving DIR, with a listen backlog of $BACKLOG (default 511, what
nginx and Apache httpd ask for on Linux; Python's own default is 5, which a sweep's many concurrent connections
overflow: the kernel then drops SYNs and each client waits 1 s to retransmit, see bench/README.md).
"""
import functools
import http.server
import os
import sys


class Server(http.server.ThreadingHTTPServer):
    request_queue_size = int(os.environ.get("BACKLOG", "511"))
    daemon_threads = True


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    Server(("127.0.0.1", port), functools.partial(Quiet, directory=directory)).serve_forever()


if __name__ == "__main__":
    main()
