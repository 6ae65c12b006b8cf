"""RSS and Atom feeds, and OPML lists of feeds: what they point to.

A feed item becomes a `FeedItem`: its link, title, date and whatever text the feed carries
(a full `content:encoded` or Atom `content`, else its summary). OPML lists give feed URLs.
Feeds are untrusted XML: a document declaring entities is refused outright (the standard
parser expands internal ones), and no external resource is ever loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from newsfuse._exceptions import FeedError
from newsfuse.dates import normalize_date

_DECLARES_ENTITIES = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DUBLIN_CORE_DATE = "{http://purl.org/dc/elements/1.1/}date"


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


def _parse(body: bytes) -> ElementTree.Element:
    if _DECLARES_ENTITIES.search(body):
        raise FeedError("the XML declares entities (refused: they can expand without bound)")
    try:
        return ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise FeedError(f"invalid XML: {error}") from error


def feed_items(body: bytes, limit: int) -> list[FeedItem]:
    """The first `limit` items of an RSS (0.9x, 1.0, 2.0) or Atom feed."""
    root = _parse(body)
    if root.tag == f"{_ATOM}feed":
        entries = root.findall(f"{_ATOM}entry")
        return [_atom_item(entry) for entry in entries[:limit]]
    items = root.findall("./channel/item") or root.findall("{http://purl.org/rss/1.0/}item")
    if root.tag not in ("rss", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"):
        raise FeedError(f"not an RSS or Atom feed (its root is <{root.tag}>)")
    return [_rss_item(item) for item in items[:limit]]


def _text(element: ElementTree.Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _rss_item(item: ElementTree.Element) -> FeedItem:
    link = _text(item.find("link")) or _text(item.find("{http://purl.org/rss/1.0/}link"))
    date = _text(item.find("pubDate")) or _text(item.find(_DUBLIN_CORE_DATE))
    return FeedItem(
        link=link,
        title=_text(item.find("title")) or _text(item.find("{http://purl.org/rss/1.0/}title")),
        published=normalize_date(date) if date else None,
        text=_text(item.find(_CONTENT)) or _text(item.find("description")),
    )


def _atom_item(entry: ElementTree.Element) -> FeedItem:
    links = entry.findall(f"{_ATOM}link")
    link = next((e.get("href") for e in links if e.get("rel", "alternate") == "alternate"), None)
    date = _text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))
    return FeedItem(
        link=link,
        title=_text(entry.find(f"{_ATOM}title")),
        published=normalize_date(date) if date else None,
        text=_text(entry.find(f"{_ATOM}content")) or _text(entry.find(f"{_ATOM}summary")),
    )


def opml_feeds(body: bytes) -> list[str]:
    """The feed URLs an OPML document lists, in order, each once."""
    root = _parse(body)
    if root.tag != "opml":
        raise FeedError(f"not an OPML document (its root is <{root.tag}>)")
    urls = (outline.get("xmlUrl") for outline in root.iter("outline"))
    return list(dict.fromkeys(url.strip() for url in urls if url and url.strip()))
