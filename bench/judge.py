"""Fit the same-fact judge (newsfuse/crosscheck/judge.py) on the fact gold, and check it.

Claims of every gold cluster are made as a brief makes them. A claim states a gold fact
when it covers that fact's snippet in its source as bench/facts.py's citations do (they
overlap by half of the shorter). Pairs of claims of different
origins that are neighbours in meaning (cosine at or above the neighbour floor) are
labelled: the same fact when they state a common gold fact; different when one states a
gold fact and the other states none of it (the gold lists every fact two sources state,
so a claim stating it elsewhere would have been annotated); pairs of two claims the gold
says nothing of are left out.

The weights are fitted (logistic regression) on the tune half only; the table gives
pair accuracy, precision and recall at the chosen threshold on both halves, beside the
weights in judge.py now, and the judge on MRPC's sentence pairs (all 1,725 test pairs,
`--mrpc`) and on ECB+'s claims labelled by the events they tell (bench/ecb_pairs.py,
`--ecb`): data never fitted on, annotated by others for another task.

    python bench/judge.py [--fit] [--mrpc] [--ecb]
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from _harness import data_dir, save, table
from ecb_pairs import label, subtopics, told_events, write_story
from facts import (
    GOLD,
    Span,
    _covers,
    _multinews,
    locate,
    source_name,
    with_snippet_texts,
    write_cluster,
)

from newsfuse.crosscheck import NEIGHBOUR_FLOOR, claim_pair_features, story_claims
from newsfuse.crosscheck.claims import Claim
from newsfuse.crosscheck.judge import BIAS, SAME_FACT, WEIGHTS
from newsfuse.crosscheck.meanings import ClaimMeanings, claim_meanings
from newsfuse.extract.story import extract_story
from newsfuse.ingest import read_inputs
from newsfuse.models import Story
from newsfuse.pipeline import clean_and_segment
from newsfuse.provenance import analyse
from newsfuse.text.embed import RememberingEncoder, default_encoder


def cluster_claims(folder: Path, encoder: RememberingEncoder) -> tuple[list[Claim], ClaimMeanings]:
    """The claims of the reports in `folder` and their meanings, as a brief reads them."""
    articles = read_inputs([str(folder)]).articles
    sources = analyse([clean_and_segment(a) for a in articles], encoder)
    story = Story("story", sources)
    claims = story_claims(story, extract_story(story))
    return claims, claim_meanings(claims, encoder)


def _features(claims: list[Claim], read: ClaimMeanings, left: int, right: int) -> tuple[float, ...]:
    return claim_pair_features(claims, read, left, right).values()


def gold_facts_of(claims: list[Claim], cluster: dict[str, Any]) -> list[set[int]]:
    """For each claim, the gold facts (numbers) whose snippet it covers."""
    name = cluster["name"]
    stated: list[set[int]] = [set() for _ in claims]
    for number, fact in enumerate(cluster["facts"]):
        for claim_number, claim in enumerate(claims):
            source = source_name(name, claim.source.article.path)
            snippet = fact["snippets"].get(source)
            if snippet is None or claim.index < 0:
                continue
            place = locate(snippet, claim.source.clean.text)
            if place is None:
                continue
            cited = Span(source, claim.citation.start, claim.citation.end)
            if _covers(cited, Span(source, *place)):
                stated[claim_number].add(number)
    return stated


def labelled_pairs(
    claims: list[Claim],
    read: ClaimMeanings,
    label_of: Callable[[int, int], int | None],
) -> tuple[list[tuple[float, ...]], list[int]]:
    """Features and labels of the pairs of claims of different origins that are neighbours
    in meaning and that `label_of` (claim numbers -> 1, 0 or None) can tell."""
    rows, labels = [], []
    similarity = read.claims @ read.claims.T
    for left in range(len(claims)):
        for right in range(left + 1, len(claims)):
            if claims[left].origin == claims[right].origin:
                continue
            if similarity[left, right] < NEIGHBOUR_FLOOR:
                continue
            label = label_of(left, right)
            if label is None:
                continue
            rows.append(_features(claims, read, left, right))
            labels.append(label)
    return rows, labels


def _label(
    stated: list[set[int]], left: int, right: int, gold: tuple[list[set[str]], list[str]]
) -> int | None:
    """1 for a pair stating one gold fact, 0 for one that does not; None when the gold
    cannot tell: a claim stating several gold facts at once, or a claim the gold says
    nothing of in a source the gold says states the other claim's fact (elsewhere)."""
    mine, theirs = stated[left], stated[right]
    if len(mine) > 1 or len(theirs) > 1 or not (mine or theirs):
        return None
    if mine and theirs:
        return 1 if mine == theirs else 0
    known, unknown = (left, right) if mine else (right, left)
    fact = next(iter(stated[known]))
    gold_sources, names = gold
    if names[unknown] in gold_sources[fact]:
        return None
    return 0


