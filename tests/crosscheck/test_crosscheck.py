"""The crosscheck stage through the pipeline: facts, conflicts, updates and the brief."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.models import Brief, StoryBrief
from newsfuse.pipeline import brief_paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def examples() -> StoryBrief:
    [story] = brief_paths([str(EXAMPLES)]).stories
    return story


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> Brief:
    return brief_paths([str(seeds_dir)])


def texts(story: StoryBrief, citations: tuple[object, ...]) -> list[str]:
    by_id = {source.id: source.clean.text for source in story.sources}
    return [by_id[c.source][c.start : c.end] for c in citations]  # type: ignore[attr-defined]


def test_a_copy_that_changed_a_figure_is_disputed_with_both_sides_cited(
    examples: StoryBrief,
) -> None:
    [dispute] = [c for c in examples.disputes if c.kind == "number"]
    kept, changed = dispute.sides
    assert dispute.altered_copy
    assert kept.independent > changed.independent
    assert all("Two crew" in text for text in texts(examples, kept.citations))
    assert all("Three crew" in text for text in texts(examples, changed.citations))


def test_no_key_point_takes_its_wording_from_a_contradicted_sentence(
    examples: StoryBrief,
) -> None:
    assert not any(point.text.startswith("Three crew") for point in examples.summary)
    assert any(point.text.startswith("Two crew") for point in examples.summary)


def test_facts_count_independent_origins_and_single_sources_are_marked(
    examples: StoryBrief,
) -> None:
    corroborated = [fact for fact in examples.facts if not fact.single_source]
    assert corroborated and all(fact.independent >= 2 for fact in corroborated)
    assert all(fact.sources >= fact.independent for fact in examples.facts)
    # A contradicted copy does not back the fact it changed.
    two_crew = next(fact for fact in examples.facts if fact.text.startswith("Two crew"))
    assert not any("Three crew" in text for text in texts(examples, two_crew.citations))


def test_only_one_source_lists_no_statement_another_report_likely_makes(
    examples: StoryBrief,
) -> None:
    # "The city closed the bridge to all traffic" is grouped apart from the other reports'
    # "the bridge is closed to all traffic after ...", which state more; the judge still
    # finds them likely one statement, so the line is no statement of one source alone.
    single = [fact.text for fact in examples.facts if fact.single_source]
    assert not any(text.startswith("The city closed the bridge") for text in single)
    assert any("busiest morning" in text for text in single)  # said by one baker only


def test_the_seeds_paraphrased_repost_distortions_are_reported(seeds: Brief) -> None:
    [story] = seeds.stories
    spun = next(s.id for s in story.sources if "invasion by Ukraine" in (s.article.title or ""))
    disputed = {
        (conflict.kind, citation.source)
        for conflict in story.disputes
        for side in conflict.sides[1:]
        for citation in side.citations
    }
    assert ("role", spun) in disputed  # "an invasion by Ukraine" against "of Ukraine"
    assert ("quote", spun) in disputed  # Biden's "entirely possible" quoted otherwise


def test_the_seeds_troop_figures_are_an_update_not_a_contradiction(seeds: Brief) -> None:
    [story] = seeds.stories
    figures = {side.says for c in story.disputes if c.kind == "number" for side in c.sides}
    assert not any("130,000" in says or "150,000" in says for says in figures)
    [update] = [c for c in story.updates if c.kind == "number"]
    sides = " / ".join(side.says for side in update.sides)
    assert "130,000" in sides and "150,000" in sides
    assert any("Biden" in giver for side in update.sides for giver in side.given_by)
    # No key point gives the figure the update replaced as the story's figure.
    assert not any("130,000" in p.text and "150,000" not in p.text for p in story.summary)


def test_a_figure_an_update_replaced_is_no_key_point(tmp_path: Path) -> None:
    # Two reports give the earlier count; one tells that it went up. The earlier count is
    # what they said, but a key point stating it would tell the reader it still holds.
    reports = {
        "a.txt": "Officials said about 40 people were missing after the flood on Monday."
        " Rescue teams searched the river banks through the night.",
        "b.txt": "About 40 people were missing after Monday's flood, officials said."
        " Roads into the valley remained closed.",
        "c.txt": "Officials now say 65 people are missing, up from an earlier count of 40."
        " Rescue teams searched the river banks through the night.",
    }
    story = _one_story(tmp_path, reports)
    assert [c for c in story.updates if c.kind == "number"]
    assert not any(" 40 " in f" {p.text} " and "65" not in p.text for p in story.summary)


def test_an_update_of_a_sum_names_the_sums_and_nothing_else(tmp_path: Path) -> None:
    # "$636 million ... updated from $586 million": neither figure says what it counts, and
    # the sides showed "$586 million None".
    reports = {
        "a.txt": "The jackpot for Tuesday's drawing stood at $586 million on Monday, lottery"
        " officials said. Sales were brisk in every state.",
        "b.txt": "The $636 million estimate for Tuesday's jackpot was the latest figure,"
        " updated from $586 million a day earlier, a lottery spokeswoman said.",
        "c.txt": "Tuesday's jackpot was $586 million on Monday, officials said."
        " Sales were brisk across the country.",
    }
    story = _one_story(tmp_path, reports)
    sides = [side.says for c in story.updates if c.kind == "number" for side in c.sides]
    assert sides
    assert not any("None" in says for says in sides)


def test_a_fact_whose_every_version_is_disputed_is_not_listed_as_corroborated(
    seeds: Brief,
) -> None:
    [story] = seeds.stories
    quoted = [c for c in story.conflicts if c.kind == "quote"]
    assert quoted
    disputed_texts = {side.text for conflict in quoted for side in conflict.sides}
    assert not disputed_texts & {fact.text for fact in story.facts}


def _one_story(folder: Path, reports: dict[str, str]) -> StoryBrief:
    """The one story of `reports` (file name: text) written into `folder` and briefed."""
    for name, text in reports.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    [story] = brief_paths([str(folder)]).stories
    return story


def _council_reports(folder: Path, planned_at: str, done_at: str) -> StoryBrief:
    import json

    planned = {
        "title": "Council to vote on budget",
        "url": "https://morning.example/a",
        "published": planned_at,
        "text": "The city council is set to vote on the new budget plan at its meeting on"
        " Wednesday evening.\n\nThe plan would raise spending on schools and roads by a tenth"
        " next year.\n\nMayor Ana Ruiz said she expected the plan to pass easily after months"
        " of debate.\n\nResidents packed a hearing on the plan last week.",
    }
    done = {
        "title": "Council passes budget",
        "url": "https://evening.example/b",
        "published": done_at,
        "text": "The city council voted on the new budget plan at its meeting on Wednesday"
        " evening.\n\nThe plan raises spending on schools and roads by a tenth next year.\n\n"
        "Mayor Ana Ruiz said the plan passed easily after months of debate.\n\nDozens of"
        " residents spoke at the meeting before the vote.",
    }
    (folder / "planned.json").write_text(json.dumps(planned))
    (folder / "done.json").write_text(json.dumps(done))
    [story] = brief_paths([str(folder)]).stories
    return story


def test_a_plan_reported_before_the_deed_is_an_update(tmp_path: Path) -> None:
    story = _council_reports(tmp_path, "2025-05-07T09:00:00", "2025-05-07T21:30:00")
    [status] = [c for c in story.conflicts if c.kind == "status"]
    assert status.update is not None and "plan is the earlier" in status.update
    assert not [c for c in story.disputes if c.kind == "status"]


def test_a_deed_reported_before_its_plan_stays_disputed(tmp_path: Path) -> None:
    story = _council_reports(tmp_path, "2025-05-07T21:30:00", "2025-05-07T09:00:00")
    [status] = [c for c in story.disputes if c.kind == "status"]
    assert status.update is None


def test_today_in_reports_of_two_days_is_no_dispute(tmp_path: Path) -> None:
    import json

    for name, day in (("first", "2012-06-11T18:00:00"), ("second", "2012-06-12T09:00:00")):
        record = {
            "title": "New laptops ship",
            "url": f"https://{name}.example/a",
            "published": day,
            "text": "The company said its new laptops are shipping today to stores in Europe and"
            " the United States.\n\nThe laptops have faster chips and longer battery life, the"
            " company said in a statement.\n\nPrices start at $1,199 for the smaller model.",
        }
        (tmp_path / f"{name}.json").write_text(json.dumps(record))
    [story] = brief_paths([str(tmp_path)]).stories
    assert not [c for c in story.disputes if c.kind == "date"]
    dated = [c for c in story.conflicts if c.kind == "date"]
    assert all(c.update and "each about its own" in c.update for c in dated)


def test_a_copy_denying_a_short_reported_clause_is_disputed(tmp_path: Path) -> None:
    import json

    body = (
        "The ferry Marisol ran aground off Punta Brava on Sunday night with 212 passengers on"
        " board.\n\nCoast guard boats took every passenger ashore by dawn, and nobody was"
        " hurt.\n\nThe harbour master, Ines Duarte, said she was {}surprised.\n\nThe operator"
        " said the crew had reported a steering fault an hour before the ferry ran aground."
        "\n\nDivers will inspect the hull on Tuesday before the ferry is towed to port."
    )
    for name, denied, day in (("first", "", "2025-03-03T08:00:00"), ("copy", "not ", None)):
        record = {"title": "Ferry runs aground off Punta Brava", "text": body.format(denied)}
        record["url"] = f"https://{name}.example/a"
        if day:
            record["published"] = day
        (tmp_path / f"{name}.json").write_text(json.dumps(record))
    [story] = brief_paths([str(tmp_path)]).stories
    [negation] = [c for c in story.disputes if c.kind == "negation"]
    sides = [texts(story, side.citations) for side in negation.sides]
    assert sorted("not surprised" in side[0] for side in sides) == [False, True]
