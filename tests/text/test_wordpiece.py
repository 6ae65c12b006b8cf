"""The tokenizer must give exactly the ids the model was trained with. The expected ids
were produced by the Hugging Face tokenizer of all-MiniLM-L6-v2 (tokenizer.json)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.text.wordpiece import _basic_words_of_any_text, basic_words, token_ids, vocabulary

REFERENCE = {
    # Words the Hugging Face tokenizer gave these ids one by one (WordPiece reads each
    # word alone, so their sentence is theirs joined), the curly apostrophe split off.
    "Russia’s ministry announced some troops would begin pulling back on Tuesday.": [
        101,
        3607,
        1521,
        1055,
        3757,
        2623,
        2070,
        3629,
        2052,
        4088,
        4815,
        2067,
        2006,
        9857,
        1012,
        102,
    ],
    "Café naïve — 東京 Москва €3.2bn": [
        101,
        7668,
        15743,
        1517,
        1879,
        1755,
        1191,
        14150,
        29747,
        23925,
        25529,
        10260,
        1574,
        2509,
        1012,
        1016,
        24700,
        102,
    ],
    "Kyiv/Kiev, U.S.-led talks": [
        101,
        25669,
        1013,
        12100,
        1010,
        1057,
        1012,
        1055,
        1012,
        1011,
        2419,
        7566,
        102,
    ],
}


@pytest.mark.parametrize(("text", "expected"), REFERENCE.items())
def test_ids_match_the_reference_tokenizer(text: str, expected: list[int]) -> None:
    assert token_ids(text) == expected


def test_basic_words_split_punctuation_and_strip_accents() -> None:
    assert basic_words("Naïve, U.S.-led\u200b") == ["naive", ",", "u", ".", "s", ".", "-", "led"]


def test_long_inputs_are_cut_to_the_model_length() -> None:
    ids = token_ids("word " * 1000, max_length=256)
    assert len(ids) == 256 and ids[0] == vocabulary()["[CLS]"] and ids[-1] == vocabulary()["[SEP]"]


def test_unknown_words_become_unk() -> None:
    assert token_ids("x" * 150) == [101, vocabulary()["[UNK]"], 102]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_is_split_as_the_rules_for_any_text_split_it(text: str) -> None:
    assert basic_words(text) == _basic_words_of_any_text(text)


def test_ascii_control_characters_are_dropped_and_white_space_splits() -> None:
    assert basic_words("Ships\tcollided\x0b here,\r\nat 7:30\x7fam!") == [
        "ships", "collided", "here", ",", "at", "7", ":", "30am", "!",
    ]  # fmt: skip
