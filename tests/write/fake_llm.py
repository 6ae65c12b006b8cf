"""A small OpenAI-compatible server on loopback that answers with scripted replies.

Each POST to /v1/chat/completions takes the next step of the script: a reply text (sent as
a chat completion), a function of the request's body giving one, or one of `HANG` (answer nothing until the test ends), an HTTP status
(an int: the server fails), `MALFORMED` (a body that is not JSON) or `NO_CHOICES` (JSON
with no completion). The last step repeats. Every request is kept, headers and body, for
the tests to read.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HANG = "<hang>"
MALFORMED = "<malformed>"
NO_CHOICES = "<no choices>"
Step = str | int | Callable[[dict[str, Any]], str]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeLlm:
    url: str  # the API base, as a user gives it: http://127.0.0.1:PORT/v1
    requests: list[Request] = field(default_factory=list)


@contextmanager
def fake_llm(*script: Step) -> Iterator[FakeLlm]:
    steps = list(script)
    released = threading.Event()
    lock = threading.Lock()
    served = FakeLlm(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            with lock:
                served.requests.append(Request(self.path, dict(self.headers), body))
                step = steps.pop(0) if len(steps) > 1 else steps[0]
            if self.path != "/v1/chat/completions":
                self._send(404, b'{"error": "no such endpoint"}')
            elif step == HANG:
                released.wait(30)
            elif isinstance(step, int):
                self._send(step, b'{"error": "scripted failure"}')
            elif step == MALFORMED:
                self._send(200, b"<html>this is not json")
            elif step == NO_CHOICES:
                self._send(200, b'{"choices": []}')
            else:
                content = step(body) if callable(step) else step
                message = {"role": "assistant", "content": content}
                answer = {"object": "chat.completion", "choices": [{"message": message}]}
                self._send(200, json.dumps(answer).encode())

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            if 300 <= status < 400:
                self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield served
    finally:
        released.set()
        server.shutdown()
        server.server_close()


def retelling(body: dict[str, Any]) -> str:
    """A reply telling the first fact of the request in its own words, word for word, and
    a hostile invented sentence: one to keep, one to drop."""
    asked = body["messages"][-1]["content"]
    first = next(line for line in asked.splitlines() if line.startswith("F1 ["))
    text = first.split("]: ", 1)[1]
    return f"{text} [F1]\n<script>alert(1)</script> 99 ships sank. [F1]"
