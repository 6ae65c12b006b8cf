"""Kind-by-kind differences of two claims stating the same fact (`findings`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsfuse.crosscheck.checks import findings
from newsfuse.models import Source

from . import claim


def kinds(left: str, right: str, **extra: tuple[str, ...]) -> list[str]:
    return [
        f.kind for f in findings(claim(left, extra.get("a", ())), claim(right, extra.get("b", ())))
    ]


@pytest.mark.parametrize(
    ("left", "right", "kind"),
    [
        (
            "Police said 12 people were killed in the blast.",
            "Police said 19 people were killed in the blast.",
            "number",
        ),
        (
            "The company will not close the factory.",
            "The company will close the factory.",
            "negation",
        ),
        (
            "Officials condemned the invasion of Ukraine.",
            "Officials condemned the invasion by Ukraine.",
            "role",
        ),
        (
            "Russia warned Ukraine about the drills.",
            "Ukraine warned Russia about the drills.",
            "role",
        ),
        ("The council will approve the budget.", "The council approved the budget.", "status"),
        (
            "The company has not included the fee in the bill.",
            "The company has added the fee to the bill.",
            "negation",
        ),
        (
            "Gonzalez was charged with five counts.",
            "Gonzalez was not charged with five counts.",
            "negation",
        ),
        # "has yet to" denies what it governs.
        (
            "The mill has yet to pay the fine the county set in March.",
            "The mill has paid the fine the county set in March.",
            "negation",
        ),
        (
            "Listed as missing were 35 people in the county.",
            "Listed as missing were 57 persons in the county.",
            "number",
        ),
        (
            "He said up to 60 people were murdered for their fat.",
            "He said up to 97 people were murdered for their fat.",
            "number",
        ),
        (
            "“I think this is crazy,” the mayor said after the vote.",
            "“I believe this is crazy,” the mayor said after the vote.",
            "quote",
        ),
    ],
)
def test_a_changed_fact_is_found_by_kind(left: str, right: str, kind: str) -> None:
    assert kind in kinds(left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (
            "Police said 12 people were killed in the blast.",
            "The blast killed 12 people, police said.",
        ),
        (
            "More than 150,000 troops are massed near the border.",
            "Some 150,000 troops are massed near the border.",
        ),
        ("About 1,200 people attended the rally.", "Organisers counted 1,234 people at the rally."),
        ("Putin met Scholz in Moscow.", "Scholz met Putin in Moscow."),
        (
            "More than 1,200 people attended the rally.",
            "More than 1,230 people attended the rally.",
        ),
        # A denial added beside what both say is no rewording of it.
        (
            "Don't forget: we are a very powerful nuclear country.",
            "We are a very powerful nuclear country.",
        ),
        # Both deny, in other words; "No. 3" denies nothing.
        (
            "Companies aren't going to get the best out of staff.",
            "Businesses aren't going to obtain the best out of staff.",
        ),
        ("He served as the No. 3 person in his firm.", "He served as the No. 3 man in his firm."),
        (
            "The probe is going to a region of space never before explored.",
            "The probe is going to a region of space that has never been explored before.",
        ),
        # A command, a guess about the past: neither planned nor done.
        ("Do you want to set up the meeting?", "Well, then set up the meeting."),
        ("They may have bottled his fat.", "They bottled his fat."),
        # Both say it was not done: "could not" is no plan.
        (
            "The sheriff could not confirm the condition of the two pilots.",
            "The sheriff has not confirmed the condition of the two pilots.",
        ),
        # "Have yet to see" is "have not seen", worded otherwise.
        (
            "The inspectors have yet to see any sign of cracks in the piers.",
            "The inspectors have not seen any sign of cracks in the piers.",
        ),
        # A denial in other words ("nothing" for "not ... anything"); an address ("No sir").
        ("I have nothing to do with the deal.", "I did not do anything for the deal."),
        ('"No sir," the mayor continued.', "They said to him, 'No, sir.'"),
        # Two headlines of two facts: a denied verb does not stand for a noun.
        ("Senate panel subpoenas two Flynn businesses", "Senate panel says Flynn not cooperating"),
        # A condition states no fact for a denial to contradict.
        (
            "If the media covered me honestly and didn't put false meaning into my words, I"
            " would be winning.",
            "The media is putting false meaning into my words.",
        ),
    ],
)
def test_agreeing_reports_differ_in_nothing(left: str, right: str) -> None:
    assert kinds(left, right) == []


def test_different_days_for_the_same_event_differ_in_date() -> None:
    found = kinds(
        "The minister resigned on Monday.",
        "The minister resigned on Thursday.",
        a=("2022-02-14",),
        b=("2022-02-17",),
    )
    assert found == ["date"]


@pytest.mark.parametrize(
    ("left", "right", "a", "b"),
    [
        # "Thursday" read as the last Thursday by one report and the next by the other.
        (
            "A vigil will be held Thursday at the community center.",
            "The family is holding a vigil Thursday at the community center.",
            "2020-01-02",
            "2019-12-26",
        ),
        # "June 17" without a year, read in the year of each report.
        (
            "The trial is set for June 17.",
            "The trial is set for June 17 in the county court.",
            "2013-06-17",
            "2012-06-17",
        ),
    ],
)
def test_one_day_read_two_ways_is_one_day(left: str, right: str, a: str, b: str) -> None:
    assert kinds(left, right, a=(a,), b=(b,)) == []


def test_days_words_were_said_on_differ_only_in_reports_of_one_day() -> None:
    said_sunday = replace(
        claim("The mayor said on Sunday the plan works."), said_on=("2022-02-13",)
    )
    said_wednesday = replace(
        claim("The mayor said on Wednesday the plan works."), said_on=("2022-02-16",)
    )
    assert [f.kind for f in findings(said_sunday, said_wednesday)] == ["date"]
    later = Source(
        replace(said_wednesday.source.article, published="2022-02-20"),
        said_wednesday.source.clean,
        (),
    )
    assert findings(said_sunday, replace(said_wednesday, source=later)) == []


def test_a_figure_changed_inside_a_quote_is_one_difference_of_figures() -> None:
    left = claim("“They hiked 30 miles a day,” the ranger said.")
    right = claim("“They hiked 49 miles a day,” the ranger said.")
    assert [f.kind for f in findings(left, right)] == ["number"]
    updated = replace(
        claim("“They hiked 49 miles a day,” the ranger said, up from an earlier count of 30."),
        updates=True,
    )
    assert "quote" not in [f.kind for f in findings(left, updated)]
    words = claim("“They walked 30 miles a day,” the ranger said.")
    assert [f.kind for f in findings(left, words)] == ["quote"]
