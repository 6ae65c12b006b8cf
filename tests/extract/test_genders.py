from __future__ import annotations

from newsfuse.extract.entities import mentions
from newsfuse.extract.genders import genders_of
from newsfuse.text.nlp import parse


def test_genders_come_from_honorifics_and_nouns_beside_the_name() -> None:
    text = "Mrs. Wilson said her stepson, John Wilson, and actress Ann Lee had left."
    doc = parse(text)
    genders = genders_of(doc, mentions(doc))
    assert genders.get("John Wilson") == "m"
    assert genders.get("Ann Lee") == "f"


def test_a_person_told_both_ways_has_no_gender() -> None:
    once = parse("Mr. Ann Lee spoke to reporters on Monday.")
    assert genders_of(once, mentions(once)) == {"Ann Lee": "m"}
    both = parse("Mr. Ann Lee spoke to reporters on Monday. Mrs. Ann Lee left early.")
    assert "Ann Lee" not in genders_of(both, mentions(both))
