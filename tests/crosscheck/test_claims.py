"""Claims: the statements a sentence makes, with their spans, speakers and subjects."""

from __future__ import annotations

import pytest

import newsfuse.extract.reading as reading_module
from newsfuse.crosscheck import story_claims
from newsfuse.crosscheck.claims import Claim
from newsfuse.extract.story import extract_story
from newsfuse.models import Story
from newsfuse.text.nlp import parse

from ..conftest import make_source


def _claims(text: str) -> list[Claim]:
    source = make_source(text)
    story = Story("s", (source,))
    return story_claims(story, extract_story(story))


def _sentence_claims(text: str) -> list[Claim]:
    """The claims of the text's sentences (not of its title)."""
    return [claim for claim in _claims(text) if claim.index >= 0]


def _texts(text: str) -> list[str]:
    return [claim.text for claim in _sentence_claims(text)]


def test_reported_speech_gives_its_content_as_the_claim_and_the_speaker() -> None:
    [claim] = _sentence_claims("Biden said Russia has positioned more than 150,000 troops.")
    assert claim.text == "Russia has positioned more than 150,000 troops"
    assert claim.speaker is not None and "Biden" in claim.speaker
    assert claim.figures and claim.figures[0].figure.value == 150_000


def test_a_quote_with_its_cue_is_the_quoted_words_and_the_frame_states_nothing() -> None:
    texts = _texts('"We will believe it when we see it," the foreign minister told reporters.')
    assert texts == ["We will believe it when we see it"]


def test_the_frame_of_according_to_states_nothing_of_its_own() -> None:
    texts = _texts(
        "According to Bexar County Sheriff Javier Salazar, four deputies fired shots outside"
        " the home."
    )
    assert texts == ["four deputies fired shots outside the home"]


def test_a_quote_that_is_the_whole_reported_clause_stays_one_claim() -> None:
    texts = _texts(
        "“Each of the children winced and some cried at the hot glue,” a prosecutor said."
    )
    assert texts == ["Each of the children winced and some cried at the hot glue"]


def test_a_few_quoted_words_inside_reported_speech_are_the_whole_reported_clause() -> None:
    claims = _sentence_claims(
        "The alliance's chief said the pledge gave “reason for careful hope,” but added"
        " “we have seen no sign of it on the ground.”"
    )
    assert [c.text for c in claims] == [
        "the pledge gave “reason for careful hope",
        "we have seen no sign of it on the ground.",
    ]
    assert all(c.speaker is not None and "chief" in c.speaker for c in claims)


def test_a_frame_saying_more_than_who_said_it_is_a_claim_of_its_own() -> None:
    texts = _texts(
        "Speaking after a long meeting with the German chancellor in the Kremlin on Tuesday,"
        " Putin said Russia was ready to keep talking."
    )
    assert "Russia was ready to keep talking" in texts
    assert any("German chancellor" in text for text in texts)


def test_a_clause_describing_a_noun_inside_the_speaker_is_a_claim() -> None:
    # Neighbours "of the two men the police have arrested": the arrest is a statement, as a
    # clause on the speaker's own noun would be; a copy changing it must be checked.
    texts = _texts(
        "Neighbours of the two men the police have arrested over the fire, by reading the"
        " footage of a camera on the street, insisted the men were at home that night."
    )
    assert texts[-1] == "the men were at home that night"
    assert any("police have arrested over the fire" in text for text in texts[:-1])
    texts = _texts(
        "The mother of a girl who was hurt in the fire at the old school on Monday said the"
        " alarms did not sound."
    )
    assert any("hurt in the fire" in text for text in texts)


def test_a_one_word_reply_with_its_cue_is_no_claim_but_a_short_statement_is() -> None:
    # Two such replies share a speaker's name and nothing they state.
    assert _texts("“Yes,” the minister said.") == []
    assert _texts("“Oh, yes,” she replied.") == []
    assert _texts("The minister said he was not embarrassed.") == [
        "The minister said he was not embarrassed."
    ]


def test_a_clause_coordinated_after_the_cue_is_a_claim_however_short() -> None:
    texts = _texts(
        "Four pupils were hurt in the fire, officials said, but the cause remains unclear."
    )
    assert texts == ["Four pupils were hurt in the fire", "the cause remains unclear."]
    texts = _texts("The mayor said the bridge would reopen on Friday; drivers remain wary.")
    assert texts == ["the bridge would reopen on Friday", "drivers remain wary."]
    # A paragraph break after the sentence is not part of the clause.
    texts = _texts(
        "Neither Cruz nor Hooper thought his stay would be long, but neither complained as"
        " the years went by.\n\nIt did."
    )
    assert "neither complained as the years went by." in texts


def test_what_the_speaker_goes_on_to_do_is_a_claim_with_the_speakers_subject() -> None:
    claims = _sentence_claims(
        "A union spokesman said its members were “weighing the offer,” and will vote"
        " within ten days."
    )
    assert [c.text for c in claims] == [
        "its members were “weighing the offer",
        "will vote within ten days",
    ]
    assert claims[1].shared_subject is not None


