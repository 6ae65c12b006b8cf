"""Dates: different days (or months) for what both claims report."""

from __future__ import annotations

from datetime import date

from newsfuse.crosscheck.checks.finding import Finding
from newsfuse.crosscheck.claims import Claim
from newsfuse.extract import own_date


def check(left: Claim, right: Claim) -> Finding | None:
    """Different days for what both report; or, in reports of one day, different days on
    which the same words were said ("said on Sunday" against "said on Wednesday")."""
    found = _different_days(left.dates, right.dates)
    if found is None and own_date(left.source) == own_date(right.source):
        found = _different_days(left.said_on, right.said_on)
    return found


def _different_days(left: tuple[str, ...], right: tuple[str, ...]) -> Finding | None:
    for precision in (_DAY, _WEEK, _MONTH):
        mine = {d for d in left if len(d) == precision}
        theirs = {d for d in right if len(d) == precision}
        if mine and theirs:
            # Days both give agree; each giving a day the other does not is a difference
            # ("LIMA, Dec 1 - Peru suspended ... on Tuesday" against "... on Friday").
            only_mine, only_theirs = mine - theirs, theirs - mine
            if (
                only_mine
                and only_theirs
                and not _within(only_mine, only_theirs)
                and not _week_apart(only_mine, only_theirs)
                and not _year_apart(only_mine, only_theirs)
            ):
                return Finding("date", ", ".join(sorted(only_mine)), ", ".join(sorted(only_theirs)))
            return None
    return None


def _year_apart(mine: set[str], theirs: set[str]) -> bool:
    """Whether two days differ in their year alone: "June 17" read in the year of each
    report, one dated and one not, or dated a year apart."""
    return len(mine) == len(theirs) == 1 and next(iter(mine))[4:] == next(iter(theirs))[4:]


def _week_apart(mine: set[str], theirs: set[str]) -> bool:
    """Whether two days are the same weekday a week apart: "Thursday" read as the last
    Thursday by one report and the next by another ("will be held Thursday", "is holding a
    vigil Thursday"); the name agrees, only the reading of the tense differs."""
    return any(
        len(a) == _DAY
        and len(b) == _DAY
        and abs((date.fromisoformat(a) - date.fromisoformat(b)).days) == _DAYS_IN_WEEK
        for a in mine
        for b in theirs
    )


_DAY, _WEEK, _MONTH = len("2022-02-15"), len("2022-W07"), len("2022-02")


_DAYS_IN_WEEK = 7


def _within(mine: set[str], theirs: set[str]) -> bool:
    """Whether the days of one fall in the months of the other (no conflict of precision)."""
    return any(a.startswith(b) or b.startswith(a) for a in mine for b in theirs)
