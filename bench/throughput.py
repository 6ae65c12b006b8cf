"""Throughput at scale: the whole pipeline on 1k, 10k and 100k articles, in one process and
on a Dask local cluster (two worker processes), each stage timed, peak memory, growth.

The corpus is made from the 570 Multi-News test articles (../shared/data): edition 0 is
them as they are; each later edition is as many new stories, published a day later: every
word of four letters or more is swapped for another word of about the same frequency in
the corpus (a per-edition shuffle within bands of 40 words ranked by frequency, capitals
kept) and every number shifted. So an edition keeps the corpus's word statistics, sentence
shapes and lengths, but shares no story, name or wording with another edition: its articles
are neither copies of earlier ones nor join their stories. A fifth of each edition is also
reposted by an aggregator (the text with a "Read more" tail), as crawls are. The corpus is
written as JSON Lines files (1,000 articles each) and read from them.

Both runs go through `newsfuse.pipeline.brief_ingested`, the one through a runner in this
process and the other through `newsfuse.batch.DaskRunner`; each phase is timed where it
runs. Above `--briefs-up-to` articles, the corpus-wide stages (reading, cleaning,
provenance, clustering) run on everything, and stories are briefed for a fixed sample of
stories holding about that many articles; the briefing time is then scaled to all stories
and marked as estimated. Story briefs are independent of one another, so the scaling is
exact but for the spread of story sizes.

    python bench/throughput.py [--sizes 1000,10000,100000] [--briefs-up-to 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from _harness import RESULTS, peak_rss_mb, save, table
from stages import clusters

from newsfuse import pipeline
from newsfuse.batch import dask_runner, stage_label
from newsfuse.ingest import Limits, collect, expand, read_item
from newsfuse.models import Story
from newsfuse.progress import Progress
from newsfuse.text.embed import default_encoder

T = TypeVar("T")
R = TypeVar("R")
BASE_DAY = date(2024, 1, 1)
REPOST_SHARE = 5  # one article in five is also reposted
_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
_NUMBER = re.compile(r"\b\d+\b")
BAND = 40
FILE_ARTICLES = 1000


# The corpus


def base_articles() -> list[str]:
    return [text for texts in clusters() for text in texts]


def word_bands(base: list[str]) -> list[list[str]]:
    """The corpus's words (four letters or more, lower-cased) by frequency, in bands."""
    counts: dict[str, int] = {}
    for text in base:
        for match in _WORD.finditer(text):
            word = match.group(0).lower()
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return [ranked[start : start + BAND] for start in range(0, len(ranked), BAND)]


def edition_words(bands: list[list[str]], edition: int) -> dict[str, str]:
    """Each word's stand-in in `edition`: another word of its band."""
    mapping: dict[str, str] = {}
    for number, band in enumerate(bands):
        shuffled = list(band)
        random.Random(zlib.crc32(f"{edition}/{number}".encode())).shuffle(shuffled)
        mapping.update(zip(band, shuffled, strict=True))
    return mapping


def _vary(text: str, edition: int, words: dict[str, str]) -> str:
    if edition == 0:
        return text

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        new = words.get(word.lower(), word)
        if word.isupper():
            return new.upper()
        return new.capitalize() if word[0].isupper() else new

    text = _WORD.sub(swap, text)
    return _NUMBER.sub(lambda m: str(int(m.group(0)) + edition), text)


def corpus(size: int, folder: Path) -> list[str]:
    """JSON Lines files of `size` articles (reposts included) in `folder`."""
    base = base_articles()
    bands = word_bands(base)
    records: list[dict[str, str]] = []
    edition = 0
    while len(records) < size:
        day = (BASE_DAY + timedelta(days=edition)).isoformat()
        words = edition_words(bands, edition)
        for number, text in enumerate(base):
            varied = _vary(text, edition, words)
            title = varied.strip().split("\n")[0][:90]
            records.append(_record(varied, title, day, f"site{number % 40}", edition, number))
            if number % REPOST_SHARE == 0:
                repost = f"{varied}\n\nRead more: the full story on site{number % 40}.example"
                records.append(_record(repost, title, day, "aggregator", edition, number))
        edition += 1
    records = records[:size]
    paths = []
    for start in range(0, size, FILE_ARTICLES):
        path = folder / f"part-{start // FILE_ARTICLES:05d}.jsonl"
        lines = (json.dumps(r) for r in records[start : start + FILE_ARTICLES])
        path.write_text("\n".join(lines) + "\n")
        paths.append(str(path))
    return paths


def _record(
    text: str, title: str, day: str, site: str, edition: int, number: int
) -> dict[str, str]:
    return {
        "text": text,
        "title": title,
        "published": day,
        "source": site,
        "url": f"https://{site}.example/{edition}/{number}",
    }


# Timing


@dataclass
class Phases:
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.seconds[phase] = self.seconds.get(phase, 0.0) + time.perf_counter() - start


_PHASE_OF = {"read": "read", "clean": "clean + segment", "brief": "briefs"}


