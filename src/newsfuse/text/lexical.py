"""Words, stems and weighted term vectors: the lexical view of text shared by the stages.

Content terms are lower-cased Snowball stems of words that are not stop words, so that
"withdrawing", "withdrawal" and "withdraw" meet. Vectors are sparse dicts; sizes here are
a story's worth of sentences, where plain dicts beat building matrices.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

import snowballstemmer

# Words keep inner hyphens, apostrophes and dots ("de-escalation", "isn't", "U.S") and
# numbers their thousands separators ("150,000").
WORD = re.compile(r"\w+(?:[-'’.]\w+|(?<=\d),\d{3}(?!\d))*", re.UNICODE)

# Function words and reporting verbs that say nothing about the event. Negations ("not",
# "no", "never") are kept out of the list: they change what a sentence claims.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told tells according mr mrs ms
    """.split()  # noqa: SIM905 (a word list reads best as text)
)

# Content terms that deny: what a statement and its denial differ by.
_DENIALS = frozenset({"not", "no", "never"})

# A quote between marks; or, as news writes a quote that runs over paragraphs, a
# paragraph opened by a mark and left open when the next paragraph opens with one.
QUOTATION = re.compile(r"“[^“”]+”|\"[^\"\n]+\"|“[^“”\n]+(?=\n\n“)")

Vector = Mapping[str, float]


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, in order (a curly apostrophe made straight)."""
    plain = text.replace("’", "'")
    if plain.isascii():  # most news text: one pass, lower-casing the whole text at once
        return WORD.findall(plain.lower())
    return [match.group(0).lower() for match in WORD.finditer(plain)]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if any(char.isdigit() for char in word):
        return word  # "150,000" and "2022" have no stem, and each new number would be stemmed anew
    return str(_stemmer().stemWord(word))


def content_terms(text: str) -> list[str]:
    """Stems of the content words of `text`, in order, repeats kept."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS and len(word) > 1]


def is_denial(term: str) -> bool:
    """Whether a content term denies what it stands beside ("not", "never", "hasn't")."""
    return term in _DENIALS or term.endswith("n't")


def containment(part: Iterable[Hashable], whole: Iterable[Hashable]) -> float:
    """The share of the distinct terms of `part` that also occur in `whole` (0 when empty)."""
    part_set = set(part)
    if not part_set:
        return 0.0
    return len(part_set & set(whole)) / len(part_set)


def jaccard(left: AbstractSet[Hashable], right: AbstractSet[Hashable]) -> float:
    """The share of the terms of either that both hold (0 when both are empty)."""
    union = len(left | right)
    return len(left & right) / union if union else 0.0


def document_frequencies(documents: Iterable[Iterable[str]]) -> Counter[str]:
    """In how many documents each term occurs."""
    counts: Counter[str] = Counter()
    for terms in documents:
        counts.update(set(terms))
    return counts


def inverse_frequencies(frequencies: Mapping[str, int], documents: int) -> dict[str, float]:
    """Smoothed IDF, never zero, so a term found everywhere still counts a little."""
    return {term: math.log((1 + documents) / (1 + df)) + 1.0 for term, df in frequencies.items()}


def tfidf(terms: Sequence[str], idf: Mapping[str, float]) -> dict[str, float]:
    """A unit-length vector of log-scaled term frequency times IDF."""
    vector = {
        term: (1.0 + math.log(count)) * idf.get(term, 1.0) for term, count in Counter(terms).items()
    }
    return normalized(vector)


def normalized(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    if norm == 0.0:
        return {}
    return {term: weight / norm for term, weight in vector.items()}


def cosine(left: Vector, right: Vector) -> float:
    """Dot product of two unit vectors."""
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(term, 0.0) for term, weight in left.items())


def centroid(vectors: Iterable[Vector]) -> dict[str, float]:
    """The normalised sum of `vectors`."""
    total: dict[str, float] = {}
    for vector in vectors:
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
    return normalized(total)