def test_a_cue_adding_content_of_its_own_is_still_a_frame() -> None:
    texts = _texts("The mayor said the road was safe, and added that it would reopen soon.")
    assert texts == ["the road was safe", "it would reopen soon"]


def test_the_clause_a_relative_clause_of_speech_hangs_from_is_a_claim() -> None:
    texts = _texts(
        "Divers are still searching for the boat, which they believe sank near the pier."
    )
    assert texts == [
        "Divers are still searching for the boat",
        "which they believe sank near the pier",
    ]
    texts = _texts(
        "The coach said the striker refused the offer, which he said was confirmed by two players."
    )
    assert "the striker refused the offer" in texts


def test_a_relative_clause_without_a_comma_is_part_of_what_is_said() -> None:
    texts = _texts("It was not the plan that I thought was right for the club.")
    assert "It was not the plan" not in texts


def test_coordinated_clauses_and_trailing_clauses_are_claims_of_their_own() -> None:
    texts = _texts(
        "A container ship drifted into the swing bridge on Monday, forcing the city to close"
        " the crossing, and the mayor ordered an inquiry into the engine failure."
    )
    assert texts == [
        "A container ship drifted into the swing bridge on Monday",
        "forcing the city to close the crossing",
        "the mayor ordered an inquiry into the engine failure.",
    ]


def test_one_fact_told_with_two_verbs_stays_one_claim() -> None:
    texts = _texts("Cosme was arrested Sunday and charged with five counts of battery.")
    assert texts == ["Cosme was arrested Sunday and charged with five counts of battery."]


def test_a_verb_acting_on_its_own_object_after_a_passive_one_is_a_claim_of_its_own() -> None:
    texts = _texts("The man was shot four times in the chest and underwent surgery overnight.")
    assert texts == ["The man was shot four times in the chest", "underwent surgery overnight."]


def test_verbs_acting_on_objects_of_their_own_are_two_claims() -> None:
    texts = _texts("One robber grabbed the woman's purse and shot the man one more time.")
    assert texts == ["One robber grabbed the woman's purse", "shot the man one more time."]
    # A clause is the object of the second verb.
    texts = _texts(
        "The ministry released a video of the convoy but did not specify how many soldiers were"
        " leaving."
    )
    assert texts == [
        "The ministry released a video of the convoy",
        "did not specify how many soldiers were leaving.",
    ]


def test_a_title_holding_two_statements_is_two_claims_and_its_frames_are_read() -> None:
    titles = [
        (c.text, c.speaker)
        for c in _claims(
            "Putin declares Russia is withdrawing some troops; Biden warns of an invasion\n\n"
            "Putin said on Tuesday that some troops were withdrawing from the border."
        )
        if c.index < 0
    ]
    # What the headline says Putin declared is the claim, and he its speaker; what follows
    # the semicolon is a statement of its own, however short.
    assert [text for text, _ in titles] == [
        "Russia is withdrawing some troops",
        "Biden warns of an invasion",
    ]
    assert titles[0][1] is not None and "Putin" in titles[0][1]


def test_every_claim_lies_inside_its_sentence_and_is_its_text() -> None:
    text = (
        "Ship hits bridge\n\nThe harbor master said the ship lost power shortly after 7 a.m.,"
        " and two tugboats reached it within minutes. About 28,000 vehicles cross the bridge"
        " each weekday, according to city figures."
    )
    source = make_source(text)
    for claim in _claims(text):
        if claim.index < 0:
            continue
        assert claim.sentence.start <= claim.citation.start < claim.citation.end
        assert claim.citation.end <= claim.sentence.end
        assert source.clean.text[claim.citation.start : claim.citation.end] == claim.text


def test_names_are_the_storys_and_subjects_are_who_a_claim_is_about() -> None:
    [cosme] = _sentence_claims(
        "Prosecutors said Lizandra Cosme was denied bail on Monday in Chicago."
    )
    assert "Lizandra Cosme" in cosme.subjects
    assert {"Lizandra Cosme", "Chicago"} <= cosme.names


def test_a_verb_sharing_its_subject_is_read_with_that_subject() -> None:
    first, second = _claims(
        "The board will examine the ship's maintenance records and interview the crew."
    )
    assert second.text == "interview the crew."
    assert second.read_as == "The board ... interview the crew."
    assert first.read_as == first.text
    # A participle added after a comma does what its main verb's subject does.
    _, added = _claims("A container ship drifted into the bridge, forcing the city to close it.")
    assert added.read_as == "A container ship ... forcing the city to close it."


def test_update_words_after_a_claim_present_its_figure_as_an_update() -> None:
    claims = _claims(
        "Rescuers said 33 hikers were missing on the ridge and the search would resume at"
        " dawn, up from an earlier count of 20."
    )
    [hikers] = [c for c in claims if c.text.startswith("33 hikers")]
    assert hikers.updates  # the words trail another part of the sentence
    plain = _claims("Rescuers said 33 hikers were missing on the ridge.")
    assert not any(c.updates for c in plain)


