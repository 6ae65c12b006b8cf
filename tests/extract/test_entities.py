from __future__ import annotations

import pytest

from newsfuse.extract.entities import bare_name, group, mentions, same_entity
from newsfuse.text.nlp import parse


@pytest.mark.parametrize(
    ("left", "left_kind", "right", "right_kind"),
    [
        ("Putin", "person", "Vladimir Putin", "person"),
        ("Biden", "organization", "Joe Biden", "person"),  # the recogniser's slip
        ("NATO", "organization", "North Atlantic Treaty Organization", "organization"),
        ("US", "place", "United States", "place"),
        ("Kyiv", "place", "Kiev", "place"),
        ("Kharkiv", "place", "Kharkov", "place"),
    ],
)
def test_names_of_one_entity(left: str, left_kind: str, right: str, right_kind: str) -> None:
    assert same_entity(left, left_kind, right, right_kind)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Rome", "Riga"), ("Ukraine", "Ukrainian"), ("Georgia", "Gambia")],
)
def test_different_places_stay_apart(left: str, right: str) -> None:
    assert not same_entity(left, "place", right, "place")


def test_titles_and_possessives_are_not_part_of_a_name() -> None:
    assert bare_name("Russian President Vladimir Putin", "person") == "Vladimir Putin"
    assert bare_name("President Putin’s", "person") == "Putin"
    assert bare_name("Maj. Gen. Igor Konashenkov", "person") == "Igor Konashenkov"
    assert bare_name("the Pentagon", "organization") == "Pentagon"


def test_a_wire_agency_the_recogniser_joined_to_a_name_is_not_part_of_it() -> None:
    # "... told Reuters Kandil's visit was ...": one PERSON entity, "Reuters Kandil".
    assert bare_name("Reuters Kandil", "person") == "Kandil"
    assert bare_name("AP Smith", "person") == "Smith"
    assert bare_name("Ani DiFranco", "person") == "Ani DiFranco"  # ANI only in capitals
    assert bare_name("Reuters", "organization") == "Reuters"


def test_grouping_keeps_the_fullest_name_and_every_alias() -> None:
    [putin, kyiv] = group(
        [
            ("Putin", "person", 1),
            ("Vladimir Putin", "person", 2),
            ("Kyiv", "place", 3),
            ("Kiev", "place", 4),
        ]
    )
    assert (putin.name, putin.aliases, putin.mentions) == (
        "Vladimir Putin",
        ("Putin", "Vladimir Putin"),
        (1, 2),
    )
    assert (kyiv.name, kyiv.kind, kyiv.aliases) == ("Kyiv", "place", ("Kiev", "Kyiv"))


def test_a_first_name_alone_is_the_one_person_whose_full_name_begins_with_it() -> None:
    found = group(
        [
            ("Pete Davidson", "person", 1),
            ("Pete", "person", 2),
            ("Hillary Clinton", "person", 3),
            ("Bill Clinton", "person", 4),
            ("Donald Trump", "person", 5),
            ("Donald Trump Jr.", "person", 6),
            ("Donald", "person", 7),
        ]
    )
    assert {entity.name: entity.aliases for entity in found} == {
        "Pete Davidson": ("Pete", "Pete Davidson"),
        "Hillary Clinton": ("Hillary Clinton",),
        "Bill Clinton": ("Bill Clinton",),
        "Donald Trump": ("Donald Trump",),
        "Donald Trump Jr.": ("Donald Trump Jr.",),
        "Donald": ("Donald",),  # two full names begin with it: whose, the text does not say
    }


def test_mentions_read_from_text_correct_organisation_names() -> None:
    found = mentions(
        parse("Maxar Technologies said satellite images showed troops near Kyiv on Monday.")
    )
    kinds = {m.name: m.kind for m in found}
    assert kinds.get("Maxar Technologies") == "organization"
