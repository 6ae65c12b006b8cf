"""Complete an article's metadata from what its text carries when the input did not say.

Outlet: the URL's domain, an aggregator's disclaimer naming itself, a dateline byline
("KYIV (Reuters) -"), a copyright line, a credit line naming a wire agency. Date: a date
line, else a date the text mentions that falls on the weekday the text names most (reports
call their own day "Tuesday"), else the year of a copyright line. Every inferred field
records how it was found.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsfuse.models import Article, MetadataEvidence, content_id
from newsfuse.text import credits, furniture
from newsfuse.text.dates import WEEKDAYS, date_mentions, normalize_date, weekday_mentions

GIVEN = "given by the input"
# Date lines are short: "Published February 15, 2022 10:31 AM EST".
_DATE_LINE_CHARACTERS = 80
# A report names its own day at least this often before that weekday is trusted.
_WEEKDAY_MENTIONS = 2


@dataclass(frozen=True)
class ArticleFields:
    """What a reader found: the text and any metadata the input gave."""

    path: str
    raw_text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    # How the reader found fields it did not simply copy ("title": "first line").
    found_by: tuple[MetadataEvidence, ...] = ()


def article_id(fields: ArticleFields) -> str:
    """The content id: the same URL, title and text always give the same id."""
    return content_id("article/1", fields.url or "", fields.title or "", fields.raw_text)


def complete(fields: ArticleFields) -> Article:
    """An `Article` with missing outlet, date, author and credit inferred from the text."""
    lines = [line.strip() for line in fields.raw_text.split("\n") if line.strip()]
    how = {found.field: found.how for found in fields.found_by}
    evidence = [
        MetadataEvidence(name, value, how.get(name, GIVEN))
        for name, value in (
            ("title", fields.title),
            ("url", fields.url),
            ("outlet", fields.outlet),
            ("published", fields.published),
            ("author", fields.author),
        )
        if value
    ]
    dateline = credits.dateline_credit(_first_prose(lines)) if lines else None
    credit = _credit(lines, dateline, evidence)
    outlet = fields.outlet or _outlet(fields.url, lines, dateline or credit, evidence)
    published = fields.published or _published(lines, fields.raw_text, evidence)
    author = fields.author or _author(lines, evidence)
    return Article(
        id=article_id(fields),
        path=fields.path,
        raw_text=fields.raw_text,
        title=fields.title,
        url=fields.url,
        outlet=outlet,
        published=published,
        author=author,
        credit=credit,
        evidence=tuple(evidence),
    )


def _found(evidence: list[MetadataEvidence], field: str, value: str, how: str) -> str:
    evidence.append(MetadataEvidence(field, value, how))
    return value


def _credit(lines: list[str], dateline: str | None, evidence: list[MetadataEvidence]) -> str | None:
    if dateline and credits.canonical_agency(dateline):
        return _found(evidence, "credit", dateline, "dateline byline")
    for line in lines:
        copyright_line = credits.copyright_line(line)
        holder = copyright_line.holder if copyright_line else None
        if holder and (agency := credits.canonical_agency(holder)):
            return _found(evidence, "credit", agency, "copyright line")
    for line in lines:
        if credits.is_credit_line(line) and (agencies := credits.agencies_named(line)):
            return _found(evidence, "credit", agencies[0], "reporter credit line")
    return None


def _first_prose(lines: list[str]) -> str:
    """The first line that reads like a paragraph (a dateline opens the first paragraph)."""
    for line in lines:
        if len(line.split()) >= 8 and line.rstrip("\"”’')").endswith((".", "!", "?")):
            return line
    return lines[0]


def _outlet(
    url: str | None, lines: list[str], byline: str | None, evidence: list[MetadataEvidence]
) -> str | None:
    if url and (domain := _domain(url)):
        return _found(evidence, "outlet", domain, "URL domain")
    for line in lines:
        if furniture.is_disclaimer(line) and (name := furniture.aggregator_name(line)):
            return _found(evidence, "outlet", name, "aggregator disclaimer")
    for line in lines:
        copyright_line = credits.copyright_line(line)
        if copyright_line and copyright_line.holder:
            holder = credits.canonical_agency(copyright_line.holder) or copyright_line.holder
            return _found(evidence, "outlet", holder, "copyright line")
    if byline:
        return _found(evidence, "outlet", byline, "byline in the text")
    return None


def _domain(url: str) -> str | None:
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host.removeprefix("www.")


def _published(lines: list[str], text: str, evidence: list[MetadataEvidence]) -> str | None:
    for line in lines[:8] + lines[-8:]:
        if len(line) <= _DATE_LINE_CHARACTERS and (parsed := _date_line(line)):
            return _found(evidence, "published", parsed, "date line")
    copyright_year = _copyright_year(lines)
    if mentioned := _date_on_named_weekday(text, copyright_year):
        return _found(evidence, "published", mentioned, "date in the text on the weekday it names")
    if copyright_year:
        return _found(evidence, "published", str(copyright_year), "copyright line (year only)")
    return None


def _date_line(line: str) -> str | None:
    """The date of a line that is a date and little else ("Updated: Feb. 15, 2022")."""
    mentions = date_mentions(line)
    if len(mentions) != 1 or mentions[0].year is None:
        return None
    rest = (line[: mentions[0].start] + line[mentions[0].end :]).lower()
    leftover = [word for word in rest.replace(",", " ").split() if not _date_filler(word)]
    return normalize_date(line[mentions[0].start : mentions[0].end]) if not leftover else None


def _date_filler(word: str) -> bool:
    word = word.strip(".:|()-–—")
    return (
        not word
        or word in {"published", "updated", "posted", "last", "on", "at", "am", "pm", "a.m", "p.m"}
        or word in WEEKDAYS
        or word[:3] in {day[:3] for day in WEEKDAYS}
        or any(char.isdigit() for char in word)
        or word in {"et", "est", "edt", "gmt", "utc", "bst", "cet", "pst", "pdt", "ist", "msk"}
    )


def _copyright_year(lines: list[str]) -> int | None:
    for line in lines:
        copyright_line = credits.copyright_line(line)
        if copyright_line and copyright_line.year:
            return copyright_line.year
    return None


def _date_on_named_weekday(text: str, fallback_year: int | None) -> str | None:
    weekdays = Counter(weekday_mentions(text))
    if not weekdays:
        return None
    weekday, count = min(weekdays.items(), key=lambda item: (-item[1], item[0]))
    if count < _WEEKDAY_MENTIONS:
        return None
    mentions = date_mentions(text)
    years = [mention.year for mention in mentions if mention.year]
    year = max(years) if years else fallback_year
    if year is None:
        return None
    candidates = [
        day
        for mention in mentions
        if (day := mention.on(year)) is not None and WEEKDAYS[day.weekday()] == weekday
    ]
    return max(candidates).isoformat() if candidates else None


def _author(lines: list[str], evidence: list[MetadataEvidence]) -> str | None:
    for line in lines[:6]:
        if name := credits.byline_author(line):
            return _found(evidence, "author", name, "byline")
    return None
