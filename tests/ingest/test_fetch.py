from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from newsfuse.ingest.fetch import USER_AGENT, FetchError, FetchPolicy, checked_address, fetch

from .conftest import LocalSite


def _allowing(site: LocalSite, **changes: object) -> FetchPolicy:
    return FetchPolicy(
        allowed_hosts=frozenset({site.host_port}), first_pause_seconds=0.01, **changes
    )


def test_a_page_is_fetched_with_a_user_agent(site: LocalSite) -> None:
    site.routes["/a"] = (200, {"Content-Type": "text/html"}, b"<p>hello</p>")
    fetched = fetch(site.base + "/a", _allowing(site))
    assert (fetched.body, fetched.content_type) == (b"<p>hello</p>", "text/html")
    assert site.requests == [("/a", USER_AGENT)]


@pytest.mark.parametrize(
    ("host", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("localhost", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("169.254.169.254", "link-local"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
    ],
)
def test_addresses_that_are_not_public_are_refused(host: str, kind: str) -> None:
    with pytest.raises(FetchError, match=f"resolves to a {kind} address"):
        checked_address(host, 80, FetchPolicy())


def test_a_loopback_server_is_refused_unless_allowed_by_host_and_port(site: LocalSite) -> None:
    site.routes["/a"] = (200, {}, b"ok")
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 resolves to a loopback address"):
        fetch(site.base + "/a", FetchPolicy())
    assert site.requests == []  # refused before any connection


def test_a_redirect_to_a_loopback_address_is_refused(site: LocalSite) -> None:
    site.routes["/go"] = (302, {"Location": "http://127.0.0.1:9/admin"}, b"")
    site.routes["/elsewhere"] = (301, {"Location": "http://localhost:1/secret"}, b"")
    policy = _allowing(site)
    for path in ("/go", "/elsewhere"):
        with pytest.raises(FetchError, match="resolves to a loopback address"):
            fetch(site.base + path, policy)


def test_redirects_on_the_allowed_host_are_followed_and_bounded(site: LocalSite) -> None:
    site.routes["/old"] = (301, {"Location": "/new"}, b"")
    site.routes["/new"] = (200, {}, b"moved")
    site.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    assert fetch(site.base + "/old", _allowing(site)).url == site.base + "/new"
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(site.base + "/loop", _allowing(site))


def test_bodies_over_the_limit_are_refused(site: LocalSite) -> None:
    site.routes["/big"] = (200, {}, b"x" * 2000)
    with pytest.raises(FetchError, match="larger than the limit of 1,000 bytes"):
        fetch(site.base + "/big", _allowing(site, max_bytes=1000))


def test_failures_are_retried_with_backoff_then_reported(site: LocalSite) -> None:
    answers = iter([(503, {}, b"busy"), (200, {}, b"fine")])
    site.routes["/flaky"] = lambda: next(answers)
    assert fetch(site.base + "/flaky", _allowing(site)).body == b"fine"
    site.routes["/down"] = (503, {}, b"busy")
    with pytest.raises(FetchError, match="HTTP 503"):
        fetch(site.base + "/down", _allowing(site, attempts=2))
    assert [path for path, _ in site.requests].count("/down") == 2
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(site.base + "/missing", _allowing(site))


def test_only_http_urls_are_fetched() -> None:
    for url in ("file:///etc/passwd", "ftp://example.com/x", "gopher://x"):
        with pytest.raises(FetchError, match="not an http"):
            fetch(url, FetchPolicy())


def test_a_name_that_resolves_to_a_private_address_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    def resolve(host: str, port: int, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        address = {"metadata.evil.example": "169.254.169.254", "mixed.evil.example": "10.0.0.8"}
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address[host], port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(FetchError, match=r"metadata\.evil\.example resolves to a link-local"):
        fetch("http://metadata.evil.example/latest/meta-data/", FetchPolicy())
    with pytest.raises(FetchError, match="resolves to a private address"):
        fetch("https://mixed.evil.example/", FetchPolicy())


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://example.com:99999/a", "not a valid URL (Port out of range"),
        ("http://[::1/", "not a valid URL (Invalid IPv6 URL)"),
        ("http://a..b/news", "not a valid host name: a..b"),
        ("http://" + "x" * 70 + ".example/", "not a valid host name"),
    ],
)
def test_urls_that_cannot_be_read_are_fetch_errors(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=re.escape(reason)):
        fetch(url, FetchPolicy())


def test_a_redirect_to_a_bad_port_is_a_fetch_error(site: LocalSite) -> None:
    site.routes["/odd"] = (302, {"Location": "http://127.0.0.1:99999/x"}, b"")
    with pytest.raises(FetchError, match="Port out of range"):
        fetch(site.base + "/odd", _allowing(site))


@pytest.fixture
def dripping() -> Iterator[str]:
    """A server that answers at once, then sends its body a byte every 0.2 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.recv(4096)
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
                for _ in range(1000):
                    if stop.wait(0.2):
                        return
                    try:
                        connection.sendall(b"x")
                    except OSError:
                        break

    threading.Thread(target=serve, daemon=True).start()
    yield f"127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def test_a_server_dripping_bytes_cannot_hold_an_attempt_past_its_deadline(dripping: str) -> None:
    policy = FetchPolicy(
        allowed_hosts=frozenset({dripping}),
        timeout_seconds=1.0,
        attempts=2,
        first_pause_seconds=0.01,
    )
    started = time.monotonic()
    with pytest.raises(FetchError, match="no whole answer within 1 s"):
        fetch(f"http://{dripping}/slow", policy)
    assert time.monotonic() - started < 3.5  # two attempts of 1 s, not 200 s of drips
