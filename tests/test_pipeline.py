from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsfuse import ingest, pipeline
from newsfuse.extract import story as story_module
from newsfuse.faults import STRICT_VARIABLE
from newsfuse.models import Brief
from newsfuse.pipeline import BriefOptions, brief_paths, brief_stored_story, ingest_paths
from newsfuse.pipeline import articles as preparing
from newsfuse.pipeline import story as story_stage
from newsfuse.render import markdown, render_contained, render_json
from newsfuse.store import Store, StoreError

from .conftest import EXAMPLES, WordHashEncoder


def test_the_examples_are_one_story_with_every_report() -> None:
    brief = brief_paths([str(EXAMPLES)])
    assert len(brief.stories) == 1
    assert len(brief.stories[0].sources) == 6
    assert brief.rejections == () and brief.duplicates == ()


def test_a_store_makes_the_second_run_reuse_the_first(tmp_path: Path) -> None:
    database = tmp_path / "news.db"
    with Store(database) as store:
        first = brief_paths([str(EXAMPLES)], store=store)
    with Store(database) as store:
        stored = store.count_articles()
        second = brief_paths([str(EXAMPLES)], store=store)
        assert store.count_articles() == stored == 6
    assert render_json(first) == render_json(second)


def test_unusable_inputs_are_collected_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text((EXAMPLES / "02-coast-wire.txt").read_text())
    (tmp_path / "furniture.txt").write_text("Skip to main content\nShare\nLeave a Reply\n")
    (tmp_path / "empty.txt").write_text("")
    brief = brief_paths([str(tmp_path)], encoder=WordHashEncoder())
    assert len(brief.stories) == 1
    reasons = sorted((Path(r.path).name, r.reason) for r in brief.rejections)
    assert reasons == [
        ("empty.txt", "empty file"),
        ("furniture.txt", "no article text left once page furniture is removed"),
    ]


def test_max_points_limits_each_story() -> None:
    brief = brief_paths([str(EXAMPLES)], options=BriefOptions(max_points=3))
    assert len(brief.stories[0].summary) == 3


def test_max_words_fills_each_story_up_to_the_budget() -> None:
    words = {}
    for budget in (40, 120):
        brief = brief_paths([str(EXAMPLES)], options=BriefOptions(max_words=budget))
        counts = [len(point.text.split()) for point in brief.stories[0].summary]
        assert sum(counts[:-1]) < budget  # points are added only while under the budget
        words[budget] = sum(counts)
    assert 40 <= words[40] < words[120]


def _write_reports(folder: Path, texts: dict[str, str]) -> list[str]:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text)
    return [str(folder / name) for name in texts]


QUAKES = {
    "chile-1.md": "---\npublished: 2024-03-03\n---\n# Quake in Chile\n\nA magnitude 7.1 "
    "earthquake struck northern Chile near Arica on Sunday, damaging homes and cutting power "
    "to thousands, Chilean officials said.\n",
    "sumatra-1.md": "---\npublished: 2024-03-06\n---\n# Earthquake hits Sumatra\n\nA magnitude "
    "6.4 earthquake struck off the coast of Sumatra in Indonesia on Wednesday, sending "
    "residents of Padang into the streets.\n",
    "chile-2.md": "---\npublished: 2024-03-04\n---\n# Strong earthquake shakes Arica\n\nThe 7.1 "
    "magnitude quake near Arica in northern Chile on Sunday damaged homes and left thousands "
    "without power, officials in Chile said.\n",
    "sumatra-2.md": "---\npublished: 2024-03-07\n---\n# Sumatra quake sends Padang residents "
    "outside\n\nResidents of Padang fled into the streets after a 6.4 magnitude earthquake off "
    "Sumatra, Indonesia, on Wednesday.\n",
}


def _stories(store: Store) -> list[tuple[str, list[str]]]:
    return sorted((s.id, sorted(Path(p).name for _, p in s.articles)) for s in store.stories())


def test_ingesting_in_two_runs_gives_the_stories_of_one(tmp_path: Path) -> None:
    paths = _write_reports(tmp_path / "reports", QUAKES)
    encoder = WordHashEncoder()
    with Store(tmp_path / "once.db") as once:
        report = ingest_paths(paths, once, encoder=encoder)
        assert (report.added, report.new_stories, len(report.assignments)) == (4, 2, 4)
        expected = _stories(once)
    with Store(tmp_path / "twice.db") as twice:
        ingest_paths(paths[:2], twice, encoder=encoder)
        before = _stories(twice)
        report = ingest_paths(paths, twice, encoder=encoder)
        assert (report.added, report.already_stored, report.new_stories) == (2, 2, 0)
        assert _stories(twice) == expected
    # The stories of the first run kept their ids and members; later reports joined them.
    assert [story_id for story_id, _ in before] == [story_id for story_id, _ in expected]
    assert sorted(names for _, names in expected) == [
        ["chile-1.md", "chile-2.md"],
        ["sumatra-1.md", "sumatra-2.md"],
    ]


