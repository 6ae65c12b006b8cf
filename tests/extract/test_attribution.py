from __future__ import annotations

import pytest

from newsfuse.extract.attribution import Attribution, attributions
from newsfuse.text.nlp import parse


def _found(text: str) -> list[tuple[str | None, str, bool]]:
    return [
        (
            text[a.speaker.start : a.speaker.end] if a.speaker else None,
            " / ".join(text[p.start : p.end] for p in a.content),
            a.direct,
        )
        for a in attributions(parse(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will believe it when we see it,” Kuleba told reporters in Kyiv.",
            ("Kuleba", "We will believe it when we see it,"),
        ),
        (
            "“Do we want a war or not? Of course not,” said Putin.",
            ("Putin", "Do we want a war or not? Of course not,"),
        ),
        (
            "The minister said: “We are ready to talk to anyone at any time.”",
            ("The minister", "We are ready to talk to anyone at any time."),
        ),
        ("“You winning?” she said, but he was drifting off.", ("she", "You winning?")),
        # The parser may give the verb the quote's last words as a second subject: words
        # inside the quote never speak it.
        (
            "“The harbour is in panic mode. Full panic mode,” said Ann Lee, a river pilot.",
            ("Ann Lee", "The harbour is in panic mode. Full panic mode,"),
        ),
        (
            "“If it cannot reach the port yet, it will at some point, probably sooner rather"
            " than later,” said James Acton, a harbour engineer.",
            (
                "James Acton",
                "If it cannot reach the port yet, it will at some point, probably sooner"
                " rather than later,",
            ),
        ),
    ],
)
def test_direct_quotes_and_their_speakers(text: str, expected: tuple[str, str]) -> None:
    assert _found(text) == [(*expected, True)]


def test_verbs_that_tell_speech_only_beside_a_quote() -> None:
    text = (
        "“Why can't the governor run his race and I'll run mine?” Akin continued.\n\n"
        "Limbaugh continued: “They are putting all kinds of pressure on the moderator.”\n\n"
        "Russia continued to say that the drills were ending as planned."
    )
    found = _found(text)
    assert found[:2] == [
        ("Akin", "Why can't the governor run his race and I'll run mine?", True),
        ("Limbaugh", "They are putting all kinds of pressure on the moderator.", True),
    ]
    assert all(speaker != "Russia" or not direct for speaker, _, direct in found)


def test_speech_set_inside_what_it_attributes() -> None:
    text = "The state, the governor said, has no plans to raise taxes this year."
    assert _found(text) == [
        ("the governor", "The state / has no plans to raise taxes this year", False)
    ]


def test_polls_and_reports_say_what_their_clause_says_and_nothing_else() -> None:
    text = (
        "A Bloomberg poll shows that wealthy voters have abandoned the Republican party.\n\n"
        "Police found the body of a 23-year-old woman near the river on Sunday."
    )
    assert _found(text) == [
        ("A Bloomberg poll", "wealthy voters have abandoned the Republican party", False)
    ]


def test_verbs_that_say_something_only_by_a_clause() -> None:
    text = (
        "Egypt recalled its ambassador to Israel on Wednesday.\n\n"
        "The mayor posted a video of the damaged bridge.\n\n"
        "The harbor master recalled that the bridge had been struck once before."
    )
    assert _found(text) == [("The harbor master", "the bridge had been struck once before", False)]


def test_a_verb_of_speech_with_a_particle_of_another_sense_attributes_nothing() -> None:
    text = (
        "The army called up another 16,000 reservists to pursue its campaign.\n\n"
        "The union called off the strike planned for Monday by the drivers.\n\n"
        "The mayor called on residents to stay home during the storm."
    )
    assert [speaker for speaker, _, _ in _found(text)] == ["The mayor"]


def test_a_passive_cue_without_an_agent_has_no_speaker() -> None:
    text = (
        "Some 2,000 athletes will take part in the Games, and about 213,000 visitors are"
        " expected to come to the city."
    )
    assert all(speaker != "Some 2,000 athletes" for speaker, _, _ in _found(text))


def test_a_denied_cue_attributes_nothing() -> None:
    text = "Trump is reduced to insults because he cannot defend his own record in office."
    assert _found(text) == []


def test_a_quote_split_around_its_cue_is_one_quote() -> None:
    text = "“These reports have just come out,” she told reporters. “We will go from there.”"
    assert _found(text) == [
        ("she", "These reports have just come out, / We will go from there.", True)
    ]


def test_a_quote_that_ends_its_sentence_takes_the_cue_before_it() -> None:
    text = "Clinton tweeted: “This is dangerous for a president.” Merrill said the campaign would respond soon."
    found = _found(text)
    assert found[0] == ("Clinton", "This is dangerous for a president.", True)