def fit(x: np.ndarray, y: np.ndarray, steps: int = 30_000) -> np.ndarray:
    """Logistic regression, the classes weighed equally (same-fact pairs are the fewer)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    weight = np.where(y == 1, 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))
    coefficients = np.zeros(design.shape[1])
    for _ in range(steps):
        predicted = 1 / (1 + np.exp(-design @ coefficients))
        coefficients -= 0.5 * design.T @ (weight * (predicted - y)) / len(y)
    return coefficients


def scores(coefficients: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(coefficients[0] + x @ coefficients[1:])))


def quality(predicted: np.ndarray, y: np.ndarray) -> dict[str, float]:
    true = int((predicted & (y == 1)).sum())
    precision = true / max(int(predicted.sum()), 1)
    recall = true / max(int((y == 1).sum()), 1)
    return {
        "accuracy": round(float((predicted == (y == 1)).mean()), 3),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
    }


def mrpc(encoder: RememberingEncoder) -> tuple[np.ndarray, np.ndarray]:
    """The judge's features of MRPC's test pairs, each sentence read as a one-sentence
    report (its claims as a brief makes them; the whole sentence where it makes several)."""
    path = data_dir() / "mrpc" / "msr_paraphrase_test.txt"
    with path.open(encoding="utf-8-sig") as file:
        rows = list(csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    x, y = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for number, row in enumerate(rows):
            folder = Path(scratch) / str(number)
            folder.mkdir()
            (folder / "a.txt").write_text(row[3] + "\n")
            (folder / "b.txt").write_text(row[4] + "\n")
            claims, read = cluster_claims(folder, encoder)
            by_source: dict[str, list[int]] = {}
            for n, claim in enumerate(claims):
                by_source.setdefault(claim.source.id, []).append(n)
            if len(by_source) != 2:
                continue
            left, right = by_source.values()
            best = max(
                (_features(claims, read, i, j) for i in left for j in right),
                key=lambda values: values[0],
            )
            x.append(best)
            y.append(int(row[0]))
    return np.array(x), np.array(y)


def _by_events(told: list[frozenset[str] | None], left: int, right: int) -> int | None:
    """1 for two claims telling the same ECB+ events, 0 for none in common (`label`)."""
    return label(told[left], told[right])


def ecb(encoder: RememberingEncoder) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The judge's features of ECB+ claim pairs (bench/ecb_pairs.py), odd topics apart
    from even ones."""
    halves: dict[str, tuple[list[tuple[float, ...]], list[int]]] = {
        "ecb+ odd": ([], []),
        "ecb+ even": ([], []),
    }
    with tempfile.TemporaryDirectory() as scratch:
        for (topic, subtopic), reports in subtopics().items():
            if len(reports) < 2:
                continue
            folder = Path(scratch) / f"{topic}_{subtopic}"
            write_story(reports, folder)
            claims, read = cluster_claims(folder, encoder)
            by_name = {report.name: report for report in reports}
            told = [
                told_events(
                    by_name[Path(c.source.article.path).stem],
                    c.source.clean.text,
                    c.citation.start,
                    c.citation.end,
                )
                if c.index >= 0
                else None
                for c in claims
            ]
            rows, labels = labelled_pairs(claims, read, partial(_by_events, told))
            half = halves["ecb+ odd" if topic % 2 else "ecb+ even"]
            half[0].extend(rows)
            half[1].extend(labels)
    return {half: (np.array(rows), np.array(labels)) for half, (rows, labels) in halves.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fit", action="store_true", help="fit new weights on the tune half")
    parser.add_argument("--mrpc", action="store_true", help="also report MRPC")
    parser.add_argument("--ecb", action="store_true", help="also report ECB+ pairs")
    arguments = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    encoder = RememberingEncoder(default_encoder())
    halves: dict[str, tuple[list[tuple[float, ...]], list[int]]] = {
        "tune": ([], []),
        "test": ([], []),
    }
    lines = _multinews()
    with tempfile.TemporaryDirectory() as scratch:
        for annotated in gold["clusters"]:
            folder = write_cluster(annotated["name"], Path(scratch), lines)
            cluster = with_snippet_texts(annotated, folder)
            claims, read = cluster_claims(folder, encoder)
            gold_sources = [set(fact["snippets"]) for fact in cluster["facts"]]
            names = [source_name(cluster["name"], c.source.article.path) for c in claims]
            stated = gold_facts_of(claims, cluster)
            rows, labels = labelled_pairs(
                claims, read, partial(_label, stated, gold=(gold_sources, names))
            )
            halves[cluster["half"]][0].extend(rows)
            halves[cluster["half"]][1].extend(labels)
    data = {half: (np.array(rows), np.array(labels)) for half, (rows, labels) in halves.items()}
    current = np.array([BIAS, *WEIGHTS])
    versions = {"judge.py now": current}
    if arguments.fit:
        versions["fitted on tune"] = fit(*data["tune"])
        fitted = versions["fitted on tune"]
        weights = tuple(round(float(w), 4) for w in fitted[1:])
        print("fitted: BIAS =", round(float(fitted[0]), 4), "WEIGHTS =", weights)
    if arguments.mrpc:
        data["mrpc"] = mrpc(encoder)
    if arguments.ecb:
        data.update(ecb(encoder))
    rows_out, results = [], {}
    for version, coefficients in versions.items():
        for half, (x, y) in data.items():
            found = quality(scores(coefficients, x) >= SAME_FACT, y)
            results[f"{version} / {half}"] = found
            rows_out.append((version, half, len(y), int(y.sum()), *found.values()))
    print(table(["weights", "pairs of", "pairs", "same fact", "accuracy", "precision", "recall"],
                rows_out))  # fmt: skip
    save("judge", results)


if __name__ == "__main__":
    main()
