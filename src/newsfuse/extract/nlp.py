"""The full spaCy pipeline (tagger, parser, entities) that extraction reads text with.

The model is `newsfuse.english`, loaded once for every stage; about 4,000 words a second
on one core. Texts are read paragraph by paragraph, and paragraphs already read are not
read again: the copies and re-posts of a wire story cost one reading.
"""

from __future__ import annotations

import re
import warnings
from collections import OrderedDict
from typing import Any

from newsfuse.english import but_parse, english

# A paragraph longer than this is read in pieces cut at white space.
_PIECE_CHARACTERS = 20_000
# Paragraphs kept read, most recent first out.
_REMEMBERED = 4096
# Whole texts kept read: extraction and the cross-check read each source in turn, and
# joining a long text's paragraphs into one document costs as much as a tenth of reading it.
_TEXTS_REMEMBERED = 8
_PARAGRAPH = re.compile(r"\n\n+")


class _ReadParagraphs:
    def __init__(self) -> None:
        self._docs: OrderedDict[str, Any] = OrderedDict()

    def read(self, pieces: list[str]) -> list[Any]:
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
_joined: OrderedDict[str, Any] = OrderedDict()


def parse(text: str) -> Any:
    """The spaCy document of `text`; character offsets are those of `text`."""
    from spacy.tokens import Doc

    pieces = _pieces(text)
    if len(pieces) == 1:
        return _read.read(pieces)[0]
    if text in _joined:
        _joined.move_to_end(text)
        return _joined[text]
    with warnings.catch_warnings():
        # A paragraph's doc may carry what attribution cached in it (its user data), which
        # merging leaves behind, as it should: said on the user's terminal, it is noise.
        warnings.filterwarnings("ignore", message=r"\[W102\]")
        doc = Doc.from_docs(_read.read(pieces), ensure_whitespace=False)
    _joined[text] = doc
    while len(_joined) > _TEXTS_REMEMBERED:
        _joined.popitem(last=False)
    return doc


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
