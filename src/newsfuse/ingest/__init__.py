"""Ingest: read reports from files, folders and glob patterns into `Article` records.

Readers by file type: `.txt`, `.md`, `.html`/`.htm`, `.json`, `.jsonl`, crawl archives
`.warc`/`.warc.gz`, feeds and OPML lists (`.rss`, `.atom`, `.xml`, `.opml`, whose items are
fetched); and http(s) URLs of pages, feeds or OPML lists. A file, record or URL that cannot
be read becomes a `Rejection` naming it and the reason; the rest go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from newsfuse._exceptions import NoArticleTextError
from newsfuse.faults import attempt, one_line, strict
from newsfuse.ingest.fetch import FetchPolicy
from newsfuse.ingest.files import (
    FEED_SUFFIXES,
    SUPPORTED_SUFFIXES,
    InputFile,
    Limits,
    UrlInput,
    c1_repaired,
    decode,
    expand,
    is_warc,
    read_bytes,
)
from newsfuse.ingest.html import read_html
from newsfuse.ingest.metadata import ArticleFields, complete
from newsfuse.ingest.records import read_json, read_json_lines
from newsfuse.ingest.remote import read_document, read_url
from newsfuse.ingest.text import read_markdown, read_plain_text
from newsfuse.ingest.warc import read_warc
from newsfuse.models import Article, Duplicate, Problem, Rejection

__all__ = [
    "SUPPORTED_SUFFIXES",
    "FetchPolicy",
    "IngestResult",
    "InputFile",
    "Limits",
    "UrlInput",
    "collect",
    "expand",
    "read_inputs",
    "read_item",
    "read_text",
]


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...]
    duplicates: tuple[Duplicate, ...] = ()
    problems: tuple[Problem, ...] = ()  # inputs (or records) reading failed on unexpectedly


Read = Article | Rejection | Problem


def read_inputs(paths: list[str], limits: Limits | None = None) -> IngestResult:
    """Every article behind `paths`, each once (by content id), in input order."""
    limits = limits or Limits()
    return collect(read_item(item, limits) for item in expand(paths))


def read_item(item: InputFile | UrlInput | Rejection, limits: Limits) -> list[Read]:
    """What one input holds (a path that named nothing usable stays a rejection). An
    unexpected error ends the input with a `Problem`; what it yielded before is kept."""
    if isinstance(item, Rejection):
        return [item]
    if isinstance(item, UrlInput):
        return list(_contained(item.url, read_url(item.url, limits.fetch), limits))
    return list(_contained(item.shown_as, _read_file(item, limits), limits))


def _contained(
    shown_as: str, results: Iterator[ArticleFields | Rejection], limits: Limits
) -> Iterator[Read]:
    """Each result finished into an article, each failure contained: a record that fails
    costs that record, a reader that fails costs the rest of its input."""
    while True:
        try:
            result = next(results)
        except StopIteration:
            return
        except Exception as error:
            if strict():
                raise
            yield Problem("read", shown_as, one_line(error))
            return
        yield attempt("read", result.path, _finish, result, limits)


def collect(results: Iterable[list[Read]]) -> IngestResult:
    """The articles of the files' results, in input order, each once (by content id)."""
    articles: dict[str, Article] = {}
    rejections: list[Rejection] = []
    duplicates: list[Duplicate] = []
    problems: list[Problem] = []
    for file_results in results:
        for result in file_results:
            if isinstance(result, Rejection):
                rejections.append(result)
            elif isinstance(result, Problem):
                problems.append(result)
            elif result.id in articles:
                duplicates.append(Duplicate(result.path, articles[result.id].path))
            else:
                articles[result.id] = result
    return IngestResult(
        tuple(articles.values()), tuple(rejections), tuple(duplicates), tuple(problems)
    )


def read_text(
    path: str, text: str, suffix: str, limits: Limits | None = None
) -> list[Article | Rejection]:
    """The articles in already-decoded `text` of a file of type `suffix` (".txt", ...)."""
    limits = limits or Limits()
    return [_finish(result, limits) for result in _fields_of(path, text, suffix.lower())]


def _read_file(item: InputFile, limits: Limits) -> Iterator[ArticleFields | Rejection]:
    if is_warc(item.path):
        yield from read_warc(item, limits)
        return
    data = read_bytes(item, limits)
    if item.path.suffix.lower() in FEED_SUFFIXES and not isinstance(data, Rejection):
        yield from read_document(item.shown_as, data, limits.fetch)
        return
    text = data if isinstance(data, Rejection) else decode(data, item.shown_as)
    if isinstance(text, Rejection):
        yield text
        return
    yield from _fields_of(item.shown_as, text, item.path.suffix.lower())


def _fields_of(path: str, text: str, suffix: str) -> Iterator[ArticleFields | Rejection]:
    if suffix in (".json",):
        yield from read_json(path, text)
    elif suffix in (".jsonl", ".ndjson"):
        yield from read_json_lines(path, iter(text.split("\n")))
    elif suffix in (".html", ".htm"):
        try:
            yield read_html(path, text)
        except NoArticleTextError as error:
            yield Rejection(path, str(error))
    elif suffix in (".md", ".markdown"):
        yield read_markdown(path, text)
    else:
        yield read_plain_text(path, text)


def _finish(result: ArticleFields | Rejection, limits: Limits) -> Article | Rejection:
    if isinstance(result, Rejection):
        return result
    title = c1_repaired(result.title) if result.title else result.title
    result = replace(result, raw_text=c1_repaired(result.raw_text), title=title)
    if not result.raw_text.strip():
        return Rejection(result.path, "no article text")
    if len(result.raw_text) > limits.max_article_characters:
        return Rejection(
            result.path,
            f"article text too long ({len(result.raw_text):,} characters; "
            f"limit {limits.max_article_characters:,})",
        )
    return complete(result)
