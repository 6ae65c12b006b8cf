from __future__ import annotations

from newsfuse.extract.figures import figures
from newsfuse.text.nlp import parse


def _figures(text: str) -> list[tuple[float, str | None, str | None, str | None]]:
    return [(f.value, f.unit, f.counts, f.qualifier) for f in figures(parse(text))]


def test_value_unit_what_is_counted_and_qualifier() -> None:
    text = (
        "Russia has positioned more than 150,000 troops. More than 30 of its warships sailed. "
        "The deal is worth $3.2 billion. Sales rose 7.5 percent. He has lived there for nearly "
        "30 years. Two crew members were hurt."
    )
    assert _figures(text) == [
        (150000.0, None, "troops", "more than"),
        (30.0, None, "warships", "more than"),
        (3.2e9, "$", None, None),
        (7.5, "percent", None, None),
        (30.0, "years", None, "nearly"),
        (2.0, None, "crew members", None),
    ]


def test_dates_and_years_are_not_figures() -> None:
    assert (
        _figures("In 2015 the agreement was signed, and on February 15 talks resumed at 10 a.m.")
        == []
    )


def test_numbers_the_recogniser_misses_or_takes_for_dates_are_figures() -> None:
    found = _figures(
        "Herman has litigated around 800 cases. He has filed 1281 claims. The car turned "
        "360 degrees. Protesters chanted for about 90 minutes."
    )
    assert found == [
        (800.0, None, "cases", "around"),
        (1281.0, None, "claims", None),
        (360.0, "degree", None, None),
        (90.0, "minutes", None, "about"),
    ]


def test_numbers_in_names_are_not_figures() -> None:
    assert _figures("Police closed Highway 80 near Odessa after the season of 2004.") == []
