from __future__ import annotations

import pytest

from newsfuse.models import CleanText, MapPiece, Rejection, content_id


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
