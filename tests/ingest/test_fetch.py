from __future__ import annotations

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
