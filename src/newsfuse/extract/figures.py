"""Figures: the numbers a text gives, what they count, how sure they are, and who gave them.

"more than 150,000 troops": value 150000, counting "troops", qualifier "more than";
"$3.2 billion": value 3200000000, unit "$"; "7.5 percent": unit "percent"; "nearly 30
years": value 30, unit "years", qualifier "nearly". Years, times and calendar dates are not
figures. Who gave a figure is the speaker of the attribution it stands in, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.text.dates import MONTHS, WEEKDAYS
from newsfuse.text.lexical import NUMBER_WORDS, QUALIFIERS, number_value

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_DURATIONS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours"}
    | {"minute", "minutes"}
)
_CURRENCY = {"$": "$", "€": "€", "£": "£", "¥": "¥", "dollars": "$", "euros": "€", "pounds": "£"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_KINDS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
# Entities whose numbers are part of a name or a position, not a count: "Highway 80",
# "Apollo 11", "the 34th birthday".
_NAMING = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "ORDINAL"}
)


@dataclass(frozen=True)
class FigureMention:
    """A figure as a text gives it."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    counts: str | None
    qualifier: str | None


def figures(doc: Doc) -> list[FigureMention]:
    found = []
    for entity in [*doc.ents, *_unlabelled_numbers(doc)]:
        if entity.label_ not in _KINDS:
            continue
        figure = _figure(_with_qualifier(doc, entity))
        if figure is not None:
            found.append(figure)
    return sorted(found, key=lambda figure: figure.start)


def _unlabelled_numbers(doc: Doc) -> list[SpacySpan]:
    """Numbers the entity recogniser left out ("around 800 cases"), as cardinal spans with
    the qualifier before them and the scale after ("1.2 million")."""
    from spacy.tokens import Span

    covered = {token.i for entity in doc.ents for token in entity}
    found = []
    position = 0
    while position < len(doc):
        token = doc[position]
        if token.tag_ != "CD" or token.i in covered or not _NUMBER.fullmatch(token.text):
            position += 1
            continue
        end = position + 1
        while end < len(doc) and doc[end].lower_ in _SCALES and doc[end].i not in covered:
            end += 1
        start = _qualifier_start(doc, position, covered)
        found.append(Span(doc, start, end, label="CARDINAL"))
        position = end
    return found


def _with_qualifier(doc: Doc, entity: SpacySpan) -> SpacySpan:
    """The figure with the qualifier the recogniser left before it ("around" 1281 cases)."""
    from spacy.tokens import Span

    start = _qualifier_start(doc, entity.start, set())
    return entity if start == entity.start else Span(doc, start, entity.end, label=entity.label_)


def _qualifier_start(doc: Doc, position: int, covered: set[int]) -> int:
    """Where the figure starts when a qualifier is written before it ("more than 30")."""
    for qualifier in QUALIFIERS:
        words = qualifier.split()
        start = position - len(words)
        if (
            start >= 0
            and not covered & set(range(start, position))
            and [t.lower_ for t in doc[start:position]] == words
        ):
            return start
    return position


def _figure(entity: SpacySpan) -> FigureMention | None:
    text = " ".join(entity.text.split())
    lower = text.lower()
    qualifier = next((q for q in QUALIFIERS if lower.startswith(q + " ")), None)
    value = _value(lower[len(qualifier) + 1 :] if qualifier else lower)
    if value is None:
        return None
    unit, counts = _unit(entity, lower)
    if counts is not None and counts.lower() in _CALENDAR:
        return None  # "17 February": a day of a month
    if (
        entity.label_ in {"DATE", "TIME"}
        and unit not in _DURATIONS
        and not _counting(entity, value)
    ):
        return None  # a calendar date or a year, not a figure
    if entity.label_ == "CARDINAL" and counts is None and 1900 <= value <= 2100 and "," not in text:
        return None  # a year written as a number
    return FigureMention(entity.start_char, entity.end_char, text, value, unit, counts, qualifier)


def _counting(entity: SpacySpan, value: float) -> bool:
    """Whether a number the recogniser took for a date counts something: "1281 cases" (but
    "the 2004 season" is a year, and "February 15 talks" a day)."""
    numbers = [token for token in entity if token.like_num]
    return (
        len(numbers) == 1
        and numbers[0].dep_ == "nummod"
        and numbers[0].head.pos_ == "NOUN"
        and not any(token.lower_ in _CALENDAR for token in entity)
        and not 1900 <= value <= 2100
    )


def _value(text: str) -> float | None:
    match = _NUMBER.search(text)
    if match:
        number = number_value(match.group(0))
        if number is None:
            return None  # digits that are no one number: "1.8.3", "1,5"
    else:
        words = [NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text) if w in NUMBER_WORDS]
        if not words:
            return None
        number = float(words[0])
    scale = next((factor for word, factor in _SCALES.items() if word in text), 1.0)
    return number * scale


def _unit(entity: SpacySpan, lower: str) -> tuple[str | None, str | None]:
    """The unit written with the figure, and the noun it counts ("troops", "of its warships")."""
    if entity.label_ == "PERCENT" or "percent" in lower or "%" in lower:
        return "percent", None
    for sign, currency in _CURRENCY.items():
        if sign in lower:
            return currency, None
    last = entity[-1]
    durations = [t for t in entity if t.lower_ in _DURATIONS or t.lemma_.lower() in _DURATIONS]
    if durations:
        return durations[-1].lower_, None  # "30 years", "3 months old"
    if entity.label_ == "QUANTITY" and last.pos_ == "NOUN":
        return last.lemma_.lower(), None  # a measure: "360 degrees", "40 miles"
    return None, _counted(entity)


def _counted(entity: SpacySpan) -> str | None:
    number = entity.root
    head = number.head
    if number.dep_ == "nummod" and head.pos_ in {"NOUN", "PROPN"}:
        return _with_compounds(head)
    after = entity.doc[entity.end : entity.end + 4]
    if len(after) >= 2 and after[0].lower_ == "of":
        nouns = [t for t in after[1:] if t.pos_ in {"NOUN", "PROPN"}]
        return _with_compounds(nouns[-1]) if nouns else None
    if len(after) >= 1 and after[0].pos_ == "NOUN":
        return _with_compounds(after[0].head if after[0].dep_ == "compound" else after[0])
    return None


def _with_compounds(noun: Token) -> str:
    """The noun with the nouns compounded before it: "crew members"."""
    words = [t.text for t in noun.lefts if t.dep_ == "compound"]
    return " ".join([*words, noun.text])
