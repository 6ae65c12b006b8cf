"""Quotes compared across sources: speakers and wording."""

from __future__ import annotations

from newsfuse.crosscheck.quotes import quoted_stretches, speaker_conflicts, swapped_words
from newsfuse.models import Article, Citation, CleanText, Entity, Quote, Source


def _source(name: str, text: str) -> Source:
    return Source(Article(id=name, path=name, raw_text=text), CleanText(name, text, (), ()), ())


def _quoted(speaker: str, words: str, source: str, said: str = "said") -> tuple[Quote, Source]:
    """A source quoting `words` and naming `speaker` beside them, and the quote as found."""
    text = f"“{words},” {said} {speaker}."
    citation = Citation(source, 1, 1 + len(words))
    return Quote(speaker, True, words, True, (citation,)), _source(source, text)


def test_a_word_swapped_inside_a_quote_is_an_alteration() -> None:
    assert swapped_words(
        "an invasion remains entirely possible.", "an invasion remains distinctly possible"
    ) == ("entirely", "distinctly")


def test_words_said_alike_are_no_alteration() -> None:
    # A function word, a word of speech heard two ways, British and American spelling.
    assert swapped_words("we have a lot of work to do", "we got a lot of work to do") is None
    assert (
        swapped_words("it is not okay at all to do that", "it is not ok at all to do that") is None
    )
    assert (
        swapped_words("we will organise the whole rescue", "we will organize the whole rescue")
        is None
    )
    assert swapped_words("we all favour this plan now", "we all favor this plan now") is None
    # A contracted auxiliary the other version leaves out.
    assert (
        swapped_words("the best team they ever had here", "the best team they’ve ever had here")
        is None
    )
    # What was said does change with a denial or another figure or verb.
    assert swapped_words("we then stayed there four days", "we then stayed there for days") == (
        "four",
        "for",
    )
    assert swapped_words("we will win this war for sure", "we will lose this war for sure") == (
        "win",
        "lose",
    )
    assert swapped_words("we know they can stay here", "we know they can't stay here") == (
        "can",
        "can't",
    )


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
    first, in_a = _quoted("Anna Berg", words, "a")
    second, in_b = _quoted("Tom Price", words, "b")
    [found] = speaker_conflicts([first, second], _PEOPLE, [in_a, in_b])
    assert {found.left, found.right} == {"Anna Berg", "Tom Price"}


_PEOPLE = [
    Entity("Anna Berg", "person", ("Anna Berg",), ()),
    Entity("Tom Price", "person", ("Tom Price",), ()),
]


def test_a_few_common_words_under_two_people_are_no_speaker_conflict() -> None:
    first, in_a = _quoted("Anna Berg", "Well, check this out, you're fired", "a")
    second, in_b = _quoted("Tom Price", "Well, check this out, you're fired", "b")
    assert speaker_conflicts([first, second], _PEOPLE, [in_a, in_b]) == []


def test_a_speaker_not_named_beside_the_quote_gives_no_speaker_conflict() -> None:
    words = "We will not accept any deal that leaves our farmers worse off than before"
    first, in_a = _quoted("Anna Berg", words, "a")
    second, in_b = _quoted("Tom Price", words, "b", said="she said, according to " + "x" * 200)
    assert speaker_conflicts([first, second], _PEOPLE, [in_a, in_b]) == []


def test_reported_speech_gives_no_speaker_conflict() -> None:
    words = "We will not accept any deal that leaves our farmers worse off than before"
    first, in_a = _quoted("Anna Berg", words, "a")
    second, in_b = _quoted("Tom Price", words, "b")
    indirect = Quote(second.speaker, True, second.text, False, second.citations)
    assert speaker_conflicts([first, indirect], _PEOPLE, [in_a, in_b]) == []


def test_quoted_stretches_open_and_close_across_sentences() -> None:
    assert quoted_stretches('He said "it is over," and left.') == ["it is over,"]
    assert quoted_stretches("“We will go on.") == ["We will go on."]
    assert quoted_stretches("until the end,” she said.") == ["until the end,"]
    assert quoted_stretches("no quotes here") == []
    # A straight mark after a word closes; a single mark inside a word is an apostrophe.
    assert quoted_stretches('going to exploit that," said Jean Lee.') == ["going to exploit that,"]
    assert quoted_stretches("House of Cards‘ final season will end.") == []


def test_one_body_under_two_names_is_no_speaker_conflict() -> None:
    words = "We will not accept any deal that leaves our farmers worse off than before"
    first, in_a = _quoted("Russia", words, "a")
    second, in_b = _quoted("Moscow", words, "b")
    places = [
        Entity("Russia", "place", ("Russia",), ()),
        Entity("Moscow", "place", ("Moscow",), ()),
    ]
    assert speaker_conflicts([first, second], places, [in_a, in_b]) == []


def test_a_long_quote_word_for_word_under_two_people_is_a_speaker_conflict() -> None:
    words = "After about a year or so, what you've got is what you've got"
    first, in_a = _quoted("Anna Berg", words, "a")
    second, in_b = _quoted("Tom Price", words, "b")
    [found] = speaker_conflicts([first, second], _PEOPLE, [in_a, in_b])
    assert found.kind == "speaker"
