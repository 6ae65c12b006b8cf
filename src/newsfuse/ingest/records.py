"""JSON and JSON Lines: one article a record, under the field names crawlers and APIs use.

A `.json` file holds one record, a list of records, or an object with the list under
"articles", "items", "entries", "data" or "results". Each bad record is rejected on its own,
by its line (JSON Lines) or its position (JSON), and the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from newsfuse._exceptions import BadRecordError, NoArticleTextError
from newsfuse.ingest.html import field_text
from newsfuse.ingest.metadata import ArticleFields
from newsfuse.models import Rejection
from newsfuse.text.dates import normalize_date

TEXT_FIELDS = ("text", "content", "body", "article", "maintext", "full_text", "story")
TITLE_FIELDS = ("title", "headline", "name")
URL_FIELDS = ("url", "link", "canonical_url", "source_url", "href")
DATE_FIELDS = (
    "published",
    "date",
    "published_at",
    "publishedAt",
    "publish_date",
    "date_publish",
    "pubDate",
    "datePublished",
    "publication_date",
    "created_at",
    "timestamp",
)
OUTLET_FIELDS = ("source", "outlet", "publisher", "site_name", "sitename", "domain", "media")
AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
LIST_FIELDS = ("articles", "items", "entries", "data", "results")


def records_of_json(document: Any) -> list[Any]:
    """The records of a parsed `.json` document."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in LIST_FIELDS:
            if isinstance(document.get(key), list):
                return list(document[key])
        return [document]
    raise BadRecordError("the JSON holds neither an object nor a list of objects")


def read_json(path: str, text: str) -> Iterator[ArticleFields | Rejection]:
    try:
        document = parse_json(text)
        records = records_of_json(document)
    except BadRecordError as error:
        yield Rejection(path, f"invalid JSON: {error}")
        return
    for number, record in enumerate(records, start=1):
        yield _read_one(path, record, f"record {number}")


def read_json_lines(path: str, lines: Iterator[str]) -> Iterator[ArticleFields | Rejection]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = parse_json(line)
        except BadRecordError as error:
            yield Rejection(path, f"invalid JSON: {error}", f"line {number}")
            continue
        yield _read_one(path, record, f"line {number}")


def parse_json(text: str) -> Any:
    """The parsed JSON document, or `BadRecordError` saying why it is not one: malformed,
    nested deeper than Python's recursion allows, or holding a number with more digits
    than Python converts."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadRecordError(f"{error.msg} at line {error.lineno} column {error.colno}") from None
    except RecursionError:
        raise BadRecordError("nested too deeply") from None
    except ValueError as error:  # "Exceeds the limit (4300 digits) for integer string ..."
        raise BadRecordError(f"a value cannot be read ({error})") from None


def _read_one(path: str, record: Any, where: str) -> ArticleFields | Rejection:
    try:
        return record_fields(f"{path}#{where.replace(' ', '')}", record)
    except (BadRecordError, NoArticleTextError) as error:
        return Rejection(path, str(error), where)


def record_fields(path: str, record: Any) -> ArticleFields:
    """The article in one record, or `BadRecordError` saying what is missing."""
    if not isinstance(record, Mapping):
        raise BadRecordError(f"a record must be an object, not {type(record).__name__}")
    text = _text(record)
    if not text:
        raise BadRecordError(f"no article text (looked for {', '.join(TEXT_FIELDS)})")
    return ArticleFields(
        path=path,
        raw_text=text,
        title=_first_string(record, TITLE_FIELDS),
        url=_first_string(record, URL_FIELDS),
        outlet=_outlet(record),
        published=_published(record),
        author=_author(record),
    )


def _text(record: Mapping[str, Any]) -> str | None:
    for key in TEXT_FIELDS:
        value = record.get(key)
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            value = "\n\n".join(value)
        if isinstance(value, str) and value.strip():
            text = field_text(value)
            return text.replace("\r\n", "\n").replace("\r", "\n")
    return None


def _first_string(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _outlet(record: Mapping[str, Any]) -> str | None:
    for key in OUTLET_FIELDS:
        value = record.get(key)
        if isinstance(value, Mapping):  # NewsAPI: {"source": {"id": ..., "name": ...}}
            value = value.get("name") or value.get("title")
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _published(record: Mapping[str, Any]) -> str | None:
    for key in DATE_FIELDS:
        if key in record and (value := normalize_date(record[key])):
            return value
    return None


def _author(record: Mapping[str, Any]) -> str | None:
    for key in AUTHOR_FIELDS:
        value = record.get(key)
        if isinstance(value, list):
            names = [item.get("name") if isinstance(item, Mapping) else item for item in value]
            value = ", ".join(name for name in names if isinstance(name, str) and name.strip())
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None
