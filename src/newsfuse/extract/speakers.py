"""Who a speaker is: the words a text uses for a speaker, resolved to a name.

- A name within the words is the speaker ("U.S. Ambassador to NATO Julianne Smith").
- "he" or "she" is the person the nearest sentence before was about: the subject of its
  main verb first ("Johnson says she mis-spoke when she said that Gibson was ...": a later
  "she" is Johnson), then the subject of a clause inside it; a person described and not
  named stays the description ("A company attorney says ... He adds"); never someone the
  text gives the other gender (`genders`).
- A description ("the NATO chief") is the person whose titles share its telling words
  ("NATO Secretary General Jens Stoltenberg"), the organisation it names ("the ministry",
  "the Russian Defense Ministry"), or stays the description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.extract.cues import Span, Speaker, inside_quote
from newsfuse.extract.entities import ORGANISATION_WORDS, PERSON_HEADS, TITLES, Mention
from newsfuse.extract.genders import GENDER_OF, GENDERED_NOUNS, OTHER_GENDER

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS = frozenset({"he", "she", "him", "her", "his"})  # "his claim that ..."
# Words that describe too many people to tell one from another.
_GENERIC = frozenset(
    """
    the a an his her their its this that another one some other official officials source
    sources people person man woman men women spokesperson spokesman spokeswoman aide aides
    analyst analysts expert experts resident residents observer observers critic critics
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# What a description may be headed by that says things but is no person: "according to a
# Palestinian government website" is not the Palestinian president.
_THINGS = frozenset(
    """
    website site page account statement report reports poll survey study video footage
    post tweet letter document documents filing release memo data figures records analysis
    estimate estimates count tally
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
_INDEFINITE = frozenset({"a", "an", "another", "one", "some"})
_PREPOSITIONS = frozenset({"of", "in", "at", "for", "from", "with", "to", "on", "by"})
# Nouns for people who speak, beside titles.
PERSON_NOUNS = frozenset(
    """
    official officials spokesperson spokesman spokeswoman aide adviser advisor diplomat
    lawmaker senator analyst expert source envoy minister negotiator lawyer attorney
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# Words of a description that name someone who speaks, a person or a body.
AGENTS = (
    PERSON_NOUNS
    | TITLES
    | frozenset(
        """
    ministry government department agency army military police council committee office
    kremlin pentagon white house campaign company statement administration embassy
    court prosecutors investigators authorities officers residents witnesses experts
    analysts sources officials
    """.split()  # noqa: SIM905 (a word list reads best as text)
    )
)
# Words that make a name a body's, not a person's ("Illinois State Police").
_BODIES = ORGANISATION_WORDS | (AGENTS - PERSON_NOUNS - TITLES)
# Titles are read this many words back from a name.
_TITLE_REACH = 6
# "he" or "she" refers to someone named at most this many characters before.
_PRONOUN_REACH = 1500
_CLOSING_NAME = re.compile(r"(?:[A-Z][a-z’'.-]*\s){1,3}[A-Z][a-z’'-]+$")


@dataclass(frozen=True)
class Subject(Span):
    """The subject of a verb: its span, where its sentence starts, and whether the verb is
    the sentence's main one (or one joined to it by "and") rather than a clause's inside it."""

    sentence: int = 0
    main: bool = True
    head: str = ""  # the subject's head word, lower-cased ("chief" of "the police chief")
    plural: bool = False  # plural or coordinated ("the officials", "his father and mother")


@dataclass(frozen=True)
class SpeakerName:
    """A speaker's words in the text, and who they are: a name, or the description."""

    words: str
    name: str
    named: bool
    # For a description ("the president"): the people earlier sentences were about, the
    # nearest first; the story's titles tell which of them it describes.
    before: tuple[str, ...] = ()


def speaker(
    text: str,
    found: Speaker,
    mentions: list[Mention],
    subjects: list[Subject],
    genders: Mapping[str, str] | None = None,
) -> SpeakerName:
    """Who the words of `found` are, from the text alone: the name the phrase is headed by;
    for a title ("Ambassador to NATO Julianne Smith"), the person named with it; for "he"
    or "she", the person an earlier sentence was about, of a gender the text does not deny
    them (`genders`, from `extract.genders.genders_of`); else the description."""
    words = " ".join(text[found.start : found.end].split())
    head = text[found.head.start : found.head.end]
    inside = [m for m in mentions if found.start <= m.start and m.end <= found.end]
    heading = [m for m in inside if m.start <= found.head.start < m.end]
    if heading:
        return SpeakerName(words, heading[0].name, named=True)
    if head.lower().strip(".") in TITLES | PERSON_NOUNS:
        person = [
            m for m in mentions if m.kind == "person" and found.start <= m.start <= found.end + 2
        ]
        if person:
            return SpeakerName(words, person[0].name, named=True)
    if words.lower() in PRONOUNS:
        gender = GENDER_OF[words.lower()]
        unlike = OTHER_GENDER[gender]  # "she" is no man the text names
        people = [
            m for m in mentions if m.kind != "person" or (genders or {}).get(m.name) != unlike
        ]
        earlier = _person_before(text, found.start, people, subjects, gender)
        if earlier is not None and earlier[1]:
            return SpeakerName(words, earlier[0], named=True)
        if earlier is not None:  # a person described: the story may know whom it describes
            before = _people_before(found.start, mentions, subjects)
            return SpeakerName(earlier[0], earlier[0], named=False, before=before)
    before = _people_before(found.start, mentions, subjects) if is_agent(words) else ()
    return SpeakerName(words, words, named=False, before=before)


def _people_before(start: int, mentions: list[Mention], subjects: list[Subject]) -> tuple[str, ...]:
    """The people named in the subjects before `start`, within a pronoun's reach, nearest
    first."""
    found: list[str] = []
    for subject in reversed(
        [s for s in subjects if start - _PRONOUN_REACH <= s.start and s.end <= start]
    ):
        found += [
            m.name
            for m in mentions
            if m.kind == "person" and subject.start <= m.start and m.end <= subject.end
        ]
    return tuple(dict.fromkeys(found))


def _person_before(
    text: str, start: int, mentions: list[Mention], subjects: list[Subject], gender: str
) -> tuple[str, bool] | None:
    """The person the nearest earlier sentence is about, and whether named: the person its
    main subject names, or describes ("A company attorney says Gibson has ... He adds":
    the attorney), else the person a subject of a clause inside it names; None past a
    pronoun's reach. A description of the other `gender` ("his mother" for "he") is
    passed over."""
    reach = [s for s in subjects if start - _PRONOUN_REACH <= s.start and s.end <= start]
    for sentence in sorted({s.sentence for s in reach}, reverse=True):
        inside = [s for s in reach if s.sentence == sentence]
        for subject in [s for s in inside if s.main]:
            person = _person_in(text, subject, mentions)
            if person is not None:
                return person, True
            described = _described_person(text, subject, mentions, gender)
            if described is not None:
                return described, False
        for subject in [s for s in inside if not s.main]:
            person = _person_in(text, subject, mentions)
            if person is not None:
                return person, True
    return None


def _described_person(
    text: str, subject: Subject, mentions: list[Mention], gender: str
) -> str | None:
    """The words of a subject that describes one person without naming them ("the
    Portland police chief", "a company attorney"), or None: not several people, not one of
    the other gender, not a description a name stands beside ("the EU's foreign policy
    chief Catherine Ashton", whose name the recogniser may have missed)."""
    if subject.plural or subject.head not in PERSON_HEADS:
        return None
    if GENDERED_NOUNS.get(subject.head, gender) != gender:
        return None
    if any(subject.start <= m.start < subject.end + 2 for m in mentions if m.kind == "person"):
        return None
    return " ".join(text[subject.start : subject.end].split()).strip(" ,")


def _person_in(text: str, subject: Span, mentions: list[Mention]) -> str | None:
    """The person a subject names: the last named in it, a person named before by the
    surname it is, or the name closing it when that is no body ("the Illinois State
    Police", a name the recogniser gave an organisation)."""
    inside = [m for m in mentions if subject.start <= m.start and m.end <= subject.end]
    people = [m for m in inside if m.kind == "person"]
    if people:
        return people[-1].name
    words = text[subject.start : subject.end].strip()
    lead = words.split(",")[0].strip()  # "Ashton, a low-key British diplomat,"
    if lead[:1].isupper() and " " not in lead:  # a surname alone: "Larcombe said"
        named = [m.name for m in mentions if m.kind == "person" and m.end <= subject.start]
        matching = [name for name in named if name.split()[-1] == lead]
        if matching:  # of a family, the one the text names most ("Simpson": O.J. Simpson)
            return max(reversed(matching), key=matching.count)
    closing = _closing_name(words)
    if closing is None or {w.lower() for w in closing.split()} & _BODIES:
        return None
    if any(m.kind != "person" and m.end == subject.end for m in inside):
        return None
    return closing


def _closing_name(phrase: str) -> str | None:
    """The personal name ending a phrase, without the titles and bodies before it: "the head
    of the Security and Defense Council Oleksiy Danilov" gives "Oleksiy Danilov"."""
    match = _CLOSING_NAME.search(phrase)
    if match is None:
        return None
    words = match.group(0).split()
    while words and words[0].lower().strip(".") in TITLES | PERSON_NOUNS | ORGANISATION_WORDS:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def subject_starts(doc: Doc) -> list[Subject]:
    """The subjects of verbs, as spans, in order: the phrases sentences are about."""
    text = doc.text
    spans = [
        Subject(
            token.left_edge.idx,
            token.right_edge.idx + len(token.right_edge.text),
            sentence=token.sent.start_char,
            main=_main_verb(token.head),
            head=token.lower_,
            plural=token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children),
        )
        for token in doc
        if token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ not in PRONOUNS
    ]
    # What a quote is about is not whom a later "he" stands for.
    return sorted((s for s in spans if not inside_quote(text, s.start)), key=lambda s: s.start)


