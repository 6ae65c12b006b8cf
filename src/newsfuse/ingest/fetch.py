"""Fetch a URL a user gave, safely: only public addresses, within size and time limits.

A URL's host is resolved and every address it resolves to must be a public one; the
connection then goes to that very address (so a name cannot resolve to a public address
for the check and a private one for the request). Each redirect is checked the same way.
Private, loopback, link-local, multicast and reserved addresses are refused unless the user
allowed that host and port by name (an intranet server, a test server). Bodies are read up
to a limit; each attempt has a timeout, failed attempts (no connection, timeouts, 429 and
5xx answers) are retried with a growing pause, and the request says who is asking.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsfuse._version import __version__

USER_AGENT = f"newsfuse/{__version__} (offline news briefs; +https://pypi.org/project/newsfuse/)"
_RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 8 * 1024 * 1024
    timeout_seconds: float = 15.0
    attempts: int = 3
    first_pause_seconds: float = 0.5  # doubled after each failed attempt
    max_redirects: int = 5
    max_feed_items: int = 200
    # "host:port" pairs the user allows although they are not public addresses.
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)


class FetchError(Exception):
    """The URL could not be fetched, or was refused; the message says why."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    """The body at `url`, following redirects, each hop checked."""
    for _ in range(policy.max_redirects + 1):
        status, headers, body = _with_retries(url, policy)
        if status in _REDIRECTS and headers.get("location"):
            url = urljoin(url, headers["location"])
            continue
        if not 200 <= status < 300:
            raise FetchError(f"the server answered HTTP {status}")
        return Fetched(url, headers.get("content-type", ""), body)
    raise FetchError(f"more than {policy.max_redirects} redirects")


def _with_retries(url: str, policy: FetchPolicy) -> tuple[int, dict[str, str], bytes]:
    pause = policy.first_pause_seconds
    for attempt in range(1, policy.attempts + 1):
        try:
            status, headers, body = _request(url, policy)
        except (OSError, http.client.HTTPException) as error:
            if attempt == policy.attempts:
                raise FetchError(f"cannot fetch it: {error}") from error
        else:
            if status not in _RETRIED_STATUSES or attempt == policy.attempts:
                return status, headers, body
        time.sleep(pause)
        pause *= 2
    raise AssertionError("unreachable: the last attempt returns or raises")


def _request(url: str, policy: FetchPolicy) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = checked_address(parts.hostname, port, policy)
    connection = _connection(parts.scheme, parts.hostname, address, port, policy)
    try:
        path = parts.path or "/"
        connection.request(
            "GET",
            f"{path}?{parts.query}" if parts.query else path,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        )
        response = connection.getresponse()
        body = response.read(policy.max_bytes + 1)
        if len(body) > policy.max_bytes:
            raise FetchError(f"larger than the limit of {policy.max_bytes:,} bytes")
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, body
    finally:
        connection.close()


def checked_address(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to for `host`, refusing what is not public (unless allowed)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve {host}: {error.strerror}") from error
    addresses = sorted({str(item[4][0]) for item in found})
    allowed = f"{host}:{port}" in policy.allowed_hosts
    for address in addresses:
        kind = _not_public(address)
        if kind is not None and not allowed:
            raise FetchError(f"refused: {host} resolves to a {kind} address ({address})")
    return addresses[0]


def _not_public(address: str) -> str | None:
    ip = ipaddress.ip_address(address.split("%", maxsplit=1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("loopback", ip.is_loopback),
        ("unspecified", ip.is_unspecified),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-public", not ip.is_global),
    )
    return next((kind for kind, matches in checks if matches), None)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address, whatever the host name resolves to by then."""

    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def _connection(
    scheme: str, host: str, address: str, port: int, policy: FetchPolicy
) -> http.client.HTTPConnection:
    kind = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    return kind(host, address, port, policy.timeout_seconds)
