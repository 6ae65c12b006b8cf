"""When: date expressions of a text made calendar dates against its publication date.

"Tuesday" in a report of Tuesday 2022-02-15 is that day (a weekday is the last one on or
before the report, or the first on or after it when the sentence speaks of the future:
"will meet Tuesday", "the council meets Thursday"; "next Tuesday" is a week on);
"yesterday" and "tomorrow" the days around it; "late December last year" 2021-12; "last
spring" 2021-03 (spring 2021); "last year" 2021; "by December 2023" 2023-12; "February 16"
2022-02-16; "Thursday, April 21" 2022-04-21, the year whose April 21 is a Thursday. A date
is ISO 8601 at the precision the words give. Durations ("30 years") are figures, not
dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsfuse.extract.cues import SPEECH_VERBS
from newsfuse.text.dates import MONTHS, WEEKDAYS, DateMention, date_mentions, weekday_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_FUTURE = re.compile(r"\b(?:next|coming|upcoming)\b", re.IGNORECASE)
# Auxiliaries of a verb that looks ahead ("will meet", "should ease by Thursday"); "could"
# and "can" are left out: "could not be reached Tuesday" looks back.
_LOOKING_AHEAD = frozenset(
    {"will", "would", "shall", "'ll", "’ll", "should", "may", "might", "must"}
)
# Verbs whose present says nothing of the future: speech ("Biden says Monday was ...")
# and "be".
_PRESENT_TELLS_NOT = SPEECH_VERBS | {"be"}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
# How a week is labelled; its date is its Monday.
WEEK_LABEL = "the week of"
_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}


@dataclass(frozen=True)
class When:
    """A date expression, its calendar date (ISO, at the precision known) and how to read it."""

    start: int
    end: int
    text: str
    date: str
    label: str


def dates(doc: Doc, reference: date | None) -> list[When]:
    found = []
    entities = [e for e in doc.ents if e.label_ == "DATE" or _names_a_day(e)]
    weekday: Span | None = None  # a weekday read with the date after it
    for number, entity in enumerate(entities):
        following = entities[number + 1] if number + 1 < len(entities) else None
        if following is not None and _weekday_of(entity, following):
            weekday = entity  # "Friday, Dec. 6": read with the date it names the day of
            continue
        start = entity.start_char if weekday is None else weekday.start_char
        weekday = None
        text = doc.text[start : entity.end_char]
        result = resolve(" ".join(text.split()), reference, _speaks_of_future(entity))
        if result is not None:
            found.append(When(start, entity.end_char, text, *result))
    return found


def _weekday_of(entity: Span, following: Span) -> bool:
    """Whether `entity` is a weekday alone that names the day of the date right after it
    ("Friday" of "Friday, Dec. 6", which the recogniser may read as two dates)."""
    between = entity.doc.text[entity.end_char : following.start_char]
    return (
        entity.text.lower() in WEEKDAYS
        and between.strip() in {"", ","}
        and bool(date_mentions(following.text))
    )


def _names_a_day(entity: Span) -> bool:
    """Whether a time of day names its day too: "late Wednesday morning", "last night"."""
    words = {token.lower_ for token in entity}
    return entity.label_ == "TIME" and bool(words & (set(WEEKDAYS) | set(_RELATIVE_DAYS)))


def _speaks_of_future(entity: Span) -> bool:
    """Whether the clause a date belongs to looks ahead: its verb takes "will" or "would",
    or is in the present with the date on it ("the council meets Thursday": news tells
    what is past as past; not "follows the testimony Tuesday", a date of the testimony), or
    the date hangs on "ahead of ..." ("ahead of meetings on Wednesday"); "said Tuesday"
    looks back, whatever the quote before it says."""
    if _FUTURE.search(entity.text):
        return True
    token = entity.root
    of_a_noun = False  # the date tells when a thing named by a noun was, not its verb's
    for _ in range(5):
        if token.lower_ in {"ahead", "before", "until"} or any(
            c.lower_ == "ahead" for c in token.children
        ):
            return True
        if token.pos_ in {"VERB", "AUX"}:
            ahead = _verb_looks_ahead(token, present_tells=not of_a_noun)
            if ahead is not None:
                return ahead
        elif token.pos_ in {"NOUN", "PROPN"} and token not in entity:
            of_a_noun = True
        if token.head is token:
            break
        token = token.head
    return False


def _verb_looks_ahead(verb: Token, present_tells: bool) -> bool | None:
    """Whether a verb looks ahead (True) or back (False), or its tense does not tell; a
    verb in the present looks ahead when `present_tells`."""
    if any(c.dep_ == "aux" and c.lower_ in _LOOKING_AHEAD for c in verb.children):
        return True
    if verb.tag_ in {"VBD", "VBN"}:
        return False
    if present_tells and verb.tag_ in {"VBZ", "VBP"} and verb.lemma_ not in _PRESENT_TELLS_NOT:
        return True
    if verb.head.lemma_ in {"set", "plan", "schedule", "expect", "due"}:
        return True
    return None


def resolve(text: str, reference: date | None, future: bool = False) -> tuple[str, str] | None:
    """The ISO date and a label for a date expression, or None if it names no date."""
    lower = text.lower()
    for resolver in (_explicit, _month_of_year, _bare_year):
        found = resolver(text, reference)
        if found is not None:
            return found
    if reference is None:
        return None
    for relative in (_relative_day, _weekday, _month, _season, _relative_period):
        found = relative(lower, reference, future)
        if found is not None:
            return found
    return None


def _explicit(text: str, reference: date | None) -> tuple[str, str] | None:
    mentions = date_mentions(text)
    if not mentions:
        return None
    mention = mentions[0]
    year = mention.year or (reference.year if reference else None)
    if year is None:
        return None
    day = mention.on(year)
    if day is None:
        return None
    if mention.year is None and reference is not None:
        named = _named_weekday(text.lower())
        # "Tuesday, March 3": the year around the report's in which March 3 is a Tuesday.
        on_weekday = _on_weekday(mention, reference, named) if named is not None else None
        if on_weekday is not None:
            day = on_weekday
        elif (day - reference).days > 60:
            day = mention.on(year - 1) or day  # "December" written in February: last December
    return day.isoformat(), day.strftime("%B %-d, %Y")


def _on_weekday(mention: DateMention, reference: date, weekday: int) -> date | None:
    """The date of `mention` nearest `reference`, a year before, that year or a year after,
    that falls on `weekday`; None when none does."""
    candidates = [mention.on(reference.year + shift) for shift in (-1, 0, 1)]
    matching = [day for day in candidates if day is not None and day.weekday() == weekday]
    return min(matching, key=lambda day: abs((day - reference).days), default=None)


def _named_weekday(lower: str) -> int | None:
    """The weekday `lower` names (the first of the week, if it names several)."""
    named = set(weekday_mentions(lower))
    return next((number for number, name in enumerate(WEEKDAYS) if name in named), None)


def _month_of_year(text: str, reference: date | None) -> tuple[str, str] | None:
    """A month with its year ("by December 2023", "late January 2020"): that month."""
    del reference  # the year is written
    year = _YEAR.search(text)
    lower = text.lower()
    named = _named_month(lower)
    if year is None or named is None:
        return None
    return _month_label(lower, int(year.group(0)), named)


def _bare_year(text: str, reference: date | None) -> tuple[str, str] | None:
    match = _YEAR.search(text)
    if match is None or any(word in text.lower() for word in MONTHS):
        return None
    return match.group(0), match.group(0)


def _relative_day(lower: str, reference: date, future: bool) -> tuple[str, str] | None:
    for word, shift in _RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", lower):
            day = reference + timedelta(days=shift)
            return day.isoformat(), day.strftime("%A, %B %-d, %Y")
    return None


def _weekday(lower: str, reference: date, future: bool) -> tuple[str, str] | None:
    named = _named_weekday(lower)
    if named is None:
        return None
    if "next" in lower:
        shift = (named - reference.weekday()) % 7 or 7
    elif future:
        # "set to begin Wednesday" in a report of Wednesday is that day: a week on would be
        # "next Wednesday".
        shift = (named - reference.weekday()) % 7
    else:
        shift = -((reference.weekday() - named) % 7)
        if "last" in lower and shift == 0:
            shift = -7
    day = reference + timedelta(days=shift)
    return day.isoformat(), day.strftime("%A, %B %-d, %Y")


def _month(lower: str, reference: date, future: bool) -> tuple[str, str] | None:
    named = _named_month(lower)
    if named is None:
        return None
    year = reference.year
    if "last year" in lower or (named > reference.month and not future and "next" not in lower):
        year -= 1
    elif "next year" in lower or (named < reference.month and future):
        year += 1
    return _month_label(lower, year, named)


def _named_month(lower: str) -> int | None:
    return next(
        (number for name, number in MONTHS.items() if re.search(rf"\b{name}\b", lower)), None
    )


def _month_label(lower: str, year: int, month: int) -> tuple[str, str]:
    """A month's ISO date and its label, with the part of it the words give ("late")."""
    part = next((p for p in ("early", "mid", "late") if p in lower), None)
    label = f"{part + ' ' if part else ''}{date(year, month, 1).strftime('%B %Y')}"
    return f"{year}-{month:02d}", label


def _season(lower: str, reference: date, future: bool) -> tuple[str, str] | None:
    season = next((name for name in _SEASONS if re.search(rf"\b{name}\b", lower)), None)
    if season is None:
        return None
    month = _SEASONS[season]
    year = reference.year
    if "last" in lower or "past" in lower:
        year = year - 1 if month >= reference.month else year
    elif "next" in lower or future:
        year = year + 1 if month <= reference.month else year
    return f"{year}-{month:02d}", f"{season} {year}"


def _relative_period(lower: str, reference: date, future: bool) -> tuple[str, str] | None:
    match = re.search(r"\b(last|past|previous|this|next|coming)\s+(year|month|week)\b", lower)
    if match is None:
        return None
    shift, unit = _SHIFT[match.group(1)], match.group(2)
    if unit == "year":
        year = reference.year + shift
        return str(year), str(year)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + shift
        year, month = divmod(index, 12)
        return f"{year}-{month + 1:02d}", date(year, month + 1, 1).strftime("%B %Y")
    monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=shift)
    return monday.isoformat(), f"{WEEK_LABEL} {monday.strftime('%B %-d, %Y')}"
