from __future__ import annotations

from datetime import date

import pytest

from newsfuse.extract.timeline import dates, resolve
from newsfuse.text.nlp import parse

TUESDAY = date(2022, 2, 15)


@pytest.mark.parametrize(
    ("words", "future", "expected"),
    [
        ("Tuesday", False, "2022-02-15"),
        ("on Monday", False, "2022-02-14"),
        ("Wednesday", True, "2022-02-16"),
        ("last Tuesday", False, "2022-02-08"),
        ("yesterday", False, "2022-02-14"),
        ("late December last year", False, "2021-12"),
        ("last spring", False, "2021-03"),
        ("last year", False, "2021"),
        ("last week", False, "2022-02-07"),
        ("February 16 or 17", False, "2022-02-16"),
        ("December", False, "2021-12"),
        ("15 February 2022", False, "2022-02-15"),
        ("2015", False, "2015"),
        ("by December 2023", False, "2023-12"),
        ("late January 2020", True, "2020-01"),
        ("Tuesday", True, "2022-02-15"),
        ("next Tuesday", False, "2022-02-22"),
    ],
)
def test_expressions_against_the_publication_date(words: str, future: bool, expected: str) -> None:
    resolved = resolve(words, TUESDAY, future)
    assert resolved is not None and resolved[0] == expected


def test_no_reference_leaves_only_explicit_dates() -> None:
    assert resolve("Tuesday", None) is None
    assert resolve("March 3, 2025", None) == ("2025-03-03", "March 3, 2025")
    assert resolve("December 2023", None) == ("2023-12", "December 2023")
    assert resolve("30 years", TUESDAY) is None


def test_the_clause_of_a_date_tells_past_from_future() -> None:
    text = (
        "“The units will start moving back today,” the spokesman said Tuesday. "
        "Ministers will meet on Wednesday. He spoke ahead of meetings with allies on Thursday."
    )
    found = [(when.text, when.date) for when in dates(parse(text), TUESDAY)]
    assert found == [
        ("today", "2022-02-15"),  # said on Tuesday
        ("Tuesday", "2022-02-15"),
        ("Wednesday", "2022-02-16"),
        ("Thursday", "2022-02-17"),
    ]


def test_a_verb_in_the_present_or_with_should_looks_ahead_and_the_same_weekday_is_today() -> None:
    text = (
        "The utility is set to begin the shutoff Tuesday. "
        "The storm should ease by Thursday morning. "
        "The council meets Friday to vote on the budget. "
        "Officials could not reach the owner Monday. "
        "The mayor says Monday was the worst day."
    )
    found = [(when.text, when.date) for when in dates(parse(text), TUESDAY)]
    assert found == [
        ("Tuesday", "2022-02-15"),  # the report's own day, not a week on
        ("Thursday", "2022-02-17"),
        ("Friday", "2022-02-18"),
        ("Monday", "2022-02-14"),
        ("Monday", "2022-02-14"),  # a speech verb in the present tells of the past
    ]


def test_a_weekday_with_a_date_tells_the_year_and_is_read_as_one_date() -> None:
    # April 21 is a Thursday in 2022, the report's year, though more than 60 days ahead.
    assert resolve("Thursday, April 21", TUESDAY) == ("2022-04-21", "April 21, 2022")
    assert resolve("April 21", TUESDAY) == ("2021-04-21", "April 21, 2021")
    text = "Tickets go on sale Friday, Dec. 17 at the box office."
    found = [(when.text, when.date) for when in dates(parse(text), TUESDAY)]
    assert found == [("Friday, Dec. 17", "2021-12-17")]
