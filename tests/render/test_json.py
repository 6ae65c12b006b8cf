from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from newsfuse.models import BRIEF_SCHEMA
from newsfuse.pipeline import brief_paths
from newsfuse.render.json import brief_to_dict, render_json, stored_story_to_dict
from newsfuse.schemas import brief_schema
from newsfuse.store import StoredStory

from ..conftest import EXAMPLES


def schema() -> dict[str, Any]:
    return brief_schema()


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_the_examples_brief_follows_the_schema() -> None:
    document = json.loads(render_json(brief_paths([str(EXAMPLES)])))
    jsonschema.validate(document, schema())
    assert document["schema"] == BRIEF_SCHEMA


def test_the_schema_rejects_what_it_should() -> None:
    document = brief_to_dict(brief_paths([str(EXAMPLES / "02-coast-wire.txt")]))
    jsonschema.validate(document, schema())
    broken = json.loads(json.dumps(document))
    broken["stories"][0]["summary"][0]["citations"][0]["start"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema())
    del broken["stories"][0]["quotes"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema())


def test_citations_index_the_source_text() -> None:
    document = brief_to_dict(brief_paths([str(EXAMPLES)]))
    for story in document["stories"]:
        texts = {source["id"]: source["text"] for source in story["sources"]}
        for point in story["summary"]:
            first = point["citations"][0]
            assert texts[first["source"]][first["start"] : first["end"]] == point["text"]


def test_provenance_is_filled() -> None:
    document = brief_to_dict(brief_paths([str(EXAMPLES)]))
    [story] = document["stories"]
    assert story["independent"] == 5
    by_path = {s["path"].split("/")[-1]: s for s in story["sources"]}
    repost, wire = by_path["03-newsfeed-repost.txt"], by_path["02-coast-wire.txt"]
    assert (repost["relation"], repost["origin"]) == ("syndicated", wire["id"])
    assert (wire["relation"], wire["origin"]) == ("original", wire["id"])
    assert [f["flag"] for f in repost["quality_flags"]] == ["heavy furniture", "aggregator re-post"]
    [change] = repost["changes"]
    assert wire["text"][change["origin"]["start"] : change["origin"]["end"]].startswith("Two crew")
    assert repost["text"][change["copy"]["start"] : change["copy"]["end"]].startswith("Three crew")
    for point in story["summary"]:
        assert 1 <= point["independent"] <= len(point["citations"])


def test_a_stored_story_is_its_id_title_counts_days_and_articles() -> None:
    story = StoredStory(
        id="s1",
        title="Ship hits bridge",
        articles=(("a1", "one.txt"), ("a2", "two.txt")),
        origins=None,
        first_seen="2025-03-03",
        last_seen="2025-03-04",
    )
    assert stored_story_to_dict(story) == {
        "id": "s1",
        "title": "Ship hits bridge",
        "sources": 2,
        "independent_origins": None,
        "first_seen": "2025-03-03",
        "last_seen": "2025-03-04",
        "articles": [{"id": "a1", "path": "one.txt"}, {"id": "a2", "path": "two.txt"}],
    }
