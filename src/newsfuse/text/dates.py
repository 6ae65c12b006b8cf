"""Dates as news text writes them, read without guessing.

Only explicit forms are read ("2022-02-15", "February 15, 2022", "15 Feb. 2022",
"Tue, 15 Feb 2022 10:00:00 GMT", epoch seconds); "02/03/2022" is read only where the order
of day and month is unambiguous. Results are ISO 8601 strings at the precision known.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words that name a day or a month, lower-case: weekdays (and their abbreviations, as time
# stamps write them: "Tue, 15 Feb"), months (and theirs).
CALENDAR_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<year>(?:19|20)\d{2})\b")
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A calendar date written in text; `year` is None when the text leaves it out."""

    start: int
    end: int
    month: int
    day: int
    year: int | None

    def on(self, year: int) -> date | None:
        """The date in `year` (its own year when it has one), or None if impossible."""
        try:
            return date(self.year or year, self.month, self.day)
        except ValueError:
            return None


def _mention(match: re.Match[str]) -> DateMention | None:
    month = MONTHS[match.group("month").lower().rstrip(".")]
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else None
    if not 1 <= day <= 31:
        return None
    return DateMention(match.start(), match.end(), month, day, year)


def date_mentions(text: str) -> list[DateMention]:
    """Calendar dates written in `text` ("February 15", "15 February 2022", "2022-02-15")."""
    found: dict[int, DateMention] = {}
    for pattern in (_ISO_DATE, _MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            mention: DateMention | None
            if pattern is _ISO_DATE:
                mention = DateMention(
                    match.start(),
                    match.end(),
                    int(match.group("month")),
                    int(match.group("day")),
                    int(match.group("year")),
                )
            else:
                mention = _mention(match)
            if mention is not None and mention.start not in found:
                found[mention.start] = mention
    return [found[start] for start in sorted(found)]


def weekday_mentions(text: str) -> list[str]:
    """Weekday names in `text`, lower-case, in order."""
    return [match.group(1).lower() for match in _WEEKDAY.finditer(text)]


def normalize_date(value: object) -> str | None:
    """An ISO 8601 date or datetime from a metadata value, or None if it cannot be read."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    return _from_iso(text) or _from_rfc2822(text) or _from_words(text) or _from_numeric(text)


def _from_epoch(value: float) -> str | None:
    """Epoch seconds (or milliseconds) up to 2103; any other number is no date. Compared
    before converting: an integer of 400 digits does not fit a float."""
    if not 0 < value < 4.2e12:  # also false for NaN
        return None
    seconds = float(value) / 1000 if value > 1e11 else float(value)  # milliseconds
    if not 0 < seconds < 4.2e9:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC).isoformat()


def _from_iso(text: str) -> str | None:
    candidate = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        match = _ISO_DATE.fullmatch(text[:10]) if len(text) >= 10 else None
        return (
            _checked(int(match["year"]), int(match["month"]), int(match["day"])) if match else None
        )
    if len(text) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _from_rfc2822(text: str) -> str | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.isoformat() if parsed is not None else None


def _from_words(text: str) -> str | None:
    for mention in date_mentions(text):
        if mention.year is not None:
            return _checked(mention.year, mention.month, mention.day)
    return None


def _from_numeric(text: str) -> str | None:
    match = _NUMERIC.search(text)
    if match is None:
        return None
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    if first > 12 >= second:
        return _checked(year, second, first)
    if second > 12 >= first:
        return _checked(year, first, second)
    if "." in match.group(0) and first <= 12 and second <= 12:
        return _checked(year, second, first)  # dotted dates are day-first where written
    return None


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
