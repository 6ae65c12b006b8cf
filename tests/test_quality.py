"""The quality gate: small fixed slices of the benchmarks (bench/: facts, matcher,
crosscheck, extraction, summary), each failing when its score drops below a floor pinned a
little under today's. A change that costs accuracy shows here, not months later in a
benchmark nobody ran. Floors move only with a measured reason,
said in the commit. The benchmark data is read in place from the shared data
(../shared/data, or NEWSFUSE_DATA_DIR); where it is absent the gate is skipped, unless
NEWSFUSE_REQUIRE_SEEDS says the shared material must be there (as in CI).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsfuse.pipeline import brief_paths
from newsfuse.render import brief_to_dict
from newsfuse.text.embed import default_encoder
from newsfuse.text.lexical import stem, words
from newsfuse.text.matcher import SAME_CLAIM, features, same_claim_probability

from .conftest import ROOT

BENCH = ROOT / "bench"


@pytest.fixture(scope="module")
def data() -> Iterator[Path]:
    """The shared data, found where the benchmarks find it (`bench/_harness.data_dir`)."""
    sys.path.insert(0, str(BENCH))
    try:
        from _harness import data_dir

        try:
            found = data_dir()
        except SystemExit:
            if os.environ.get("NEWSFUSE_REQUIRE_SEEDS"):
                pytest.fail("the shared benchmark data is required but was not found")
            pytest.skip("the shared benchmark data (../shared/data) is not on this machine")
        yield found
    finally:
        sys.path.remove(str(BENCH))


def test_the_fact_gold_stays_above_its_floors(data: Path, tmp_path: Path) -> None:
    import facts as bench

    gold = json.loads(bench.GOLD.read_text(encoding="utf-8"))
    lines = bench._multinews()
    halves = {"tune": bench.Counts(), "test": bench.Counts()}
    for annotated in gold["clusters"]:
        folder = bench.write_cluster(annotated["name"], tmp_path, lines)
        brief = json.loads(json.dumps(brief_to_dict(brief_paths([str(folder)]))))
        cluster = bench.with_snippet_texts(annotated, folder)
        halves[cluster["half"]].add(bench.score_cluster(cluster, brief, cluster.get("copies", {})))
    tune, test = halves["tune"].row(), halves["test"].row()
    # 2026-11-29: tune 0.968 / 0.823 / 0.887 / 0.108, held out 0.792 / 0.767 / 0.844 / 0.152
    # Ninth session: tune 0.968 / 0.827 / 0.880 / 0.105, held out 0.812 / 0.755 / 0.809 /
    # 0.175. The held-out merge floor went from 0.82 to 0.80 when a teaser ("Learn how
    # yo-yo dieting may be triggered by ...") stopped being a claim: a claim it had drawn
    # then joined a key point of another fact, one citation, two wrong pairs.
    # Tenth session: a lone claim joins its likeliest partner's fact only when it is as
    # likely, on average, to state what that fact's other claims state: tune 0.957 / 0.720
    # / 0.823 / 0.909 / 0.128, held out 0.792 / 0.542 / 0.745 / 0.923 / 0.200. Wrong joins
    # (a sentence of several facts drawn into a fact stating one of them) had counted as
    # corroboration and kept facts off the single-source list: the merge floors rose,
    # the held-out single-source floor went from 0.18 to 0.21.
    # Eleventh session (frames keep the short clauses they hold; titles' frames read):
    # tune 0.978 / 0.763 / 0.840 / 0.914 / 0.093, held out unchanged.
    # Twelfth session: a citation covers a snippet by half of the shorter (a claim is often
    # less than its sentence), and "only one source" lists no fact another origin likely
    # states: tune 0.978 / 0.806 / 0.856 / 0.919 / 0.057, held out 0.792 / 0.583 / 0.764 /
    # 0.962 / 0.183; lone gold facts labelled single-source 0.394 and 0.500.
    # Fifteenth session: two more held-out clusters (mn62, mn0; bench/README.md), held out
    # 0.849 / 0.548 / 0.708 / 0.817 / 0.190, lone facts labelled 0.438; floors moved to
    # the larger held-out half.
    assert tune["corroborated share"] >= 0.96 and test["corroborated share"] >= 0.82, (tune, test)
    # Shown as corroborated by two of the fact's own sources (not by a fact of other claims
    # one of its claims joined): tune 0.720, held out 0.542.
    assert tune["by its own sources"] >= 0.78 and test["by its own sources"] >= 0.53, (tune, test)
    assert tune["support recall"] >= 0.84 and test["support recall"] >= 0.69, (tune, test)
    # Then the news report quoting a company's post whole after "... said:" was no longer
    # taken for the post's origin (mn78): held-out merge precision 0.923 to 0.960.
    assert tune["merge precision"] >= 0.89 and test["merge precision"] >= 0.80, (tune, test)
    assert tune["false single-source"] <= 0.07 and test["false single-source"] <= 0.20, (tune, test)
    # The other side of the label: a brief that labels nothing has no false labels.
    assert tune["lone facts labelled"] >= 0.37 and test["lone facts labelled"] >= 0.42, (tune, test)


def test_the_sentence_matcher_on_mrpc_stays_above_its_floor(data: Path) -> None:
    import matcher as bench

    left, right, labels = bench.load()
    left, right, labels = left[:600], right[:600], labels[:600]
    encoder = default_encoder()
    cosines = (encoder.encode(left) * encoder.encode(right)).sum(axis=1)
    same = np.array(
        [
            same_claim_probability(features(a), features(b), float(c)) >= SAME_CLAIM
            for a, b, c in zip(left, right, cosines, strict=True)
        ]
    )
    accuracy = float((same == (labels == 1)).mean())
    assert accuracy >= 0.76, accuracy  # 2026-11-29: 0.778 on these 600 pairs


def test_conflicts_found_among_injected_distortions_stay_above_their_floors(data: Path) -> None:
    import crosscheck as bench

    found = bench.run(24)["all"]
    assert isinstance(found, dict)
    # 2026-11-29 on these 24 clusters: recall 0.882, precision 0.941, no false conflict
    # in the 10 clean clusters
    assert found["recall"] >= 0.85 and found["precision"] >= 0.90, found
    assert found["false_conflicts_per_clean_cluster"] <= 0.2, found


def test_article_text_on_scrapinghub_pages_stays_above_its_floor(data: Path) -> None:
    import extraction as bench

    folder = data / "scrapinghub_article_extraction"
    truth: dict[str, Any] = json.loads((folder / "ground-truth.json").read_text())
    scores = []
    for name in sorted(truth)[:40]:
        html = gzip.decompress((folder / "html" / f"{name}.html.gz").read_bytes())
        found = bench.newsfuse_text(name, html.decode("utf-8", "replace"), truth[name]["url"])
        scores.append(bench.page_scores(truth[name]["articleBody"], found))
    result = bench.summary(scores)
    # 2026-11-29 on these 40 pages: precision 0.959, recall 0.938, F1 0.949
    assert result["f1"] >= 0.93 and result["precision"] >= 0.94, result


def test_summaries_of_multi_news_stay_above_their_floor(data: Path) -> None:
    from stages import clusters
    from summary import cut, newsfuse_summary, references

    overlap = []
    for texts, reference in list(zip(clusters(), references(), strict=True))[:12]:
        written = cut(newsfuse_summary(texts, 250, {}), 250)
        overlap.append(_unigram_f1(written, reference))
    score = 100 * sum(overlap) / len(overlap)
    assert score >= 43.0, score  # 2026-11-29: 43.93 on these 12 clusters


def _unigram_f1(summary: str, reference: str) -> float:
    """ROUGE-1's F-measure: stemmed words shared, clipped, over each side's count."""
    mine = Counter(stem(w.lower()) for w in words(summary))
    theirs = Counter(stem(w.lower()) for w in words(reference))
    shared = sum((mine & theirs).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(mine.values()), shared / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)
