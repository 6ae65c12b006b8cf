"""The gate: a written sentence is kept only when the facts it cites support it.

A model that turns "more than 150,000" into "150,000", "invasion of Ukraine" into "invasion
by Ukraine" or a report's "Two crew members" into "three" writes fluent sentences a reader
cannot tell from faithful ones. Each sentence is tested against the texts of the facts it
cites (their wording and every span cited for them, `Sheet.evidence`), in this order, and
dropped at the first test it fails, never repaired:

- uncited: it cites no fact; unknown fact: it cites an id no fact has;
- quote: a phrase it quotes is not, word for word, in the cited facts;
- date: a weekday, month, calendar date or "yesterday" the cited facts do not give;
- figure: it gives a figure the cited facts do not; hedge: it gives one with another
  qualifier ("150,000" where the facts say "more than 150,000", or the reverse);
- name: a person, organisation or place the cited facts do not name;
- negation: it denies what the cited facts affirm, or affirms what every one of them denies;
- disputed: it gives one side of a point the sources dispute as settled (it names one
  side's version, not the others', and says nothing of a disagreement);
- meaning: it is not close in meaning to the cited facts (the encoder's cosine).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.crosscheck import denial_count, negated_words
from newsfuse.models import DroppedSentence, DropReason, WrittenSentence
from newsfuse.text.dates import MONTHS, WEEKDAYS, date_mentions
from newsfuse.text.embed import Encoder
from newsfuse.text.lexical import (
    QUOTATION,
    STOP_WORDS,
    figures,
    number_value,
    qualified_figures,
    words,
)
from newsfuse.text.nlp import read
from newsfuse.write.reply import Drafted
from newsfuse.write.sheet import Dispute, Sheet, fact_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A kept sentence is at least this close in meaning (cosine) to what it cites. Sentences
# restating a fact in other words score 0.6 and up; one about something else of the same
# story, 0.2 to 0.5 (bench/writer.py measures both).
CLOSE_IN_MEANING = 0.4

# Qualifiers that say the same of a figure: a bound from below, from above, or a round one.
_QUALIFIER_KINDS = {
    **dict.fromkeys(("more than", "over", "just over", "at least", "as few as"), "above"),
    **dict.fromkeys(
        ("less than", "fewer than", "under", "just under", "at most", "up to", "as many as",
         "nearly", "almost"),
        "below",
    ),
    **dict.fromkeys(
        ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated"),
        "about",
    ),
}  # fmt: skip
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
_RELATIVE_DAY = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|(?:last|next|this) (?:week|month|year|weekend))\b",
    re.IGNORECASE,
)
# A month as news writes it: capitalised ("will march" is no date); "May" only beside a day
# or after a preposition ("may be" is no date either).
_MONTH_NAME = re.compile(
    r"\b(?:" + "|".join(m.capitalize() for m in MONTHS if m != "may") + r")\b"
    r"|\bMay(?=\s+\d)|(?<=\d )May\b|(?:"
    + "|".join(
        rf"(?<=\b{word} )" for word in ("in", "of", "on", "by", "since", "until", "early", "late")
    )
    + r")May\b"
)
_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# A figure's value and unit as compared: "1.5 million" is "1,500,000", "20%" is "20 percent".
_SCALED = re.compile(r"^(?P<number>[\d.,]+)\s?(?P<scale>thousand|million|billion)$")
_PERCENT = re.compile(r"^(?P<number>[\d.,]+)\s?(?:%|percent)$")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_DENIES = re.compile(r"\b(?:not|no|never)\b|n't|n’t", re.IGNORECASE)
# Words that tell a reader the sources disagree on what the sentence says.
_DISAGREEMENT = re.compile(
    r"\b(?:disput\w*|conflict\w*|contradict\w*|differ\w*|disagree\w*|var(?:y|ies|ied)|"
    r"unclear|uncertain|unconfirmed|(?:another|other|one|some) (?:reports?|outlets?|sources?))\b",
    re.IGNORECASE,
)
_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "ns", "n", "s")


@dataclass(frozen=True)
class _Verdict:
    reason: DropReason
    detail: str


class Gate:
    """Checks the sentences of one story's written brief against its sheet of facts."""

    def __init__(self, sheet: Sheet, encoder: Encoder) -> None:
        self.sheet = sheet
        self._encoder = encoder
        self._docs: dict[str, Doc] = {}
        self._denials: dict[str, tuple[dict[str, bool], int]] = {}

    def checked(self, drafted: Sequence[Drafted]) -> list[WrittenSentence | DroppedSentence]:
        meanings = self._closeness(drafted)
        return [self._checked(one, close) for one, close in zip(drafted, meanings, strict=True)]

    def _checked(self, drafted: Drafted, closeness: float) -> WrittenSentence | DroppedSentence:
        numbers = tuple(n - 1 for n in drafted.cited)
        verdict = self._verdict(drafted, numbers, closeness)
        if verdict is not None:
            return DroppedSentence(drafted.text, numbers, verdict.reason, verdict.detail)
        citations = dict.fromkeys(c for n in numbers for c in self.sheet.facts[n].citations)
        return WrittenSentence(drafted.text, numbers, tuple(citations))

    def _verdict(
        self, drafted: Drafted, numbers: tuple[int, ...], closeness: float
    ) -> _Verdict | None:
        if not numbers:
            return _Verdict("uncited", "it cites no fact")
        unknown = [n for n in numbers if not 0 <= n < len(self.sheet.facts)]
        if unknown:
            ids = ", ".join(fact_id(n) for n in unknown)
            return _Verdict("unknown fact", f"no fact {ids} was given")
        evidence = _Evidence([text for n in numbers for text in self.sheet.evidence[n]])
        text = drafted.text
        return (
            _quotes(text, evidence)
            or _dates(text, evidence)  # before figures: "March 3" is a date, not a 3
            or _figures(text, evidence)
            or self._names(text, evidence)
            or self._negation(text, evidence)
            or _disputed(text, [d for n in numbers for d in self.sheet.disputes_of(n)])
            or _meaning(closeness)
        )

    def _closeness(self, drafted: Sequence[Drafted]) -> list[float]:
        """Each sentence's cosine with what it cites: the best of each cited fact's wording
        and all of them together (a sentence may join two facts)."""
        wordings: list[list[str]] = [
            [self.sheet.facts[n - 1].text for n in d.cited if 0 < n <= len(self.sheet.facts)]
            for d in drafted
        ]
        compared = [[*texts, " ".join(texts)] if len(texts) > 1 else texts for texts in wordings]
        flat = [text for texts in compared for text in texts]
        vectors = self._encoder.encode([d.text for d in drafted] + flat)
        found: list[float] = []
        row = len(drafted)
        for number, texts in enumerate(compared):
            cited = vectors[row : row + len(texts)]
            row += len(texts)
            found.append(float(np.max(cited @ vectors[number])) if len(texts) else 0.0)
        return found

    def _doc(self, text: str) -> Doc:
        if text not in self._docs:
            self._docs[text] = read(text)
        return self._docs[text]

    def _denied(self, text: str) -> tuple[dict[str, bool], int]:
        """The words of a text and whether each is denied, and how many words deny: read
        once a text, as every sentence citing its fact asks."""
        if text not in self._denials:
            doc = self._doc(text)
            self._denials[text] = (_with_denied_objects(doc), denial_count(doc[:]))
        return self._denials[text]

    def _names(self, text: str, evidence: _Evidence) -> _Verdict | None:
        for name in _names_in(self._doc(text)):
            missing = [word for word in words(name) if not evidence.has_name_word(word)]
            if missing:
                return _Verdict("name", f"the cited facts do not name {name!r}")
        return None

    def _negation(self, text: str, evidence: _Evidence) -> _Verdict | None:
        """A word the sentence denies where no cited text does and one affirms it with
        fewer denials ("would not stay shut" against "would stay shut"), or affirms where
        none does and one denies it with more; a denied word no cited text has, when the
        sentence denies more than any of them. A denial moved to another word ("no sign
        of" for "have not seen any sign of") keeps its count, and passes."""
        mine, my_count = self._denied(text)
        told: dict[str, list[tuple[bool, int]]] = {}  # lemma: (denied, the text's denials)
        most = 0
        for evidence_text in evidence.texts:
            theirs, count = self._denied(evidence_text)
            most = max(most, count)
            for lemma, denied in theirs.items():
                told.setdefault(lemma, []).append((denied, count))
        for lemma, denied in mine.items():
            found = told.get(lemma, [])
            if any(d == denied for d, _ in found):
                continue  # a cited text says it so
            if denied and (
                any(count < my_count for _, count in found) or (not found and my_count > most)
            ):
                return _Verdict("negation", f"it denies {lemma!r}; the cited facts do not")
            if not denied and any(count > my_count for _, count in found):
                return _Verdict("negation", f"the cited facts deny {lemma!r}; it does not")
        return None


