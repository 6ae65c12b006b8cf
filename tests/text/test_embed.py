from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from newsfuse.text.embed import (
    DIMENSIONS,
    Matrix,
    Part,
    ReadingAheadEncoder,
    RememberingEncoder,
    _piece_ranges,
    default_encoder,
    load_encoder,
    part_pieces,
)
from newsfuse.text.wordpiece import token_ids

SAME = [
    "Biden said Russia has positioned more than 150,000 troops near Ukraine.",
    "Russia has placed 150,000 troops around Ukraine, Biden stated in his speech.",
]
OTHER = "Buses have been rerouted through the tunnel, adding 20 minutes to trips downtown."


class _ByLength:
    """A stand-in encoder without states: a text's vector marks its length; the texts it
    was asked for are kept in `seen`."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> Matrix:
        self.seen.extend(texts)
        return np.eye(DIMENSIONS, dtype=np.float32)[[len(t) for t in texts]]


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    vectors = default_encoder().encode([*SAME, OTHER])
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(vectors[0] @ vectors[1]) > 0.7
    assert float(vectors[0] @ vectors[2]) < 0.3


def test_rows_follow_the_input_order_and_repeat_exactly() -> None:
    encoder = default_encoder()
    texts = [OTHER, SAME[0], "Short.", SAME[1] * 3]
    first = encoder.encode(texts)
    again = encoder.encode(texts)
    assert np.array_equal(first, again)
    alone = encoder.encode([SAME[0]])
    assert np.allclose(first[1], alone[0], atol=1e-5)


def test_no_texts_give_an_empty_matrix() -> None:
    assert default_encoder().encode([]).shape == (0, DIMENSIONS)


def test_threads_do_not_change_a_single_bit() -> None:
    texts = [*SAME, OTHER, "A much longer sentence about the bridge, the ship and the tide " * 4]
    assert np.array_equal(
        load_encoder(threads=1).encode(texts), load_encoder(threads=2).encode(texts)
    )


def test_a_remembering_encoder_encodes_each_text_once() -> None:
    inner = _ByLength()
    encoder = RememberingEncoder(inner)
    first = encoder.encode(["ab", "abc", "ab"])
    second = encoder.encode(["abc", "abcd"])
    assert inner.seen == ["ab", "abc", "abcd"]
    assert np.array_equal(first[0], first[2]) and np.array_equal(first[1], second[0])
    assert encoder.encode([]).shape == (0, DIMENSIONS)


def test_a_remembering_encoder_forgets_the_oldest_beyond_its_limit() -> None:
    inner = _ByLength()
    encoder = RememberingEncoder(inner, limit=2)
    encoder.encode(["a", "bb", "ccc"])
    again = encoder.encode(["a", "ccc"])
    assert inner.seen == ["a", "bb", "ccc", "a"]
    assert again[0][1] == 1.0 and again[1][3] == 1.0


def test_the_encoder_takes_the_threads_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfuse.text.embed import THREADS_VARIABLE, default_encoder

    monkeypatch.setenv(THREADS_VARIABLE, "1")
    default_encoder.cache_clear()
    try:
        options = default_encoder()._session.get_session_options()
        assert options.intra_op_num_threads == 1
    finally:
        default_encoder.cache_clear()


def test_parts_are_read_in_their_text_with_one_pass_over_the_model() -> None:
    text = "Russia said some troops would return to their bases, and Ukraine doubted it."
    pulled = text.index("some troops")
    doubted = text.index("Ukraine doubted")
    whole, parts = default_encoder().encode_parts(
        [text, OTHER],
        [
            Part(
                0,
                (
                    (
                        pulled,
                        text.index(","),
                    ),
                ),
            ),
            Part(0, ((doubted, len(text)),)),
            Part(0, ((0, len(text)),)),
            Part(1, ((0, 5), (20, 40))),
        ],
    )
    assert np.array_equal(whole, default_encoder().encode([text, OTHER]))
    assert np.allclose(np.linalg.norm(parts, axis=1), 1.0, atol=1e-5)
    withdrawn = default_encoder().encode(["Troops pulled back to their barracks."])[0]
    assert float(parts[0] @ withdrawn) > float(parts[1] @ withdrawn)
    assert float(parts[2] @ whole[0]) > 0.95  # all of it reads as the text does
    again = default_encoder().encode_parts([text, OTHER], [Part(1, ((0, 5), (20, 40)))])[1]
    assert np.array_equal(again[0], parts[3])


def test_word_pieces_of_a_stretch_are_found_by_counting_before_it() -> None:
    text = "The Northern Gannet's engine failed at 7 a.m. on Monday."
    start = text.index("engine")
    ids = token_ids(text)
    [(first, last)] = _piece_ranges(text, ((start, start + len("engine failed")),), len(ids))
    assert ids[first:last] == token_ids("engine failed")[1:-1]
    [(_, end)] = _piece_ranges(text * 40, ((0, len(text) * 40),), 256)
    assert end == 255  # cut where the model cuts, before [SEP]


def test_a_parts_pieces_are_its_own_word_pieces_as_read_in_its_text() -> None:
    text = "Russia said some troops would return to their bases."
    start = text.index("some troops")
    states = default_encoder().read([text, OTHER])
    [(ids, rows), (all_ids, all_rows)] = part_pieces(
        [text, OTHER], [Part(0, ((start, start + len("some troops")),)), Part(1, ())], states
    )
    assert list(ids) == token_ids("some troops")[1:-1]
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    first = 1 + len(token_ids(text[:start])) - 2
    expected = states[0][first] / np.linalg.norm(states[0][first])
    assert np.allclose(rows[0], expected, atol=1e-6)  # read in context, not alone
    assert list(all_ids) == token_ids(OTHER)[1:-1] and len(all_rows) == len(all_ids)


def test_an_encoder_without_states_reads_parts_alone() -> None:
    inner = _ByLength()
    remembering = RememberingEncoder(inner)
    whole, parts = remembering.encode_parts(["one two three"], [Part(0, ((0, 3), (8, 13)))])
    assert inner.seen == ["one two three", "one ... three"]
    assert whole.shape == (1, DIMENSIONS) and parts[0][len("one ... three")] == 1.0
    remembering.encode(["one two three"])
    assert inner.seen == ["one two three", "one ... three"]  # remembered


class _CountingReader:
    """The packaged encoder, counting the texts it is asked to read."""

    def __init__(self) -> None:
        self.read_texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> Matrix:
        return default_encoder().encode(texts)

    def read(self, texts: Sequence[str]) -> list[Matrix]:
        self.read_texts.extend(texts)
        return default_encoder().read(texts)


def test_texts_read_ahead_are_not_read_again_and_mean_the_same() -> None:
    counting = _CountingReader()
    ahead = ReadingAheadEncoder(counting, [SAME[0], SAME[1], SAME[0]])
    parts = [Part(0, ((0, 5),)), Part(1, ((0, 6),)), Part(2, ((0, 5),))]
    whole, pooled = ahead.encode_parts([SAME[0], SAME[1], OTHER], parts)
    assert counting.read_texts == [SAME[0], SAME[1], OTHER]  # each once, OTHER when asked
    direct_whole, direct_pooled = default_encoder().encode_parts([SAME[0], SAME[1], OTHER], parts)
    assert np.allclose(whole, direct_whole, atol=1e-5)
    assert np.allclose(pooled, direct_pooled, atol=1e-5)


def test_reading_ahead_stops_at_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfuse.text import embed

    monkeypatch.setattr(embed, "_AHEAD_PIECES", len(token_ids(SAME[0])) + 1)
    counting = _CountingReader()
    ahead = ReadingAheadEncoder(counting, [SAME[0], SAME[1]])
    ahead.encode_parts([SAME[1]], [Part(0, ((0, 6),))])
    assert counting.read_texts == [SAME[0], SAME[1]]  # SAME[1] read only when asked


def test_reading_ahead_with_an_encoder_without_states_reads_parts_alone() -> None:
    whole, parts = ReadingAheadEncoder(_ByLength(), ["one two three"]).encode_parts(
        ["one two three"], [Part(0, ((0, 3), (8, 13)))]
    )
    assert whole.shape == (1, DIMENSIONS) and parts[0][len("one ... three")] == 1.0
