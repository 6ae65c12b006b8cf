"""Every article of the shared benchmark data through the whole pipeline, containment off.

Counts the articles on which any stage raises: with NEWSFUSE_STRICT=1 nothing is contained,
so an error here is an error a user's run would have had to contain (and lose that
article's or story's contribution). Inputs are briefed as a user would brief them:

- Multi-News: each of the 200 clusters (570 articles) as one run of plain-text reports;
- ECB+: each of the 43 topics (982 documents) as one run;
- PolNeAR: every article of test, dev and train (1,008), in runs of 12;
- Scrapinghub: every page (181) through the HTML reader, in runs of 10;
- MRPC: each of the 1,725 test pairs as two one-sentence reports, in runs of 50 pairs.

A run that raises is run again article by article to name the articles that raise.

    python bench/robustness.py [--only multinews,ecbplus,...]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from _harness import data_dir, peak_rss_mb, save, table

from newsfuse.faults import STRICT_VARIABLE, one_line
from newsfuse.ingest import read_text
from newsfuse.models import Article
from newsfuse.pipeline import brief_articles
from newsfuse.text.embed import RememberingEncoder, default_encoder

os.environ[STRICT_VARIABLE] = "1"

Input = tuple[str, str, str]  # (name, text, suffix)


def multinews(data: Path) -> Iterator[list[Input]]:
    with (data / "multinews_longbench" / "multi_news.jsonl").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            passages = json.loads(line)["context"].split("Passage ")[1:]
            yield [
                (f"multinews/{number}/{index}", _multinews_text(passage), ".txt")
                for index, passage in enumerate(passages)
            ]


def _multinews_text(passage: str) -> str:
    body = passage.split(":\n", 1)[1] if ":\n" in passage else passage
    return body.replace(" NEWLINE_CHAR NEWLINE_CHAR ", "\n\n").replace("NEWLINE_CHAR", "\n")


def ecbplus(data: Path) -> Iterator[list[Input]]:
    topics: dict[int, list[Input]] = {}
    with (data / "ecbplus" / "ecbplus_docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            topics.setdefault(doc["topic"], []).append(
                (f"ecbplus/{doc['doc_name']}", doc["text"], ".txt")
            )
    yield from (topics[topic] for topic in sorted(topics))


def polnear(data: Path) -> Iterator[list[Input]]:
    folder = data / "polnear"
    articles: list[Input] = []
    for name in ("polnear_test.jsonl", "polnear_dev.jsonl", "polnear_train.jsonl.gz"):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(folder / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                name_in = f"polnear/{record['compartment']}/{record['filename']}"
                articles.append((name_in, record["text"], ".txt"))
    yield from _runs(articles, 12)


def scrapinghub(data: Path) -> Iterator[list[Input]]:
    folder = data / "scrapinghub_article_extraction" / "html"
    pages = [
        (f"scrapinghub/{path.name}", gzip.decompress(path.read_bytes()).decode("utf-8", "replace"),
         ".html")
        for path in sorted(folder.glob("*.html.gz"))
    ]  # fmt: skip
    yield from _runs(pages, 10)


def mrpc(data: Path) -> Iterator[list[Input]]:
    sentences: list[Input] = []
    with (data / "mrpc" / "msr_paraphrase_test.txt").open(encoding="utf-8-sig") as file:
        for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
            sentences.append((f"mrpc/{row['#1 ID']}", row["#1 String"], ".txt"))
            sentences.append((f"mrpc/{row['#2 ID']}", row["#2 String"], ".txt"))
    yield from _runs(sentences, 100)


def _runs(items: list[Input], size: int) -> Iterator[list[Input]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


SETS: dict[str, Callable[[Path], Iterator[list[Input]]]] = {
    "multinews": multinews,
    "ecbplus": ecbplus,
    "polnear": polnear,
    "scrapinghub": scrapinghub,
    "mrpc": mrpc,
}


def _articles(run: list[Input]) -> list[Article]:
    found = []
    for name, text, suffix in run:
        found += [r for r in read_text(name, text, suffix) if isinstance(r, Article)]
    return found


def _brief(inputs: list[Input], encoder: RememberingEncoder) -> str | None:
    """None if the run went through, else the error in one line."""
    try:
        brief_articles(_articles(inputs), encoder=encoder)
    except Exception as error:
        return one_line(error) + " @ " + traceback.extract_tb(error.__traceback__)[-1].name
    return None


def sweep(name: str, runs: Iterator[list[Input]]) -> dict[str, object]:
    encoder = RememberingEncoder(default_encoder())
    started = time.perf_counter()
    articles = failing = 0
    errors: list[dict[str, str]] = []
    for run in runs:
        articles += len(run)
        if _brief(run, encoder) is None:
            continue
        for single in run:  # which of them raise
            error = _brief([single], encoder)
            if error is not None:
                failing += 1
                errors.append({"input": single[0], "error": error})
    return {
        "set": name,
        "articles": articles,
        "raising": failing,
        "seconds": round(time.perf_counter() - started, 1),
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default=",".join(SETS), help="comma-separated sets")
    chosen = parser.parse_args().only.split(",")
    data = data_dir()
    results = [sweep(name, SETS[name](data)) for name in chosen]
    rows = [(r["set"], r["articles"], r["raising"], r["seconds"]) for r in results]
    print(table(["set", "articles", "raising", "seconds"], rows))
    for result in results:
        for error in result["errors"]:  # type: ignore[attr-defined]
            print(f"  {error['input']}: {error['error']}")
    print(f"peak memory {peak_rss_mb():.0f} MiB")
    save("robustness", {"sets": results})


if __name__ == "__main__":
    main()
