"""Copies that change one fact of their origin, as real re-posts do: a name or an
organisation swapped for another, two parties' roles turned round inside a sentence, a
weekday or a date changed. Used by bench/provenance.py.

Each change is made in one sentence past the lead, found with spaCy's entities (the
detector in newsfuse uses none of these rules), and comes with the words a report of it
must cite in the copy. The names put in come from another cluster, so they are real
names the origin never mentions.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsfuse.text.dates import WEEKDAYS

# The change kinds made here, and the kind of change newsfuse should report for each.
KINDS = {
    "person": "name",
    "organisation": "name",
    "roles": "role",
    "weekday": "date",
    "date": "date",
}
_LABELS = {"person": ("PERSON",), "organisation": ("ORG",)}
_PARTIES = ("PERSON", "ORG", "GPE")
_WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_DAY = re.compile(r"\b(" + "|".join(_MONTHS) + r")\.? (\d{1,2})\b(?!,? ?\d{3})")


_PROPER = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+")


@dataclass(frozen=True)
class Changed:
    text: str
    kind: str  # a key of KINDS
    cited: tuple[str, ...]  # words a report of the change must cite in the copy


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    from newsfuse.text.nlp import SPACY_MODEL

    return spacy.load(SPACY_MODEL)


def names(text: str) -> dict[str, list[str]]:
    """The multi-word person and organisation names of a text, by label, in order."""
    found: dict[str, list[str]] = {"PERSON": [], "ORG": []}
    for entity in _nlp()(text[:20000]).ents:
        if entity.label_ in found and _proper(entity) and entity.text not in found[entity.label_]:
            found[entity.label_].append(entity.text)
    return found


def _proper(entity: Any) -> bool:
    """A name of two or more capitalised words and nothing else (spaCy's entities also
    take in "the", possessives, bullets and line breaks)."""
    return len(entity) >= 2 and bool(_PROPER.fullmatch(entity.text))


def changed_copies(text: str, kept: str, foreign: dict[str, list[str]], seed: int) -> list[Changed]:
    """One copy of `text` per kind of change that the text allows, made in a paragraph
    that newsfuse keeps as article text (`kept`, the cleaned text; not a caption)."""
    rng = random.Random(seed)
    paragraphs = text.split("\n\n")
    made = []
    for kind in KINDS:
        order = [n for n in range(1, len(paragraphs)) if paragraphs[n].strip() in kept]
        rng.shuffle(order)
        for number in order:
            change = _change(paragraphs[number], kind, foreign, rng)
            if change is not None:
                new, cited = change
                copy = "\n\n".join([*paragraphs[:number], new, *paragraphs[number + 1 :]])
                made.append(Changed(copy, kind, cited))
                break
    return made


def _change(
    paragraph: str, kind: str, foreign: dict[str, list[str]], rng: random.Random
) -> tuple[str, tuple[str, ...]] | None:
    if kind in _LABELS:
        return _renamed(paragraph, _LABELS[kind][0], foreign, rng)
    if kind == "roles":
        return _roles_turned(paragraph)
    if kind == "weekday":
        return _weekday_changed(paragraph, rng)
    return _date_changed(paragraph, rng)


def _renamed(
    paragraph: str, label: str, foreign: dict[str, list[str]], rng: random.Random
) -> tuple[str, tuple[str, ...]] | None:
    mentions = [e for e in _nlp()(paragraph).ents if e.label_ == label and _proper(e)]
    candidates = [
        name
        for name in foreign.get(label, [])
        if not set(name.split()) & set(paragraph.split()) and name not in paragraph
    ]
    if not mentions or not candidates:
        return None
    mention, name = mentions[0], rng.choice(candidates)
    new = paragraph[: mention.start_char] + name + paragraph[mention.end_char :]
    return new, (name,)


def _roles_turned(paragraph: str) -> tuple[str, tuple[str, ...]] | None:
    """The doer and the one done to change places: the party that is the subject of a verb
    and the party that is its object ("Russia warned Ukraine" becomes "Ukraine warned
    Russia", "X met with Y" becomes "Y met with X")."""
    for sentence in _nlp()(paragraph).sents:
        parties = [e for e in sentence.ents if e.label_ in _PARTIES and e.text[0].isupper()]
        doers = [e for e in parties if e.root.dep_ == "nsubj"]
        for doer in doers:
            for done in parties:
                if done.start > doer.end and _object_of(done.root, doer.root.head):
                    if set(doer.text.split()) & set(done.text.split()):
                        continue
                    new = (
                        paragraph[: doer.start_char]
                        + done.text
                        + paragraph[doer.end_char : done.start_char]
                        + doer.text
                        + paragraph[done.end_char :]
                    )
                    return new, (done.text, doer.text)
    return None


def _object_of(token: Any, verb: Any) -> bool:
    """Whether `token` is the direct object of `verb` or the object of its preposition."""
    if token.dep_ == "dobj":
        return bool(token.head == verb)
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head == verb


def _weekday_changed(paragraph: str, rng: random.Random) -> tuple[str, tuple[str, ...]] | None:
    match = _WEEKDAY.search(paragraph)
    if match is None:
        return None
    days = [w.capitalize() for w in WEEKDAYS]
    day = days[(days.index(match.group(1)) + rng.randint(1, 6)) % 7]
    return paragraph[: match.start()] + day + paragraph[match.end() :], (day,)


def _date_changed(paragraph: str, rng: random.Random) -> tuple[str, tuple[str, ...]] | None:
    match = _MONTH_DAY.search(paragraph)
    if match is None:
        return None
    day = int(match.group(2))
    new_day = day + rng.randint(2, 5) if day <= 20 else day - rng.randint(2, 5)
    written = f"{match.group(1)} {new_day}"
    return paragraph[: match.start()] + written + paragraph[match.end() :], (written,)