def _with_denied_objects(doc: Doc) -> dict[str, bool]:
    """The words of a text and whether each is denied (`negated_words`), the object of a
    denied verb denied too: "have not seen any sign" and "have yet to see any signs" deny
    a sign as "saw no sign" does."""
    found = negated_words(doc[:])
    for token in doc:
        lemma = token.lemma_.lower()
        if token.dep_ == "dobj" and found.get(lemma) is False:
            found[lemma] = found.get(token.head.lemma_.lower(), False)
    return found


class _Evidence:
    """The texts of the facts a sentence cites, read as the checks need them."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = tuple(dict.fromkeys(texts))
        self.joined = "\n".join(self.texts)

    @cached_property
    def figures(self) -> dict[str, dict[str | None, str]]:
        """Each figure given: the kinds of qualifier it is given with (None: bare), each
        with the first qualifier of that kind ("" for none)."""
        found: dict[str, dict[str | None, str]] = {}
        for text in self.texts:
            for value, qualifier in qualified_figures(text):
                kinds = found.setdefault(_canonical(value), {})
                kinds.setdefault(_qualifier_kind(qualifier), qualifier or "")
        return found

    @cached_property
    def name_words(self) -> frozenset[str]:
        return frozenset(_name_stem(word) for word in words(self.joined))

    def has_name_word(self, word: str) -> bool:
        """Whether the cited texts give this word of a name: as a word of theirs (a
        possessive or a demonym's ending aside), or inside one ("Lago" of "Mar-a-Lago")."""
        lowered = word.lower()
        if lowered in STOP_WORDS or _name_stem(word) in self.name_words:
            return True
        return re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", self.lowered) is not None

    @cached_property
    def lowered(self) -> str:
        return self.joined.lower().replace("’", "'")

    @cached_property
    def plain(self) -> str:
        return _plain(self.joined)


def _qualifier_kind(qualifier: str | None) -> str | None:
    return _QUALIFIER_KINDS.get(qualifier, qualifier) if qualifier else None


def _plain(text: str) -> str:
    """Text as quotes are compared: lower-case, one kind of apostrophe, no quotation marks
    or stray punctuation, words one space apart."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[\"“”«»]", " ", text)
    text = re.sub(r"[^\w'%$€£.,-]+", " ", text)
    return " " + " ".join(text.split()) + " "


def _quotes(text: str, evidence: _Evidence) -> _Verdict | None:
    for match in QUOTATION.finditer(text):
        quoted = _plain(match.group(0)).strip(" .,;:-")
        if quoted and f" {quoted}" not in evidence.plain:
            return _Verdict("quote", f"the cited facts never say {match.group(0)}")
    return None


def _figures(text: str, evidence: _Evidence) -> _Verdict | None:
    given = evidence.figures
    for value, _ in qualified_figures(text):
        if _canonical(value) not in given:
            return _Verdict("figure", f"{value} is in no cited fact")
    for value, qualifier in qualified_figures(text):
        kinds = given[_canonical(value)]
        if _qualifier_kind(qualifier) not in kinds:
            told = " or ".join(f'"{f"{q} {value}".strip()}"' for q in sorted(kinds.values()))
            said = f"{qualifier or ''} {value}".strip()
            return _Verdict("hedge", f'"{said}" where the cited facts say {told}')
    return None


def _canonical(value: str) -> str:
    """A figure as compared: its number in digits ("1.5 million" as "1500000"), "%" for a
    percentage; other figures as written."""
    for pattern, unit in ((_SCALED, ""), (_PERCENT, "%")):
        if match := pattern.match(value):
            number = number_value(match.group("number"))
            if number is not None:
                scale = _SCALES.get(match.groupdict().get("scale") or "", 1.0)
                return f"{number * scale:g}{unit}"
    number = number_value(value)
    return f"{number:g}" if number is not None else value


def _dates(text: str, evidence: _Evidence) -> _Verdict | None:
    for pattern in (_RELATIVE_DAY, _WEEKDAY_WORD):
        for match in pattern.finditer(text):
            word = match.group(0).lower()
            if not re.search(r"\b" + re.escape(word) + r"\b", evidence.lowered):
                return _Verdict("date", f"the cited facts do not say {match.group(0)!r}")
    months = {MONTHS[m.group(0).lower()] for m in _MONTH_NAME.finditer(evidence.joined)}
    for match in _MONTH_NAME.finditer(text):
        if MONTHS[match.group(0).lower()] not in months:
            return _Verdict("date", f"the cited facts do not say {match.group(0)!r}")
    told = {(m.month, m.day, m.year) for m in date_mentions(evidence.joined)}
    for mention in date_mentions(text):
        if not any(
            (month, day) == (mention.month, mention.day)
            and (not year or not mention.year or year == mention.year)
            for month, day, year in told
        ):
            return _Verdict(
                "date", f"the cited facts give no {text[mention.start : mention.end]!r}"
            )
    return None


def _names_in(doc: Doc) -> list[str]:
    """The people, organisations and places a sentence names: its entities, and words
    tagged as proper nouns outside them."""
    named = [ent.text for ent in doc.ents if ent.label_ in _NAMED]
    inside = {token.i for ent in doc.ents if ent.label_ in _NAMED for token in ent}
    loose = [
        token.text
        for token in doc
        if token.pos_ == "PROPN"
        and token.i not in inside
        and token.ent_type_ not in {"DATE", "TIME"}
        and token.text[:1].isupper()
    ]
    return named + loose


def _name_stem(word: str) -> str:
    """A name word as compared: lower-case, without a possessive or a demonym's ending, so
    that "Russian" finds "Russia" and "Ukrainian" finds "Ukraine"."""
    word = word.lower().replace("’", "'").removesuffix("'s").removesuffix("'")
    for ending in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word.rstrip("aeiouy") or word


def _disputed(text: str, disputes: Sequence[Dispute]) -> _Verdict | None:
    if not disputes or _DISAGREEMENT.search(text):
        return None
    for dispute in dict.fromkeys(disputes):
        sides = dispute.conflict.sides
        named = [_names_side(text, side.says) for side in sides]
        if any(named) and not all(named):
            told = next(side.says for side, found in zip(sides, named, strict=True) if found)
            other = next(side for side, found in zip(sides, named, strict=True) if not found)
            return _Verdict(
                "disputed",
                f"it gives {told!r} as settled; {other.independent} source(s) say {other.says!r}",
            )
    return None


def _names_side(text: str, says: str) -> bool:
    """Whether the sentence gives this version of the disputed point: its figures, or its
    content words with its polarity ("not withdraw" only in a sentence that denies)."""
    values = figures(says)
    if values:
        return values <= figures(text)
    terms = [w.lower() for w in words(says) if w.lower() not in STOP_WORDS | {"not", "no"}]
    if not terms:
        return False
    present = {w.lower() for w in words(text)}
    denied, denies = bool(_DENIES.search(says)), bool(_DENIES.search(text))
    return all(term in present for term in terms) and denied == denies


def _meaning(closeness: float) -> _Verdict | None:
    if closeness >= CLOSE_IN_MEANING:
        return None
    return _Verdict("meaning", f"too far in meaning from the facts it cites ({closeness:.2f})")
