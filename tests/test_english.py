"""One spaCy load a process serves segmentation and extraction alike."""

from __future__ import annotations

import subprocess
import sys

from newsfuse.english import but_parse, but_sentences, english, read

_COUNT_LOADS = """
import spacy
loads = []
real_load = spacy.load
def counted(*args, **kwargs):
    loads.append(args)
    return real_load(*args, **kwargs)
spacy.load = counted
from newsfuse.extract.nlp import parse
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
