"""What a copy changed in a sentence it took from its origin: facts, not wording.

For an aligned pair of sentences, each kind of fact is compared on its own: figures,
negation, names, dates, roles (who did what to whom: "an invasion of Ukraine" against "an
invasion by Ukraine"; "Russia warned Ukraine" against "Ukraine warned Russia") and status
(what will happen against what has happened). A reworded sentence with the same facts has
no change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsfuse.dates import MONTHS, WEEKDAYS, date_mentions, weekday_mentions
from newsfuse.lexical import figures

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b", re.IGNORECASE
)
# A capitalised word that does not open the sentence: part of a name.
_NAME = re.compile(r"(?<=[a-z,;:]\s)(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*")
_ROLE = re.compile(r"\b([a-z]{4,})\s+(of|by|against|on|from|to)\s+(?:the\s+)?([A-Z][\w'’-]*)")
_AGENT_PREPOSITIONS = frozenset({"by", "from"})
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)
_PLANNED = re.compile(
    r"\b(?:will|would|plans? to|planning to|is expected to|are expected to|is set to|"
    r"are set to|could|may|might|intends? to|is to|are to|threaten(?:s|ed)? to)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ed|been|begun|done|made|taken|sent|left)\b|\bcompleted\b"
)


@dataclass(frozen=True)
class FactChange:
    kind: str
    detail: str


def fact_changes(origin: str, copy: str) -> list[FactChange]:
    """The facts `copy` states differently from `origin` (two sentences stating the same)."""
    if origin == copy:
        return []
    found = []
    for check in _CHECKS:
        change = check(origin, copy)
        if change is not None:
            found.append(change)
    return found


def _figures(origin: str, copy: str) -> FactChange | None:
    before, after = figures(origin), figures(copy)
    if before and after and before != after:
        dropped, added = ", ".join(sorted(before - after)), ", ".join(sorted(after - before))
        return FactChange("number", f"{dropped} → {added}")
    return None


def _negation(origin: str, copy: str) -> FactChange | None:
    before, after = len(_NEGATION.findall(origin)), len(_NEGATION.findall(copy))
    if before == after:
        return None
    return FactChange("negation", "negation added" if after > before else "negation removed")


def _names(origin: str, copy: str) -> FactChange | None:
    before, after = _names_in(origin), _names_in(copy)
    dropped, added = _uncovered(before, after), _uncovered(after, before)
    if dropped and added:
        return FactChange("name", f"{', '.join(sorted(dropped))} → {', '.join(sorted(added))}")
    return None


def _names_in(text: str) -> set[str]:
    """Capitalised names, without the days and months that the date check compares."""
    return {name for name in _NAME.findall(text) if name.lower().rstrip(".") not in _CALENDAR}


def _uncovered(names: set[str], others: set[str]) -> set[str]:
    """Names not found, not even in part, among the others ("Putin" is in "Vladimir Putin")."""
    joined = " ".join(others)
    return {name for name in names if not any(word in joined for word in name.split())}


def _dates(origin: str, copy: str) -> FactChange | None:
    before = {(m.month, m.day) for m in date_mentions(origin)} | set(weekday_mentions(origin))
    after = {(m.month, m.day) for m in date_mentions(copy)} | set(weekday_mentions(copy))
    if before and after and before.isdisjoint(after):
        return FactChange("date", f"{_show(before)} → {_show(after)}")
    return None


def _show(dates: set[tuple[int, int] | str]) -> str:
    return ", ".join(sorted(d if isinstance(d, str) else f"{d[0]:02d}-{d[1]:02d}" for d in dates))


def _roles(origin: str, copy: str) -> FactChange | None:
    before = {(noun, name): preposition for noun, preposition, name in _ROLE.findall(origin)}
    for noun, preposition, name in _ROLE.findall(copy):
        was = before.get((noun, name))
        if was is not None and (was in _AGENT_PREPOSITIONS) != (preposition in _AGENT_PREPOSITIONS):
            return FactChange("role", f"{noun} {was} {name} → {noun} {preposition} {name}")
    swapped = _swapped_names(origin, copy)
    if swapped is not None:
        return FactChange("role", swapped)
    return None


def _swapped_names(origin: str, copy: str) -> str | None:
    """Two names in one order in the origin and the other order in the copy, the words
    between them the same: "Russia warned Ukraine" against "Ukraine warned Russia"."""
    names = [name for name in sorted(_names_in(origin)) if name in copy]
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            was = _between(origin, first, second)
            if was is not None and was == _between(copy, second, first):
                return f"{first} … {second} → {second} … {first}"
    return None


def _between(text: str, first: str, second: str) -> str | None:
    """The one or two words between `first` and the next `second` in `text`, if so placed."""
    start = text.find(first)
    if start < 0:
        return None
    after = start + len(first)
    end = text.find(second, after)
    if end < 0:
        return None
    middle = text[after:end].split()
    return " ".join(middle) if 1 <= len(middle) <= 2 else None


def _status(origin: str, copy: str) -> FactChange | None:
    planned_before, planned_after = bool(_PLANNED.search(origin)), bool(_PLANNED.search(copy))
    done_before, done_after = bool(_DONE.search(origin)), bool(_DONE.search(copy))
    if planned_before and not planned_after and done_after:
        return FactChange("tense", "planned or possible → done")
    if done_before and not done_after and planned_after:
        return FactChange("tense", "done → planned or possible")
    return None


_CHECKS: tuple[Callable[[str, str], FactChange | None], ...] = (
    _figures,
    _negation,
    _names,
    _dates,
    _roles,
    _status,
)
