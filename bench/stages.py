"""Speed and memory of each stage on real news: the 570 articles of the 200 Multi-News
test clusters (../shared/data/multinews_longbench).

1. Per-cluster briefs, the everyday use: every stage timed, articles per second.
2. One brief over a growing pile (100, 200, 400, 570 articles of mixed stories): how the
   cost of clustering and summarising grows with the input.
3. One story reprinted 10, 40, 160 and 640 times (a wire story on many sites).

    python bench/stages.py
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from typing import TypeVar

from _harness import data_dir, peak_rss_mb, save, table

from newsfuse.clean import clean_article
from newsfuse.cluster import cluster
from newsfuse.extract.story import extract_story
from newsfuse.ingest import read_text
from newsfuse.models import Article, Brief, Source, Story
from newsfuse.provenance import analyse
from newsfuse.render import render_json
from newsfuse.segment import segment
from newsfuse.summarize import summarize
from newsfuse.text.embed import default_encoder

T = TypeVar("T")
_PASSAGE = re.compile(r"^Passage \d+:\n", re.MULTILINE)


def clusters() -> list[list[str]]:
    """The article texts of each Multi-News cluster."""
    path = data_dir() / "multinews_longbench" / "multi_news.jsonl"
    found = []
    for line in path.read_text().splitlines():
        context = json.loads(line)["context"]
        texts = [
            t.replace(" NEWLINE_CHAR ", "\n\n").replace("NEWLINE_CHAR", "\n\n").strip()
            for t in _PASSAGE.split(context)
        ]
        found.append([t for t in texts if t])
    return found


class Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def time(self, stage: str, run: Callable[[], T]) -> T:
        start = time.perf_counter()
        result = run()
        self.seconds[stage] += time.perf_counter() - start
        return result


def brief_of(texts: list[str], name: str, clock: Clock) -> Brief:
    articles = [
        clock.time("ingest", lambda t=t, n=n: read_text(f"{name}/{n}.txt", t, ".txt")[0])
        for n, t in enumerate(texts)
    ]
    articles = [a for a in articles if isinstance(a, Article)]
    sources = []
    for article in articles:
        clean = clock.time("clean", lambda a=article: clean_article(a))
        sentences = clock.time("segment", lambda c=clean: segment(c))
        sources.append(Source(article, clean, sentences))
    encoder = default_encoder()
    analysed = clock.time("provenance", lambda: analyse(sources, encoder))
    stories: tuple[Story, ...] = clock.time("cluster", lambda: cluster(analysed))
    briefs = tuple(clock.time("summarize", lambda s=s: summarize(s)) for s in stories)
    for story in stories:
        clock.time("extract", lambda s=story: extract_story(s))
    brief = Brief(briefs)
    clock.time("render", lambda: render_json(brief))
    return brief


def per_cluster(all_clusters: list[list[str]]) -> dict[str, object]:
    clock = Clock()
    start = time.perf_counter()
    for number, texts in enumerate(all_clusters):
        brief_of(texts, f"c{number}", clock)
    total = time.perf_counter() - start
    articles = sum(len(texts) for texts in all_clusters)
    rows = [[stage, seconds, articles / seconds] for stage, seconds in clock.seconds.items()]
    rows.append(["end to end", total, articles / total])
    print(f"Per-cluster briefs: {len(all_clusters)} clusters, {articles} articles\n")
    print(table(["stage", "seconds", "articles/s"], rows))
    print(f"\n{total / len(all_clusters) * 1000:.0f} ms per cluster brief\n")
    return {
        "clusters": len(all_clusters),
        "articles": articles,
        "seconds": dict(clock.seconds),
        "total_seconds": total,
        "ms_per_cluster": total / len(all_clusters) * 1000,
    }


def growth(all_clusters: list[list[str]]) -> list[dict[str, float]]:
    texts = [text for cluster_texts in all_clusters for text in cluster_texts]
    rows, results = [], []
    for size in (100, 200, 400, len(texts)):
        clock = Clock()
        start = time.perf_counter()
        brief = brief_of(texts[:size], f"pile{size}", clock)
        total = time.perf_counter() - start
        rows.append(
            [
                size,
                len(brief.stories),
                clock.seconds["cluster"],
                clock.seconds["summarize"],
                total,
                total / size * 1000,
            ]
        )
        results.append(
            {
                "articles": size,
                "stories": len(brief.stories),
                "seconds": total,
                "cluster_seconds": clock.seconds["cluster"],
                "summarize_seconds": clock.seconds["summarize"],
            }
        )
    print("One brief over a growing pile of articles\n")
    print(table(["articles", "stories", "cluster s", "summarize s", "total s", "ms/article"], rows))
    return results


def reprints(all_clusters: list[list[str]]) -> list[dict[str, float]]:
    text = all_clusters[0][0]
    rows, results = [], []
    for copies in (10, 40, 160, 640):
        texts = [f"{text}\n\nReprinted by site number {n}." for n in range(copies)]
        clock = Clock()
        start = time.perf_counter()
        brief_of(texts, f"reprint{copies}", clock)
        total = time.perf_counter() - start
        rows.append([copies, clock.seconds["cluster"], clock.seconds["summarize"], total])
        results.append(
            {
                "copies": copies,
                "seconds": total,
                "cluster_seconds": clock.seconds["cluster"],
                "summarize_seconds": clock.seconds["summarize"],
            }
        )
    print("\nOne story reprinted many times\n")
    print(table(["copies", "cluster s", "summarize s", "total s"], rows))
    return results


def main() -> None:
    all_clusters = clusters()
    default_encoder()  # load once, outside the timings (its cold cost is in startup.py)
    segment(clean_article(Article(id="w", path="w", raw_text="Warm up the sentence splitter.")))
    results = {
        "per_cluster": per_cluster(all_clusters),
        "growth": growth(all_clusters),
        "reprints": reprints(all_clusters),
    }
    results["peak_rss_mib"] = round(peak_rss_mb())
    print(f"\npeak memory: {results['peak_rss_mib']} MiB")
    save("stages", results)


if __name__ == "__main__":
    main()
