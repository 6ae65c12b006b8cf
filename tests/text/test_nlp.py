"""spaCy's one home: one load a process serves segmentation and extraction alike; texts
are read with their offsets kept, paragraphs and whole texts once."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

import pytest

from newsfuse.text import nlp
from newsfuse.text.nlp import but_parse, but_sentences, english, read

_COUNT_LOADS = """
import spacy
loads = []
real_load = spacy.load
def counted(*args, **kwargs):
    loads.append(args)
    return real_load(*args, **kwargs)
spacy.load = counted
from newsfuse.text.nlp import parse
from newsfuse.models import CleanText, MapPiece
from newsfuse.segment import segment
text = "The ship hit the bridge on Monday. Two crew members were hurt, officials said."
segment(CleanText("a", text, (MapPiece(0, 0, len(text)),), ()))
parse(text)
print(len(loads))
"""


def test_segment_and_extraction_load_spacy_once() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_LOADS], capture_output=True, text=True, check=True
    )
    assert done.stdout.split()[-1] == "1"


def test_sentences_alone_run_no_parser_and_the_full_reading_no_sentence_recogniser() -> None:
    assert "parser" in but_sentences() and "senter" not in but_sentences()
    assert but_parse() == ["senter"]
    doc = read("The ship hit the bridge. Two crew members were hurt.")
    assert [sentence.text for sentence in doc.sents] == [
        "The ship hit the bridge.",
        "Two crew members were hurt.",
    ]
    assert doc.has_annotation("DEP") and english().vocab is doc.vocab


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
