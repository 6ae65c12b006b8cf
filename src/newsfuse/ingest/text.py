"""Plain-text and Markdown reports.

A plain-text report's headline is its first line when that line is short and ends without
punctuation; lines of page furniture above it ("Skip to main content", a one-word section
label) are passed over. Markdown is read as text: YAML-style front matter gives metadata,
the first `# heading` the title, and markup is dropped (links keep their words).
"""

from __future__ import annotations

import re

from newsfuse.ingest.metadata import ArticleFields
from newsfuse.models import MetadataEvidence
from newsfuse.text import furniture
from newsfuse.text.dates import normalize_date
from newsfuse.text.lexical import words

# A headline has a few words and no more than a long sentence.
_HEADLINE_WORDS = range(3, 31)
_HEADLINE_CHARACTERS = 250
_SECTION_LABEL_WORDS = 2
_FINAL_PUNCTUATION = tuple(".!?:;,")


FIRST_LINE = "first line of the text"


def read_plain_text(path: str, text: str) -> ArticleFields:
    title = find_headline(text)
    found_by = (MetadataEvidence("title", title, FIRST_LINE),) if title else ()
    return ArticleFields(path=path, raw_text=text, title=title, found_by=found_by)


def find_headline(text: str) -> str | None:
    """The first line when it reads as a headline, skipping page furniture above it."""
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if furniture.furniture_reason(stripped) or len(words(stripped)) <= _SECTION_LABEL_WORDS:
            continue
        return stripped if _reads_as_headline(stripped) else None
    return None


def _reads_as_headline(line: str) -> bool:
    return (
        len(words(line)) in _HEADLINE_WORDS
        and len(line) <= _HEADLINE_CHARACTERS
        and not line.rstrip("\"”’'").endswith(_FINAL_PUNCTUATION)
    )


_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_MARKUP = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"^#{1,6}\s+", re.MULTILINE), ""),
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE), ""),
    (re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(\S(?:.*?\S)?)\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.MULTILINE), ""),
)


def read_markdown(path: str, text: str) -> ArticleFields:
    metadata: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        metadata = _front_matter(front.group("body"))
        text = text[front.end() :]
    plain = _strip_markup(text)
    title = metadata.get("title")
    found_by: tuple[MetadataEvidence, ...] = ()
    if not title and (title := _first_heading(text) or find_headline(plain)):
        found_by = (MetadataEvidence("title", title, "first heading"),)
    return ArticleFields(
        path=path,
        raw_text=plain,
        title=title,
        found_by=found_by,
        url=metadata.get("url") or metadata.get("link"),
        outlet=metadata.get("source") or metadata.get("outlet") or metadata.get("publisher"),
        published=normalize_date(metadata.get("published") or metadata.get("date")),
        author=metadata.get("author"),
    )


def _front_matter(body: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in body.split("\n"):
        match = _FRONT_MATTER_FIELD.match(line.strip())
        if match and match.group("value").strip():
            fields[match.group("key").lower()] = match.group("value").strip().strip("\"'")
    return fields


def _first_heading(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            match = _HEADING.match(line.strip())
            return _strip_markup(match.group("text")).strip() if match else None
    return None


def _strip_markup(text: str) -> str:
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text
