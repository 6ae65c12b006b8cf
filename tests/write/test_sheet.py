from __future__ import annotations

from dataclasses import replace

from newsfuse.models import StoryBrief
from newsfuse.write.sheet import fact_id, sheet_of


def test_a_fact_is_evidenced_by_its_wording_its_spans_and_its_disputes(
    bridge_story: StoryBrief,
) -> None:
    sheet = sheet_of(bridge_story)
    crew = next(n for n, f in enumerate(sheet.facts) if "crew members" in f.text)
    evidence = sheet.evidence[crew]
    assert evidence[0] == sheet.facts[crew].text
    texts = {s.id: s.clean.text for s in bridge_story.sources}
    spans = {texts[c.source][c.start : c.end] for c in sheet.facts[crew].citations}
    assert spans <= set(evidence)
    assert any(text.startswith("Three crew members") for text in evidence)
    [dispute] = sheet.disputes_of(crew)
    assert {side.says for side in dispute.conflict.sides} == {"Two", "Three"}


def test_facts_are_named_by_their_place() -> None:
    assert [fact_id(n) for n in range(3)] == ["F1", "F2", "F3"]


def test_a_fact_worded_by_a_bare_quotation_is_given_its_speaker(bridge_story: StoryBrief) -> None:
    number = next(n for n, f in enumerate(bridge_story.facts) if "busiest morning" in f.text)
    fact = bridge_story.facts[number]
    bare = replace(fact, text=fact.text[: fact.text.index(" said")].rstrip(" ,"))
    facts = (*bridge_story.facts[:number], bare, *bridge_story.facts[number + 1 :])
    sheet = sheet_of(replace(bridge_story, facts=facts))
    assert sheet.speakers[number] == "Lucia Ferrante"
    assert "Lucia Ferrante said" in sheet.evidence[number]
    assert sheet_of(bridge_story).speakers[number] is None  # the wording names him already
