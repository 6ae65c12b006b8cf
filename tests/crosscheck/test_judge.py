"""The same-fact judge: meaning, wording and who a claim is about."""

from __future__ import annotations

from newsfuse.crosscheck import story_claims
from newsfuse.crosscheck.claims import Claim
from newsfuse.crosscheck.judge import (
    SAME_FACT,
    centred_cosine,
    details,
    pair_features,
    same_fact_probability,
    story_topic,
)
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
    topic = story_topic(claims)
    features = pair_features(
        mine,
        theirs,
        float(claims[0] @ claims[1]),
        float(sentences[0] @ sentences[1]),
        centred_cosine(claims[0], claims[1], topic),
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


def test_the_story_topic_taken_out_leaves_what_tells_facts_apart() -> None:
    encoder = default_encoder()
    story = encoder.encode(
        [
            "A leopard killed a child at the safari lodge.",
            "Rangers are hunting the leopard that killed the child.",
            "The leopard dragged the boy into the bush near the lodge.",
            "The child's mother works as a game ranger at the park.",
            "Officials said the leopard would be moved to another park.",
        ]
    )
    topic = story_topic(story)
    raw = float(story[1] @ story[4])
    assert centred_cosine(story[1], story[4], topic) < raw
    assert centred_cosine(story[0], story[0], topic) > 0.999


def test_two_sentences_show_little_topic() -> None:
    pair = default_encoder().encode(["Ships collided.", "Two ships hit each other."])
    topic = story_topic(pair)
    assert abs(centred_cosine(pair[0], pair[1], topic) - float(pair[0] @ pair[1])) < 0.05


def test_ages_tell_who_and_are_no_detail_of_a_fact() -> None:
    friend = _claim("His 18-year-old friend Dimitri Olivares was not charged.", "a.txt")
    assert details(friend) == set()
    reward = _claim("The reward was raised to $7,000 on Friday.", "b.txt")
    assert 7000 in details(reward)
