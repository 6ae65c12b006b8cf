"""Facts: claims grouped by average linkage, worded by one rule, counted by origin."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.crosscheck import story_claims
from newsfuse.crosscheck.claims import Claim
from newsfuse.crosscheck.facts import (
    checked_fact,
    corroborated_sentences,
    is_point_candidate,
    shown_alone,
)
from newsfuse.extract.story import extract_story
from newsfuse.models import FlagKind, Provenance, QualityFlag, Relation, Story

from ..conftest import make_source


def test_a_claim_backing_a_fact_it_does_not_word_counts_its_origin() -> None:
    first = make_source("A ship hit the harbor bridge on Monday morning.", "a.txt")
    second = make_source("The bridge closed after a ship struck it on Monday.", "b.txt")
    story = Story("s", (first, second))
    mine, theirs = story_claims(story, extract_story(story))
    keys = {mine.key: 0.5, theirs.key: 0.4}
    fact = checked_fact([mine], keys, set(), also=[theirs])
    assert fact.wording == mine and fact.independent == 2
    assert theirs.citation in fact.citations()
    # It is no claim of the fact's own (the summary tells facts apart by their own claims),
    # but its sentence states a corroborated fact.
    assert fact.claims == (mine,) and fact.stating == (mine, theirs)
    assert theirs.sentence in corroborated_sentences([fact])


def test_point_candidates_are_whole_sentences() -> None:
    assert is_point_candidate("Two crew members were treated for minor injuries, officials said.")
    assert not is_point_candidate("eastern Ukraine and the regions around it were quiet.")


def _story_claims(text: str) -> list[Claim]:
    source = make_source(text, "report.md", ".md")
    story = Story("s", (source,))
    return story_claims(story, extract_story(story))


def test_a_fact_in_a_headline_leads_as_a_first_sentence_would() -> None:
    claims = _story_claims(
        "# Ship hits the harbor bridge\n\nThe weather was calm on Monday morning. Tugs were"
        " nearby. Crews waited on the quay. A ship hit the harbor bridge on Monday."
    )
    title = [c for c in claims if c.index < 0]
    late = [c for c in claims if c.index == 3]
    assert title and late
    keys = {c.key: 0.5 for c in claims}
    assert checked_fact(late, keys, set()).lead == 3
    assert checked_fact([*late, *title], keys, set()).lead == 0
    # A spun page's headline is no sign of what the news is (a spinner writes its own),
    # nor a rewrite's order (its origin's)...
    spun = [_flagged(c, "original", "spun") for c in title]
    assert all(c.distorted for c in spun)
    assert checked_fact([*late, *spun], keys, set()).lead == 3
    rewritten = [_flagged(c, "rewrite") for c in title]
    assert checked_fact([*late, *rewritten], keys, set()).lead == 3
    # ...but a machine translation keeps its outlet's order, garbled as it reads.
    garbled = [_flagged(c, "original", "garbled") for c in title]
    assert all(c.distorted for c in garbled)
    assert checked_fact([*late, *garbled], keys, set()).lead == 0


def _flagged(claim: Claim, relation: Relation, *flags: FlagKind) -> Claim:
    """`claim` as a claim of its source with that provenance."""
    marks = tuple(QualityFlag(flag, "a reason", ()) for flag in flags)
    provenance = Provenance(relation, claim.source.id, marks)
    return replace(claim, source=replace(claim.source, provenance=provenance))


def test_a_fact_only_distorted_sources_word_is_worded_by_a_clean_sentence_stating_it() -> None:
    first = make_source("A ship hit the harbor bridge on Monday morning.", "a.txt")
    second = make_source("The bridge closed after a ship struck it on Monday.", "b.txt")
    story = Story("s", (first, second))
    mine, theirs = story_claims(story, extract_story(story))
    spun = _flagged(mine, "original", "spun")
    keys = {mine.key: 0.5, theirs.key: 0.4}
    assert checked_fact([spun], keys, set(), also=[theirs]).wording == theirs
    # A clean claim of its own words it before any sentence of another fact.
    assert checked_fact([mine], keys, set(), also=[theirs]).wording == mine
    # A distorted sentence of another fact never does.
    assert checked_fact([spun], keys, set(), also=[_flagged(theirs, "rewrite")]).wording == spun


def test_a_claim_giving_only_a_replaced_figure_words_its_fact_last_and_never_alone() -> None:
    first = make_source("About 40 people were missing after the flood on Monday.", "a.txt")
    second = make_source("Officials now say 65 people are missing after the flood.", "b.txt")
    story = Story("s", (first, second))
    old, new = story_claims(story, extract_story(story))
    keys = {old.key: 0.5, new.key: 0.4}
    fact = checked_fact([old, new], keys, set(), replaced=frozenset({old.key}))
    assert fact.wording == new and not fact.outdated
    alone = checked_fact([old], keys, set(), replaced=frozenset({old.key}))
    assert alone.outdated
    assert not shown_alone(alone, frozenset())
    assert shown_alone(checked_fact([old], keys, set()), frozenset())
