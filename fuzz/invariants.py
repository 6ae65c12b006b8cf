"""What must hold of any article however hostile its text: shared by the atheris target and
the property tests (tests/test_fuzz.py)."""

from __future__ import annotations

from newsfuse.clean import clean_article
from newsfuse.models import Article, Brief, Citation, StoryBrief
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


def check_brief(brief: Brief) -> None:
    """Every citation of a brief lies inside the text (or title) of a source of its story,
    and what a point cites as its wording is the source's text at those offsets."""
    for story in brief.stories:
        texts = {source.id: source.clean.text for source in story.sources}
        titles = {source.id: source.article.title or "" for source in story.sources}
        for citation in _citations(story):
            assert citation.source in texts, citation
            within = titles if citation.part == "title" else texts
            assert 0 <= citation.start <= citation.end <= len(within[citation.source]), citation
        for point in story.summary:
            first = point.citations[0]
            within = titles if first.part == "title" else texts
            assert within[first.source][first.start : first.end] == point.text, point


def _citations(story: StoryBrief) -> list[Citation]:
    found = [c for point in story.summary for c in point.citations]
    found += [c for quote in story.quotes for c in quote.citations]
    found += [c for figure in story.figures for c in figure.citations]
    found += [c for event in story.timeline for c in event.citations]
    found += [c for entity in story.entities for c in entity.mentions]
    found += [c for fact in story.facts for c in fact.citations]
    found += [c for conflict in story.conflicts for side in conflict.sides for c in side.citations]
    return found
