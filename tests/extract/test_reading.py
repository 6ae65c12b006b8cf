from __future__ import annotations

from typing import Any

from newsfuse.extract.reading import (
    KeptReadings,
    read_source,
    read_sources,
    reading_bytes,
    reading_from_bytes,
    reading_version,
)
from newsfuse.extract.source import extract_source

from ..conftest import make_source

TEXT = """Ship hits Alder Bay bridge after engine failure

A container ship drifted into the Alder Bay bridge on Monday, harbor master Ines Okafor said.

"We had tugs alongside in four minutes," she told reporters. About 40,000 vehicles cross it daily.
"""


def _annotations(doc: Any) -> list[tuple[object, ...]]:
    return [
        (t.idx, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ] + [(t.is_sent_start, t.like_num, t.is_stop, t.is_punct, str(t.morph)) for t in doc]


def test_a_kept_reading_is_the_reading_the_model_made() -> None:
    source = make_source(TEXT)
    read = read_source(source)
    kept = reading_from_bytes(reading_bytes(read), source)
    assert kept is not None and read.title is not None and kept.title is not None
    assert _annotations(kept.text) == _annotations(read.text)
    assert _annotations(kept.title) == _annotations(read.title)
    assert [s.text for s in kept.text.sents] == [s.text for s in read.text.sents]
    # What extraction finds in it is what it finds reading the source itself.
    fresh, again = extract_source(source, None), extract_source(source, None, kept)
    assert again == fresh and again.quotes and again.figures


def test_a_reading_of_another_text_is_not_used() -> None:
    source = make_source(TEXT)
    data = reading_bytes(read_source(source))
    assert reading_from_bytes(data, make_source(TEXT.replace("Monday", "Tuesday"))) is None
    retitled = make_source(TEXT.replace("after engine failure", "after an engine failure"))
    assert reading_from_bytes(data, retitled) is None
    assert reading_from_bytes(b"not a reading", source) is None


def test_a_source_without_a_title_is_read_without_one() -> None:
    source = make_source(TEXT.split("\n\n", 1)[1])
    read = read_source(source)
    assert source.article.title is None and read.title is None
    kept = reading_from_bytes(reading_bytes(read), source)
    assert kept is not None and kept.title is None


def test_the_version_names_what_made_the_reading() -> None:
    version = reading_version()
    assert version.startswith("en_core_web_sm") and "spaCy 3." in version


def test_sources_read_together_read_as_each_alone() -> None:
    sources = [make_source(TEXT), make_source(TEXT.split("\n\n", 1)[1], "untitled.txt")]
    for together, alone in zip(read_sources(sources), map(read_source, sources), strict=True):
        assert _annotations(together.text) == _annotations(alone.text)
        assert (together.title is None) == (alone.title is None)
        if together.title is not None:
            assert _annotations(together.title) == _annotations(alone.title)


def test_kept_readings_are_taken_back_when_asked_for_and_only_when_still_true() -> None:
    source, retold = make_source(TEXT), make_source(TEXT.replace("Monday", "Tuesday"), "b.txt")
    kept = {source.id: reading_bytes(read_source(source)), retold.id: b"not a reading"}
    readings = KeptReadings(kept, [source, retold])
    assert sorted(readings) == sorted([source.id, retold.id])
    reading = readings.get(source.id)
    assert reading is not None and reading.text.text == source.clean.text
    assert readings.get(retold.id) is None  # read again by extraction
