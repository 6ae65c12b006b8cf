from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from newsfuse.models import Brief
from newsfuse.pipeline import brief_paths
from newsfuse.render import parquet
from newsfuse.render.json import brief_to_dict
from newsfuse.render.parquet import brief_tables, write_parquet
from newsfuse.schemas import brief_schema

from ..conftest import EXAMPLES


@pytest.fixture(scope="module")
def brief() -> Brief:
    return brief_paths([str(EXAMPLES), str(EXAMPLES / "missing.txt")])


def without_nulls(value: Any) -> Any:
    """A JSON value with null members dropped: the tables fill a key an item leaves out
    (a citation's optional `part`) with null."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def test_the_tables_hold_what_the_json_brief_holds(brief: Brief, tmp_path: Path) -> None:
    write_parquet(brief, tmp_path)
    document = brief_to_dict(brief)
    [story] = document["stories"]
    [row] = pq.read_table(tmp_path / "stories.parquet").to_pylist()
    assert row == {
        key: story[key] for key in ("id", "title", "title_source", "independent", "written")
    }
    for name in ("sources", "summary", "quotes", "figures", "conflicts", "facts", "entities"):
        rows = pq.read_table(tmp_path / f"{name}.parquet").to_pylist()
        assert story[name], f"the examples' story has no {name}: the test would prove nothing"
        assert [(r.pop("story_id"), r.pop("position")) for r in rows] == [
            (story["id"], position) for position in range(len(story[name]))
        ]
        assert without_nulls(rows) == without_nulls(story[name])
    skipped = pq.read_table(tmp_path / "skipped.parquet").to_pylist()
    assert without_nulls(skipped) == without_nulls(document["skipped"])
    assert skipped[0]["path"].endswith("missing.txt")


def test_nested_lists_stay_lists_of_structs(brief: Brief) -> None:
    figures = brief_tables(brief)["figures"]
    citation = figures.schema.field("citations").type.value_type
    assert [citation.field(i).name for i in range(citation.num_fields)] == [
        "source",
        "start",
        "end",
        "part",
    ]
    assert str(figures.schema.field("value").type) == "double"


def test_an_empty_table_keeps_its_columns(brief: Brief, tmp_path: Path) -> None:
    write_parquet(brief, tmp_path)
    duplicates = pq.read_table(tmp_path / "duplicates.parquet")
    assert (duplicates.num_rows, duplicates.schema.names) == (0, ["path", "same_as"])


def test_a_table_for_the_stories_each_list_they_hold_and_the_brief_lists(brief: Brief) -> None:
    story = brief_schema()["$defs"]["story"]["properties"]
    lists = [key for key, spec in story.items() if spec.get("type") == "array"]
    assert list(brief_tables(brief)) == ["stories", *lists, "skipped", "duplicates", "problems"]
    assert lists == [
        "sources",
        "summary",
        "quotes",
        "figures",
        "conflicts",
        "timeline",
        "entities",
        "updates",
        "facts",
    ]


def test_the_same_brief_gives_the_same_bytes(brief: Brief, tmp_path: Path) -> None:
    first = write_parquet(brief, tmp_path / "first")
    second = write_parquet(brief, tmp_path / "second")
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))


def test_without_pyarrow_the_error_says_what_to_install(
    brief: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "parquet_available", lambda: False)
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'newsfuse\[parquet\]'"):
        write_parquet(brief, tmp_path / "tables")
    assert not (tmp_path / "tables").exists()


def test_a_schema_node_of_two_types_is_refused() -> None:
    with pytest.raises(ValueError, match="one type"):
        parquet._arrow_type({"type": ["string", "integer"]}, {})
