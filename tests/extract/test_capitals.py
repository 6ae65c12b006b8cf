"""A capital that speaks is its country's government when the story names the country."""

from __future__ import annotations

from newsfuse.extract.capitals import government_of
from newsfuse.extract.story import extract_story
from newsfuse.models import Story

from ..conftest import make_source


def test_a_capital_is_its_country_as_the_story_names_it() -> None:
    assert government_of("Moscow", {"russia": "Russia"}) == "Russia"
    assert government_of("Washington", {"u.s.": "United States"}) == "United States"
    assert government_of("Moscow", {"ukraine": "Ukraine"}) is None  # Russia never named
    assert government_of("Springfield", {"russia": "Russia"}) is None


def test_moscow_and_russia_speak_as_one_in_a_story() -> None:
    text = (
        "Border talks resume\n\n"
        "Russia said on Tuesday that its ships would leave the harbor by Friday.\n\n"
        "Moscow said the talks in Riga had been useful and should go on next month."
    )
    source = make_source(text)
    found = extract_story(Story("s", (source,)))
    assert {quote.speaker for quote in found.quotes} == {"Russia"}
