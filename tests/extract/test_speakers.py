from __future__ import annotations

from newsfuse.extract.attribution import attributions
from newsfuse.extract.cues import Span, Speaker
from newsfuse.extract.entities import Mention, mentions
from newsfuse.extract.genders import genders_of
from newsfuse.extract.speakers import Subject, describe, is_agent, speaker, subject_starts
from newsfuse.text.nlp import parse


def _speakers(text: str) -> list[str]:
    doc = parse(text)
    names, subjects = mentions(doc), subject_starts(doc)
    return [speaker(text, a.speaker, names, subjects).name for a in attributions(doc) if a.speaker]


def test_a_pronoun_is_the_person_an_earlier_sentence_was_about() -> None:
    text = (
        "Foreign Minister Dmytro Kuleba met reporters in Kyiv on Tuesday.\n\n"
        "“We will believe it when we see the troops leave,” he said."
    )
    assert _speakers(text) == ["Dmytro Kuleba"]


def test_what_a_quote_is_about_is_not_who_said_it() -> None:
    text = (
        "Jane Roe, the mayor, spoke on Monday. “We do not think that Peter Smith will come back "
        "to the city before the election,” she said."
    )
    assert _speakers(text) == ["Jane Roe"]


def test_a_pronoun_is_the_subject_of_the_main_verb_not_of_a_clause_inside_it() -> None:
    text = (
        "Maria Lopez, the harbor master, said that Tom Berg had left the quay early.\n\n"
        "“Nobody could have held the ship in that tide,” she said."
    )
    assert _speakers(text) == ["Maria Lopez", "Maria Lopez"]  # what she said, then her quote


def test_a_body_as_the_main_subject_does_not_take_a_persons_pronoun() -> None:
    text = (
        "The Illinois State Police reopened the case after Janet Tessier sent them a letter.\n\n"
        "She said that her mother had told her the truth years before."
    )
    assert _speakers(text) == ["Janet Tessier"]


def test_a_surname_alone_as_the_subject_is_the_person_named_before_by_it() -> None:
    # The recogniser often leaves a surname alone untagged ("Larcombe said"); "he" is then
    # the person the text named in full (of a family, the one it names most), not whoever
    # the sentence before was about.
    text = (
        "O.J. Simpson met Arnelle Simpson. O.J. Simpson left. Tom Berg stayed. "
        "Simpson said the hearing went well. He smiled."
    )

    def at(words: str, after: int = 0) -> tuple[int, int]:
        start = text.index(words, after)
        return start, start + len(words)

    people = [("O.J. Simpson", 0), ("Arnelle Simpson", 0), ("O.J. Simpson", 20), ("Tom Berg", 0)]
    mentions_ = [Mention(*at(name, after), name, name, "person") for name, after in people]
    subjects = [
        Subject(*at(words, after), sentence=at(words, after)[0])
        for words, after in [
            ("O.J. Simpson", 0),
            ("O.J. Simpson", 20),
            ("Tom Berg", 0),
            ("Simpson", 60),
        ]
    ]
    pronoun = text.index("He smiled")
    found = Speaker(pronoun, pronoun + 2, Span(pronoun, pronoun + 2))
    assert speaker(text, found, mentions_, subjects).name == "O.J. Simpson"


def test_a_pronoun_skips_a_person_the_text_gives_another_gender() -> None:
    text = (
        "Anna Berg met her husband, Tom Berg, at the quay on Monday.\n\n"
        "Tom Berg, the harbor master, left the quay early.\n\n"
        "“We will rebuild the bridge before the winter,” she said."
    )
    doc = parse(text)
    names, subjects = mentions(doc), subject_starts(doc)
    genders = genders_of(doc, names)
    assert genders == {"Tom Berg": "m"}
    found = [a.speaker for a in attributions(doc) if a.speaker]
    assert [speaker(text, s, names, subjects, genders).name for s in found] == ["Anna Berg"]
    assert [speaker(text, s, names, subjects).name for s in found] == ["Tom Berg"]


def test_a_pronoun_after_a_sentence_about_someone_unnamed_is_that_person() -> None:
    text = (
        "Tom Berg, the harbor master, spoke on Monday.\n\n"
        "A company attorney says Gibson Shipping has paid for the repairs. He adds that the "
        "company stopped using the bridge in 2009."
    )
    assert _speakers(text)[-1] == "A company attorney"


def test_a_member_of_a_group_or_a_relative_is_someone_unnamed() -> None:
    # "he" is not the minister named further up: the sentence before is about a guard.
    text = (
        "The government said its foreign minister, Moses Okello, is safe in his hotel.\n\n"
        "A member of the harbor guard described the fighting to reporters.\n\n"
        "“We are in control of the harbor,” he said."
    )
    assert _speakers(text)[-1] == "A member of the harbor guard"
    text = (
        "Tom Berg, the harbor master, said the crane fell on Monday.\n\n"
        "The young man's aunt, however, feels the accident does not add up. She said he "
        "was careful."
    )
    assert _speakers(text)[-1] == "The young man's aunt"


def test_a_description_of_the_other_gender_or_of_several_people_is_passed_over() -> None:
    text = (
        "Maria Lopez, the harbor master, spoke on Monday.\n\n"
        "Her son and his friends watched the ship from the quay.\n\n"
        "She said the tugs had reached the ship within minutes."
    )
    assert _speakers(text) == ["Maria Lopez"]


def test_a_title_heading_the_phrase_is_the_person_named_with_it() -> None:
    text = "U.S. Ambassador to NATO Julianne Smith said the allies would verify the claims."
    assert _speakers(text) == ["Julianne Smith"]


def test_a_modifier_is_not_the_speaker() -> None:
    assert _speakers(
        "Officials in Ukraine said several bank websites had been attacked overnight."
    ) == ["Officials in Ukraine"]


def test_descriptions_resolve_only_when_one_person_fits() -> None:
    people = {
        "Jens Stoltenberg": {"nato", "secretary", "general"},
        "Julianne Smith": {"ambassador"},
    }
    assert describe("the NATO chief", people, []) == "Jens Stoltenberg"
    assert (
        describe(
            "the ministry", people, ["Russian Defense Ministry", "Ukrainian Information Ministry"]
        )
        is None
    )
    assert describe("the Kremlin", people, ["Kremlin"]) == "Kremlin"
    assert describe("a Western official", people, []) is None


def test_a_description_of_a_thing_is_no_person() -> None:
    people = {"Mahmoud Abbas": {"palestinian", "president"}}
    assert describe("the Palestinian president", people, []) == "Mahmoud Abbas"
    assert describe("a Palestinian government website", people, []) is None
    assert describe("a statement of the Palestinian presidency", people, []) is None


def test_an_indefinite_description_is_someone_not_yet_named() -> None:
    people = {"Ronald Bienstock": {"attorney"}}
    assert describe("the attorney", people, []) == "Ronald Bienstock"
    assert describe("a company attorney", people, []) is None
    assert describe("another attorney", people, []) is None


def test_agents() -> None:
    assert is_agent("a Western official") and is_agent("the ministry")
    assert not is_agent("a move") and not is_agent("reports on social media")
