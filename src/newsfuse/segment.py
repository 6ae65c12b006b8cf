"""Segment: split cleaned text into sentences with character offsets.

Paragraphs (separated by blank lines in cleaned text) are never joined; inside a paragraph,
spaCy's statistical sentence recogniser (`senter` of en_core_web_sm, the only component
run: ~0.5 MB of text a second) finds the boundaries. It keeps
"U.S. Ambassador" and "Maj. Gen. Igor Konashenkov" whole, where rule-based splitters break.
Sentences a scraper glued together without a space ("to appear.Later in the day") are cut
apart, which the model, reading word pieces, does not do. The rows of a data table kept
with the article ("| Kyle Busch | 5040 | 5 |") make no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.models import CleanText, Sentence
from newsfuse.text.nlp import but_sentences, english

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy refuses texts over its max_length, and memory grows with the text: a paragraph
# longer than this (a file with one enormous line) is fed in pieces cut at white space.
_CHUNK_CHARACTERS = 20_000
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
_BRACKETED = re.compile(r"\([^()]{0,40}\)[.,;]?")
# A lower-case start ("-he declares." too), but not a name written so ("iPhone", "eBay").
_LOWER_CASE_START = re.compile(r"[-–]?[a-z](?![a-z]*[A-Z])")


# Sentences a scraper glued together, no space after the full stop ("to appear.Later in
# the day", "taking place."Each of the victims"): two letters of a lower-case word, "." or
# "!", a quotation mark or none, then a capitalised word. "U.S.Army", "p.m.The" and
# "e.g.The" do not match; "?" is left out, as mis-decoded text puts it inside words.
_GLUED = re.compile(r"(?<=[a-z]{2}[.!])([\"“”’]?)(?=[A-Z][a-z])")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def segment(clean: CleanText) -> tuple[Sentence, ...]:
    """The sentences of `clean.text`, in order, each with `text == clean.text[start:end]`."""
    chunks = list(_chunks(clean.text))
    sentences: list[Sentence] = []
    docs = english().pipe(
        (clean.text[chunk.start : chunk.end] for chunk, _ in chunks), disable=but_sentences()
    )
    for (chunk, paragraph), doc in zip(chunks, docs, strict=True):
        for span in _merge_fragments(clean.text, chunk, doc):
            sentences.append(
                Sentence(
                    article_id=clean.article_id,
                    index=len(sentences),
                    start=span.start,
                    end=span.end,
                    text=clean.text[span.start : span.end],
                    paragraph=paragraph,
                )
            )
    return tuple(sentences)


def _chunks(text: str) -> Iterator[tuple[_Span, int]]:
    """Paragraph pieces of at most `_CHUNK_CHARACTERS`, each with its paragraph number."""
    for paragraph, match in enumerate(_PARAGRAPH.finditer(text)):
        if _is_table(match.group(0)):
            continue
        start, end = match.start(), match.end()
        while end - start > _CHUNK_CHARACTERS:
            cut = text.rfind(" ", start + 1, start + _CHUNK_CHARACTERS)
            cut = cut if cut > start else start + _CHUNK_CHARACTERS
            yield _Span(start, cut), paragraph
            start = cut
        yield _Span(start, end), paragraph


def table_rows(text: str) -> list[tuple[int, int]]:
    """Where the paragraphs of `text` that are rows of a table lie, as (start, end)."""
    if "|" not in text:
        return []
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if _is_table(m.group(0))]


def _is_table(paragraph: str) -> bool:
    """Rows of a table, as extraction writes them ("| Kyle Busch | 5040 | 5 |"): figures
    and labels read across a row, not statements. They stay in the text for the reader; no
    sentence, so no claim, comes of them."""
    rows = [line.strip() for line in paragraph.split("\n")]
    return all(len(row) >= 2 and row[0] == "|" == row[-1] for row in rows)


def _merge_fragments(text: str, chunk: _Span, doc: Doc) -> list[_Span]:
    """Sentence spans of one chunk, stripped of white space, with fragments joined to the
    sentence before."""
    spans: list[_Span] = []
    for sentence in doc.sents:
        start = chunk.start + sentence.start_char
        end = chunk.start + sentence.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        for piece in _unglued(text, _Span(start, end)):
            if spans and _is_fragment(text[piece.start : piece.end]):
                spans[-1] = _Span(spans[-1].start, piece.end)
            else:
                spans.append(piece)
    return spans


def _unglued(text: str, span: _Span) -> list[_Span]:
    """A sentence span cut where it glues sentences together without a space. A straight
    quotation mark at the cut closes the sentence before when an odd number of them come
    before it in the span (the quote was open), else opens the next."""
    pieces, start = [], span.start
    for match in _GLUED.finditer(text, span.start, span.end):
        mark = match.group(1)
        still_open = mark == '"' and text.count('"', span.start, match.start()) % 2 == 1
        cut = match.end() if mark in {"”", "’"} or still_open else match.start()
        if cut > start:
            pieces.append(_Span(start, cut))
            start = cut
    pieces.append(_Span(start, span.end))
    return pieces


def _is_fragment(sentence: str) -> bool:
    """A piece that cannot stand alone: no word of its own, a bracketed credit, or a
    lower-case start, where a stray full stop broke a sentence ("agreements. between")."""
    return (
        not any(char.isalnum() for char in sentence)
        or _BRACKETED.fullmatch(sentence) is not None
        or _LOWER_CASE_START.match(sentence) is not None
    )
