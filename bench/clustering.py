"""Story clustering on ECB+ (../shared/data/ecbplus): B-cubed precision, recall and F1
against the gold events (`gold_cluster`) and against topics, newsfuse beside TF-IDF +
average-link agglomerative clustering (scikit-learn), in one run.

Each method's threshold is chosen on topics 1-22 only (best event F1 there); the table
reports topics 23-45 and all topics at that threshold.

    pip install -e '.[bench]' && python bench/clustering.py
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Sequence

from _harness import data_dir, save, table

from newsfuse.clean import clean_article
from newsfuse.cluster import STORY_SIMILARITY, cluster
from newsfuse.models import Article, Source

Documents = list[dict[str, object]]
Clusterer = Callable[[Documents, float], list[int]]


def b_cubed(predicted: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    by_predicted: dict[object, set[int]] = defaultdict(set)
    by_gold: dict[object, set[int]] = defaultdict(set)
    for item, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].add(item)
        by_gold[g].add(item)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = len(by_predicted[p] & by_gold[g])
        precision += shared / len(by_predicted[p])
        recall += shared / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def newsfuse_clusters(documents: Documents, threshold: float) -> list[int]:
    sources = []
    for document in documents:
        article = Article(
            id=str(document["doc_name"]),
            path=str(document["doc_name"]),
            raw_text=str(document["text"]),
        )
        sources.append(Source(article, clean_article(article), ()))
    label = {}
    for number, story in enumerate(cluster(sources, threshold)):
        for source in story.sources:
            label[source.id] = number
    return [label[str(d["doc_name"])] for d in documents]


def baseline_clusters(documents: Documents, threshold: float) -> list[int]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [str(d["text"]) for d in documents]
    )
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - threshold
    )
    return [int(label) for label in model.fit_predict(matrix.toarray())]


def evaluate(method: Clusterer, documents: Documents, threshold: float) -> dict[str, float]:
    start = time.perf_counter()
    predicted = method(documents, threshold)
    seconds = time.perf_counter() - start
    p, r, f = b_cubed(predicted, [d["gold_cluster"] for d in documents])
    _, _, topic_f = b_cubed(predicted, [d["topic"] for d in documents])
    return {
        "P": p,
        "R": r,
        "F1": f,
        "topic_F1": topic_f,
        "clusters": len(set(predicted)),
        "seconds": seconds,
    }


def choose_threshold(method: Clusterer, dev: Documents, grid: Sequence[float]) -> float:
    return max(grid, key=lambda t: (evaluate(method, dev, t)["F1"], -t))


def main() -> None:
    lines = (data_dir() / "ecbplus" / "ecbplus_docs.jsonl").read_text().splitlines()
    documents: Documents = [json.loads(line) for line in lines]
    dev = [d for d in documents if int(str(d["topic"])) <= 22]
    test = [d for d in documents if int(str(d["topic"])) > 22]
    grid = [round(0.05 * step, 2) for step in range(1, 13)]
    methods: dict[str, Clusterer] = {
        "newsfuse": newsfuse_clusters,
        "TF-IDF + average link": baseline_clusters,
    }
    rows, results = [], {}
    for name, method in methods.items():
        threshold = choose_threshold(method, dev, grid)
        results[name] = {"threshold": threshold}
        for split, docs in (("topics 23-45", test), ("all topics", documents)):
            scores = evaluate(method, docs, threshold)
            results[name][split] = scores
            rows.append(
                [
                    name,
                    threshold,
                    split,
                    scores["P"],
                    scores["R"],
                    scores["F1"],
                    scores["topic_F1"],
                    scores["clusters"],
                    scores["seconds"],
                ]
            )
    print(
        f"ECB+: {len(documents)} documents, 86 events; thresholds chosen on topics 1-22 "
        f"(newsfuse ships {STORY_SIMILARITY})\n"
    )
    print(
        table(
            [
                "method",
                "threshold",
                "split",
                "B3 P",
                "B3 R",
                "B3 F1",
                "topic F1",
                "clusters",
                "seconds",
            ],
            rows,
        )
    )
    save("clustering", results)


if __name__ == "__main__":
    main()