class TermIndex:
    """Term sets by term, to find those that hold a share of a new set's terms without
    comparing it with every one."""

    def __init__(self) -> None:
        self._sets: list[frozenset[str]] = []
        self._postings: dict[str, list[int]] = {}

    def add(self, terms: frozenset[str]) -> int:
        """Index `terms`; returns its number."""
        number = len(self._sets)
        for term in terms:
            self._postings.setdefault(term, []).append(number)
        self._sets.append(terms)
        return number

    def holders(self, terms: frozenset[str], share: float) -> list[int]:
        """Numbers of the indexed sets holding at least `share` of `terms`, in order. Such a
        set misses at most `missable` of the terms, so it holds one of the `missable + 1`
        rarest: only sets holding one of those are compared."""
        rarest = sorted(terms, key=lambda term: (len(self._postings.get(term, ())), term))
        missable = len(terms) - math.ceil(share * len(terms) - 1e-9)
        candidates = {n for term in rarest[: missable + 1] for n in self._postings.get(term, ())}
        return [n for n in sorted(candidates) if containment(terms, self._sets[n]) >= share]


_SMALL_NUMBERS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
NUMBER_WORDS = dict(zip(_SMALL_NUMBERS, range(21), strict=True)) | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
# A number starts where a run of digits does (not inside one, nor after "1," or "1."): each
# run is tried once, so a line of 100,000 digits costs linear time, not quadratic. "one" is
# left out: far more often a pronoun ("one of them", "no one") than a figure.
_FIGURE = re.compile(
    r"(?<!\d)(?<!\d[.,])\d+(?:[.,]\d+)*(?:\s?(?:%|percent|million|billion|thousand))?"
    r"|\b(?:" + "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one")) + r")\b",
    re.IGNORECASE,
)
# Words that hedge the figure after them: "more than 150,000".
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "nearly",
    "almost", "about", "around", "roughly", "approximately", "some", "over", "under",
    "an estimated", "estimated", "as many as", "as few as", "just over", "just under",
)  # fmt: skip
_HEDGED = re.compile(
    r"\b(?:" + "|".join(QUALIFIERS) + r")\s+(?P<figure>" + _FIGURE.pattern + ")", re.IGNORECASE
)


# A number as news writes it: digits with thousands commas ("150,000") and at most one
# decimal point ("1.25"). "1.8.3" (a version), "1,5" and "2022-02-15" are not one number.
_WRITTEN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Longer digit strings are identifiers (phone numbers, ids), not figures a report gives.
_MOST_DIGITS = 24


def number_value(written: str) -> float | None:
    """The value of a number written as a whole ("150,000", "7.5"), or None when the text
    is not one number (any text is accepted: "1.8.3", "", a 5,000-digit string)."""
    written = written.strip()
    if not _WRITTEN_NUMBER.fullmatch(written):
        return None
    digits = written.replace(",", "")
    if len(digits.replace(".", "")) > _MOST_DIGITS:
        return None
    return float(digits)


def _figure_value(figure: str) -> str:
    figure = " ".join(figure.split()).lower()
    return str(NUMBER_WORDS[figure]) if figure in NUMBER_WORDS else figure


def figures(text: str) -> frozenset[str]:
    """The figures `text` gives, digits and number words alike ("two" and "2" are one)."""
    return frozenset(_figure_value(match.group(0)) for match in _FIGURE.finditer(text))


def hedged_figures(text: str) -> frozenset[str]:
    """The figures `text` hedges ("150,000" of "more than 150,000 troops")."""
    return frozenset(_figure_value(match.group("figure")) for match in _HEDGED.finditer(text))


_QUALIFIER_BEFORE = re.compile(r"\b(" + "|".join(QUALIFIERS) + r")\s+$", re.IGNORECASE)


def qualified_figures(text: str) -> list[tuple[str, str | None]]:
    """Each figure `text` gives, with the qualifier before it (lower-case) or None:
    "more than 150,000 troops and 2 ships" gives ("150,000", "more than"), ("2", None)."""
    found: list[tuple[str, str | None]] = []
    for match in _FIGURE.finditer(text):
        before = _QUALIFIER_BEFORE.search(text[max(0, match.start() - 24) : match.start()])
        qualifier = " ".join(before.group(1).lower().split()) if before else None
        found.append((_figure_value(match.group(0)), qualifier))
    return found


def figures_allow_one_fact(left: frozenset[str], right: frozenset[str]) -> bool:
    """Figures allow two sentences to state one fact: one gives none, or they share one."""
    return not left or not right or bool(left & right)
