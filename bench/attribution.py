"""Attribution extraction on PolNeAR (../shared/data/polnear): precision, recall and F1 of
(speaker, content) pairs, newsfuse beside textacy's direct-quotation extractor, in one run.

Gold: the first annotator's file of each article; attributions that name their source
(PolNeAR also marks speech with no stated source, which no (speaker, content) pair can
match). "Direct" is the part whose content holds a quotation mark. A predicted pair
matches a gold pair when their contents overlap by at least half of the shorter and their
speakers overlap at all; each gold pair is matched once. Speakers are compared as spans of
the text (PolNeAR sources are spans, often pronouns), before any resolution to names. A
relative pronoun's speaker ("the ministry, which said ...") is both its spans, the pronoun
and the phrase it stands for: PolNeAR marks one or the other.

Tune on dev, report test:  python bench/attribution.py [--split dev|test]
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass

from _harness import data_dir, peak_rss_mb, save, table

from newsfuse.extract.attribution import attributions, doc_text
from newsfuse.text.nlp import parse, read

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Pair:
    speaker: Spans
    content: Spans


def gold_pairs(article: dict) -> tuple[list[Pair], list[Pair]]:
    """All gold pairs with a source, and those whose content holds a quotation mark."""
    found, direct = [], []
    for item in article["annotations"][0]["attributions"]:
        if "source" not in item or "content" not in item:
            continue
        content = [tuple(span) for span in item["content"]["spans"]]
        if "content2" in item:
            content += [tuple(span) for span in item["content2"]["spans"]]
        pair = Pair(tuple(tuple(s) for s in item["source"]["spans"]), tuple(content))
        found.append(pair)
        if any(mark in item["content"]["text"] for mark in '“”"'):
            direct.append(pair)
    return found, direct


def _length(spans: Spans) -> int:
    return sum(end - start for start, end in spans)


def _overlap(left: Spans, right: Spans) -> int:
    return sum(max(0, min(a1, b1) - max(a0, b0)) for a0, a1 in left for b0, b1 in right)


def matches(predicted: Pair, gold: Pair) -> bool:
    content = _overlap(predicted.content, gold.content) >= 0.5 * min(
        _length(predicted.content), _length(gold.content)
    )
    return content and _overlap(predicted.speaker, gold.speaker) > 0


def score(predicted: list[list[Pair]], gold: list[list[Pair]]) -> tuple[float, float, float]:
    hits = 0
    for mine, theirs in zip(predicted, gold, strict=True):
        unmatched = list(theirs)
        for pair in mine:
            hit = next((g for g in unmatched if matches(pair, g)), None)
            if hit is not None:
                unmatched.remove(hit)
                hits += 1
    predicted_count, gold_count = sum(map(len, predicted)), sum(map(len, gold))
    precision, recall = hits / max(predicted_count, 1), hits / max(gold_count, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-12)


def newsfuse_pairs(doc: object) -> tuple[list[Pair], list[Pair]]:
    """newsfuse's pairs, and those counted as direct as the gold counts them: content that
    holds a quotation mark (a quote, or reported speech quoting some words)."""
    text = doc_text(doc)
    found, direct = [], []
    for item in attributions(doc):
        if item.speaker is None:
            continue
        speaker = [(item.speaker.start, item.speaker.end)]
        if item.speaker.written is not None:
            speaker.append((item.speaker.written.start, item.speaker.written.end))
        pair = Pair(tuple(speaker), tuple((p.start, p.end) for p in item.content))
        found.append(pair)
        quoting = any(mark in text[p.start : p.end] for p in item.content for mark in '“”"')
        if item.direct or quoting:
            direct.append(pair)
    return found, direct


def textacy_pairs(doc: object) -> list[Pair]:
    from textacy import extract

    pairs = []
    try:
        triples = list(extract.triples.direct_quotations(doc))
    except ValueError:  # textacy refuses texts with unbalanced quotation marks
        triples = []
    for triple in triples:
        speaker = tuple((t.idx, t.idx + len(t.text)) for t in triple.speaker)
        content = triple.content
        pairs.append(Pair(speaker, ((content.start_char, content.end_char),)))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    arguments = parser.parse_args()
    path = data_dir() / "polnear" / f"polnear_{arguments.split}.jsonl"
    articles = [json.loads(line) for line in path.read_text().splitlines()]
    gold_all, gold_direct, ours_all, ours_direct, theirs = [], [], [], [], []
    start = time.perf_counter()
    docs = [parse(article["text"]) for article in articles]
    parse_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        every, direct = gold_pairs(article)
        gold_all.append(every)
        gold_direct.append(direct)
        mine_all, mine_direct = newsfuse_pairs(doc)
        ours_all.append(mine_all)
        ours_direct.append(mine_direct)
    extract_seconds = time.perf_counter() - start
    # textacy reads each whole text with spaCy, as its users do.
    start = time.perf_counter()
    theirs = [textacy_pairs(read(article["text"])) for article in articles]
    textacy_seconds = time.perf_counter() - start
    rows, results = [], {}
    for name, direct, every in (
        ("newsfuse", ours_direct, ours_all),
        ("textacy direct_quotations", theirs, theirs),
    ):
        d, a = score(direct, gold_direct), score(every, gold_all)
        rows.append([name, *d, *a])
        results[name] = {
            "direct": dict(zip(("precision", "recall", "f1"), d, strict=True)),
            "all": dict(zip(("precision", "recall", "f1"), a, strict=True)),
        }
    words = sum(len(article["text"].split()) for article in articles)
    attributed, direct = sum(map(len, gold_all)), sum(map(len, gold_direct))
    print(
        f"PolNeAR {arguments.split}: {len(articles)} articles, {attributed} attributions "
        f"with a source, {direct} direct\n"
    )
    print(table(["method", "direct P", "direct R", "direct F1", "all P", "all R", "all F1"], rows))
    rate = f"{len(articles) / parse_seconds:.1f} articles/s, {words / parse_seconds:.0f} words/s"
    print(
        f"\nparse {parse_seconds:.1f} s ({rate}); newsfuse extraction {extract_seconds:.2f} s; "
        f"textacy (with its own parse) {textacy_seconds:.2f} s; peak {peak_rss_mb():.0f} MiB"
    )
    results["seconds"] = {
        "parse": parse_seconds,
        "newsfuse": extract_seconds,
        "textacy": textacy_seconds,
    }
    save(f"attribution-{arguments.split}", results)


if __name__ == "__main__":
    main()
