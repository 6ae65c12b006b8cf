"""The sentence matcher on MRPC (../shared/data/mrpc, 1,725 test pairs), beside plain
embedding cosine and word overlap, in one run.

Only the test split is available, so it is split in two by position: pairs 1-862 fit the
matcher's weights and choose every method's threshold; the table reports pairs 863-1725
and all pairs. F1 and accuracy are given: 66% of MRPC pairs are paraphrases, so always
saying "same" already scores F1 0.80, and accuracy shows more.

    python bench/matcher.py
"""

from __future__ import annotations

import csv
import time

import numpy as np
from _harness import data_dir, save, table

from newsfuse.text.embed import default_encoder
from newsfuse.text.matcher import BIAS, SAME_CLAIM, WEIGHTS, features, pair_features


def load() -> tuple[list[str], list[str], np.ndarray]:
    path = data_dir() / "mrpc" / "msr_paraphrase_test.txt"
    with path.open(encoding="utf-8-sig") as file:
        rows = list(csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [r[3] for r in rows], [r[4] for r in rows], np.array([int(r[0]) for r in rows])


def scores_at(scores: np.ndarray, labels: np.ndarray, threshold: float) -> tuple[float, float]:
    predicted = scores >= threshold
    true_positive = int((predicted & (labels == 1)).sum())
    precision = true_positive / max(int(predicted.sum()), 1)
    recall = true_positive / max(int((labels == 1).sum()), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    return f1, float((predicted == (labels == 1)).mean())


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold of best accuracy on the fitting half."""
    candidates = np.unique(np.round(scores, 4))
    return float(max(candidates, key=lambda t: (scores_at(scores, labels, t)[1], -t)))


def fit_logistic(x: np.ndarray, y: np.ndarray, steps: int = 20_000) -> np.ndarray:
    weights = np.zeros(x.shape[1])
    for _ in range(steps):
        predicted = 1 / (1 + np.exp(-x @ weights))
        weights -= 0.5 * x.T @ (predicted - y) / len(y)
    return weights


def main() -> None:
    left, right, labels = load()
    start = time.perf_counter()
    encoder = default_encoder()
    embedded = encoder.encode(left), encoder.encode(right)
    embed_seconds = time.perf_counter() - start
    cosine = (embedded[0] * embedded[1]).sum(axis=1)
    overlap = np.array(
        [
            len(features(a).words & features(b).words) / len(features(a).words | features(b).words)
            for a, b in zip(left, right, strict=True)
        ]
    )
    x = np.array(
        [
            pair_features(features(a), features(b), float(c))
            for a, b, c in zip(left, right, cosine, strict=True)
        ]
    )
    half = len(labels) // 2
    fitted = fit_logistic(np.column_stack([x[:half], np.ones(half)]), labels[:half])
    print(
        "weights fitted on the first half:",
        np.round(fitted[:-1], 4).tolist(),
        "bias",
        round(float(fitted[-1]), 4),
    )
    print("weights in newsfuse:           ", list(WEIGHTS), "bias", BIAS, "\n")
    matcher = 1 / (1 + np.exp(-(x @ np.array(WEIGHTS) + BIAS)))
    methods = {
        "newsfuse matcher": (matcher, SAME_CLAIM),
        "embedding cosine": (cosine, None),
        "word overlap (Jaccard)": (overlap, None),
    }
    rows, results = [], {}
    for name, (scores, fixed) in methods.items():
        threshold = fixed if fixed is not None else best_threshold(scores[:half], labels[:half])
        second = scores_at(scores[half:], labels[half:], threshold)
        everything = scores_at(scores, labels, threshold)
        rows.append([name, threshold, *second, *everything])
        results[name] = {
            "threshold": threshold,
            "second_half": {"f1": second[0], "accuracy": second[1]},
            "all": {"f1": everything[0], "accuracy": everything[1]},
        }
    print(table(["method", "threshold", "F1 863-1725", "acc 863-1725", "F1 all", "acc all"], rows))
    print(f"\nembedding {2 * len(labels)} sentences: {embed_seconds:.1f} s")
    save("matcher", results)


if __name__ == "__main__":
    main()
