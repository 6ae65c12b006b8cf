from __future__ import annotations

import pytest

from newsfuse.text import credits


@pytest.mark.parametrize(
    ("line", "holder", "year"),
    [
        (
            "Copyright © 2022 of the Associated Press. Copyright Registered.",
            "Associated Press",
            2022,
        ),
        ("© 2021 Reuters. All rights reserved.", "Reuters", 2021),
        ("Copyright 2019-2023 The Daily Planet", "Daily Planet", 2023),
        ("All Rights Reserved.", None, None),
    ],
)
def test_copyright_lines_give_holder_and_year(
    line: str, holder: str | None, year: int | None
) -> None:
    assert credits.copyright_line(line) == credits.CopyrightLine(holder, year)


def test_a_sentence_about_copyright_is_not_a_copyright_line() -> None:
    assert credits.copyright_line("The court ruled the copyright claim had no merit.") is None


def test_credit_lines_and_agencies() -> None:
    line = "Associated Press writers Jane Roe in Paris and John Doe in Berlin contributed to this report."
    assert credits.is_credit_line(line)
    assert credits.agencies_named(line) == ["Associated Press"]
    assert credits.is_credit_line("Reporting by Jane Roe; Editing by John Doe")
    assert credits.is_credit_line("Additional reporting by Jane Roe in Kyiv")
    assert not credits.is_credit_line("She contributed money to the campaign.")
    assert not credits.is_credit_line("Reporting by the BBC showed that the talks had stalled.")
    assert not credits.is_credit_line(
        "Earlier reporting by the BBC showed that the talks had stalled."
    )


def test_short_agency_names_count_only_in_capitals() -> None:
    assert credits.agencies_named("The AP reported it first.") == ["Associated Press"]
    assert credits.agencies_named("an ap of the tree") == []


@pytest.mark.parametrize(
    ("paragraph", "credit"),
    [
        (
            "KYIV, Ukraine (AP) — Russia said on Tuesday that some units would return.",
            "Associated Press",
        ),
        ("LONDON (Reuters) - Shares rose on Monday after the bank cut rates.", "Reuters"),
        ("PORT ALDER (Coast Wire) — A ship struck the bridge on Monday.", "Coast Wire"),
        ("Russia said on Tuesday (local time) — in a statement — that units would return.", None),
    ],
)
def test_dateline_credit(paragraph: str, credit: str | None) -> None:
    assert credits.dateline_credit(paragraph) == credit


@pytest.mark.parametrize(
    ("paragraph", "credit"),
    [
        ("Troops board a train near the border on Tuesday. (Reuters)", "Reuters"),
        ("A convoy leaves the base. (AP Photo/Jane Roe)", "AP Photo/Jane Roe"),
        ("The envoy spoke on Monday. (The Washington Post)", "The Washington Post"),
        ("Senator Bob Menendez (D-N.J) said the bill was stalled.", None),
        ("The alliance met on Monday. (NATO)", None),
        ("Talks resumed. (Earlier version corrected.)", None),
    ],
)
def test_caption_credit(paragraph: str, credit: str | None) -> None:
    assert credits.caption_credit(paragraph) == credit


def test_byline_author() -> None:
    assert credits.byline_author("By Jane Roe") == "Jane Roe"
    assert credits.byline_author("By the end of the week the talks had failed.") is None
