from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from newsfuse.web import App, Page, make_server
from newsfuse.web import server as server_module
from newsfuse.web.server import MAX_THREADS, SECURITY_HEADERS


def _fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_pages_carry_the_security_headers(base_url: str) -> None:
    status, headers, body = _fetch(base_url + "/")
    assert status == 200 and body.startswith(b"<!doctype html>")
    for name, value in SECURITY_HEADERS.items():
        assert headers[name] == value
    assert "script-src" not in headers["Content-Security-Policy"]


def test_head_answers_without_a_body_and_long_paths_are_refused(base_url: str) -> None:
    status, headers, body = _fetch(base_url + "/", "HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    assert _fetch(base_url + "/story/" + "x" * 5000)[0] == 414
    assert _fetch(base_url + "/no/such/page")[0] == 404


def test_a_broken_page_answers_500_and_the_server_goes_on(
    base_url: str, web_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = App.get

    def broken(self: App, path: str, query: str = "") -> Page:
        if path == "/broken":
            raise RuntimeError("a bug")
        return original(self, path, query)

    monkeypatch.setattr(App, "get", broken)
    assert _fetch(base_url + "/broken")[0] == 500
    assert _fetch(base_url + "/")[0] == 200


def test_requests_naming_another_host_are_refused(base_url: str) -> None:
    request = urllib.request.Request(base_url + "/api/stories", headers={"Host": "evil.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 421
    port = base_url.rsplit(":", 1)[1]
    for name in (f"localhost:{port}", f"127.0.0.1:{port}"):
        request = urllib.request.Request(base_url + "/", headers={"Host": name})
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status == 200


def test_a_bounded_concurrent_load_gets_no_errors(base_url: str, web_app: App) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from load import hammer, paths_to_visit

    found = hammer(base_url, paths_to_visit(web_app), clients=8, seconds=3.0)
    assert found["requests"] >= 16 and found["errors"] == 0


def _raw(base_url: str, request: bytes, read_seconds: float = 10.0) -> bytes:
    """What the server answers to `request` sent as it is, on a socket of its own."""
    host, port = base_url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=read_seconds) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", b"501"),
        (b"DELETE /story/x HTTP/1.0\r\n\r\n", b"501"),
        (b"GET / HTTP/9.9\r\n\r\n", b"505"),
        (b"GET /\r\n\r\n", b"400"),  # HTTP/0.9: would be answered with no status line
        (b"NONSENSE\r\n\r\n", b"400"),
        (b"GET / HTTP/1.1 extra words\r\n\r\n", b"400"),
    ],
)
def test_every_error_answer_has_a_status_line_and_the_security_headers(
    base_url: str, request_bytes: bytes, status: bytes
) -> None:
    answer = _raw(base_url, request_bytes)
    assert answer.startswith(b"HTTP/1.0 " + status) or answer.startswith(b"HTTP/1.1 " + status)
    head = answer.split(b"\r\n\r\n", 1)[0].decode()
    for name, value in SECURITY_HEADERS.items():
        assert f"{name}: {value}" in head


def test_two_hundred_clients_at_once_are_all_answered(base_url: str) -> None:
    answers: list[int] = []

    def visit() -> None:
        answers.append(_fetch(base_url + "/api/stories")[0])

    clients = [threading.Thread(target=visit) for _ in range(200)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    assert answers == [200] * 200


@pytest.fixture
def quick_server(web_app: App, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A server that gives a client 1 s for any read and 2 s for its whole request."""
    monkeypatch.setattr(server_module._Handler, "timeout", 1.0)
    monkeypatch.setattr(server_module, "REQUEST_SECONDS", 2.0)
    server = make_server(web_app, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_idle_and_dripping_clients_are_let_go(quick_server: str) -> None:
    host, port = quick_server.removeprefix("http://").rsplit(":", 1)
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=30) as idle:
        idle.sendall(b"GET / HTTP/1.1\r\n")  # and nothing more
        assert idle.recv(1024) == b""  # closed by the server
    assert time.monotonic() - started < 5
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=30) as dripping:
        with contextlib.suppress(OSError):
            for byte in b"GET / HTTP/1.1\r\nX-Slow: " + b"a" * 100:
                dripping.sendall(bytes([byte]))
                time.sleep(0.5)  # each byte within the read timeout, the whole far past
        assert time.monotonic() - started < 8
    assert _fetch(quick_server + "/")[0] == 200


def test_held_connections_cannot_use_up_the_threads(quick_server: str) -> None:
    host, port = quick_server.removeprefix("http://").rsplit(":", 1)
    held = [socket.create_connection((host, int(port))) for _ in range(MAX_THREADS + 8)]
    try:
        time.sleep(0.5)  # the server takes in what its slots allow
        # Request threads of every server in this process (other tests' too, finishing).
        handling = [t for t in threading.enumerate() if "process_request_thread" in t.name]
        status = _fetch(quick_server + "/")[0]  # answered once the idle ones are let go
        assert status == 200
        assert len(handling) <= MAX_THREADS + 16, len(handling)
    finally:
        for connection in held:
            connection.close()


def test_a_client_leaving_early_is_no_error(
    base_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    host, port = base_url.removeprefix("http://").rsplit(":", 1)
    for _ in range(5):
        with socket.create_connection((host, int(port))) as connection:
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            connection.sendall(b"GET /api/stories HTTP/1.0\r\nHost: 127.0.0.1:" + port.encode())
            connection.sendall(b"\r\n\r\n")
        # closed at once with a reset, before the answer is read
    assert _fetch(base_url + "/")[0] == 200
    assert "Traceback" not in capfd.readouterr().err


def test_ipv6_loopback_is_served(web_app: App) -> None:
    server = make_server(web_app, "::1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status, headers, _ = _fetch(f"http://[::1]:{server.server_address[1]}/")
        assert status == 200 and "Content-Security-Policy" in headers
    finally:
        server.shutdown()
        server.server_close()
