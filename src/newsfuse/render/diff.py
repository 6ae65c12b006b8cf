"""Word-level differences between two sentences, for showing what a copy changed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|\w+(?:[-'’.,]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class DiffPiece:
    text: str
    changed: bool


def word_diff(before: str, after: str) -> tuple[list[DiffPiece], list[DiffPiece]]:
    """Both texts cut into pieces, those not in the other text marked as changed; the
    pieces of each side join back into that side's text exactly."""
    left, right = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    old: list[DiffPiece] = []
    new: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        _append(old, "".join(left[i1:i2]), changed)
        _append(new, "".join(right[j1:j2]), changed)
    return old, new


def _append(pieces: list[DiffPiece], text: str, changed: bool) -> None:
    if not text:
        return
    if changed and text.isspace():
        changed = False
    if pieces and pieces[-1].changed == changed:
        pieces[-1] = DiffPiece(pieces[-1].text + text, changed)
    else:
        pieces.append(DiffPiece(text, changed))
