from __future__ import annotations

import pytest

from newsfuse.models import DroppedSentence, StoryBrief, WrittenSentence
from newsfuse.text.embed import default_encoder
from newsfuse.write.gate import Gate, _canonical, _dates, _Evidence, _figures
from newsfuse.write.reply import drafted_sentences
from newsfuse.write.sheet import sheet_of

from .conftest import fact_of


def _checked(story: StoryBrief, reply: str) -> list[WrittenSentence | DroppedSentence]:
    return Gate(sheet_of(story), default_encoder()).checked(drafted_sentences(reply))


def _ids(story: StoryBrief, *words: str) -> str:
    return "[" + ", ".join(fact_of(story, w) for w in words) + "]"


def test_faithful_sentences_pass_and_cite_their_facts_spans(bridge_story: StoryBrief) -> None:
    story = bridge_story
    reply = (
        "A drifting container ship, the Northern Gannet, tore into the Alder Bay swing bridge"
        f" on Monday after its engine failed. {_ids(story, 'Engineers began', 'engine failed')}\n"
        "Mayor Tobias Renn said the crossing would stay shut for at least six weeks."
        f" {_ids(story, 'Mayor Tobias Renn said')}\n"
        f"The ship's operator said it would pay for the repairs. {_ids(story, 'pay for')}\n"
        f"About 28,000 vehicles use the bridge on weekdays. {_ids(story, '28,000')}\n"
    )
    checked = _checked(story, reply)
    assert all(isinstance(s, WrittenSentence) for s in checked), checked
    mayor = checked[1]
    fact = story.facts[mayor.facts[0]]
    assert mayor.citations == fact.citations


@pytest.mark.parametrize(
    ("sentence", "cites", "reason"),
    [
        # an invented figure
        ("About 30,000 vehicles use the bridge each weekday.", ("28,000",), "figure"),
        # a dropped hedge
        ("Mayor Tobias Renn said the crossing would stay shut for six weeks.",
         ("Mayor Tobias Renn said",), "hedge"),
        # a hedge turned round
        ("Mayor Tobias Renn said the crossing would stay shut for nearly six weeks.",
         ("Mayor Tobias Renn said",), "hedge"),
        # a swapped person
        ("Harbor master Ines Okafor said the crossing would stay shut for at least six weeks.",
         ("Mayor Tobias Renn said",), "name"),
        # an added negation
        ("Mayor Tobias Renn said the crossing would not stay shut for at least six weeks.",
         ("Mayor Tobias Renn said",), "negation"),
        # a wrong date
        ("Engineers began checking the Alder Bay swing bridge on Tuesday.",
         ("Engineers began",), "date"),
        ("Engineers began checking the Alder Bay swing bridge on March 3.",
         ("Engineers began",), "date"),
        # a quotation nobody gave
        ('Gannet Shipping Lines called the accident "an act of God".', ("pay for",), "quote"),
        # something else than the fact cited
        ("Buses are diverted through a tunnel.", ("pay for",), "meaning"),
        # one side of the disputed count of the injured, as settled
        ("Two crew members were treated for minor injuries.", ("crew members",), "disputed"),
    ],
)  # fmt: skip
def test_an_unsupported_sentence_is_dropped_with_its_reason(
    bridge_story: StoryBrief, sentence: str, cites: tuple[str, ...], reason: str
) -> None:
    [checked] = _checked(bridge_story, f"{sentence} {_ids(bridge_story, *cites)}")
    assert isinstance(checked, DroppedSentence), checked
    assert (checked.reason, checked.text) == (reason, sentence), checked.detail


def test_a_dispute_told_as_one_is_kept(bridge_story: StoryBrief) -> None:
    ids = _ids(bridge_story, "crew members")
    both = f"Two crew members were treated for minor injuries; one report says three. {ids}"
    [checked] = _checked(bridge_story, both)
    assert isinstance(checked, WrittenSentence), checked


def test_uncited_and_unknown_facts_are_dropped(bridge_story: StoryBrief) -> None:
    reply = "The bridge is a landmark. [F1] The city is proud of it.\nIt is old. [F999]"
    checked = _checked(bridge_story, reply)
    assert [getattr(s, "reason", None) for s in checked] == [None, "uncited", "unknown fact"]
    assert isinstance(checked[2], DroppedSentence) and checked[2].detail == "no fact F999 was given"


def test_names_are_found_past_possessives_demonyms_and_hyphens() -> None:
    evidence = _Evidence(["Russia’s troops", "the honorary-Oscar winner", "Ukrainian officials"])
    assert all(evidence.has_name_word(w) for w in ("Russia", "Russian", "Oscar", "Ukraine"))
    assert not evidence.has_name_word("Belarus")


def test_figures_are_compared_by_value_and_unit() -> None:
    assert _canonical("1.5 million") == _canonical("1,500,000")
    assert _canonical("20%") == _canonical("20 percent") != _canonical("20")
    evidence = _Evidence(["About 1,500,000 people, 20 percent of them children, left."])
    assert _figures("About 1.5 million people left, 20% of them children.", evidence) is None
    assert _figures("About 1.6 million people left.", evidence) is not None


def test_a_denial_one_cited_text_words_apart_is_still_told(bridge_story: StoryBrief) -> None:
    gate = Gate(sheet_of(bridge_story), default_encoder())
    sentence = "The inspectors saw no sign of cracks in the piers."
    moved = "The inspectors have not seen any sign of cracks in the piers."
    yet = "The inspectors have yet to see any signs of cracks in the piers."
    found = "The inspectors saw signs of cracks in the piers."
    also_found = "Signs of cracks were found in two of the piers."
    # One fact's claims, one of them affirming the word with no denial at all.
    assert gate._negation(sentence, _Evidence([moved, found])) is None
    assert gate._negation(sentence, _Evidence([yet, found])) is None
    verdict = gate._negation(sentence, _Evidence([found, also_found]))
    assert verdict is not None and verdict.reason == "negation"


def test_months_are_dates_only_when_written_as_months() -> None:
    evidence = _Evidence(["On Feb. 15 troops will make marches to their garrisons."])
    assert _dates("On February 15 the troops will march home.", evidence) is None
    assert _dates("The troops may be home in May.", evidence) is not None
    assert _dates("The troops may be home soon.", evidence) is None


def test_a_faithful_brief_of_the_seeds_in_a_models_own_words_passes_whole(
    seeds_story: StoryBrief,
) -> None:
    # Five reports of one day, each fact told in other words than any report's, as a model
    # writes them: none may be lost to the gate.
    story = seeds_story
    reply = "\n".join(
        [
            "Russia announced that some troops would pull back"
            f" from areas near Ukraine's border. {_ids(story, 'withdrawing from border positions')}",
            f"Putin said Russia does not want war. {_ids(story, 'Concerning whether we want')}",
            "Ukraine's defense ministry and two of its largest state banks were hit by a"
            f" cyberattack. {_ids(story, 'at least 10 Ukrainian websites')}",
            "NATO Secretary General Jens Stoltenberg saw ground for cautious optimism but said"
            " there was no sign of de-escalation on the ground."
            f" {_ids(story, 'NATO Secretary General Jens Stoltenberg said')}",
            "Ukrainian Foreign Minister Dmytro Kuleba said Ukraine would believe in"
            f" de-escalation when it sees the withdrawal. {_ids(story, 'When we see the')}",
        ]
    )
    checked = _checked(story, reply)
    dropped = [(s.text, s.reason, s.detail) for s in checked if isinstance(s, DroppedSentence)]
    assert dropped == [] and len(checked) == 5
