"""WARC crawl archives (`.warc`, `.warc.gz`): each HTML page a crawler fetched is an article.

Records are read one at a time, so an archive of any size costs the memory of its largest
page. Only successful HTML responses (and HTML resource records) can be articles; requests,
metadata, redirects, error pages, images and scripts are what a crawl also holds, and are
passed over without a word. A page without article text, a page larger than the record
limit or an archive broken part way is reported, naming the record, and the rest go on.

warcio reads a record's header lines whole, however long: the archive is inflated here,
before warcio sees it, and a line longer than a page may be (a header bomb: a few hundred
kB that inflate to one line of 512 MiB) or an archive inflating more than a hundredfold
ends the reading of that archive with a rejection, the records before it kept.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsfuse._exceptions import NoArticleTextError
from newsfuse.ingest.files import InputFile, Limits, decode, open_regular
from newsfuse.ingest.html import read_html
from newsfuse.ingest.metadata import ArticleFields
from newsfuse.models import Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(item: InputFile, limits: Limits) -> Iterator[ArticleFields | Rejection]:
    """The articles of the HTML pages in a WARC file, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with open_regular(item.path) as raw:
            stream = InflatedArchive(raw, limits.max_record_bytes)
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.format != "warc" or record.rec_type is None:
                    yield Rejection(
                        item.shown_as, "not a readable WARC archive", f"record {number}"
                    )
                    return
                page = _html_page(record)
                if page is not None:
                    yield _article(item, number, record, page, limits)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as error:
        where = f"after record {number}" if number else None
        yield Rejection(item.shown_as, f"not a readable WARC archive: {error}", where)


def _html_page(record: Any) -> str | None:
    """The target URI of a record that holds a fetched HTML page, else None."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    if record.rec_type == "response":
        if headers is None or not headers.get_statuscode().startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    return str(record.rec_headers.get_header("WARC-Target-URI") or "")


def _article(
    item: InputFile, number: int, record: Any, url: str, limits: Limits
) -> ArticleFields | Rejection:
    where = f"record {number}: {url}" if url else f"record {number}"
    body = record.content_stream().read(limits.max_record_bytes + 1)
    if len(body) > limits.max_record_bytes:
        return Rejection(
            item.shown_as, f"page too large (limit {limits.max_record_bytes:,} bytes)", where
        )
    if getattr(record.raw_stream, "limit", 0) > 0:  # bytes the record promised but lacks
        return Rejection(item.shown_as, "the archive ends inside this record", where)
    html = decode(body, item.shown_as)
    if isinstance(html, Rejection):
        return Rejection(item.shown_as, html.reason, where)
    try:
        return read_html(f"{item.shown_as}#record{number}", html, url or None)
    except NoArticleTextError as error:
        return Rejection(item.shown_as, str(error), where)


_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024
# Crawl archives inflate three- to tenfold; a hundredfold is a bomb, not a crawl.
MOST_INFLATION = 100
_INFLATION_ALLOWANCE = 64 * 1024 * 1024  # small archives may inflate more, up to this


class InflatedArchive(io.RawIOBase):
    """An archive's bytes as warcio reads them: gzip members inflated one after another,
    at most `_CHUNK` bytes at a time, refusing (ValueError) a line longer than a page may
    be or inflation past `MOST_INFLATION` times the bytes read."""

    def __init__(self, raw: BinaryIO, max_record_bytes: int) -> None:
        super().__init__()
        self._raw = raw
        self._longest_line = max_record_bytes + 1024 * 1024  # a page, and its headers
        self._inflater: Any = None
        self._pending = b""  # compressed bytes not yet inflated
        self._gzipped: bool | None = None
        self._read = 0  # compressed bytes read
        self._served = 0
        self._line = 0  # bytes served since the last newline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._next(len(buffer))
        buffer[: len(data)] = data
        self._check(data)
        return len(data)

    def _next(self, size: int) -> bytes:
        size = min(size, _CHUNK)
        if self._gzipped is None:
            self._pending = self._raw.read(_CHUNK)
            self._read += len(self._pending)
            self._gzipped = self._pending.startswith(_GZIP_MAGIC)
        if not self._gzipped:
            data, self._pending = self._pending[:size], self._pending[size:]
            if not data:
                data = self._raw.read(size)
                self._read += len(data)
            return data
        return self._inflated(size)

    def _inflated(self, size: int) -> bytes:
        while True:
            if self._inflater is None or self._inflater.eof:
                rest = self._inflater.unused_data if self._inflater is not None else b""
                self._pending = rest + self._pending
                if not self._pending:
                    self._pending = self._raw.read(_CHUNK)
                    self._read += len(self._pending)
                    if not self._pending:
                        return b""
                self._inflater = zlib.decompressobj(wbits=31)  # the next gzip member
            if not self._pending:
                self._pending = self._raw.read(_CHUNK)
                self._read += len(self._pending)
                if not self._pending:
                    # not EOFError: warcio takes that for the archive's end, silently
                    raise ValueError("the archive ends inside a compressed member")
            data: bytes = self._inflater.decompress(self._pending, size)
            self._pending = self._inflater.unconsumed_tail
            if data:
                return data

    def _check(self, data: bytes) -> None:
        self._served += len(data)
        newline = data.rfind(b"\n")
        self._line = len(data) - newline - 1 if newline >= 0 else self._line + len(data)
        if self._line > self._longest_line:
            raise ValueError(f"a line longer than {self._longest_line:,} bytes")
        if self._served > MOST_INFLATION * self._read + _INFLATION_ALLOWANCE:
            raise ValueError(f"it inflates more than {MOST_INFLATION} times (a bomb?)")