def test_a_stored_story_is_briefed_alone(tmp_path: Path) -> None:
    paths = _write_reports(tmp_path / "reports", QUAKES)
    with Store(tmp_path / "news.db") as store:
        ingest_paths(paths, store, encoder=WordHashEncoder())
        chile = next(s for s in store.stories() if "chile" in s.articles[0][1])
        brief = brief_stored_story(chile.id, store, encoder=WordHashEncoder())
        [story] = brief.stories
        assert story.story_id == chile.id
        assert [s.id for s in story.sources] == [article_id for article_id, _ in chile.articles]
        assert "Arica" in story.summary[0].text
        with pytest.raises(StoreError, match="no story 'nope'"):
            brief_stored_story("nope", store)


# A process that briefs a stored story with the model's loading forbidden.
_WITHOUT_THE_MODEL = """
import sys
import spacy
def refuse(*arguments, **options):
    raise SystemExit("the spaCy model was loaded")
spacy.load = refuse
from newsfuse.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_stored_story_is_briefed_from_its_kept_readings(tmp_path: Path) -> None:
    database = tmp_path / "news.db"
    with Store(database) as store:
        ingest_paths([str(EXAMPLES)], store)
        [story] = store.stories()

    def brief(path: Path) -> str:
        command = ["brief", "--story", story.id, "--db", str(path), "--format", "json"]
        done = subprocess.run(
            [sys.executable, "-c", _WITHOUT_THE_MODEL, *command],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    kept = brief(database)
    # The same brief as when every report is read again (its readings gone; a read-only
    # store keeps none).
    with sqlite3.connect(database) as db:
        db.execute("DELETE FROM readings")
    with pytest.raises(AssertionError, match="the spaCy model was loaded"):
        brief(database)
    with Store(database, writable=False) as store:
        [read_again] = brief_stored_story(story.id, store).stories
    assert kept == render_json(Brief(stories=(read_again,)))


def test_the_brief_of_a_pile_and_the_stories_of_a_store_agree(tmp_path: Path) -> None:
    paths = _write_reports(tmp_path / "reports", QUAKES)
    with Store(tmp_path / "news.db") as store:
        ingest_paths(paths, store, encoder=WordHashEncoder())
        stored = _stories(store)
    brief = brief_paths(paths, encoder=WordHashEncoder())
    briefed = sorted(
        (story.story_id, sorted(Path(s.article.path).name for s in story.sources))
        for story in brief.stories
    )
    assert briefed == stored


# Containment: a stage failing on one input, source or story costs only what it would have
# added. Each test breaks one stage on purpose (for one file where it can) and turns
# containment on (the test suite runs with it off).

_FAULTY = "04-harbor-radio.md"


@pytest.fixture
def contained(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv(STRICT_VARIABLE)
    return monkeypatch


def _broken_for(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, raising for the source or article read from the file `name`."""

    def broken(first: Any, *args: Any, **kwargs: Any) -> Any:
        article = first.article if hasattr(first, "article") else first
        if Path(article.path).name == name:
            raise ValueError("could not convert string to float: '1.8.3'")
        return function(first, *args, **kwargs)

    return broken


