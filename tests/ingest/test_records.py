from __future__ import annotations

import json

import pytest

from newsfuse.ingest.metadata import ArticleFields
from newsfuse.ingest.records import BadRecordError, read_json, read_json_lines, record_fields
from newsfuse.models import Rejection


def test_common_field_names_are_read() -> None:
    fields = record_fields(
        "f.json",
        {
            "headline": "Bridge closed",
            "body": "The bridge is closed.",
            "link": "https://x.example/a",
            "publishedAt": "2025-03-03T10:00:00Z",
            "source": {"id": "x", "name": "Harbor Radio"},
            "authors": [{"name": "Dev Osei"}, "Jo Park"],
        },
    )
    assert (
        fields.title,
        fields.raw_text,
        fields.url,
        fields.published,
        fields.outlet,
        fields.author,
    ) == (
        "Bridge closed",
        "The bridge is closed.",
        "https://x.example/a",
        "2025-03-03T10:00:00+00:00",
        "Harbor Radio",
        "Dev Osei, Jo Park",
    )


def test_html_and_paragraph_lists_become_text() -> None:
    assert record_fields("f", {"content": "<p>One.</p><p>Two.</p>"}).raw_text == "One.\nTwo."
    assert record_fields("f", {"text": ["One.", "Two."]}).raw_text == "One.\n\nTwo."


@pytest.mark.parametrize("record", [{"title": "no text"}, ["not", "an", "object"], {"text": "   "}])
def test_records_without_text_are_bad(record: object) -> None:
    with pytest.raises(BadRecordError):
        record_fields("f", record)


def test_json_lists_and_wrapped_lists() -> None:
    for document in (
        [{"text": "A."}, {"text": "B."}],
        {"articles": [{"text": "A."}, {"text": "B."}]},
    ):
        results = list(read_json("f.json", json.dumps(document)))
        assert [r.raw_text for r in results if isinstance(r, ArticleFields)] == ["A.", "B."]


def test_one_bad_line_is_rejected_by_number_and_the_rest_go_on() -> None:
    lines = ['{"text": "A."}', "{broken", "", '{"title": "x"}', '{"text": "B."}']
    results = list(read_json_lines("f.jsonl", iter(lines)))
    rejected = [r for r in results if isinstance(r, Rejection)]
    read = [r for r in results if isinstance(r, ArticleFields)]
    assert [r.raw_text for r in read] == ["A.", "B."]
    assert [r.path for r in read] == ["f.jsonl#line1", "f.jsonl#line5"]
    assert [(r.where, r.reason.split(":")[0]) for r in rejected] == [
        ("line 2", "invalid JSON"),
        (
            "line 4",
            "no article text (looked for text, content, body, article, maintext, full_text, story)",
        ),
    ]


def test_invalid_json_file_is_rejected() -> None:
    results = list(read_json("f.json", "{not json"))
    assert len(results) == 1 and isinstance(results[0], Rejection)
    assert results[0].reason.startswith("invalid JSON")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "invalid JSON: nested too deeply"),
        ('{"text": "words", "n": ' + "7" * 5000 + "}", "invalid JSON: a value cannot be read"),
    ],
)
def test_records_python_cannot_parse_are_rejections(line: str, reason: str) -> None:
    good = json.dumps({"text": "A good record among bad ones.", "title": "Good"})
    results = list(read_json_lines("feed.jsonl", iter([line, good])))
    assert isinstance(results[0], Rejection) and results[0].reason.startswith(reason)
    assert results[0].where == "line 1"
    assert isinstance(results[1], ArticleFields)
    [whole] = list(read_json("feed.json", line))
    assert isinstance(whole, Rejection) and whole.reason.startswith(reason)


def test_a_date_no_float_can_hold_is_no_date() -> None:
    fields = record_fields("f.json", {"text": "Words of a report.", "published": 10**400})
    assert fields.published is None


def test_an_html_body_too_large_to_parse_is_rejected_before_parsing() -> None:
    body = "<p>" + "word " * (4 * 1024 * 1024) + "</p>"  # 20 MiB
    [result] = list(read_json("big.json", json.dumps({"text": body})))
    assert isinstance(result, Rejection)
    assert result.reason.startswith("HTML too large (20,971,")
    assert result.reason.endswith("characters; limit 16,777,216)")
