"""RSS and Atom feeds, and OPML lists of feeds: what they point to.

Feeds are read by feedparser, the parser feed readers trust with the feeds of the real web
(RSS 0.9x to 2.0, RDF, Atom; malformed ones as far as they can be read, as a feed reader
does). A feed item becomes a `FeedItem`: its link, title, date and whatever text the feed
carries (a full `content:encoded` or Atom `content`, else its summary). OPML lists give
feed URLs. Feeds are untrusted XML: a document declaring entities is refused outright
(they can expand without bound), the body is handed over as a stream (feedparser reads a
string it is given as a URL or a file name), and nothing is fetched while parsing.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from newsfuse._exceptions import FeedError
from newsfuse.text.dates import normalize_date

_DECLARES_ENTITIES = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class FeedItem:
    link: str | None
    title: str | None
    published: str | None
    text: str | None  # HTML or plain text the feed carries for the item


def looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return (
        head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)
    ) or head.startswith((b"<rss", b"<feed"))


def looks_like_opml(body: bytes) -> bool:
    return b"<opml" in body[:2048].lower()


def _refuse_entities(body: bytes) -> None:
    if _DECLARES_ENTITIES.search(body):
        raise FeedError("the XML declares entities (refused: they can expand without bound)")


def _parse(body: bytes) -> ElementTree.Element:
    _refuse_entities(body)
    try:
        return ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise FeedError(f"invalid XML: {error}") from error


def feed_items(body: bytes, limit: int) -> list[FeedItem]:
    """The first `limit` items of an RSS (0.9x, 1.0, 2.0) or Atom feed."""
    import feedparser

    _refuse_entities(body)
    parsed = feedparser.parse(io.BytesIO(body))
    entries = list(parsed.entries)
    if not entries and parsed.get("bozo"):
        raise FeedError(f"invalid XML: {parsed.get('bozo_exception')}")
    if not parsed.get("version") and not entries:
        raise FeedError("not an RSS or Atom feed")
    return [_item(entry) for entry in entries[:limit]]


def _item(entry: Any) -> FeedItem:
    date = entry.get("published") or entry.get("updated")
    content = entry.get("content") or []
    text = next((part.get("value") for part in content if part.get("value")), None)
    return FeedItem(
        link=_stripped(entry.get("link")),
        title=_stripped(entry.get("title")),
        published=normalize_date(date) if date else None,
        text=_stripped(text) or _stripped(entry.get("summary")),
    )


def _stripped(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def opml_feeds(body: bytes) -> list[str]:
    """The feed URLs an OPML document lists, in order, each once."""
    root = _parse(body)
    if root.tag != "opml":
        raise FeedError(f"not an OPML document (its root is <{root.tag}>)")
    urls = (outline.get("xmlUrl") for outline in root.iter("outline"))
    return list(dict.fromkeys(url.strip() for url in urls if url and url.strip()))
