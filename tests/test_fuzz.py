"""Property tests over ingest, clean and segment (hypothesis), and the atheris target run for a
bounded number of inputs: nothing raises, offsets stay inside their texts, and ingesting
the same inputs again changes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fuzz.invariants import check_article, check_brief
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.ingest import Limits, read_text
from newsfuse.models import Article
from newsfuse.pipeline import brief_articles, ingest_paths
from newsfuse.store import Store

from .conftest import ROOT, WordHashEncoder

# Text that looks like scraped news more often than random text would: words, markup, JSON
# punctuation, quotes, line breaks and a few odd characters.
_PIECES = st.sampled_from(
    ["The ship", " hit the bridge", " on Monday.", "\n", "\n\n", '"', "“", "”", "<p>", "</p>",
     "<div>", "<script>x()</script>", "{", "}", '"text": ', ",", "Read more", "Share", "·",
     "—", "\u200b", "\x00", "\ufeff", "é", "Ж", "中文", "http://a.example/x", "  ", "\t", "1,234"]
)  # fmt: skip
_TEXTS = st.one_of(st.text(max_size=400), st.lists(_PIECES, max_size=60).map("".join))
_SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, _SUFFIXES)
def test_any_text_read_as_any_type_is_cleaned_and_segmented_within_bounds(
    text: str, suffix: str
) -> None:
    for result in read_text(f"fuzz{suffix}", text, suffix, Limits(max_article_characters=5000)):
        if isinstance(result, Article):
            check_article(result)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_PIECES, min_size=3, max_size=40).map("".join), max_size=4))
def test_ingesting_the_same_inputs_again_changes_nothing(texts: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(texts):
            Path(folder, f"{number}.txt").write_text(text)
        with Store(Path(folder, "news.db")) as store:
            first = ingest_paths([folder], store, encoder=WordHashEncoder())
            stories = [(s.id, s.articles) for s in store.stories()]
            again = ingest_paths([folder], store, encoder=WordHashEncoder())
            assert (again.added, again.assignments) == (0, ())
            assert again.already_stored == first.added + first.already_stored
            assert [(s.id, s.articles) for s in store.stories()] == stories


# Real-looking prose with what real pages hold that parsers trip on: numbers that are not
# one number, ranges, times, ratios, money, fractions, impossible dates, unbalanced quotes,
# runs of capitals, repeated words, mixed scripts, very long sentences.
_HOSTILE = st.sampled_from(
    ["versions 1.8.3, 1.9 and 2.0.1", "3-4 million", "at 10:30", "a 50/50 split", "$1.2bn",
     "½ of them", "on 2022-02-30", "on February 30, 2022", '"unbalanced', "“half-open",
     "closed”", "' said '", "NATO NATO NATO NATO", "A" * 60, "AB CD EF GH IJ KL MN OP QR ST",
     "Путин said", "北京 officials", "١٢٣ troops", "1,2,3,4,5,6,7,8,9", "9" * 40, "1e400",
     "0.000000001%", "-5 degrees", "#1 hit", "(AP) —", "(Reuters)", "said Tuesday",
     "more than 150,000 troops", "up from 130,000", "not", "never", "did not", "Mr.",
     "U.S.", "p.m.", "...", "!!!", "?", "—", ";", ":", "(", ")", "[", "]", "\n\n"]
)  # fmt: skip
_WORDS = st.sampled_from(
    ["The minister", "said", "the army", "would", "withdraw", "troops", "from", "the border",
     "on Monday", "officials", "told reporters", "in Kyiv", "according to", "the ministry",
     "Putin", "Biden", "Scholz", "announced", "denied", "that", "and", "but", "."]
)  # fmt: skip
_PROSE = st.lists(st.one_of(_WORDS, _HOSTILE), min_size=5, max_size=120).map(" ".join)


def _report(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PROSE, st.lists(_PROSE, min_size=1, max_size=4)), min_size=1,
                max_size=3))  # fmt: skip
def test_hostile_prose_goes_through_the_whole_pipeline_within_bounds(
    reports: list[tuple[str, list[str]]],
) -> None:
    articles = []
    for number, (title, paragraphs) in enumerate(reports):
        found = read_text(f"r{number}.txt", _report(title[:200], "\n\n".join(paragraphs)), ".txt")
        articles += [result for result in found if isinstance(result, Article)]
    brief = brief_articles(articles, encoder=WordHashEncoder())  # strict: nothing contained
    assert brief.all_problems == ()
    check_brief(brief)


def test_the_atheris_target_runs_clean_for_a_bounded_time(tmp_path: Path) -> None:
    target = ROOT / "fuzz" / "fuzz_ingest.py"
    run = subprocess.run(
        [sys.executable, str(target), "-runs=4000", "-seed=1", f"-artifact_prefix={tmp_path}/"],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Done 4000 runs" in run.stderr
