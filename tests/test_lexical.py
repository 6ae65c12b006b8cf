from __future__ import annotations

from newsfuse.lexical import (
    centroid,
    containment,
    content_terms,
    cosine,
    document_frequencies,
    inverse_frequencies,
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
