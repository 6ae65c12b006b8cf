from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# path -> (status, headers, body); a callable answer is asked anew at each request.
Answer = tuple[int, dict[str, str], bytes]


@dataclass
class LocalSite:
    """A web server on the loopback address, started by the test, answering what it is told."""

    base: str
    host_port: str
    routes: dict[str, Answer | Callable[[], Answer]] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    routes: dict[str, Answer | Callable[[], Answer]] = {}
    requests: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append((self.path, self.headers.get("User-Agent", "")))
            answer = routes.get(self.path, (404, {}, b"not here"))
            status, headers, body = answer() if callable(answer) else answer
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    yield LocalSite(f"http://127.0.0.1:{port}", f"127.0.0.1:{port}", routes, requests)
    server.shutdown()
    server.server_close()
