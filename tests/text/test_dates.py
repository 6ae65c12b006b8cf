from __future__ import annotations

import pytest

from newsfuse.text.dates import date_mentions, normalize_date, weekday_mentions


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-02-15", "2022-02-15"),
        ("2022-02-15T10:30:00Z", "2022-02-15T10:30:00+00:00"),
        ("2022-02-15T10:30:00+02:00", "2022-02-15T10:30:00+02:00"),
        ("Tue, 15 Feb 2022 10:30:00 GMT", "2022-02-15T10:30:00+00:00"),
        ("February 15, 2022", "2022-02-15"),
        ("15 Feb. 2022", "2022-02-15"),
        ("Feb 15th, 2022 at 10am", "2022-02-15"),
        ("15.02.2022", "2022-02-15"),
        ("02/15/2022", "2022-02-15"),
        ("15/02/2022", "2022-02-15"),
        (1644921000, "2022-02-15T10:30:00+00:00"),
        (1644921000000, "2022-02-15T10:30:00+00:00"),
    ],
)
def test_explicit_dates_are_read(value: object, expected: str) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    "value", ["02/03/2022", "yesterday", "", "February 30, 2022", None, True, -5]
)
def test_ambiguous_or_impossible_dates_are_not_guessed(value: object) -> None:
    assert normalize_date(value) is None


def test_date_mentions_with_and_without_year() -> None:
    text = (
        "On February 15 the ministry spoke; by 16 February 2022 troops moved, and 2022-02-17 too."
    )
    found = [(m.month, m.day, m.year) for m in date_mentions(text)]
    assert found == [(2, 15, None), (2, 16, 2022), (2, 17, 2022)]


def test_weekday_mentions() -> None:
    assert weekday_mentions("On Tuesday, and again on tuesday; Monday was calm.") == [
        "tuesday",
        "tuesday",
        "monday",
    ]


@pytest.mark.parametrize(
    "value",
    [10**400, -(10**400), float("nan"), float("inf"), 5e12, "Tue, 15 Feb 99999999 10:00:00 GMT"],
)
def test_values_beyond_any_date_are_no_date(value: object) -> None:
    assert normalize_date(value) is None
