from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.models import CleanText
from newsfuse.text.textmap import TextBuilder


def _clean(raw: str, spans: list[tuple[int, int]]) -> CleanText:
    builder = TextBuilder(raw)
    for start, end in spans:
        builder.add_paragraph(start, end)
    return CleanText("a", builder.text, builder.pieces, ())


def test_paragraphs_are_folded_and_separated_by_blank_lines() -> None:
    raw = "  First   line\u00a0here.\nskip this\nSecond\tline.  "
    clean = _clean(raw, [(0, raw.index("skip")), (raw.index("Second"), len(raw))])
    assert clean.text == "First line here.\n\nSecond line."


def test_invisible_characters_are_dropped_without_splitting_words() -> None:
    raw = "Ukr\u200baine and soft\u00adhyphen"
    clean = _clean(raw, [(0, len(raw))])
    assert clean.text == "Ukraine and softhyphen"


def test_runs_with_single_spaces_stay_one_piece() -> None:
    raw = "one two three four"
    clean = _clean(raw, [(0, len(raw))])
    assert len(clean.pieces) == 1


@given(st.text(alphabet=st.sampled_from("ab c\n\t\u00a0\u200b.,"), max_size=80), st.data())
def test_every_copied_character_maps_back_to_the_same_raw_character(
    raw: str, data: st.DataObject
) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(raw)), max_size=6)))
    spans = list(zip(cuts[::2], cuts[1::2], strict=False))
    clean = _clean(raw, spans)
    for piece in clean.pieces:
        copied = clean.text[piece.clean_start : piece.clean_start + piece.length]
        assert copied == raw[piece.raw_start : piece.raw_start + piece.length]
    for offset in range(len(clean.text) + 1):
        assert 0 <= clean.to_raw(offset) <= len(raw)
    covered = sum(piece.length for piece in clean.pieces)
    separators = sum(1 for char in clean.text if char in " \n")
    assert covered + separators >= len(clean.text)
