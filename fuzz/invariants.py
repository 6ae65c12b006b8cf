"""What must hold of any article however hostile its text: shared by the atheris target and
the property tests (tests/test_fuzz.py)."""

from __future__ import annotations

from newsfuse.clean import clean_article
from newsfuse.models import Article
from newsfuse.segment import segment


def check_article(article: Article) -> None:
    """Cleaning maps every kept piece back to the raw text, removals and sentences stay
    inside their texts, and each sentence is the text at its offsets."""
    clean = clean_article(article)
    for piece in clean.pieces:
        raw = article.raw_text[piece.raw_start : piece.raw_start + piece.length]
        assert raw == clean.text[piece.clean_start : piece.clean_start + piece.length]
    for removal in clean.removals:
        assert 0 <= removal.start <= removal.end <= len(article.raw_text)
    for sentence in segment(clean):
        assert 0 <= sentence.start < sentence.end <= len(clean.text)
        assert clean.text[sentence.start : sentence.end] == sentence.text