def test_claims_read_the_parse_extraction_hands_on(monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_source(
        "Ship loses power near bridge\n\n"
        "Harbor chief said the ship lost power on Monday near the bridge.\n"
    )
    story = Story("s", (source,))
    extracts = extract_story(story)
    read: list[str] = []
    monkeypatch.setattr(reading_module, "parse", lambda text: read.append(text) or parse(text))
    found = story_claims(story, extracts)
    assert [c.text for c in found if c.index >= 0] == [
        "the ship lost power on Monday near the bridge"
    ]
    assert [c.text for c in found if c.index < 0] == ["Ship loses power near bridge"]
    assert read == []  # neither the body nor the title is read again


def test_speech_reported_inside_another_report_is_its_own_statement() -> None:
    [talks] = _claims(
        "The ministry said the pullback comes as the president said the country is ready"
        " to resume talks with its neighbours."
    )
    assert (talks.text, talks.speaker) == (
        "the country is ready to resume talks with its neighbours",
        "the president",
    )
    # What a verb of stance reports is no statement without whoever took the stance.
    [offer] = _claims(
        "The company has offered to waive its legal costs should the engineer choose not to"
        " appeal, according to spokeswoman Ana Lee."
    )
    assert offer.text.startswith("The company has offered to waive")


def test_a_crosshead_or_a_photo_credit_is_no_claim() -> None:
    texts = _texts(
        "Floodwater closed the harbour road on Friday, the port authority said.\n\n"
        "Damage and repairs\n\n"
        "Crews began repairing the damaged sea wall on Saturday morning.\n\n"
        "REUTERS/Jane Doe"
    )
    assert "Damage and repairs" not in texts
    assert not any("REUTERS" in text for text in texts)
    assert any("sea wall" in text for text in texts)


def test_a_line_in_capitals_with_no_closing_mark_is_a_heading_not_a_claim() -> None:
    # Another story's headline set inside the article, or a crosshead with a verb.
    texts = _texts(
        "The council approved the new ferry timetable on Monday night.\n\n"
        "SINGER SAYS THE SHOW HAS HELPED HER LOSE 25 POUNDS\n\n"
        "HOW TO USE A WATER BATH CANNER\n\n"
        "The first ferry leaves the harbor at six in the morning."
    )
    assert texts == [
        "The council approved the new ferry timetable on Monday night.",
        "The first ferry leaves the harbor at six in the morning.",
    ]


def test_a_line_without_a_verb_that_ends_as_a_sentence_is_still_a_claim() -> None:
    # A verbless line that closes as a sentence may state something ("A quiet end to a
    # long career."): only lines with neither a verb nor a closing mark name what follows.
    texts = _texts(
        "The mayor retired on Monday after twenty years in office.\n\n"
        "A quiet end to a long and stormy career in city politics."
    )
    assert any("quiet end" in text for text in texts)


def test_a_question_told_is_no_claim_but_what_was_found_is() -> None:
    texts = _texts(
        "Divers search the wreck\n\n"
        "Divers searched the wreck on Tuesday.\n\nNo one knows what caused the ship to sink."
        "\n\nThe harbour master asked whether the crew had checked the weather."
        "\n\nDivers found what appear to be two anchors near the hull."
        "\n\nThe owners explained why they had sold the ship a year ago."
    )
    assert any(text.startswith("Divers searched the wreck") for text in texts)
    assert not any("caused the ship" in text for text in texts)
    assert not any("checked the weather" in text for text in texts)
    assert any("two anchors" in text for text in texts)
    assert any("sold the ship" in text for text in texts)


def test_what_the_reader_is_told_to_do_is_no_claim() -> None:
    texts = _texts(
        "The harbour reopened on Monday after a week of repairs.\n\n"
        "Imagine the old harbour at dawn, full of fishing boats.\n\n"
        "Read the full report on the harbour repairs here."
    )
    assert not any("Imagine" in text or "Read the" in text for text in texts)
    assert any(text.startswith("The harbour reopened") for text in texts)


def test_a_statement_and_its_denial_are_split_alike() -> None:
    # "he was embarrassed" is too short to stand apart from its frame; adding "not" must not
    # make it long enough, or a copy's denial would never meet its origin's claim.
    said = _texts("The harbour master, Ines Duarte, said she was surprised.")
    denied = _texts("The harbour master, Ines Duarte, said she was not surprised.")
    assert [text.replace("not ", "") for text in denied] == said
    assert said == ["The harbour master, Ines Duarte, said she was surprised."]


def test_a_stance_toward_a_thing_is_no_frame_to_split_at() -> None:
    # "echoed" is a verb of stance, but what was echoed is a thing, not a clause: the
    # sentence states its fact whole ("a chant heard in Lagos" states nothing).
    texts = _texts("Outside the court, the marchers echoed a chant heard in Lagos the week before.")
    assert texts == [
        "Outside the court, the marchers echoed a chant heard in Lagos the week before."
    ]
