"""Genders the text itself tells of the people it names, and the pronouns that tell one.

newsfuse knows no first names' genders. A text tells a person's gender by an honorific
("Mrs. Wilson") or a noun of kin or role beside the name ("his stepdaughter, Janey
O'Connor"); that keeps "she" off a man when the speakers of pronouns are resolved
(`newsfuse.extract.speakers`). Counting the pronouns of sentences that name one person was
tried and dropped: a "her" in such a sentence is often someone else's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from newsfuse.extract.entities import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Pronouns and honorifics that tell a person's gender.
GENDER_OF = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
OTHER_GENDER = {"m": "f", "f": "m"}
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_FEMALE_NOUNS = """
    mother daughter stepdaughter wife sister grandmother granddaughter aunt niece girlfriend
    widow actress woman girl mom mum businesswoman congresswoman spokeswoman chairwoman
    queen princess duchess
"""
_MALE_NOUNS = """
    father son stepson husband brother grandfather grandson uncle nephew boyfriend widower
    man boy dad businessman congressman spokesman chairman king prince duke
"""
GENDERED_NOUNS = {
    **dict.fromkeys(_FEMALE_NOUNS.split(), "f"),
    **dict.fromkeys(_MALE_NOUNS.split(), "m"),
}
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$", re.IGNORECASE)


def genders_of(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """The people the text tells the gender of ("m" or "f"): by an honorific ("Mrs.
    Wilson") or a noun of kin or role beside the name ("his stepdaughter, Janey O'Connor",
    "Elyse Luray, the actress", "widow Anne Smith"); a person told both ways is left out."""
    text = doc.text
    told: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.kind != "person":
            continue
        honorific = _HONORIFIC.search(text[max(0, mention.start - 6) : mention.start])
        if honorific:
            told[mention.name].add(_HONORIFICS[honorific.group(1).lower()])
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            told[mention.name].update(_gendered_nouns_beside(span.root))
    return {name: next(iter(genders)) for name, genders in told.items() if len(genders) == 1}


def _gendered_nouns_beside(name: Token) -> set[str]:
    """The genders of the nouns a name stands in apposition with, or is headed by: "his
    stepdaughter, Janey O'Connor", "Janey O'Connor, his stepdaughter", "actress Ann Lee"."""
    beside = [child for child in name.children if child.dep_ in {"appos", "compound"}]
    if name.dep_ == "appos":
        beside.append(name.head)
    return {GENDERED_NOUNS[token.lower_] for token in beside if token.lower_ in GENDERED_NOUNS}
