"""What the cross-check reads ahead: sentences that can state something, copies left out."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.crosscheck.meanings import likely_read
from newsfuse.models import Provenance, Story

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