def _main_verb(verb: Token) -> bool:
    """Whether a verb is its sentence's main one, or joined to it ("... and added")."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def is_agent(description: str) -> bool:
    """Whether a description names someone who speaks ("a Western official", "the
    ministry"), not a thing ("a move", "reports on social media")."""
    return any(word.strip(".,").lower() in AGENTS for word in description.split())


def descriptors(doc: Doc, mentions: Iterable[Mention]) -> dict[str, set[str]]:
    """For each person named, the telling words of the titles written right before the name
    ("NATO Secretary General Jens Stoltenberg": nato, secretary, general); a run of titles
    ends at the first word that is none."""
    found: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "person":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        words: set[str] = set()
        for token in reversed(doc[max(span.start - _TITLE_REACH, span.sent.start) : span.start]):
            if token.is_punct or not (token.is_title or token.is_upper or token.lower_ in TITLES):
                break
            words.add(token.lower_.strip("."))
        found.setdefault(mention.name, set()).update(words - _GENERIC)
    return found


def _head(tokens: list[str]) -> str:
    """The word a description is headed by: its last before a preposition ("a Palestinian
    government website", "the chief of staff")."""
    head = ""
    for token in tokens:
        if token.lower() in _PREPOSITIONS:
            break
        head = token.lower()
    return head


def _telling(words: str) -> tuple[list[str], set[str]]:
    tokens = [w.strip(".,’'") for w in words.split()]
    return tokens, {w.lower() for w in tokens} - _GENERIC


def _decisive(tokens: list[str], telling: set[str]) -> set[str]:
    """The words of a description that can single a person out: proper names and titles."""
    proper = {w.lower() for w in tokens[1:] if w[:1].isupper()} | {
        w.lower() for w in tokens if w.isupper()
    }
    return proper | (telling & (TITLES | PERSON_NOUNS))


def nearest_described(
    words: str, before: Iterable[str], people: Mapping[str, set[str]]
) -> str | None:
    """Of the people earlier sentences were about (nearest first), the first whose titles
    take in all the decisive words of a description: "the president" after a sentence
    about Biden is Biden when some source calls him President Joe Biden."""
    tokens, telling = _telling(words)
    decisive = _decisive(tokens, telling)
    if not decisive or (tokens and tokens[0].lower() in _INDEFINITE):
        return None
    return next((name for name in before if decisive <= people.get(name, set())), None)


def describe(
    words: str, people: Mapping[str, set[str]], organisations: Iterable[str]
) -> str | None:
    """The person or organisation a description names, if one clearly fits: a person whose
    titles share a title or a proper name with it ("the NATO chief": NATO Secretary General
    Jens Stoltenberg), or the one organisation whose name holds its words ("the Kremlin")."""
    tokens, telling = _telling(words)
    if tokens and tokens[0].lower() in _INDEFINITE:
        return None  # "a company attorney" is someone the text has not named, not a known one
    decisive = _decisive(tokens, telling) if _head(tokens) not in _THINGS else set()
    scored = sorted(
        ((len(telling & titles), name) for name, titles in people.items() if decisive & titles),
        key=lambda item: (-item[0], item[1]),
    )
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    named = [
        org for org in organisations if telling and telling <= {w.lower() for w in org.split()}
    ]
    return named[0] if len(named) == 1 else None
