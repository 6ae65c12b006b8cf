from __future__ import annotations

import gzip
import time
import tracemalloc
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.ingest import Limits, read_inputs
from newsfuse.models import Article, Rejection

from .test_html import PARAGRAPHS, _page

ARTICLE = _page("".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS))
OTHER = ARTICLE.replace("Two tugboats", "Three tugboats").replace("ship", "tanker")


def _write(path: Path, records: list[tuple[str, str, str, bytes, str]], gz: bool = True) -> None:
    """Records of (type, url, HTTP status, body, content type) as a crawler writes them."""
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=gz)
        for kind, url, status, body, content_type in records:
            if kind == "response":
                headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
                record = writer.create_warc_record(
                    url, "response", payload=BytesIO(body), http_headers=headers
                )
            else:
                record = writer.create_warc_record(
                    url,
                    kind,
                    payload=BytesIO(body),
                    warc_content_type=content_type,
                )
            writer.write_record(record)


def test_every_fetched_html_page_of_a_crawl_is_an_article(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write(
        path,
        [
            ("request", "https://a.example/ship", "", b"GET /ship HTTP/1.1\r\n\r\n", "x"),
            ("response", "https://a.example/ship", "200 OK", ARTICLE.encode(), "text/html"),
            ("response", "https://a.example/logo.png", "200 OK", b"\x89PNG", "image/png"),
            ("response", "https://a.example/gone", "404 Not Found", b"<html/>", "text/html"),
            ("response", "https://a.example/old", "301 Moved", b"", "text/html"),
            ("resource", "https://b.example/tanker", "", OTHER.encode("cp1252"), "text/html"),
        ],
    )
    result = read_inputs([str(path)])
    assert result.rejections == ()
    [ship, tanker] = result.articles
    assert isinstance(ship, Article)
    assert ship.path == f"{path}#record2"
    assert ship.title == "Ship strikes bridge"
    assert "Two tugboats reached the vessel" in ship.raw_text
    assert "Three tugboats" in tanker.raw_text
    assert tanker.url == "https://tribune.example/tanker"  # the page's canonical link


def test_a_page_without_text_is_named_and_the_rest_are_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    empty = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    _write(
        path,
        [
            ("response", "https://a.example/menu", "200 OK", empty.encode(), "text/html"),
            ("response", "https://a.example/ship", "200 OK", ARTICLE.encode(), "text/html"),
        ],
        gz=False,
    )
    result = read_inputs([str(path)])
    assert len(result.articles) == 1
    assert [r.describe() for r in result.rejections] == [
        f"{path} (record 1: https://a.example/menu): no article text found in the HTML"
    ]


def test_a_page_over_the_record_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write(path, [("response", "https://a.example/big", "200 OK", ARTICLE.encode(), "text/html")])
    result = read_inputs([str(path)], Limits(max_record_bytes=100))
    assert result.articles == ()
    [rejection] = result.rejections
    assert "page too large (limit 100 bytes)" in rejection.reason


@pytest.mark.parametrize(
    "content",
    [b"this is not an archive at all", gzip.compress(b"WARC/1.0\r\nbroken")],
    ids=["text", "broken-gzip-header"],
)
def test_a_broken_archive_is_reported_not_fatal(tmp_path: Path, content: bytes) -> None:
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Bridge closed\n\nThe harbor bridge closed on Monday after a ship hit it.\n")
    result = read_inputs([str(broken), str(good)])
    assert [a.path for a in result.articles] == [str(good)]
    [rejection] = result.rejections
    assert isinstance(rejection, Rejection)
    assert rejection.path == str(broken)
    assert rejection.describe() == f"{broken} (record 1): not a readable WARC archive"


def test_an_archive_cut_short_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    _write(
        whole,
        [
            ("response", "https://a.example/ship", "200 OK", ARTICLE.encode(), "text/html"),
            ("response", "https://b.example/tanker", "200 OK", OTHER.encode(), "text/html"),
        ],
        gz=False,
    )
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 200])
    result = read_inputs([str(cut)])
    assert len(result.articles) == 1
    [rejection] = result.rejections
    assert rejection.describe() == (
        f"{cut} (record 2: https://b.example/tanker): the archive ends inside this record"
    )


def _gzip_member(path: Path, head: bytes, filler: bytes, size: int, tail: bytes = b"") -> None:
    """A gzip member of `head`, then `filler` repeated to `size` bytes, then `tail`:
    compressed as it is written, so the test never holds the inflated bytes."""
    with (
        path.open("ab") as output,
        gzip.GzipFile(fileobj=output, mode="wb", compresslevel=1) as member,
    ):
        member.write(head)
        block = filler * (1024 * 1024 // len(filler))
        for _ in range(size // len(block)):
            member.write(block)
        member.write(tail)


def test_a_header_line_inflating_to_512_mib_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "header-bomb.warc.gz"
    _write(path, [("response", "https://a.example/ship", "200 OK", ARTICLE.encode(), "text/html")])
    _gzip_member(path, b"WARC/1.0\r\nWARC-Type: response\r\nX-Bomb: ", b"a", 512 * 1024 * 1024)
    assert path.stat().st_size < 3 * 1024 * 1024  # inflating over 200-fold
    tracemalloc.start()
    started = time.monotonic()
    result = read_inputs([str(path)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    [article] = result.articles  # the record before the bomb is kept
    assert "Two tugboats" in article.raw_text
    [rejection] = result.rejections
    assert rejection.reason == "not a readable WARC archive: a line longer than 17,825,792 bytes"
    assert rejection.where == "after record 1"
    assert time.monotonic() - started < 10 and peak < 200 * 1024 * 1024


def test_an_archive_inflating_a_thousandfold_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "body-bomb.warc.gz"
    head = (
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://a.example/x\r\n"
        b"Content-Type: text/plain\r\nContent-Length: 1073741824\r\n\r\n"
    )
    _gzip_member(path, head, b"word\n", 1024 * 1024 * 1024)
    started = time.monotonic()
    [rejection] = read_inputs([str(path)]).rejections
    assert rejection.reason.endswith("it inflates more than 100 times (a bomb?)")
    assert time.monotonic() - started < 10
