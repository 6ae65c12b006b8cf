"""Quotes across sources: the same words given to different speakers, and one speaker's
words quoted differently.

Extraction keeps the same words under different speakers apart and gathers a speaker's
quote from all sources; here the first are compared across speakers and the second across
sources. A quote is altered when two sources give it word for word but for a few words
swapped one for one ("entirely possible" against "distinctly possible"): trimming,
ellipses and reordering are how news shortens quotes, not alterations.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.extract import same_entity
from newsfuse.models import Citation, ConflictKind, Entity, Quote, Source
from newsfuse.text.lexical import STOP_WORDS, containment, content_terms

# The same words: the shorter quote holds this share of the longer's content terms...
SAME_WORDS = 0.8
# ...and has at least this many of them: the same few words ("you're fired") are said
# by many.
SPEAKER_TERMS = 6
# ...unless both give the same words, word for word, at least this many.
SAME_SENTENCE = 10
# A speaker is named beside a quote within this many characters of it.
NAMED_WITHIN = 120
# An altered quote swaps at most this many words, one for one.
MAX_SWAPPED = 3
_WORD = re.compile(r"[\w'’-]+")
_CONTRACTED = re.compile(r"(?<=\w)'(?:ve|d|ll|re|m|s)$")


@dataclass(frozen=True)
class QuoteConflict:
    kind: ConflictKind  # "speaker" or "quote"
    left: str  # the speaker, or the words, one side gives
    right: str
    left_citations: tuple[Citation, ...]
    right_citations: tuple[Citation, ...]
    text: tuple[str, str]  # the quote as each side gives it


def speaker_conflicts(
    quotes: Sequence[Quote], entities: Sequence[Entity], sources: Sequence[Source]
) -> list[QuoteConflict]:
    """Direct quotes whose words are the same but whose speakers, named beside them, differ
    (at least one a person: "Russia" and "Moscow" saying the same is one speaker under two
    names). Reported speech is the reporter's wording, and a speaker found through a
    pronoun paragraphs away is a reading, not what the source says."""
    kinds = {alias: entity.kind for entity in entities for alias in (entity.name, *entity.aliases)}
    texts = {source.id: source.clean.text for source in sources}
    named = [quote for quote in quotes if quote.direct and _named_beside(quote, texts)]
    found = []
    for number, mine in enumerate(named):
        for theirs in named[number + 1 :]:
            if mine.speaker == theirs.speaker:
                continue
            left_kind, right_kind = kinds.get(mine.speaker, ""), kinds.get(theirs.speaker, "")
            if "person" not in (left_kind, right_kind):
                continue
            if same_entity(mine.speaker, left_kind, theirs.speaker, right_kind):
                continue
            if _same_words(mine.text, theirs.text, SPEAKER_TERMS) and _other_sources(mine, theirs):
                found.append(
                    QuoteConflict(
                        "speaker",
                        mine.speaker,
                        theirs.speaker,
                        mine.citations,
                        theirs.citations,
                        (mine.text, theirs.text),
                    )
                )
    return found


def _same_words(left: str, right: str, least: int) -> bool:
    if _words(left) == _words(right) and len(_words(left)) >= SAME_SENTENCE:
        return True  # word for word, and too long to be a common phrase
    mine, theirs = content_terms(left), content_terms(right)
    shorter, longer = sorted((mine, theirs), key=lambda terms: len(set(terms)))
    return len(set(shorter)) >= least and containment(shorter, longer) >= SAME_WORDS


# Words that say the same in speech, whichever a reporter heard or wrote.
_SAID_ALIKE = (
    frozenset({"have", "got", "'ve"}),
    frozenset({"okay", "ok"}),
    frozenset({"gonna", "going"}),
    frozenset({"wanna", "want"}),
    frozenset({"till", "until", "'til"}),
    frozenset({"toward", "towards"}),
    frozenset({"among", "amongst"}),
    frozenset({"while", "whilst"}),
    frozenset({"yeah", "yes"}),
)
# Spelling is compared from this many letters on ("four" is not "for").
_SPELT_WORD = 5
# British endings and their American forms, each applied to a word in turn.
_SPELLINGS = (
    (r"our(s|ed|ing|ite|ites|able)?$", r"or\1"),
    (r"is(e|es|ed|ing|ation|ations)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"),
    (r"([^aeiou])re(s?)$", r"\1er\2"),
    (r"ogue(s?)$", r"og\1"),
    (r"([aeiou])ll(ed|ing|er|ers)$", r"\1l\2"),
)


def _words(text: str) -> list[str]:
    return [word.lower().replace("’", "'") for word in _WORD.findall(text)]


def _named_beside(quote: Quote, texts: dict[str, str]) -> bool:
    """Whether some source names the speaker (their last name) right beside the quote."""
    if not quote.named:
        return False
    last = quote.speaker.split()[-1]
    return any(
        last in texts[c.source][max(0, c.start - NAMED_WITHIN) : c.end + NAMED_WITHIN]
        for c in quote.citations
        if c.source in texts
    )


def _other_sources(left: Quote, right: Quote) -> bool:
    """Whether some source gives the quote to one speaker and another to the other."""
    mine = {citation.source for citation in left.citations}
    theirs = {citation.source for citation in right.citations}
    return bool(mine - theirs) and bool(theirs - mine)


def altered_quotes(quotes: Sequence[Quote], sources: Sequence[Source]) -> list[QuoteConflict]:
    """Direct quotes of one speaker that two sources give with a few words swapped."""
    texts = {source.id: source.clean.text for source in sources}
    found = []
    for quote in quotes:
        if not quote.direct:
            continue
        by_source: dict[str, list[Citation]] = {}
        for citation in quote.citations:
            by_source.setdefault(citation.source, []).append(citation)
        versions = [
            (cited, " … ".join(texts[c.source][c.start : c.end] for c in cited))
            for cited in by_source.values()
        ]
        found.extend(_altered(versions))
    return found


def _altered(versions: list[tuple[list[Citation], str]]) -> list[QuoteConflict]:
    found = []
    for number, (mine, left) in enumerate(versions):
        for theirs, right in versions[number + 1 :]:
            swapped = swapped_words(left, right)
            if swapped is not None:
                found.append(
                    QuoteConflict(
                        "quote", swapped[0], swapped[1], tuple(mine), tuple(theirs), (left, right)
                    )
                )
                break  # one alteration per version is enough to show
    return found


def quoted_stretches(text: str) -> list[str]:
    """The stretches of a sentence inside quotation marks; a sentence may open a quote it
    does not close, or close one an earlier sentence opened."""
    found: list[str] = []
    start: int | None = None
    for position, char in enumerate(text):
        # A straight or single opening mark opens only where a word may start: `that,"`
        # closes a quote, and `Cards‘ final` is an apostrophe typed wrong.
        opens_here = position == 0 or text[position - 1].isspace() or text[position - 1] in "(["
        if char == "“" or (char in {'"', "‘"} and start is None and opens_here):
            start = position + 1
        elif char in {"”", '"'} or _closes_single(text, position, start):
            if start is None and not found:
                found.append(text[:position])  # the quote began before this sentence
            elif start is not None:
                found.append(text[start:position])
            start = None
    if start is not None:
        found.append(text[start:])
    return [stretch for stretch in found if stretch.strip()]


def _closes_single(text: str, position: int, start: int | None) -> bool:
    """Whether a ’ closes a quote a ‘ opened ("‘lost souls’,"), not an apostrophe ("don’t")."""
    after = text[position + 1 : position + 2]
    return (
        text[position] == "’"
        and start is not None
        and text[start - 1] == "‘"
        and not after.isalpha()
    )


def swapped_words(left: str, right: str) -> tuple[str, str] | None:
    """The words one quote swapped for others, one for one, if that is all that differs
    where both quote the same stretch; None when they agree or differ otherwise."""
    mine, theirs = _words(left), _words(right)
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    blocks = matcher.get_opcodes()
    # Words one version quotes beyond the other at either end are trimming, not change.
    while blocks and blocks[0][0] in {"delete", "insert"}:
        blocks = blocks[1:]
    while blocks and blocks[-1][0] in {"delete", "insert"}:
        blocks = blocks[:-1]
    changed = [block for block in blocks if block[0] != "equal"]
    if not changed or any(
        tag != "replace" or i2 - i1 != j2 - j1 for tag, i1, i2, j1, j2 in changed
    ):
        return None
    before = [w for _, i1, i2, _, _ in changed for w in mine[i1:i2]]
    after = [w for _, _, _, j1, j2 in changed for w in theirs[j1:j2]]
    kept = sum(i2 - i1 for tag, i1, i2, _, _ in blocks if tag == "equal")
    if len(before) > MAX_SWAPPED or kept < 2 * len(before) + 2:
        return None
    if all(_said_alike(was, now) for was, now in zip(before, after, strict=True)):
        return None  # "the" for "a", "got" for "have", "favor" for "favour": said alike
    return " ".join(before), " ".join(after)


def _said_alike(was: str, now: str) -> bool:
    """Whether one word given for another in a quote leaves what was said as it was: two
    function words, two ways of saying one ("have" and "got", "okay" and "ok"), or one word
    in British and American spelling."""
    # "they" and "they've": a contracted auxiliary says what the bare pronoun does ("the
    # best prisoner they ever had"); "n't" is no auxiliary, and stays.
    was, now = _CONTRACTED.sub("", was), _CONTRACTED.sub("", now)
    if was == now or (was in STOP_WORDS and now in STOP_WORDS):
        return True
    if any(was in same and now in same for same in _SAID_ALIKE):
        return True
    return min(len(was), len(now)) >= _SPELT_WORD and _american(was) == _american(now)


def _american(word: str) -> str:
    """A word in American spelling, roughly: "favour" → "favor", "organise" → "organize",
    "centre" → "center", "travelled" → "traveled"."""
    for british, american in _SPELLINGS:
        word = re.sub(british, american, word)
    return word