def test_a_crosshead_below_a_quote_is_not_its_cue() -> None:
    text = (
        "“The wards are full and we are out of beds. What else can we do?” a nurse said. "
        "“Nobody here has slept since Friday. Why?”\n\n"
        "Harbor board vows to reopen the bridge\n\n"
        "The board met on Monday."
    )
    quoted = [found for found in _found(text) if found[2]]
    assert quoted == [
        (
            "a nurse",
            "The wards are full and we are out of beds. What else can we do? / "
            "Nobody here has slept since Friday. Why?",
            True,
        )
    ]


def test_reported_speech_and_according_to() -> None:
    text = (
        "Biden said Russia has positioned more than 150,000 troops near the border.\n\n"
        "According to the Pentagon, the drills were continuing near the border."
    )
    assert _found(text) == [
        ("Biden", "Russia has positioned more than 150,000 troops near the border", False),
        ("the Pentagon", "the drills were continuing near the border", False),
    ]


def test_the_speaker_keeps_a_name_in_apposition_and_stays_in_its_paragraph() -> None:
    text = "12:15 p.m.\n\nU.S. Ambassador to NATO Julianne Smith said the U.S. will “have to verify whether or not that is the case.”"
    [(speaker, _, _)] = _found(text)
    assert speaker is not None and "Julianne Smith" in speaker and "12:15" not in speaker


def test_a_dash_after_a_quote_names_its_speaker() -> None:
    text = "“The most unqualified candidate in history and a disgrace to the country.” ― Nell Carden Grey"
    assert _found(text) == [
        (
            "Nell Carden Grey",
            "The most unqualified candidate in history and a disgrace to the country.",
            True,
        )
    ]


def test_scare_quotes_are_not_quotes() -> None:
    assert _found("He had seen no “on the ground” evidence of de-escalation by the military.") == []


def test_attributions_are_values() -> None:
    [found] = attributions(parse("“It is over now, for good,” she said."))
    assert isinstance(found, Attribution) and found.cue is not None


def test_assurances_and_pledges_are_attributed() -> None:
    text = "The mayor assured residents that the water was safe to drink again."
    assert _found(text) == [("The mayor", "the water was safe to drink again", False)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The cue stands too far before the quoted words for the quote's own search.
        ("Sanders said the tax breaks used by the rich and others “do nothing at all.”", "Sanders"),
        # A cue after the quote ("but he said") is not its cue: the clause it ends is.
        (
            "The chief said that the footage did not give “any definitive visual evidence of"
            " a gun,” but he said that other evidence supports what officers heard.",
            "The chief",
        ),
        # A pronoun speaking an inner verb is the outer verb's speaker.
        ("The governor said he thought that drugs were “a very big factor” in it.", "The governor"),
        # Quoted words inside what others are said to believe are the sayer's.
        (
            "The president said a majority of voters have come to believe “that the change is"
            " real and urgent.”",
            "The president",
        ),
        # A verb of stance holding the quoted words among others.
        (
            "Chairman David Pepper called the decision a “huge win for all our voters.”",
            "Chairman David Pepper",
        ),
    ],
)
def test_quoted_words_inside_reported_speech_are_the_reporting_verbs(
    text: str, speaker: str
) -> None:
    [found] = [who for who, _, direct in _found(text) if direct]
    assert found == speaker


def test_a_name_and_a_colon_opening_a_paragraph_give_what_the_name_says() -> None:
    text = (
        "Chris Wallace asked the senator about the debate on Sunday.\n\n"
        "Bernie Sanders: The senator needs to move past all of this personality stuff.\n\n"
        "WALLACE: Will she be at the debate tomorrow night, governor?\n\n"
        "LISTEN: The senator's interview with the network, in full.\n\n"
        "Update: The senator's office did not answer questions on Tuesday.\n\n"
        "Dow Jones Reprints: This copy is for your personal, non-commercial use only."
    )
    labelled = [found for found in _found(text) if found[0] != "Chris Wallace"]
    assert labelled == [
        ("Bernie Sanders", "The senator needs to move past all of this personality stuff", False),
        ("WALLACE", "Will she be at the debate tomorrow night, governor", False),
    ]


def test_calls_for_and_claims_named_by_a_noun_are_attributed() -> None:
    assert _found("The union called for a moratorium on new charter schools.") == [
        ("The union", "a moratorium on new charter schools", False)
    ]
    assert _found("He repeated the mayor's claim that crime had fallen by half.") == [
        ("the mayor", "crime had fallen by half", False)
    ]
    assert _found("The firm stands by our claim that the old bridge was unsafe.") == []


def _written(text: str) -> list[tuple[str | None, str]]:
    """Each attribution's speaker as the text writes it where it speaks, and its content."""
    found = []
    for a in attributions(parse(text)):
        words = a.speaker.written or a.speaker if a.speaker else None
        found.append(
            (
                text[words.start : words.end] if words else None,
                " / ".join(text[p.start : p.end] for p in a.content),
            )
        )
    return found


