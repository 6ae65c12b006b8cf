"""Build a cleaned text piece by piece while remembering where each piece came from."""

from __future__ import annotations

import re

from newsfuse.models import MapPiece

# Characters dropped from kept text: zero-width spaces and joiners, the BOM, soft hyphens.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_WORD_RUN = re.compile(r"\S+")
_VISIBLE_RUN = re.compile(rf"[^{_INVISIBLE}]+")
# Words separated by single plain spaces, with nothing invisible: copied as they are.
_PLAIN = re.compile(rf"[^\s{_INVISIBLE}]+(?: [^\s{_INVISIBLE}]+)*")


class TextBuilder:
    """Appends raw spans to a cleaned text, recording a `MapPiece` per copied run."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._parts: list[str] = []
        self._pieces: list[MapPiece] = []
        self._length = 0

    def add_paragraph(self, start: int, end: int) -> None:
        """Append `raw[start:end]` as a paragraph: white space folded to single spaces,
        invisible characters dropped, paragraphs separated by a blank line."""
        text = self._raw[start:end]
        if _PLAIN.fullmatch(text):  # the common case: nothing to fold, one piece
            if self._parts:
                self._emit("\n\n")
            self._copy(start, end)
            return
        words = [
            list(_VISIBLE_RUN.finditer(self._raw, word.start(), word.end()))
            for word in _WORD_RUN.finditer(self._raw, start, end)
        ]
        words = [runs for runs in words if runs]
        if not words:
            return
        if self._parts:
            self._emit("\n\n")
        previous_end = -1
        for runs in words:
            if previous_end >= 0:
                self._separate_words(previous_end, runs[0].start())
            for run in runs:
                self._copy(run.start(), run.end())
            previous_end = runs[-1].end()

    def _separate_words(self, previous_end: int, next_start: int) -> None:
        # A single plain space is copied, so the map keeps one piece per unbroken run.
        if next_start == previous_end + 1 and self._raw[previous_end] == " ":
            self._copy(previous_end, next_start)
        else:
            self._emit(" ")

    def _copy(self, start: int, end: int) -> None:
        last = self._pieces[-1] if self._pieces else None
        if (
            last is not None
            and last.raw_start + last.length == start
            and last.clean_start + last.length == self._length
        ):
            self._pieces[-1] = MapPiece(last.clean_start, last.raw_start, last.length + end - start)
        else:
            self._pieces.append(MapPiece(self._length, start, end - start))
        self._emit(self._raw[start:end])

    def _emit(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def pieces(self) -> tuple[MapPiece, ...]:
        return tuple(self._pieces)
