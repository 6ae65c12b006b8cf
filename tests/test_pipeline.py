from __future__ import annotations

from pathlib import Path

from newsfuse.pipeline import BriefOptions, brief_paths
from newsfuse.render import render_json
from newsfuse.store import Store

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
