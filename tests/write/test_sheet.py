from __future__ import annotations

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
