"""The spaCy reading of texts: offsets kept, paragraphs and whole texts read once."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from newsfuse.extract import nlp


def test_a_text_of_many_paragraphs_keeps_its_offsets() -> None:
    text = "The mayor spoke on Monday.\n\nThe bridge stays shut.\n\n\nBuses are diverted."
    doc = nlp.parse(text)
    assert doc.text == text
    assert [t.idx for t in doc if t.text == "Buses"] == [text.index("Buses")]


def test_a_text_read_again_is_the_same_document_until_others_push_it_out() -> None:
    text = "Engineers checked the bridge.\n\nThe ship's engine had failed."
    first = nlp.parse(text)
    assert nlp.parse(text) is first
    for number in range(nlp._TEXTS_REMEMBERED):
        nlp.parse(f"Report {number} came in.\n\nIt said little.")
    again = nlp.parse(text)
    assert again is not first and again.text == text


def _annotations(doc: Any) -> list[tuple[object, ...]]:
    return [(t.idx, t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc]


def test_texts_read_together_read_as_each_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # Enough paragraphs for a process a core: those processes read as this one does. (A
    # thread another test left behind would keep them in this process.)
    monkeypatch.setattr(nlp.threading, "active_count", lambda: 1)
    texts = [
        "\n\n".join(f"Report {n} says crew {k} of the ship was safe on Monday." for k in range(9))
        for n in range(10)
    ] + ["A short note."]
    assert nlp.processes_for(91) == min(nlp.cores(), 4)
    together = nlp.parse_all(texts)
    assert [doc.text for doc in together] == texts
    assert [_annotations(doc) for doc in together] == [
        _annotations(nlp.parse(text)) for text in texts
    ]


def test_a_few_paragraphs_are_read_in_this_process() -> None:
    assert nlp.processes_for(nlp.PIECES_PER_PROCESS - 1) == 1


def test_no_process_is_forked_while_other_threads_run() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert nlp.processes_for(10 * nlp.PIECES_PER_PROCESS) == 1
    finally:
        release.set()
        other.join()
