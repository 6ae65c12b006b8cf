from __future__ import annotations

from dataclasses import replace
from typing import Any, get_args

import pytest

from newsfuse.models import (
    ChangeKind,
    Citation,
    CitationPart,
    CleanText,
    ConflictKind,
    FlagKind,
    MapPiece,
    Provenance,
    QualityFlag,
    Rejection,
    Relation,
    Source,
    content_id,
)
from newsfuse.schemas import brief_schema

from .conftest import make_source


def test_content_id_is_stable_and_separates_parts() -> None:
    assert content_id("a", "bc") == content_id("a", "bc")
    assert content_id("a", "bc") != content_id("ab", "c")
    assert len(content_id("x")) == 16


def test_to_raw_maps_offsets_through_pieces() -> None:
    clean = CleanText("a", "abc\n\ndef", (MapPiece(0, 10, 3), MapPiece(5, 40, 3)), ())
    assert clean.to_raw(0) == 10
    assert clean.to_raw(2) == 12
    assert clean.to_raw(5) == 40
    assert clean.to_raw(8) == 43
    with pytest.raises(ValueError, match="outside"):
        clean.to_raw(9)


def test_rejection_describes_where() -> None:
    assert Rejection("f.jsonl", "bad", "line 3").describe() == "f.jsonl (line 3): bad"
    assert Rejection("f.txt", "empty file").describe() == "f.txt: empty file"


def _enums(node: object) -> list[list[object]]:
    """Every `enum` list of a JSON schema, wherever it stands."""
    if isinstance(node, dict):
        found = [node["enum"]] if "enum" in node else []
        return found + [enum for value in node.values() for enum in _enums(value)]
    if isinstance(node, list):
        return [enum for value in node for enum in _enums(value)]
    return []


@pytest.mark.parametrize("kinds", [CitationPart, Relation, FlagKind, ConflictKind, ChangeKind])
def test_the_kinds_the_model_names_are_those_the_json_schema_allows(kinds: object) -> None:
    allowed = {
        frozenset(value for value in enum if value is not None) for enum in _enums(brief_schema())
    }
    named = frozenset(get_args(kinds))
    # The schema gives a citation's part only when it is not the default "text".
    assert named in allowed or named - {"text"} in allowed


def test_a_source_keeps_its_order_unless_derived_or_spun_and_is_distorted_if_garbled() -> None:
    source = make_source("Ship hits bridge\n\nA ship hit the harbor bridge on Monday.\n")

    def flagged(relation: Any, *flags: Any) -> Source:
        marks = tuple(QualityFlag(flag, "a reason", ()) for flag in flags)
        return replace(source, provenance=Provenance(relation, source.id, marks))

    assert source.in_own_order and not source.distorted  # not analysed
    garbled = flagged("original", "garbled", "aggregator re-post")
    assert garbled.in_own_order and garbled.distorted
    assert flagged("copy").in_own_order and not flagged("copy").distorted
    for derived in (flagged("original", "spun"), flagged("rewrite"), flagged("translation")):
        assert not derived.in_own_order and derived.distorted


def test_citations_overlap_only_on_a_shared_character_of_one_text() -> None:
    span = Citation("a", 10, 20)
    assert span.overlaps(Citation("a", 19, 30)) and span.overlaps(Citation("a", 0, 11))
    assert not span.overlaps(Citation("a", 20, 30))  # they only touch
    assert not span.overlaps(Citation("b", 10, 20))
    assert not span.overlaps(Citation("a", 10, 20, part="title"))
