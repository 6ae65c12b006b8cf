"""Kind-by-kind comparison of two claims stating the same fact."""

from __future__ import annotations

import pytest

from newsfuse.crosscheck.claims import Claim, ClaimFigure
from newsfuse.crosscheck.compare import figure_range, figures_agree, findings
from newsfuse.extract.figures import figures
from newsfuse.extract.nlp import parse
from newsfuse.models import Article, Citation, CleanText, Source


def claim(text: str, dates: tuple[str, ...] = (), giver: str | None = None) -> Claim:
    doc = parse(text)
    source = Source(
        Article(id=text[:8], path="x", raw_text=text), CleanText(text[:8], text, (), ()), ()
    )
    return Claim(
        position=0,
        index=0,
        source=source,
        citation=Citation(source.id, 0, len(text)),
        text=text,
        terms=frozenset(),
        span=doc[:],
        figures=tuple(ClaimFigure(f, giver) for f in figures(doc)),
        dates=dates,
        updates=False,
        distorted=False,
    )


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


def test_a_figure_stands_for_a_range_its_qualifier_and_rounding_allow() -> None:
    [approximate] = claim("About 1,200 people came.").figures
    [open_ended] = claim("More than 30 warships sailed.").figures
    [round_figure] = claim("There were 150,000 troops.").figures
    assert figure_range(approximate) == pytest.approx((1080, 1320))
    assert figure_range(open_ended)[0] == 30
    assert figure_range(round_figure) == pytest.approx((145_000, 155_000))
    [other] = claim("There were 130,000 troops.").figures
    assert not figures_agree(round_figure, other)