def test_a_relative_pronoun_speaks_for_the_phrase_it_stands_for() -> None:
    text = "The port authority, which said the channel would reopen on Friday, sent divers."
    assert _found(text) == [("The port authority", "the channel would reopen on Friday", False)]
    assert _written(text) == [("which", "the channel would reopen on Friday")]


def test_a_misread_lemma_of_a_cue_is_mended() -> None:
    # The lemmatiser reads "hopes" as "hop".
    assert _found("The coach hopes the new stadium will open before the autumn.") == [
        ("The coach", "the new stadium will open before the autumn", False)
    ]


def test_of_two_clauses_a_parse_hangs_on_a_cue_the_one_after_it_is_said() -> None:
    # The parser hangs the clause before the semicolon on "says" as well.
    text = "It was a quiet week; the ministry says the reservoir will be full by March."
    assert _found(text) == [("the ministry", "the reservoir will be full by March", False)]


def test_saying_by_or_after_takes_the_subject_of_the_verb_it_explains() -> None:
    assert _found("The governor responded by saying the dam had never been at risk.") == [
        ("The governor", "the dam had never been at risk", False)
    ]


def test_as_someone_said_or_put_it_attributes_the_clause_it_is_set_in() -> None:
    assert _found("As the harbour master put it, the river is now too shallow for barges.") == [
        ("the harbour master", "the river is now too shallow for barges", False)
    ]
    assert _found("As the minister said on Tuesday, the talks will go on next week.") == [
        ("the minister", "the talks will go on next week", False)
    ]
    assert _found("As he said goodbye to the crew, the ferry left the quay.") == []


def test_pointing_out_is_speech_and_pointing_at_is_not() -> None:
    assert _found("The auditor pointed out that two of the invoices had been paid twice.") == [
        ("The auditor", "two of the invoices had been paid twice", False)
    ]
    assert _found("The guide pointed at the old lighthouse on the cliff.") == []


def test_a_headline_may_give_a_named_persons_words_by_surname() -> None:
    text = (
        "Okafor: The harbour will not close this winter\n\n"
        "Mayor Grace Okafor spoke to dock workers on Monday."
    )
    assert (
        "Okafor",
        "The harbour will not close this winter",
        False,
    ) in _found(text)


def test_an_accusation_attributes_the_charge_with_the_one_charged() -> None:
    assert _found("The union accused the owners of hiding the losses from the workers.") == [
        ("The union", "the owners of hiding the losses from the workers", False)
    ]


def test_a_day_is_not_what_a_call_asks_for() -> None:
    assert _found("Governor Ana Ruiz called Friday for releasing the inspection reports.") == [
        ("Governor Ana Ruiz", "releasing the inspection reports", False)
    ]


def test_a_stance_inside_what_another_says_is_theirs_to_say() -> None:
    # The plan is what the aide reports; what "she" believes is what the mayor said.
    assert _found("An aide said the mayor plans to visit the flooded district on Sunday.") == [
        ("An aide", "the mayor plans to visit the flooded district on Sunday", False)
    ]
    assert _found("The mayor told residents that she believes the levee will hold.") == [
        ("The mayor", "she believes the levee will hold", False)
    ]
    # Speech inside speech is attributed twice: each speaker said it.
    nested = _found("The captain said the pilot told him the engine had failed twice.")
    assert ("the pilot", "the engine had failed twice", False) in nested


def test_a_verb_of_speech_inside_a_phrase_of_the_cue_is_no_cue_of_its_own() -> None:
    text = (
        "“The storm is slow and deadly,” the governor said in declaring an emergency. "
        "“Expect long power outages in the valley.”"
    )
    quotes = [found for found in _found(text) if found[2]]
    assert quotes == [
        (
            "the governor",
            "The storm is slow and deadly, / Expect long power outages in the valley.",
            True,
        )
    ]
    # With a subject of its own, it is.
    text = (
        "“The pushback reminds me of the early days,” the lawyer added.\n\n"
        "The owners responded on Monday with a statement to what they had said on Sunday:"
        "\n\n“The pier will stay closed until the spring, whatever the council decides.”"
    )
    assert (
        "they",
        "The pier will stay closed until the spring, whatever the council decides.",
        True,
    ) in _found(text)


def test_who_stands_for_a_person_not_a_thing_in_a_phrase_about_them() -> None:
    # The parser hangs "who" on "the production"; the people said it.
    text = (
        "Reporters talked to a dozen people involved with the production who confirmed "
        "that the actor had been sent home."
    )
    assert _found(text) == [("a dozen people", "the actor had been sent home", False)]
    # A person named just before "who" is who it stands for.
    text = (
        "The firm hired lawyers during a dispute with the founder's son, Omar Haddad, who "
        "argued that the sale was illegal."
    )
    assert _found(text) == [("Omar Haddad", "the sale was illegal", False)]
    # A person inside the phrase is who it stands for.
    text = "The mother of a boy who said he was bullied at school spoke to the board."
    assert [found[0] for found in _found(text)] == ["a boy"]
