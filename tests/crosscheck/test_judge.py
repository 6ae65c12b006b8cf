"""The same-fact judge: meaning, wording and who a claim is about."""

from __future__ import annotations

import numpy as np

from newsfuse.crosscheck import claim_pair_features, story_claims
from newsfuse.crosscheck.claims import Claim
from newsfuse.crosscheck.judge import (
    SAME_FACT,
    aligned,
    centred_cosine,
    details,
    same_fact_probability,
    shares_detail,
    story_topic,
)
from newsfuse.crosscheck.meanings import ClaimPieces, claim_meanings
from newsfuse.extract.story import extract_story
from newsfuse.models import Story
from newsfuse.text.embed import default_encoder

from ..conftest import WordHashEncoder, make_source


def _claim(text: str, path: str) -> Claim:
    source = make_source(text, path)
    story = Story("s", (source,))
    [claim] = [c for c in story_claims(story, extract_story(story)) if c.index >= 0]
    return claim


def _probability(left: str, right: str) -> float:
    """The judge's probability for the claims of two one-sentence reports, read as a
    brief reads them."""
    story = Story("s", (make_source(left, "a.txt"), make_source(right, "b.txt")))
    claims = [c for c in story_claims(story, extract_story(story)) if c.index >= 0]
    assert len(claims) == 2
    read = claim_meanings(claims, default_encoder())
    return same_fact_probability(claim_pair_features(claims, read, 0, 1))


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


def test_what_a_claim_says_its_subject_did_is_read_apart_from_the_subject() -> None:
    claim = _claim("The Harbor Safety Board has opened an inquiry into the crash.", "a.txt")
    assert claim.doing is not None
    assert claim.source.clean.text[slice(*claim.doing)] == "has opened an inquiry into the crash."
    joined = _claim("Crews worked through the night and reopened the road.", "b.txt")
    assert joined.doing is not None


def test_the_same_doer_doing_another_thing_is_told_by_what_it_did() -> None:
    story = Story(
        "s",
        (
            make_source("The Harbor Safety Board will examine the ship's records.", "a.txt"),
            make_source("The Harbor Safety Board has opened an inquiry.", "b.txt"),
        ),
    )
    claims = [c for c in story_claims(story, extract_story(story)) if c.index >= 0]
    features = claim_pair_features(claims, claim_meanings(claims, default_encoder()), 0, 1)
    assert features.doing < features.cosine - 0.1


def test_ages_tell_who_and_are_no_detail_of_a_fact() -> None:
    friend = _claim("His 18-year-old friend Dimitri Olivares was not charged.", "a.txt")
    assert details(friend) == set()
    reward = _claim("The reward was raised to $7,000 on Friday.", "b.txt")
    assert 7000 in details(reward)


def test_a_figure_rounded_is_a_detail_in_common_and_the_next_year_is_not() -> None:
    exact = _claim("The firm sought $972,814 in costs from Pao on Wednesday.", "a.txt")
    rounded = _claim("The firm wants about $973,000 back from her.", "b.txt")
    assert not details(exact) & details(rounded)
    assert shares_detail(exact, rounded)
    elected = _claim("Clinton lost the nomination in 2008.", "c.txt")
    again = _claim("Clinton would not run in 2009.", "d.txt")
    assert not shares_detail(elected, again)


def _pieces(*rows: tuple[list[float], float]) -> ClaimPieces:
    states = np.array([r for r, _ in rows], dtype=np.float32)
    states /= np.linalg.norm(states, axis=1, keepdims=True)
    return ClaimPieces(states, np.array([w for _, w in rows], dtype=np.float32))


def test_aligned_claims_match_word_for_word_and_rare_words_weigh_most() -> None:
    who, did, what = [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]
    claim = _pieces((who, 0.1), (did, 2.0))
    assert aligned(claim, claim) == 1.0
    same_doer_other_deed = _pieces((who, 0.1), (what, 2.0))
    other_doer_same_deed = _pieces((what, 0.1), (did, 2.0))
    # A word every claim of the story holds (the story's subject) tells little.
    assert aligned(claim, other_doer_same_deed) > 0.9
    assert aligned(claim, same_doer_other_deed) < 0.1
    assert aligned(claim, same_doer_other_deed) == aligned(same_doer_other_deed, claim)
    nothing = ClaimPieces(np.zeros((0, 3), np.float32), np.zeros(0, np.float32))
    assert aligned(claim, nothing) == aligned(nothing, claim) == 0.0


def test_claims_are_aligned_on_their_pieces_read_in_the_story() -> None:
    story = Story(
        "s",
        (
            make_source("Police said the deputies fired four shots at the house.", "a.txt"),
            make_source("Four deputies fired shots at the house, police said.", "b.txt"),
            make_source("Police said the house was searched for a weapon.", "c.txt"),
        ),
    )
    claims = [c for c in story_claims(story, extract_story(story)) if c.index >= 0]
    read = claim_meanings(claims, default_encoder())
    assert read.pieces is not None and len(read.pieces) == len(claims) == 3
    fired, also_fired, searched = read.pieces
    assert aligned(fired, also_fired) > aligned(fired, searched)


def test_an_encoder_without_word_pieces_leaves_the_claims_cosine_in_their_place() -> None:
    story = Story(
        "s",
        (
            make_source("Police said the deputies fired four shots at the house.", "a.txt"),
            make_source("Four deputies fired shots at the house, police said.", "b.txt"),
        ),
    )
    claims = [c for c in story_claims(story, extract_story(story)) if c.index >= 0]
    read = claim_meanings(claims, WordHashEncoder())
    assert read.pieces is None
    features = claim_pair_features(claims, read, 0, 1)
    assert features.aligned == features.cosine
