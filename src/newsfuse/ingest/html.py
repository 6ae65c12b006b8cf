"""HTML pages: main text and metadata through trafilatura, which never fetches anything."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from typing import Any

from newsfuse._exceptions import NoArticleTextError
from newsfuse.ingest.metadata import ArticleFields
from newsfuse.ingest.tables import unwrap_layout_tables
from newsfuse.text.dates import normalize_date

_BLOCK_TAG = re.compile(r"<(?:p|div|br|li|h[1-6]|article|section|blockquote)\b", re.IGNORECASE)


# Fewer words than this is a menu or a label that extraction kept, not an article.
_MINIMUM_WORDS = 5
# Larger HTML is refused before it is parsed: parsing costs time and memory many times its
# size, and no news page comes near it (the largest page of the Scrapinghub benchmark is
# 1.5 MB). The same bound as a crawl archive's page (Limits.max_record_bytes).
MAX_HTML_CHARACTERS = 16 * 1024 * 1024


def looks_like_html(text: str) -> bool:
    return _BLOCK_TAG.search(text) is not None


def read_html(path: str, html: str, url: str | None = None) -> ArticleFields:
    """The main text of a page, with its title, URL, site, date and author when it says."""
    document = _extract(html, url)
    text = (document.get("text") or "").strip()
    if len(text.split()) < _MINIMUM_WORDS:
        # libxml2 drops what is nested deeper than 256 elements, so trafilatura finds
        # nothing in such a page; the standard parser has no depth limit.
        collector = _collected(html)
        document = {"text": _paragraphs(collector), "title": _clean("".join(collector.title))} | {
            key: value
            for key, value in document.items()
            if key != "text" and isinstance(value, str) and value
        }
        text = document["text"]
    if len(text.split()) < _MINIMUM_WORDS:
        raise NoArticleTextError("no article text found in the HTML")
    return ArticleFields(
        path=path,
        raw_text=text,
        title=_clean(document.get("title")),
        url=_clean(document.get("url")) or url,
        outlet=_clean(document.get("sitename")) or _clean(document.get("hostname")),
        published=normalize_date(document.get("date")),
        author=_clean(document.get("author")),
    )


def field_text(value: str) -> str:
    """The text of a field that may hold HTML (a record's body, a feed item's content)."""
    return html_to_text(value) if looks_like_html(value) else value


def html_to_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's body), paragraphs on their own lines."""
    document = _extract(f"<html><body><article>{html}</article></body></html>", None)
    text = (document.get("text") or "").strip()
    if text:
        return text
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return str(lxml_html.fromstring(html).text_content()).strip()
    except (etree.LxmlError, ValueError):  # nothing lxml can read: no text
        return ""


_BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section"}
    | {"blockquote", "tr", "td", "main"}
)
_HIDDEN = frozenset({"script", "style", "noscript", "iframe", "template", "svg", "head"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.paragraphs[-1].append(data)


def _collected(html: str) -> _TextCollector:
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except AssertionError:
        pass  # the standard parser asserts on some broken markup ("<![x"): keep what it read
    return collector


def _paragraphs(collector: _TextCollector) -> str:
    """The page's visible text, a paragraph a line, whatever its depth (no scripts, styles
    or frames)."""
    paragraphs = (" ".join("".join(part).split()) for part in collector.paragraphs)
    return "\n".join(paragraph for paragraph in paragraphs if paragraph)


def _extract(html: str, url: str | None) -> dict[str, Any]:
    if len(html) > MAX_HTML_CHARACTERS:
        raise NoArticleTextError(
            f"HTML too large ({len(html):,} characters; limit {MAX_HTML_CHARACTERS:,})"
        )
    import trafilatura

    # Its complaints about broken pages would land among the user's messages; a page it
    # cannot read is reported by newsfuse instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    tree = trafilatura.load_html(html)
    if tree is None:
        return {}
    unwrap_layout_tables(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    if document is None:
        return {}
    return dict(document.as_dict()) if hasattr(document, "as_dict") else dict(document)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
