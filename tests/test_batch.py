from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.batch import DaskRunner, dask_runner
from newsfuse.cli import EXIT_OK, EXIT_PARTIAL, main
from newsfuse.pipeline import BriefOptions, brief_paths
from newsfuse.render import render_json
from newsfuse.store import Store
from newsfuse.write import LlmSettings

from .conftest import EXAMPLES
from .write.fake_llm import fake_llm, retelling


@pytest.fixture(scope="module")
def runner() -> Iterator[DaskRunner]:
    with dask_runner("local", workers=2) as started:
        yield started


def _square(number: int) -> int:
    return number * number


def test_the_runner_maps_in_order_on_both_workers(runner: DaskRunner) -> None:
    assert len(runner.client.scheduler_info()["workers"]) == 2
    assert runner(_square, list(range(101))) == [n * n for n in range(101)]
    assert runner(_square, []) == []


def test_the_batch_brief_is_the_single_process_brief(runner: DaskRunner, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{nope")
    (tmp_path / "quake.txt").write_text(
        "Quake in Chile\n\nA magnitude 7.1 earthquake struck northern Chile near Arica on "
        "Sunday, damaging homes and cutting power to thousands, Chilean officials said.\n"
    )
    paths = [str(EXAMPLES), str(tmp_path)]
    batch = brief_paths(paths, runner=runner)
    single = brief_paths(paths)
    assert len(batch.stories) == 2
    assert [r.describe() for r in batch.rejections] == [r.describe() for r in single.rejections]
    assert render_json(batch) == render_json(single)


def test_a_batch_fills_the_store_and_reuses_it(runner: DaskRunner, tmp_path: Path) -> None:
    database = tmp_path / "news.db"
    with Store(database) as store:
        first = brief_paths([str(EXAMPLES)], store, runner=runner)
        assert store.count_articles() == 6
    with Store(database) as store:
        second = brief_paths([str(EXAMPLES)], store, runner=runner)
        assert store.count_articles() == 6
    assert render_json(first) == render_json(second)


def test_the_batch_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.md"
    arguments = ["batch", str(EXAMPLES), "missing.txt", "--workers", "2", "-o", str(target)]
    assert main(arguments) == EXIT_PARTIAL
    assert "newsfuse: skipped missing.txt: no such file or folder" in capsys.readouterr().err
    assert target.read_text().startswith("# newsfuse brief: 1 story from 6 reports")


def test_batch_writes_the_parquet_tables_of_the_single_process_brief(tmp_path: Path) -> None:
    for command, folder in (("batch", "batch"), ("brief", "single")):
        arguments = [command, str(EXAMPLES), "-o", str(tmp_path / f"{folder}.md")]
        assert main([*arguments, "--parquet", str(tmp_path / folder)]) == EXIT_OK
    batch = sorted((tmp_path / "batch").iterdir())
    assert [p.name for p in batch] == sorted(p.name for p in (tmp_path / "single").iterdir())
    assert all(p.read_bytes() == (tmp_path / "single" / p.name).read_bytes() for p in batch)


def test_the_workers_write_each_story_through_the_model_server(runner: DaskRunner) -> None:
    with fake_llm(retelling) as server:
        options = BriefOptions(writer=LlmSettings(url=server.url, model="tiny", tries=1))
        batch = brief_paths([str(EXAMPLES)], options=options, runner=runner)
    [story] = batch.stories
    assert story.written is not None
    assert [s.text for s in story.written.sentences] == [story.facts[0].text]
    assert [d.reason for d in story.written.dropped] == ["figure"]
    assert len(server.requests) == 1
