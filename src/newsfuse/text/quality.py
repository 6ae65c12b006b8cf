"""Signs in a text itself that it was machine-translated there and back, or spun.

Round-trip translation breaks sentences where the other language put a boundary: a full
stop between two lower-case words ("written agreements. between Russia"), a stray tail
("he said. -he declares."), doubled or detached stops ("the picture. ."), a closing quote
that no opening quote matches, two connectives where English takes one ("despite although
they did not give details": the other language's two words for one link, both kept).
Article spinners swap words for synonyms, and most of all
news's "said" for "stated", "declared", "expressed": newspapers use "said" for at least
two thirds of reported speech (0.67 was the lowest share in 374 Multi-News and ECB+ articles).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Words that end in a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    """
    a.m p.m etc vs al st dr mr mrs ms jr sr no nos vol fig approx est dept gov gen sen rep
    lt col sgt capt maj cmdr adm corp inc ltd co jan feb mar apr jun jul aug sep sept oct nov
    dec mon tue tues wed thu thur thurs fri sat sun ca cf e.g i.e u.s u.k u.n
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# "agreements. between": a word of three or more letters, a stop, then a lower-case word.
_STOP_INSIDE = re.compile(r"\b([A-Za-z][a-z]{2,})[.]\s+[a-z][a-z]+")
_QUOTE_STOP_INSIDE = re.compile(r"[“”\"][.]\s+[a-z][a-z]+")
_STRAY_TAIL = re.compile(r"[.!?]\s+-[a-z]")
_DOUBLED_STOP = re.compile(r"[.]\s+[.](?![.])|\w\s[.](?:\s|$)")
_SPACED_ELLIPSIS = re.compile(r"[.](?:\s[.]){2,}")
# "despite" takes a noun, never a clause: no text of Multi-News, ECB+, PolNeAR, MRPC or the
# Scrapinghub pages writes it before a connective of a clause.
_CLASHING_CONNECTIVES = re.compile(
    r"\b(?:despite|in spite of)\s+(?:although|though|even though|because|whereas|unless)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GarbleSign:
    """Where a sentence shows round-trip damage, and what it is."""

    start: int
    end: int
    kind: str


def garble_signs(text: str) -> list[GarbleSign]:
    """The signs of round-trip translation damage in a sentence or paragraph of `text`."""
    signs = [
        GarbleSign(m.start(), m.end(), "full stop inside a sentence")
        for m in _STOP_INSIDE.finditer(text)
        if m.group(1).lower() not in _ABBREVIATIONS
    ]
    signs += [
        GarbleSign(m.start(), m.end(), "full stop inside a sentence")
        for m in _QUOTE_STOP_INSIDE.finditer(text)
    ]
    signs += [GarbleSign(m.start(), m.end(), "stray tail") for m in _STRAY_TAIL.finditer(text)]
    signs += [
        GarbleSign(m.start(), m.end(), "two connectives for one link")
        for m in _CLASHING_CONNECTIVES.finditer(text)
    ]
    ellipses = [m.span() for m in _SPACED_ELLIPSIS.finditer(text)]
    signs += [
        GarbleSign(m.start(), m.end(), "detached or doubled full stop")
        for m in _DOUBLED_STOP.finditer(text)
        if not any(m.start() < end and start < m.end() for start, end in ellipses)
    ]
    return sorted(signs, key=lambda sign: sign.start)


def paragraph_garble_signs(paragraph: str) -> list[GarbleSign]:
    """The signs in a whole paragraph, where quotes must also balance: a quote may run over
    several sentences, but a paragraph does not close a quote it never opened."""
    signs = garble_signs(paragraph)
    if (stray := _stray_closing_quote(paragraph)) is not None:
        signs.append(stray)
    return sorted(signs, key=lambda sign: sign.start)


def _stray_closing_quote(text: str) -> GarbleSign | None:
    """A closing curly quote with no opening one before it."""
    depth = 0
    for position, char in enumerate(text):
        if char == "“":
            depth += 1
        elif char == "”":
            if depth == 0:
                return GarbleSign(position, position + 1, "closing quote without an opening one")
            depth -= 1
    return None


SAID = frozenset({"said", "says", "told", "tells"})
SPINNER_VERBS = frozenset(
    {
        "stated", "declared", "declares", "expressed", "expresses", "asserted", "asserts",
        "remarked", "remarks", "uttered", "articulated", "proclaimed", "mentioned",
    }
)  # fmt: skip
_REPORTING = re.compile(
    r"\b(" + "|".join(sorted(SAID | SPINNER_VERBS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True)
class ReportingVerbs:
    """How a text reports speech: "said" against the synonyms spinners put in its place."""

    said: int
    spinner: Counter[str]

    @property
    def said_share(self) -> float:
        total = self.said + sum(self.spinner.values())
        return self.said / total if total else 1.0


def reporting_verbs(text: str) -> ReportingVerbs:
    said = 0
    spinner: Counter[str] = Counter()
    for match in _REPORTING.finditer(text):
        verb = match.group(1).lower()
        if verb in SAID:
            said += 1
        else:
            spinner[verb] += 1
    return ReportingVerbs(said, spinner)


def spinner_verb_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` uses a spinner's synonym of "said"."""
    return [m.span() for m in _REPORTING.finditer(text) if m.group(1).lower() in SPINNER_VERBS]