@dataclass
class TimedRunner:
    """Runs each map through `inner` (here or on Dask) and times it under its phase;
    `sample` limits which stories are briefed (see the module's docstring)."""

    inner: Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]
    phases: Phases
    sample: Callable[[Sequence[Any]], Sequence[Any]] | None = None

    def __call__(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        phase = _PHASE_OF.get(stage_label(function), "other")
        if phase == "briefs" and self.sample is not None:
            items = self.sample(items)
        with self.phases.timed(phase):
            return self.inner(function, items)


def here(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [function(item) for item in items]


@contextmanager
def timed_stages(phases: Phases) -> Iterator[None]:
    """Time provenance and clustering, which run in this process in both modes."""
    originals = pipeline.analyse, pipeline.cluster

    def analyse(*args: Any, **kwargs: Any) -> Any:
        with phases.timed("provenance"):
            return originals[0](*args, **kwargs)

    def cluster(*args: Any, **kwargs: Any) -> Any:
        with phases.timed("cluster"):
            return originals[1](*args, **kwargs)

    pipeline.analyse, pipeline.cluster = analyse, cluster  # type: ignore[assignment]
    try:
        yield
    finally:
        pipeline.analyse, pipeline.cluster = originals


@dataclass
class Sampler:
    """Stories for a fixed sample of about `articles` articles; remembers the share."""

    articles: int
    share: float = 1.0
    stories: int = 0
    sizes: list[int] = field(default_factory=list)  # sources of each story briefed

    def __call__(self, stories: Sequence[Story]) -> list[Story]:
        self.stories = len(stories)
        total = sum(len(story.sources) for story in stories)
        if total <= self.articles:
            self.sizes = [len(story.sources) for story in stories]
            return list(stories)
        order = list(range(len(stories)))
        random.Random(0).shuffle(order)
        chosen, count = [], 0
        for index in order:
            if count >= self.articles:
                break
            chosen.append(index)
            count += len(stories[index].sources)
        self.share = count / total
        self.sizes = [len(stories[index].sources) for index in sorted(chosen)]
        return [stories[index] for index in sorted(chosen)]


def run(
    paths: list[str], runner: Callable[..., list[Any]], briefs_up_to: int, drawing: Progress
) -> dict[str, Any]:
    phases = Phases()
    sampler = Sampler(briefs_up_to)
    timed = TimedRunner(runner, phases, sampler)
    start = time.perf_counter()
    with timed_stages(phases):
        results = timed(partial(read_item, limits=Limits()), list(expand(paths)))
        ingested = collect(results)
        brief = pipeline.brief_ingested(ingested, runner=timed, progress=drawing)
    measured = time.perf_counter() - start
    seconds = dict(phases.seconds)
    estimated = sampler.share < 1.0
    if estimated:
        extra = seconds["briefs"] * (1 / sampler.share - 1)
        seconds["briefs"] += extra
        measured += extra
    return {
        "articles": len(ingested.articles),
        "stories": sampler.stories,
        "seconds": seconds,
        "total_seconds": measured,
        "briefs_estimated": estimated,
        "briefed_share": round(sampler.share, 4),
        "briefed_stories": len(brief.stories),
        # How evenly the briefing splits into tasks depends on these.
        "briefed_story_sizes": {
            "largest": max(sampler.sizes, default=0),
            "mean": round(sum(sampler.sizes) / max(1, len(sampler.sizes)), 2),
        },
    }


def worker_peak_mib(runner: Any) -> float:
    """The largest worker's memory at the end of the run (its resident set: a worker started
    by forking would report its parent's peak as its own)."""

    def resident() -> float:
        import psutil

        return float(psutil.Process().memory_info().rss) / 2**20

    return max(runner.client.run(resident).values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--briefs-up-to", type=int, default=1000)
    parser.add_argument("--modes", default="single,dask")
    arguments = parser.parse_args()
    default_encoder()
    drawing = Progress(sys.stderr if sys.stderr.isatty() else None)
    results: dict[str, Any] = {"runs": []}
    rows = []
    for size in (int(s) for s in arguments.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            paths = corpus(size, Path(folder))
            for mode in arguments.modes.split(","):
                if mode == "single":
                    found = run(paths, here, arguments.briefs_up_to, drawing)
                    found["peak_rss_mib"] = round(peak_rss_mb())
                else:
                    with dask_runner("local", workers=2, progress=drawing) as runner:
                        found = run(paths, runner, arguments.briefs_up_to, drawing)
                        found["worker_peak_rss_mib"] = round(worker_peak_mib(runner))
                    found["peak_rss_mib"] = round(peak_rss_mb())
                found |= {"size": size, "mode": mode}
                results["runs"].append(found)
                rows.append(_row(found))
                print(table(_HEADER, rows[-1:]), flush=True)
    print("\n" + table(_HEADER, rows))
    save("throughput", {"runs": merged_runs(results["runs"])})


def merged_runs(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The runs of earlier invocations kept beside these (a 100k run takes most of an
    hour, so sizes and modes are run apart), a newer run replacing an older of its size and mode."""
    path = RESULTS / "throughput.json"
    earlier = json.loads(path.read_text())["runs"] if path.exists() else []
    by_key = {(run["size"], run["mode"]): run for run in [*earlier, *runs]}
    return [by_key[key] for key in sorted(by_key, key=lambda k: (k[0], k[1] != "single"))]


_HEADER = [
    "articles",
    "mode",
    "stories",
    "read",
    "clean+segment",
    "provenance",
    "cluster",
    "briefs",
    "total s",
    "articles/s",
    "ms/article",
    "peak MiB",
]


def _row(found: dict[str, Any]) -> list[object]:
    s = found["seconds"]
    mark = " (est.)" if found["briefs_estimated"] else ""
    per_second = found["articles"] / found["total_seconds"]
    peak = found["peak_rss_mib"]
    if "worker_peak_rss_mib" in found:
        peak = f"{peak} + workers {found['worker_peak_rss_mib']} each"
    return [
        found["articles"],
        found["mode"],
        found["stories"],
        round(s.get("read", 0.0), 1),
        round(s.get("clean + segment", 0.0), 1),
        round(s.get("provenance", 0.0), 1),
        round(s.get("cluster", 0.0), 1),
        f"{s.get('briefs', 0.0):.1f}{mark}",
        f"{found['total_seconds']:.1f}{mark}",
        round(per_second, 1),
        round(1000 / per_second, 1),
        peak,
    ]


if __name__ == "__main__":
    main()
