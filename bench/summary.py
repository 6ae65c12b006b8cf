"""Summary quality on Multi-News: newsfuse's key points beside Lead, LexRank and TextRank.

Every method gets the articles of one cluster and a budget of 250 words; its sentences are
put one a line and cut at the budget; ROUGE-1, ROUGE-2 and ROUGE-Lsum F against the human
summary (rouge-score, Porter stemming). newsfuse briefs the cluster as one story as
`newsfuse brief --max-words 250` does: provenance, then the story's brief (`story_brief`:
extraction, cross-check, key points). sumy's tokenizer needs NLTK
data that cannot be fetched here, so LexRank and TextRank get a regex sentence splitter,
as a user would have to give them.

Times per cluster: each method's own work; for newsfuse both the summary step alone and
everything from the article texts to the summary. Parameters are chosen on clusters 1-100;
clusters 101-200 are reported apart.

    python bench/summary.py [--limit N] [--words 250]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from _harness import peak_rss_mb, save, table
from stages import clusters

from crosscheck import sources_of_texts
from newsfuse.models import Story
from newsfuse.pipeline import BriefOptions, story_brief
from newsfuse.pipeline import story as story_stage
from newsfuse.provenance import analyse
from newsfuse.summarize import summarize
from newsfuse.text.embed import RememberingEncoder, default_encoder

TUNED_ON = 100
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
METHODS = ("lead", "lexrank", "textrank", "newsfuse")


def references() -> list[str]:
    from _harness import data_dir

    path = data_dir() / "multinews_longbench" / "multi_news.jsonl"
    return [json.loads(line)["answers"][0] for line in path.read_text().splitlines()]


# Baselines


def split_sentences(text: str) -> list[str]:
    return [
        s.strip()
        for paragraph in text.split("\n\n")
        for s in _SENTENCE_END.split(paragraph)
        if s.strip()
    ]


def lead(texts: Sequence[str], words: int) -> list[str]:
    """First sentences of each article in turn: the first of every article, then the
    second, ... until the budget is filled."""
    per_text = [split_sentences(text) for text in texts]
    chosen: list[str] = []
    count = 0
    for position in range(max((len(s) for s in per_text), default=0)):
        for sentences in per_text:
            if position < len(sentences) and count < words:
                chosen.append(sentences[position])
                count += len(sentences[position].split())
    return chosen


class RegexTokenizer:
    """What sumy needs of a tokenizer, without NLTK's data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def sumy_method(name: str) -> Callable[[Sequence[str], int], list[str]]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer: Any = (LexRankSummarizer if name == "lexrank" else TextRankSummarizer)(
        Stemmer("english")
    )
    summarizer.stop_words = get_stop_words("english")

    def run(texts: Sequence[str], words: int) -> list[str]:
        parser = PlaintextParser.from_string("\n\n".join(texts), RegexTokenizer())
        document = parser.document
        ratings = _ratings(summarizer, document)
        ranked = sorted(
            enumerate(document.sentences), key=lambda item: (-ratings[item[1]], item[0])
        )
        chosen: list[tuple[int, str]] = []
        count = 0
        for position, sentence in ranked:
            if count >= words:
                break
            chosen.append((position, str(sentence)))
            count += len(str(sentence).split())
        return [text for _, text in sorted(chosen)]

    return run


def _ratings(summarizer: Any, document: Any) -> Any:
    """Each sentence's rating, as the summarizer hands them to its own selection (LexRank
    offers no other way to them)."""
    captured: dict[str, Any] = {}

    def keep(sentences: object, count: object, rating: Any, *args: object) -> tuple[()]:
        captured["rating"] = rating
        return ()

    summarizer._get_best_sentences = keep
    summarizer(document, 1)
    return captured["rating"]


# newsfuse