def _always_broken(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("broken on purpose")


def test_a_source_whose_extraction_fails_is_left_out_of_the_extracts(
    contained: pytest.MonkeyPatch,
) -> None:
    contained.setattr(
        story_module, "extract_source", _broken_for(_FAULTY, story_module.extract_source)
    )
    brief = brief_paths([str(EXAMPLES)], encoder=WordHashEncoder())
    story = brief.stories[0]
    assert len(story.sources) == 6 and story.summary and story.quotes
    faulty = next(s.id for s in story.sources if Path(s.article.path).name == _FAULTY)
    assert all(c.source != faulty for quote in story.quotes for c in quote.citations)
    [problem] = brief.all_problems
    assert (problem.stage, Path(problem.subject).name) == ("extract", _FAULTY)
    assert problem.error == "ValueError: could not convert string to float: '1.8.3'"


@pytest.mark.parametrize("stage", ["crosscheck", "summarize"])
def test_a_story_stage_that_fails_leaves_the_rest_of_the_brief(
    contained: pytest.MonkeyPatch, stage: str
) -> None:
    contained.setattr(story_stage, stage, _always_broken)
    brief = brief_paths([str(EXAMPLES)], encoder=WordHashEncoder())
    story = brief.stories[0]
    assert len(story.sources) == 6 and story.quotes and story.entities
    [problem] = brief.all_problems
    assert (problem.stage, problem.subject) == (stage, f"story {story.story_id}")
    assert problem.error == "RuntimeError: broken on purpose"
    if stage == "crosscheck":  # key points are facts: none without the cross-check
        assert story.facts == () and story.summary == () and story.title
    else:
        assert story.summary == () and story.facts
        assert story.title  # a source's title stands in for the headline


def test_an_article_that_cannot_be_cleaned_is_left_out(contained: pytest.MonkeyPatch) -> None:
    contained.setattr(
        preparing, "clean_and_segment", _broken_for(_FAULTY, preparing.clean_and_segment)
    )
    brief = brief_paths([str(EXAMPLES)], encoder=WordHashEncoder())
    assert len(brief.stories[0].sources) == 5
    [problem] = brief.all_problems
    assert (problem.stage, Path(problem.subject).name) == ("clean", _FAULTY)


def test_an_article_that_cannot_be_read_is_reported_and_the_others_kept(
    contained: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    contained.setattr(pipeline, "read_sources", _always_broken)
    contained.setattr(pipeline, "read_source", _broken_for(_FAULTY, pipeline.read_source))
    with Store(tmp_path / "news.db") as store:
        report = ingest_paths([str(EXAMPLES)], store, encoder=WordHashEncoder())
        # Read together they fail; read one by one, one fails, and it alone is reported.
        [problem] = report.problems
        assert (problem.stage, Path(problem.subject).name) == ("read", _FAULTY)
        [story] = store.stories()
        ids = [article_id for article_id, _ in story.articles]
        assert len(store.unread(ids, pipeline._reading_version())) == 1
        assert (
            len(brief_stored_story(story.id, store, encoder=WordHashEncoder()).stories[0].sources)
            == 6
        )


def test_failed_provenance_leaves_each_source_its_own_origin(
    contained: pytest.MonkeyPatch,
) -> None:
    contained.setattr(pipeline, "analyse", _always_broken)
    brief = brief_paths([str(EXAMPLES)], encoder=WordHashEncoder())
    assert len(brief.stories[0].sources) == 6
    assert all(source.provenance is None for source in brief.stories[0].sources)
    assert [(p.stage, p.subject) for p in brief.all_problems] == [("provenance", "all sources")]


def test_failed_clustering_leaves_each_source_its_own_story(
    contained: pytest.MonkeyPatch,
) -> None:
    contained.setattr(pipeline, "cluster", _always_broken)
    brief = brief_paths([str(EXAMPLES)], encoder=WordHashEncoder())
    assert len(brief.stories) == 6
    assert [(p.stage, p.subject) for p in brief.all_problems] == [("cluster", "all sources")]


def test_a_reader_that_fails_costs_its_input_only(
    contained: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for report in EXAMPLES.iterdir():
        (tmp_path / report.name).write_bytes(report.read_bytes())
    contained.setattr(ingest, "read_markdown", _always_broken)
    brief = brief_paths([str(tmp_path)], encoder=WordHashEncoder())
    assert len(brief.stories[0].sources) == 5
    [problem] = brief.all_problems
    assert (problem.stage, Path(problem.subject).name) == ("read", _FAULTY)


def test_a_story_that_cannot_be_rendered_is_left_out_and_named(
    contained: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "ship.txt").write_text((EXAMPLES / "02-coast-wire.txt").read_text())
    (tmp_path / "other.txt").write_text(
        "Town council approves new library budget\n\nThe town council voted on Tuesday to"
        " approve a budget of 2 million dollars for a new public library downtown."
    )
    brief = brief_paths([str(tmp_path)], encoder=WordHashEncoder())
    assert len(brief.stories) == 2
    broken = brief.stories[1]
    original = markdown._story
    contained.setattr(
        markdown,
        "_story",
        lambda story: _always_broken() if story is broken else original(story),
    )
    text, rendered = render_contained(brief, "md")
    assert [s.story_id for s in rendered.stories] == [brief.stories[0].story_id]
    assert [(p.stage, p.subject) for p in rendered.all_problems] == [
        ("render", f"story {broken.story_id}")
    ]
    assert f"story {broken.story_id}: render failed" in text
