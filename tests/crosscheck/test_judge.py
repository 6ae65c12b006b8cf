"""The same-fact judge: meaning, wording and who a claim is about."""

from __future__ import annotations

from newsfuse.crosscheck import story_claims
from newsfuse.crosscheck.claims import Claim
from newsfuse.crosscheck.judge import SAME_FACT, pair_features, same_fact_probability
from newsfuse.embed import default_encoder
from newsfuse.extract.story import extract_story
from newsfuse.models import Story

from ..conftest import make_source


def _claim(text: str, path: str) -> Claim:
    source = make_source(text, path)
    story = Story("s", (source,))
    [claim] = [c for c in story_claims(story, extract_story(story)) if c.index >= 0]
    return claim


def _probability(left: str, right: str) -> float:
    mine, theirs = _claim(left, "a.txt"), _claim(right, "b.txt")
    encoder = default_encoder()
    claims = encoder.encode([mine.text, theirs.text])
    sentences = encoder.encode([mine.sentence_text, theirs.sentence_text])
    features = pair_features(
        mine, theirs, float(claims[0] @ claims[1]), float(sentences[0] @ sentences[1])
    )
    return same_fact_probability(features)


def test_one_fact_in_other_words_is_one_fact() -> None:
    assert (
        _probability(
            "Two crew members were treated for minor injuries, the fire service said.",
            "The fire service said two crew members had minor injuries and were treated.",
        )
        >= SAME_FACT
    )


def test_a_different_figure_does_not_make_another_fact() -> None:
    assert (
        _probability(
            "Police said 12 people were killed in the blast in the city centre.",
            "Police said 19 people were killed in the blast in the city centre.",
        )
        >= SAME_FACT
    )


def test_the_same_charge_against_two_people_is_two_facts() -> None:
    assert (
        _probability(
            "Lizandra Cosme was charged with five felony counts of aggravated battery.",
            "Susana Gonzalez was charged with five misdemeanor counts of child endangerment.",
        )
        < SAME_FACT
    )


def test_two_facts_of_one_story_are_two_facts() -> None:
    assert (
        _probability(
            "The bridge will stay closed for at least six weeks, the mayor said.",
            "About 28,000 vehicles cross the bridge on a normal weekday.",
        )
        < SAME_FACT
    )
