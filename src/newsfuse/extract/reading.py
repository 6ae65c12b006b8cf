"""A source as spaCy read it (its clean text and its title), and that reading as bytes.

Reading is most of the work of a brief (about 4,000 words a second on one core), and it
depends on the source alone: `newsfuse ingest` keeps each article's reading in the store,
and briefs of stored stories (`brief --story`, `serve`) take it back instead of loading
the model and reading again. A kept reading is used only when the same model, spaCy and
reading revision made it and its texts are the source's as they are now; otherwise the
source is read again.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsfuse.models import Source
from newsfuse.text.nlp import SPACY_MODEL, parse, parse_all

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Counts changes to what a reading holds (1: the text's and the title's documents).
READING_REVISION = 1


@dataclass(frozen=True)
class Reading:
    text: Doc  # the spaCy document of the source's clean text
    title: Doc | None  # and of its title (`title_text`), when it has one


def title_text(source: Source) -> str:
    """The title as it is read: its white space made single spaces."""
    return " ".join((source.article.title or "").split())


def read_source(source: Source) -> Reading:
    title = title_text(source)
    return Reading(parse(source.clean.text), parse(title) if title else None)


def read_sources(sources: Sequence[Source]) -> list[Reading]:
    """The readings of `sources`, as `read_source` makes them, read together (on every
    core, when there are enough of them)."""
    titles = [title_text(source) for source in sources]
    docs = iter(parse_all([*(s.clean.text for s in sources), *filter(None, titles)]))
    texts = [next(docs) for _ in sources]
    return [
        Reading(text, next(docs) if title else None)
        for text, title in zip(texts, titles, strict=True)
    ]


@lru_cache(maxsize=1)
def reading_version() -> str:
    """What made a reading: kept readings of another version are not used."""
    model = importlib.metadata.version(SPACY_MODEL)
    spacy = importlib.metadata.version("spacy")
    return f"{SPACY_MODEL} {model}, spaCy {spacy}, reading r{READING_REVISION}"


def reading_bytes(reading: Reading) -> bytes:
    """The reading as compact bytes: tokens and their annotations, no tensors or caches."""
    from spacy.tokens import DocBin

    docs = DocBin(store_user_data=False)
    docs.add(reading.text)
    if reading.title is not None:
        docs.add(reading.title)
    return bytes(docs.to_bytes())


def reading_from_bytes(data: bytes, source: Source) -> Reading | None:
    """The reading kept as `data`, or None when it is not a reading of `source` as it is
    now (its text or title changed since, or the bytes are not a reading)."""
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_bytes(data).get_docs(_vocabulary()))
    except (ValueError, KeyError, TypeError):
        return None
    title = title_text(source)
    if not docs or docs[0].text != source.clean.text or len(docs) != 1 + bool(title):
        return None
    if title and docs[1].text != title:
        return None
    return Reading(docs[0], docs[1] if title else None)


class KeptReadings(Mapping[str, Reading]):
    """Readings kept as bytes (by source id), each taken back when first asked for: the
    import of spaCy this needs then runs while the encoder reads ahead. A kept reading that
    is not one of its source as it is now is missing."""

    def __init__(self, kept: Mapping[str, bytes], sources: Sequence[Source]) -> None:
        self._kept = {s.id: (kept[s.id], s) for s in sources if s.id in kept}

    def __getitem__(self, source_id: str) -> Reading:
        data, source = self._kept[source_id]
        reading = reading_from_bytes(data, source)
        if reading is None:
            raise KeyError(source_id)
        return reading

    def __iter__(self) -> Iterator[str]:
        return iter(self._kept)

    def __len__(self) -> int:
        return len(self._kept)


@lru_cache(maxsize=1)
def _vocabulary() -> Vocab:
    """English words' properties (stop words, number-likeness) without loading the model:
    a kept document's annotations come with it."""
    import spacy

    return spacy.blank("en").vocab
