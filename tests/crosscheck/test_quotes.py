"""Quotes compared across sources: speakers and wording."""

from __future__ import annotations

from newsfuse.crosscheck.quotes import speaker_conflicts, swapped_words
from newsfuse.models import Citation, Entity, Quote


def test_a_word_swapped_inside_a_quote_is_an_alteration() -> None:
    assert swapped_words(
        "an invasion remains entirely possible.", "an invasion remains distinctly possible"
    ) == ("entirely", "distinctly")


def test_trimmed_or_reordered_quotes_are_not_alterations() -> None:
    assert swapped_words("we will act, and we will act fast", "we will act fast") is None
    assert (
        swapped_words(
            "When we see the withdrawal, we will believe in de-escalation",
            "We will believe in de-escalation when we see their withdrawal",
        )
        is None
    )


def test_the_same_words_under_two_people_are_a_speaker_conflict() -> None:
    words = "We will not accept any deal that leaves our farmers worse off than before"
    quotes = [
        Quote("Anna Berg", True, words, True, (Citation("a", 0, 10),)),
        Quote("Tom Price", True, words, True, (Citation("b", 0, 10),)),
    ]
    people = [
        Entity("Anna Berg", "person", ("Anna Berg",), ()),
        Entity("Tom Price", "person", ("Tom Price",), ()),
    ]
    [found] = speaker_conflicts(quotes, people)
    assert {found.left, found.right} == {"Anna Berg", "Tom Price"}


def test_one_body_under_two_names_is_no_speaker_conflict() -> None:
    words = "We will not accept any deal that leaves our farmers worse off than before"
    quotes = [
        Quote("Russia", True, words, True, (Citation("a", 0, 10),)),
        Quote("Moscow", True, words, True, (Citation("b", 0, 10),)),
    ]
    places = [
        Entity("Russia", "place", ("Russia",), ()),
        Entity("Moscow", "place", ("Moscow",), ()),
    ]
    assert speaker_conflicts(quotes, places) == []
