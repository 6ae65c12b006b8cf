from __future__ import annotations

from newsfuse.extract.attribution import attributions
from newsfuse.extract.entities import mentions
from newsfuse.extract.speakers import describe, is_agent, speaker, subject_starts
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


def test_agents() -> None:
    assert is_agent("a Western official") and is_agent("the ministry")
    assert not is_agent("a move") and not is_agent("reports on social media")
