"""`newsfuse serve`: the web UI on a real HTTP server (standard library, a thread a request).

It listens on the loopback address unless told otherwise: the store may hold what a user
would not publish. On the loopback address it answers only requests naming it as their
host, so a web page elsewhere cannot read the store through a name rebound to 127.0.0.1.
Only GET and HEAD are answered; every response, errors included, says not to sniff types,
not to be framed, and to run no script.

Bounds: a backlog of waiting connections, at most `MAX_THREADS` requests handled at once
(the rest wait in the backlog), each client given `IDLE_SECONDS` for any read and
`REQUEST_SECONDS` to send its whole request (a client sending a byte now and then cannot
hold a thread), HTTP/0.9 refused. A client that leaves early is not an error.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from newsfuse.defaults import HOST, PORT
from newsfuse.faults import one_line, printable
from newsfuse.web.app import App, Page

MAX_THREADS = 32
BACKLOG = 128
IDLE_SECONDS = 10.0
REQUEST_SECONDS = 30.0

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_LONGEST_PATH = 2048


def _answered(app: App, path: str) -> Page:
    parts = urlsplit(path)
    try:
        return app.get(parts.path, parts.query)
    except Exception as error:  # one broken page must not take the server down; say what
        print(f"newsfuse: {printable(path)}: {one_line(error)}", file=sys.stderr)
        return Page(500, "text/plain; charset=utf-8", b"newsfuse could not make this page\n")


class _Server(ThreadingHTTPServer):
    """A threading server with a real backlog and a bound on threads, on IPv4 or IPv6,
    answering for one app and, when not empty, only requests naming one of `names`."""

    request_queue_size = BACKLOG
    daemon_threads = True

    def __init__(self, address: tuple[str, int], app: App) -> None:
        self.address_family = _family(*address)
        self.app = app
        self.names: set[str] = set()
        self._slots = threading.BoundedSemaphore(MAX_THREADS)
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        self._slots.acquire()  # when all are busy, new connections wait in the backlog
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return  # the client left or went quiet: nothing to report
        print(f"newsfuse: a request failed: {one_line(error or Exception())}", file=sys.stderr)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "newsfuse"
    sys_version = ""
    timeout = IDLE_SECONDS
    # Errors found before the request's version is read (HTTP/9.9, a malformed line) are
    # answered as HTTP/1.0 would be, with a status line and headers, not as HTTP/0.9.
    default_request_version = "HTTP/1.0"

    def setup(self) -> None:
        super().setup()
        self._deadline = threading.Timer(REQUEST_SECONDS, self._too_slow)
        self._deadline.daemon = True
        self._deadline.start()

    def _too_slow(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def finish(self) -> None:
        self._deadline.cancel()
        with contextlib.suppress(OSError):
            super().finish()

    def parse_request(self) -> bool:
        understood = super().parse_request()
        self._deadline.cancel()  # the request is in; the answer may take its time
        if understood and len(self.requestline.split()) < 3:
            self.send_error(400, "HTTP/0.9 is not spoken here")
            return False
        return understood

    def end_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)  # on every response: pages and errors
        super().end_headers()

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        names = self.server.names
        if names and (self.headers.get("Host") or "").lower() not in names:
            page = Page(421, "text/plain; charset=utf-8", b"not a name of this server\n")
        elif len(self.path) > _LONGEST_PATH:
            page = Page(414, "text/plain; charset=utf-8", b"path too long\n")
        else:
            page = _answered(self.server.app, self.path)
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        for name, value in page.headers:
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(page.body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the command prints where it listens; per-request lines would drown it


def _family(host: str, port: int) -> socket.AddressFamily:
    try:
        return socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)[0][0]
    except (socket.gaierror, UnicodeError):
        return socket.AF_INET  # binding then names the host that cannot be used


def make_server(app: App, host: str = HOST, port: int = PORT) -> ThreadingHTTPServer:
    """A server answering for `app`; port 0 takes any free port (see `server_address`)."""
    server = _Server((host, port), app)
    if _is_loopback(host):
        bound = server.server_address[1]
        names = ("127.0.0.1", "localhost", "[::1]", host, f"[{host}]")
        server.names.update(f"{name}:{bound}" for name in names)
    return server


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
