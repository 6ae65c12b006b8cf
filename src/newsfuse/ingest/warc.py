"""WARC crawl archives (`.warc`, `.warc.gz`): each HTML page a crawler fetched is an article.

Records are read one at a time, so an archive of any size costs the memory of its largest
page. Only successful HTML responses (and HTML resource records) can be articles; requests,
metadata, redirects, error pages, images and scripts are what a crawl also holds, and are
passed over without a word. A page without article text, a page larger than the record
limit or an archive broken part way is reported, naming the record, and the rest go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsfuse.ingest.files import InputFile, Limits, decode
from newsfuse.ingest.html import NoArticleTextError, read_html
from newsfuse.ingest.metadata import ArticleFields
from newsfuse.models import Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(item: InputFile, limits: Limits) -> Iterator[ArticleFields | Rejection]:
    """The articles of the HTML pages in a WARC file, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with item.path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.format != "warc" or record.rec_type is None:
                    yield Rejection(
                        item.shown_as, "not a readable WARC archive", f"record {number}"
                    )
                    return
                page = _html_page(record)
                if page is not None:
                    yield _article(item, number, record, page, limits)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as error:
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
