"""`newsfuse serve`: the web UI on a real HTTP server (standard library, one thread a request).

It listens on the loopback address unless told otherwise: the store may hold what a user
would not publish. On the loopback address it answers only requests naming it as their
host, so a web page elsewhere cannot read the store through a name rebound to 127.0.0.1.
Only GET and HEAD are answered; every response says not to sniff types, not to be framed,
and to run no script.
"""

from __future__ import annotations

import ipaddress
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from newsfuse.web.app import App, Page

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
    except Exception:  # one broken page must not take the server down; say what broke
        traceback.print_exc(file=sys.stderr)
        return Page(500, "text/plain; charset=utf-8", b"newsfuse could not make this page\n")


def make_server(app: App, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server answering for `app`; port 0 takes any free port (see `server_address`)."""

    names: set[str] = set()

    class Handler(BaseHTTPRequestHandler):
        server_version = "newsfuse"
        sys_version = ""

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def _answer(self, send_body: bool) -> None:
            if names and (self.headers.get("Host") or "").lower() not in names:
                page = Page(421, "text/plain; charset=utf-8", b"not a name of this server\n")
            elif len(self.path) > _LONGEST_PATH:
                page = Page(414, "text/plain; charset=utf-8", b"path too long\n")
            else:
                page = _answered(app, self.path)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            for name, value in SECURITY_HEADERS.items():
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(page.body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the command prints where it listens; per-request lines would drown it

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    if _is_loopback(host):
        bound = server.server_address[1]
        names.update(f"{name}:{bound}" for name in ("127.0.0.1", "localhost", "[::1]", host))
    return server


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
