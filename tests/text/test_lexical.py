from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.text.lexical import (
    WORD,
    TermIndex,
    centroid,
    containment,
    content_terms,
    cosine,
    document_frequencies,
    hedged_figures,
    inverse_frequencies,
    is_denial,
    jaccard,
    number_value,
    qualified_figures,
    tfidf,
    words,
)


def test_words_keep_hyphens_and_apostrophes() -> None:
    assert words("De-escalation isn’t U.S. policy, 150,000 troops") == [
        "de-escalation",
        "isn't",
        "u.s",
        "policy",
        "150,000",
        "troops",
    ]


def test_content_terms_stem_and_drop_function_words() -> None:
    assert content_terms("The troops were withdrawing") == ["troop", "withdraw"]
    assert "not" in content_terms("They did not withdraw")


def test_denials_are_the_terms_a_statement_and_its_denial_differ_by() -> None:
    denied = set(content_terms("She hasn’t left, won't stay and was never told no"))
    asserted = set(content_terms("She has left, will stay and was told"))
    assert {term for term in denied if not is_denial(term)} == asserted
    assert not any(is_denial(term) for term in content_terms("Notes on a knotty noon"))


def test_containment() -> None:
    assert containment(["a", "b"], ["a", "c"]) == 0.5
    assert containment([], ["a"]) == 0.0


def test_tfidf_vectors_are_unit_length_and_cosine_is_symmetric() -> None:
    documents = [
        content_terms(t) for t in ("troops withdraw from border", "troops stay", "markets rise")
    ]
    idf = inverse_frequencies(document_frequencies(documents), len(documents))
    vectors = [tfidf(terms, idf) for terms in documents]
    for vector in vectors:
        assert abs(sum(weight * weight for weight in vector.values()) - 1.0) < 1e-9
    assert cosine(vectors[0], vectors[1]) == cosine(vectors[1], vectors[0]) > 0
    assert cosine(vectors[0], vectors[2]) == 0
    assert abs(cosine(centroid([vectors[0]]), vectors[0]) - 1.0) < 1e-9


_terms = st.frozensets(st.sampled_from("abcdefghij"), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(_terms, max_size=15), _terms, st.sampled_from([0.5, 0.75, 0.9, 1.0]))
def test_term_index_finds_exactly_the_sets_holding_the_share(
    indexed: list[frozenset[str]], query: frozenset[str], share: float
) -> None:
    index = TermIndex()
    for terms in indexed:
        index.add(terms)
    expected = [n for n, terms in enumerate(indexed) if containment(query, terms) >= share]
    assert index.holders(query, share) == expected


def test_hedged_figures_are_those_after_a_qualifier() -> None:
    text = "More than 150,000 troops, up from about two brigades and 130,000 last month."
    assert hedged_figures(text) == {"150,000", "2"}
    assert hedged_figures("Some 40 percent voted; 12 abstained.") == {"40 percent"}


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("150,000", 150000.0),
        ("7.5", 7.5),
        ("1,234,567.25", 1234567.25),
        ("12", 12.0),
        ("1.8.3", None),  # a version
        ("1,5", None),
        ("2022-02-15", None),
        ("", None),
        ("9" * 5000, None),  # past the digits a figure has
    ],
)
def test_number_value_reads_one_written_number(written: str, value: float | None) -> None:
    assert number_value(written) == value


@given(st.text(alphabet="0123456789.,- ", max_size=60) | st.text(max_size=60))
def test_number_value_takes_any_text(written: str) -> None:
    value = number_value(written)
    assert value is None or math.isfinite(value)


def test_jaccard_is_the_share_of_all_terms_both_hold() -> None:
    assert (
        jaccard(frozenset({"ship", "bridge", "hit"}), frozenset({"ship", "bridge", "tug"})) == 0.5
    )
    assert jaccard(frozenset(), frozenset()) == 0.0
    assert jaccard(frozenset({"a"}), frozenset({"b"})) == 0.0


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Z9,.-'’\u00e9\u0130 \n")))
def test_words_are_each_word_matched_then_lower_cased(text: str) -> None:
    expected = [m.group(0).lower().replace("’", "'") for m in WORD.finditer(text)]
    assert words(text) == expected


def test_each_figure_comes_with_the_qualifier_before_it() -> None:
    text = "More than 150,000 troops, 2 ships and an estimated  130,000 others; nearly two"
    assert qualified_figures(text) == [
        ("150,000", "more than"),
        ("2", None),
        ("130,000", "an estimated"),
        ("2", "nearly"),
    ]
