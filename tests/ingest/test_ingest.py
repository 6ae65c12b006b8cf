from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.ingest import read_inputs, read_text
from newsfuse.models import Article

GOOD = "Ship hits bridge after engine failure\n\nA ship hit the harbor bridge on Monday, officials said.\n"


def test_one_bad_file_among_good_ones_is_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.jsonl").write_text('{"text": "Second report of the bridge closure."}\n{oops\n')
    (tmp_path / "d.html").write_text("<html><body><nav>Home</nav></body></html>")
    result = read_inputs([str(tmp_path)])
    assert len(result.articles) == 2
    assert sorted((Path(r.path).name, r.where, r.reason[:20]) for r in result.rejections) == [
        ("b.txt", None, "empty file"),
        ("c.jsonl", "line 2", "invalid JSON: Expect"),
        ("d.html", None, "no article text foun"),
    ]


def test_the_same_article_twice_is_read_once_and_noted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "copy.txt").write_text(GOOD)
    result = read_inputs([str(tmp_path)])
    assert len(result.articles) == 1
    assert [(Path(d.path).name, Path(d.same_as).name) for d in result.duplicates] == [
        ("copy.txt", "a.txt")
    ]


def test_articles_over_the_length_limit_are_rejected() -> None:
    from newsfuse.ingest import Limits

    [result] = read_text("a.txt", "word " * 100, ".txt", Limits(max_article_characters=50))
    assert not isinstance(result, Article) and "too long" in result.reason


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from([".txt", ".md"]))
def test_reading_is_idempotent(text: str, suffix: str) -> None:
    first = read_text("a" + suffix, text, suffix)
    again = read_text("a" + suffix, text, suffix)
    assert first == again
    for item in first:
        if isinstance(item, Article):
            assert item.raw_text.strip()


def test_a_text_carrying_c1_controls_is_read_with_the_characters_they_stand_for() -> None:
    [article] = read_text(
        "r.txt", "Harbour reopens\n\nThe crew\x96all six of them\x96were safe.\n", ".txt"
    )
    assert isinstance(article, Article)
    assert "The crew–all six of them–were safe." in article.raw_text
