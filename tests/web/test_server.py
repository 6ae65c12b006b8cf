from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from newsfuse.web import App, Page
from newsfuse.web.server import SECURITY_HEADERS


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
