"""A model's reply read as sentences, each with the fact ids it ends with.

Models are asked for one sentence a line, each ending "[F1, F3]". What they send is read
loosely where that loses nothing (list markers, a code fence, "(F2)" for "[F2]") and
strictly where it matters: a sentence is cited only by the ids at its own end, so in
"The bridge closed. Buses were diverted. [F4]" the first sentence cites nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A bracket that may hold ids: "[F1, F3]", "[3]", "(F2)". What is inside is read without a
# pattern (`_ids`): model output is as hostile as article text.
_BRACKET = re.compile(r"\[([^\[\]\n]{1,100})\]|\(([^()\n]{1,100})\)")
_ID_SEPARATORS = str.maketrans(",;&", "   ")
_MARKER = re.compile(r"^\s*(?:[-*•]+|\d+[.)])\s+")
_FENCE = re.compile(r"^\s*```\w*\s*$")
# A sentence ends at . ! or ? (and any closing quote or bracket) before a space and a
# capital or an opening quote, unless the word before is a title or an initial.
_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(]?[A-Z0-9])")
_NO_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Jr|Sr|No|vs|Inc|Corp|Co|Ltd)|"
    r"\b[A-Z]|\b[a-z]\.[a-z])\.$"
)
_THINK_OPEN, _THINK_CLOSE = "<think>", "</think>"
# A reply longer than this is not a short brief: the rest is not read.
_MOST_CHARACTERS = 20_000


@dataclass(frozen=True)
class Drafted:
    """A sentence of the reply and the fact numbers (from 1, as written) it cites."""

    text: str
    cited: tuple[int, ...]


def drafted_sentences(reply: str) -> list[Drafted]:
    found: list[Drafted] = []
    for line in _without_thinking(reply[:_MOST_CHARACTERS]).splitlines():
        if _FENCE.match(line):
            continue
        if unmarked := _MARKER.sub("", line).strip():
            found += _line_sentences(unmarked)
    return found


def _without_thinking(reply: str) -> str:
    """The reply less what a reasoning model thinks aloud before answering ("<think>...
    </think>", as Qwen3 and DeepSeek-R1 write it through llama.cpp or Ollama): its notes
    are not the brief. Thinking left open to the end is all dropped."""
    kept, position = [], 0
    while (start := reply.find(_THINK_OPEN, position)) >= 0:
        kept.append(reply[position:start])
        end = reply.find(_THINK_CLOSE, start)
        if end < 0:
            return "".join(kept)
        position = end + len(_THINK_CLOSE)
    kept.append(reply[position:])
    return "".join(kept)


def _line_sentences(line: str) -> list[Drafted]:
    found: list[Drafted] = []
    position = 0
    for start, end, numbers in _citations(line):
        before = line[position:start].strip()
        position = end
        if not before:
            continue
        *uncited, last = _sentences(before)
        found += [Drafted(text, ()) for text in uncited]
        found.append(Drafted(_with_end(last, line[end - 1]), numbers))
    rest = line[position:].strip()
    if any(character.isalnum() for character in rest):
        found += [Drafted(text, ()) for text in _sentences(rest)]
    return found


def _citations(line: str) -> list[tuple[int, int, tuple[int, ...]]]:
    """Each run of id brackets in the line: where it starts, where it ends (past a full
    stop after it) and the fact numbers it cites. "[F1][F4]" cites both."""
    runs: list[tuple[int, int, tuple[int, ...]]] = []
    for match in _BRACKET.finditer(line):
        square = match.group(1) is not None
        numbers = _ids(match.group(1) if square else match.group(2), f_needed=not square)
        if not numbers:
            continue
        if runs and not line[runs[-1][1] : match.start()].strip():
            start, _, before = runs.pop()
            runs.append((start, match.end(), tuple(dict.fromkeys(before + numbers))))
        else:
            runs.append((match.start(), match.end(), numbers))
    return [
        (start, end + 1 if line[end : end + 1] in (".", "!", "?") else end, numbers)
        for start, end, numbers in runs
    ]


def _ids(inside: str, f_needed: bool) -> tuple[int, ...]:
    """The numbers of "F1, F3", "3", "F1 and F2" (each with its F when `f_needed`); none
    when anything else is inside."""
    numbers = []
    for word in inside.translate(_ID_SEPARATORS).split():
        if word.lower() == "and":
            continue
        digits = word[1:] if word[:1] in ("F", "f") else word
        if not digits.isdigit() or len(digits) > 6 or (f_needed and digits == word):
            return ()
        numbers.append(int(digits))
    return tuple(dict.fromkeys(numbers))


def _with_end(text: str, last: str) -> str:
    """The sentence with its full stop, wherever the model put it ("... [F1]." or "... [F1]")."""
    text = text.strip()
    if text[-1] in '.!?"”’)':
        return text
    return text + (last if last in ".!?" else ".")


def _sentences(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _END.finditer(text):
        if _NO_END.search(text[start : match.end()].rstrip("\"”’')]")):
            continue
        pieces.append(text[start : match.end()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]
