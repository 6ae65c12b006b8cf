"""What the cross-check reads ahead: sentences that can state something, copies left out."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.crosscheck import story_claims
from newsfuse.crosscheck.meanings import claim_meanings, likely_read
from newsfuse.extract.story import extract_story
from newsfuse.models import Provenance, Story
from newsfuse.text.embed import default_encoder

from ..conftest import make_source


def test_sentences_of_origins_are_read_ahead_and_copies_and_fragments_are_not() -> None:
    origin = make_source("The ship hit the bridge on Monday. Oh.", "origin.txt")
    copy = make_source("The ship hit the bridge on Monday morning.", "copy.txt")
    copy = replace(copy, provenance=Provenance(relation="copy", origin=origin.id))
    alone = make_source("Buses are diverted through the tunnel.", "alone.txt")
    lost = make_source("Engineers inspect the structure.", "lost.txt")
    lost = replace(lost, provenance=Provenance(relation="copy", origin="not-in-this-story"))
    read = likely_read(Story("s", (origin, copy, alone, lost)))
    assert read == [
        "The ship hit the bridge on Monday.",
        "Buses are diverted through the tunnel.",
        "Engineers inspect the structure.",
    ]


def test_a_copys_claim_that_adds_a_denial_restates_its_origins() -> None:
    # The claims share two content terms of three, and the model reads them as far apart
    # (a cosine of 0.78): only "not" keeps them from one wording, and the cross-check, not
    # the wording, is to tell them apart.
    told = "The tremors, these geologists believe, may have {}been warnings of an eruption."
    origin = make_source(told.format(""), "origin.txt")
    copy = make_source(told.format("not "), "copy.txt")
    copy = replace(copy, provenance=Provenance(relation="copy", origin=origin.id))
    story = Story("s", (origin, copy))
    claims = story_claims(story, extract_story(story))
    read = claim_meanings(claims, default_encoder())
    [(left, right)] = read.restated
    assert {claims[left].source.id, claims[right].source.id} == {origin.id, copy.id}
    assert "not" in claims[right].text and "not" not in claims[left].text
