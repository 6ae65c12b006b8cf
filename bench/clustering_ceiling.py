"""How far document similarity goes on ECB+: each representation of the documents clustered
in batch (the whole corpus seen at once, IDF over all of it) by average link, the threshold
chosen on topics 1-22 from a grid of similarity quantiles, B-cubed against the gold events
on topics 23-45 and on all.

Batch average link is what the online clusterer (bench/clustering.py) can at best
approach, so the best row here bounds what a better similarity alone would bring it.

    pip install -e '.[bench]' && python bench/clustering_ceiling.py
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import numpy as np
from _harness import data_dir, save, table
from clustering import Documents, _source, b_cubed

from newsfuse.cluster import _NAME, source_terms  # names as the clusterer finds them
from newsfuse.text.embed import default_encoder

Matrix = np.ndarray
# Lines of a document embedded (ECB+ documents are a sentence a line), the first ones.
EMBEDDED_LINES = 8
_QUANTILES = (0.9, 0.95, 0.97, 0.98, 0.985, 0.99, 0.993, 0.995, 0.997)


def tfidf(
    analyzer: Callable[[str], list[str]] | str, texts: Sequence[object], **options: object
) -> Matrix:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, **options).fit_transform(texts)
    return (vectors @ vectors.T).toarray()


def embeddings(documents: Documents) -> Matrix:
    encoder = default_encoder()
    rows = []
    for document in documents:
        lines = [line for line in str(document["text"]).split("\n") if len(line) > 30]
        vectors = np.asarray(encoder.encode(lines[:EMBEDDED_LINES] or [str(document["text"])]))
        mean = vectors.mean(axis=0)
        rows.append(mean / np.linalg.norm(mean))
    matrix = np.array(rows)
    return matrix @ matrix.T


def similarities(documents: Documents) -> dict[str, Matrix]:
    texts = [str(d["text"]) for d in documents]
    words = tfidf("word", texts, stop_words="english")
    newsfuse = tfidf(lambda terms: terms, [source_terms(_source(d)) for d in documents])
    embedded = embeddings(documents)
    names = tfidf(lambda text: [n.lower() for n in _NAME.findall(text)], texts)
    return {
        "words (the baseline)": words,
        "newsfuse's terms (names twice, title thrice)": newsfuse,
        "names only": names,
        "words and word pairs": tfidf("word", texts, stop_words="english", ngram_range=(1, 2)),
        "MiniLM embeddings": embedded,
        "newsfuse's terms + embeddings (mean)": (newsfuse + embedded) / 2,
        "newsfuse's terms + names (mean)": (newsfuse + names) / 2,
        "words x embeddings": words * embedded,
    }


def average_link(similarity: Matrix, members: Sequence[int], threshold: float) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering

    distances = np.clip(1 - similarity[np.ix_(members, members)], 0, 2)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1 - threshold
    )
    return [int(label) for label in model.fit_predict(distances)]


def main() -> None:
    lines = (data_dir() / "ecbplus" / "ecbplus_docs.jsonl").read_text().splitlines()
    documents: Documents = [json.loads(line) for line in lines]
    gold = [d["gold_cluster"] for d in documents]
    dev = [n for n, d in enumerate(documents) if int(str(d["topic"])) <= 22]
    test = [n for n, d in enumerate(documents) if int(str(d["topic"])) > 22]
    every = list(range(len(documents)))

    def scores(similarity: Matrix, members: list[int], threshold: float) -> tuple[float, ...]:
        predicted = average_link(similarity, members, threshold)
        return b_cubed(predicted, [gold[n] for n in members])

    rows, results = [], {}
    for name, similarity in similarities(documents).items():
        pairs = similarity[np.triu_indices(len(documents), 1)]
        grid = sorted({round(float(q), 4) for q in np.quantile(pairs, _QUANTILES)})
        threshold = max(grid, key=lambda t: scores(similarity, dev, t)[2])
        test_p, test_r, test_f = scores(similarity, test, threshold)
        all_f = scores(similarity, every, threshold)[2]
        results[name] = {"threshold": threshold, "test": [test_p, test_r, test_f], "all_F1": all_f}
        rows.append([name, threshold, test_p, test_r, test_f, all_f])
    print("ECB+, batch average link, thresholds chosen on topics 1-22\n")
    print(table(["representation", "threshold", "23-45 P", "23-45 R", "23-45 F1", "all F1"], rows))
    save("clustering-ceiling", results)


if __name__ == "__main__":
    main()