def newsfuse_summary(texts: Sequence[str], words: int, timings: dict[str, float]) -> list[str]:
    # As `newsfuse brief --max-words` makes it: provenance, then one story brief (extraction,
    # cross-check and summary; each sentence encoded once for all of them). The summary
    # step alone is timed inside it.
    encoder = RememberingEncoder(default_encoder())
    start = time.perf_counter()
    sources = sources_of_texts(list(texts))
    story = Story(id="story", sources=analyse(sources, encoder))
    summary_seconds: list[float] = []

    def timed_summary(*arguments: Any) -> Any:
        began = time.perf_counter()
        made = summarize(*arguments)
        summary_seconds.append(time.perf_counter() - began)
        return made

    story_stage.summarize = timed_summary  # type: ignore[assignment]
    try:
        brief = story_brief(story, BriefOptions(max_words=words), encoder)
    finally:
        story_stage.summarize = summarize
    timings["summary"] = sum(summary_seconds)
    timings["total"] = time.perf_counter() - start
    return [point.text for point in brief.summary]


# Scoring


def cut(sentences: Sequence[str], words: int) -> str:
    """Sentences one a line, cut at the word budget."""
    lines, count = [], 0
    for sentence in sentences:
        tokens = sentence.split()
        if count + len(tokens) > words:
            tokens = tokens[: words - count]
        if tokens:
            lines.append(" ".join(tokens))
        count += len(tokens)
        if count >= words:
            break
    return "\n".join(lines)


def run(limit: int, words: int) -> dict[str, object]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    methods: dict[str, Callable[[Sequence[str], int], list[str]]] = {
        "lead": lead,
        "lexrank": sumy_method("lexrank"),
        "textrank": sumy_method("textrank"),
    }
    default_encoder()  # loaded before timing
    scores: dict[str, list[dict[str, float]]] = {m: [] for m in METHODS}
    seconds: dict[str, list[float]] = {m: [] for m in [*METHODS, "newsfuse_total"]}
    for texts, reference in list(zip(clusters(), references(), strict=True))[:limit]:
        for name in METHODS:
            timings: dict[str, float] = {}
            start = time.perf_counter()
            if name == "newsfuse":
                sentences = newsfuse_summary(texts, words, timings)
                seconds[name].append(timings["summary"])
                seconds["newsfuse_total"].append(timings["total"])
            else:
                sentences = methods[name](texts, words)
                seconds[name].append(time.perf_counter() - start)
            found = scorer.score(reference, cut(sentences, words))
            scores[name].append({key: value.fmeasure * 100 for key, value in found.items()})
    return _summary(scores, seconds, limit)


def _summary(
    scores: dict[str, list[dict[str, float]]], seconds: dict[str, list[float]], limit: int
) -> dict[str, object]:
    parts = {"all": slice(0, limit), "last": slice(TUNED_ON, limit), "first": slice(0, TUNED_ON)}
    results: dict[str, object] = {}
    for part, span in parts.items():
        rows = {}
        for name in METHODS:
            chosen = scores[name][span]
            if not chosen:
                continue
            rows[name] = {
                key: round(statistics.fmean(s[key] for s in chosen), 2)
                for key in ("rouge1", "rouge2", "rougeLsum")
            } | {
                "ms_per_cluster": round(statistics.fmean(seconds[name][span]) * 1000, 1),
                "clusters": len(chosen),
            }
        if "newsfuse" in rows and seconds["newsfuse_total"][span]:
            rows["newsfuse"]["ms_per_cluster_end_to_end"] = round(
                statistics.fmean(seconds["newsfuse_total"][span]) * 1000, 1
            )
        results[part] = rows
    results["peak_rss_mb"] = round(peak_rss_mb())
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="clusters to use")
    parser.add_argument("--words", type=int, default=250, help="the word budget")
    arguments = parser.parse_args()
    results = run(arguments.limit, arguments.words)
    for part, title in (
        ("first", f"clusters 1-{TUNED_ON} (parameters chosen here)"),
        ("last", f"clusters {TUNED_ON + 1}-200"),
        ("all", "all clusters"),
    ):
        rows = results[part]
        assert isinstance(rows, dict)
        if not rows:
            continue
        print(f"\n{title}")
        print(
            table(
                ["method", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "ms/cluster"],
                [
                    [name, r["rouge1"], r["rouge2"], r["rougeLsum"], r["ms_per_cluster"]]
                    for name, r in rows.items()
                ],
            )
        )
        if "newsfuse" in rows:
            print(
                "newsfuse end to end (clean, provenance, extract, cross-check, summary):",
                rows["newsfuse"]["ms_per_cluster_end_to_end"],
                "ms/cluster",
            )
    print("saved", save("summary", results))


if __name__ == "__main__":
    main()
