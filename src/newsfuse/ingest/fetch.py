"""Fetch a URL a user gave, safely: only public addresses, within size and time limits.

A URL's host is resolved and every address it resolves to must be a public one; the
connection then goes to that very address (so a name cannot resolve to a public address
for the check and a private one for the request). Each redirect is checked the same way.
Private, loopback, link-local, multicast and reserved addresses are refused unless the user
allowed that host and port by name (an intranet server, a test server). Bodies are read up
to a limit; each attempt has a deadline for the whole exchange (a server sending a byte
now and then cannot hold it longer), failed attempts (no connection, timeouts, 429 and 5xx
answers) are retried with a growing pause, and the request says who is asking. A URL that
cannot be read (a bad port, an empty host label, broken brackets) is a `FetchError` too.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsfuse._exceptions import FetchError
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
            try:
                url = urljoin(url, headers["location"])
            except ValueError as error:
                raise FetchError(f"a redirect to a bad URL ({error})") from None
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


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str  # with its query


def _target(url: str) -> _Target:
    """Where `url` points, or `FetchError` if it cannot be read as an http(s) URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:  # "Port out of range 0-65535", "Invalid IPv6 URL"
        raise FetchError(f"not a valid URL ({error}): {url}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url}")
    try:
        parts.hostname.encode("idna")
    except UnicodeError:  # an empty or overlong label: "a..b"
        raise FetchError(f"not a valid host name: {parts.hostname}") from None
    path = parts.path or "/"
    return _Target(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port or (443 if parts.scheme == "https" else 80),
        path=f"{path}?{parts.query}" if parts.query else path,
    )


def _request(url: str, policy: FetchPolicy) -> tuple[int, dict[str, str], bytes]:
    target = _target(url)
    address = checked_address(target.host, target.port, policy)
    connection = _connection(target.scheme, target.host, address, target.port, policy)
    expired = threading.Event()
    # A timeout bounds each wait for a byte, not the exchange: at the deadline the socket is
    # shut, which ends whatever read is under way.
    timer = threading.Timer(policy.timeout_seconds, _expire, (connection, expired))
    timer.daemon = True
    timer.start()
    try:
        connection.request(
            "GET",
            target.path,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        )
        response = connection.getresponse()
        body = response.read(policy.max_bytes + 1)
        if expired.is_set():
            raise TimeoutError
        if len(body) > policy.max_bytes:
            raise FetchError(f"larger than the limit of {policy.max_bytes:,} bytes")
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, body
    except (OSError, http.client.HTTPException):
        if expired.is_set():
            raise TimeoutError(f"no whole answer within {policy.timeout_seconds:g} s") from None
        raise
    finally:
        timer.cancel()
        connection.close()


def _expire(connection: http.client.HTTPConnection, expired: threading.Event) -> None:
    expired.set()
    if connection.sock is not None:
        with contextlib.suppress(OSError):
            connection.sock.shutdown(socket.SHUT_RDWR)


def checked_address(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to for `host`, refusing what is not public (unless allowed)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve {host}: {error.strerror}") from error
    except UnicodeError:
        raise FetchError(f"not a valid host name: {host}") from None
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
