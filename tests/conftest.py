"""Shared builders and fixtures.

`make_article` and `make_source` build model objects from plain text the way the pipeline
would; `seeds_dir` finds the reference reports in ../shared/seeds (tests that need them
are skipped where they are absent, unless NEWSFUSE_REQUIRE_SEEDS is set, as in CI).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from newsfuse.clean import clean_article
from newsfuse.faults import STRICT_VARIABLE
from newsfuse.ingest import read_text
from newsfuse.models import Article, Source
from newsfuse.segment import segment
from newsfuse.text.embed import Matrix
from newsfuse.text.lexical import content_terms

# A bug must fail its test, not become a problem the brief lists: containment off (tests
# of containment itself turn it back on). Set in the environment, so commands the tests
# run inherit it.
os.environ[STRICT_VARIABLE] = "1"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def make_article(text: str, path: str = "report.txt", suffix: str = ".txt") -> Article:
    """The article a file of type `suffix` holding `text` is read as."""
    results = read_text(path, text, suffix)
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


def make_source(text: str, path: str = "report.txt", suffix: str = ".txt") -> Source:
    """The article cleaned and segmented, as the pipeline prepares it."""
    article = make_article(text, path, suffix)
    clean = clean_article(article)
    return Source(article=article, clean=clean, sentences=segment(clean))


class WordHashEncoder:
    """A stand-in encoder: texts sharing content words get close vectors. Fast, and its
    notion of 'same meaning' is plain to read in a test."""

    def encode(self, texts: Sequence[str]) -> Matrix:
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in content_terms(text):
                vectors[row, sum(term.encode()) % 384] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)


@pytest.fixture
def word_encoder() -> WordHashEncoder:
    return WordHashEncoder()


def _find_seeds() -> Path | None:
    candidates = [
        os.environ.get("NEWSFUSE_SEEDS_DIR"),
        ROOT.parent / "shared" / "seeds",
        "/work/shared/seeds",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir() and any(Path(candidate).glob("*.txt")):
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    found = _find_seeds()
    if found is None:
        if os.environ.get("NEWSFUSE_REQUIRE_SEEDS"):
            pytest.fail("the seed reports are required (NEWSFUSE_REQUIRE_SEEDS) but were not found")
        pytest.skip("the seed reports (../shared/seeds) are not on this machine")
    return found
