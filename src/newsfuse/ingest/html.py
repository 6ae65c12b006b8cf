"""HTML pages: main text and metadata through trafilatura, which never fetches anything."""

from __future__ import annotations

import re
from typing import Any

from newsfuse.dates import normalize_date
from newsfuse.ingest.metadata import ArticleFields

_BLOCK_TAG = re.compile(r"<(?:p|div|br|li|h[1-6]|article|section|blockquote)\b", re.IGNORECASE)


# Fewer words than this is a menu or a label that extraction kept, not an article.
_MINIMUM_WORDS = 5


class NoArticleTextError(ValueError):
    """The page holds no article text that can be found."""


def looks_like_html(text: str) -> bool:
    return _BLOCK_TAG.search(text) is not None


def read_html(path: str, html: str, url: str | None = None) -> ArticleFields:
    """The main text of a page, with its title, URL, site, date and author when it says."""
    document = _extract(html, url)
    text = (document.get("text") or "").strip()
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


def html_to_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's body), paragraphs on their own lines."""
    document = _extract(f"<html><body><article>{html}</article></body></html>", None)
    text = (document.get("text") or "").strip()
    if text:
        return text
    from lxml import html as lxml_html

    return str(lxml_html.fromstring(html).text_content()).strip()


def _extract(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
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
