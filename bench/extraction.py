"""Article text: newsfuse's cleaned text against trafilatura alone and readability.

On the Scrapinghub article-extraction benchmark (181 real pages with a human-checked
article body, read in place from ../shared/data), each page is read as newsfuse reads an
HTML file (trafilatura's extraction, then newsfuse's own cleaning: furniture, captions,
repeats, datelines) and its cleaned text scored beside:

- trafilatura alone, same version, same process: its defaults, and `favor_precision`;
- readability-lxml, from the outputs the benchmark ships (reference_outputs/).

The metric is the benchmark's own, re-implemented: `\\w+` tokens, 4-word shingles as
multisets; per page tp, fp and fn made shares of their sum (every page weighs the same);
precision and recall the means over pages, F1 from the two means. Pages newsfuse refuses
(no article text) score 0, as an empty extraction does.

    python bench/extraction.py [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable

from _harness import data_dir, save, table

from newsfuse.clean import clean_article
from newsfuse.ingest import read_text
from newsfuse.models import Article

_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_scores(truth: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, as shares of their sum."""
    true, pred = shingles(truth), shingles(predicted)
    tp = sum(min(count, pred[gram]) for gram, count in true.items())
    fp = sum(max(0, count - true[gram]) for gram, count in pred.items())
    fn = sum(max(0, count - pred[gram]) for gram, count in true.items())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summary(scores: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = sum(tp / (tp + fp) if tp + fp else 0.0 for tp, fp, _ in scores) / len(scores)
    recall = sum(tp / (tp + fn) if tp + fn else 0.0 for tp, _, fn in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def newsfuse_text(name: str, html: str, url: str) -> str:
    [article] = read_text(f"{name}.html", html, ".html")
    if not isinstance(article, Article):
        return ""  # refused: no article text found
    return clean_article(article).text


def trafilatura_text(html: str, url: str, **options: bool) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, **options) or ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worst", type=int, default=10, help="pages to list where newsfuse loses")
    arguments = parser.parse_args()
    folder = data_dir() / "scrapinghub_article_extraction"
    truth = json.loads((folder / "ground-truth.json").read_text())
    readability = json.loads((folder / "reference_outputs" / "readability.json").read_text())
    extractors: dict[str, Callable[[str, str, str], str]] = {
        "newsfuse (cleaned text)": newsfuse_text,
        "trafilatura": lambda name, html, url: trafilatura_text(html, url),
        "trafilatura favor_precision": lambda name, html, url: trafilatura_text(
            html, url, favor_precision=True
        ),
        "readability-lxml (shipped)": lambda name, html, url: (
            readability["output"].get(name, {}).get("articleBody", "")
        ),
    }
    scores: dict[str, dict[str, tuple[float, float, float]]] = {name: {} for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    for name in sorted(truth):
        html = gzip.decompress((folder / "html" / f"{name}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        expected, url = truth[name]["articleBody"], truth[name]["url"]
        for extractor, extract in extractors.items():
            start = time.perf_counter()
            found = extract(name, html, url)
            seconds[extractor] += time.perf_counter() - start
            scores[extractor][name] = page_scores(expected, found)
    import trafilatura

    results = {
        extractor: {**summary(list(pages.values())), "seconds": seconds[extractor]}
        for extractor, pages in scores.items()
    }
    print(
        f"Scrapinghub article extraction, {len(truth)} pages; trafilatura {trafilatura.__version__}"
    )
    print(
        table(
            ["extractor", "precision", "recall", "F1", "seconds"],
            [[k, v["precision"], v["recall"], v["f1"], v["seconds"]] for k, v in results.items()],
        )
    )
    _worst(scores, truth, arguments.worst)
    save("extraction", {"pages": len(truth), "trafilatura": trafilatura.__version__, **results})


def _worst(
    scores: dict[str, dict[str, tuple[float, float, float]]],
    truth: dict[str, dict[str, str]],
    count: int,
) -> None:
    """The pages where newsfuse's cleaned text scores furthest below trafilatura's."""
    ours, theirs = scores["newsfuse (cleaned text)"], scores["trafilatura"]

    def f1(score: tuple[float, float, float]) -> float:
        tp, fp, fn = score
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    gaps = sorted(ours, key=lambda name: f1(ours[name]) - f1(theirs[name]))[:count]
    print("\nwhere newsfuse loses most to trafilatura (page F1, ours / theirs, tp/fp/fn shares):")
    for name in gaps:
        print(
            f"  {f1(ours[name]):.3f} / {f1(theirs[name]):.3f}  {name[:12]}"
            f"  {truth[name]['url'][:70]}  ours {tuple(round(x, 2) for x in ours[name])}"
        )


if __name__ == "__main__":
    main()
