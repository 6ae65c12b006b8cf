"""Articles from the web: article URLs, RSS and Atom feeds, OPML lists of feeds.

A URL is fetched (ingest/fetch.py: public addresses only, bounded) and read by what it
holds: an OPML list's feeds are each read; a feed's items are each fetched as an article
page, the feed's own text for the item standing in when the page cannot be fetched or
holds no article; anything else is read as an article page. Feed and OPML files on disk
are read the same way. Every failure names the feed or URL and the item.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from newsfuse._exceptions import FeedError, FetchError, NoArticleTextError
from newsfuse.ingest.feeds import (
    FeedItem,
    feed_items,
    looks_like_feed,
    looks_like_opml,
    opml_feeds,
)
from newsfuse.ingest.fetch import FetchPolicy, fetch
from newsfuse.ingest.files import decode
from newsfuse.ingest.html import field_text, read_html
from newsfuse.ingest.metadata import ArticleFields
from newsfuse.models import Rejection

# Fetching a feed's items stops after this long; the items left are reported, not lost.
FEED_SECONDS = 300.0
_MINIMUM_FEED_TEXT_WORDS = 40


def read_url(url: str, policy: FetchPolicy) -> Iterator[ArticleFields | Rejection]:
    try:
        fetched = fetch(url, policy)
    except FetchError as error:
        yield Rejection(url, str(error))
        return
    yield from read_document(url, fetched.body, policy, fetched.url)


def read_document(
    shown_as: str, body: bytes, policy: FetchPolicy, url: str | None = None, nested: bool = False
) -> Iterator[ArticleFields | Rejection]:
    """What a fetched or local document holds: the feeds of an OPML list, the items of a
    feed, or the article of a page."""
    try:
        if looks_like_opml(body):
            yield from _opml(shown_as, body, policy, nested)
        elif looks_like_feed(body):
            yield from _feed(shown_as, body, policy)
        else:
            yield _page(shown_as, body, url)
    except FeedError as error:
        yield Rejection(shown_as, str(error))


def _opml(
    shown_as: str, body: bytes, policy: FetchPolicy, nested: bool
) -> Iterator[ArticleFields | Rejection]:
    if nested:
        yield Rejection(shown_as, "an OPML list inside an OPML list is not followed")
        return
    for feed in opml_feeds(body):
        try:
            fetched = fetch(feed, policy)
        except FetchError as error:
            yield Rejection(shown_as, str(error), f"feed {feed}")
            continue
        yield from read_document(feed, fetched.body, policy, fetched.url, nested=True)


def _feed(shown_as: str, body: bytes, policy: FetchPolicy) -> Iterator[ArticleFields | Rejection]:
    deadline = time.monotonic() + FEED_SECONDS
    for number, item in enumerate(feed_items(body, policy.max_feed_items), start=1):
        where = f"item {number}: {item.link}" if item.link else f"item {number}"
        if time.monotonic() > deadline:
            yield Rejection(
                shown_as, f"not fetched: the feed's {FEED_SECONDS:.0f} s ran out", where
            )
            continue
        yield _item_article(shown_as, item, where, policy)


def _item_article(
    shown_as: str, item: FeedItem, where: str, policy: FetchPolicy
) -> ArticleFields | Rejection:
    problem = "the item has no link"
    if item.link:
        try:
            fetched = fetch(item.link, policy)
            page = _page(item.link, fetched.body, fetched.url)
        except FetchError as error:
            problem = str(error)
        else:
            if isinstance(page, ArticleFields):
                return _with_item_fields(page, item)
            problem = page.reason
    try:
        text = field_text(item.text) if item.text else ""
    except NoArticleTextError:
        text = ""  # the feed's text for it is too large to read
    if len(text.split()) >= _MINIMUM_FEED_TEXT_WORDS:
        return ArticleFields(
            path=item.link or f"{shown_as}#{where}",
            raw_text=text,
            title=item.title,
            url=item.link,
            published=item.published,
        )
    return Rejection(shown_as, f"{problem}, and the feed's own text for it is too short", where)


def _with_item_fields(page: ArticleFields, item: FeedItem) -> ArticleFields:
    """The page's fields, completed by what the feed says of the item."""
    return ArticleFields(
        path=page.path,
        raw_text=page.raw_text,
        title=page.title or item.title,
        url=page.url or item.link,
        outlet=page.outlet,
        published=page.published or item.published,
        author=page.author,
        found_by=page.found_by,
    )


def _page(shown_as: str, body: bytes, url: str | None) -> ArticleFields | Rejection:
    html = decode(body, shown_as)
    if isinstance(html, Rejection):
        return html
    try:
        return read_html(shown_as, html, url)
    except NoArticleTextError as error:
        return Rejection(shown_as, str(error))
