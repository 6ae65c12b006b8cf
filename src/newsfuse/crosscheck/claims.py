"""Claims: the statements a source makes, each with its exact span, read for cross-checking.

A sentence may make several statements, and reports of one fact word them differently
inside sentences that hold other facts too. So a sentence is split:

1. an attribution frame ("X said (that) P", "P, X told reporters", "according to X, P")
   gives P as the claim and X as its speaker; the frame itself states nothing more;
2. clauses and verbs coordinated with the main one ("..., and the city closed the bridge",
   "one grabbed the purse and shot the man once more") are claims of their own;
3. a clause added after a comma at the end of a sentence ("..., forcing the city to close
   the crossing", "..., a move that suggested Moscow may be seeking...") is a claim of its
   own.

What is left of the sentence is its main claim. Each claim keeps its span in the source
and the sentence it is in (the wording a brief shows), the figures and dates inside it,
the names it mentions (as the story names them: aliases resolved) and which of them are
its subject, its speaker, and whether it presents a figure as an update ("earlier",
"up from", "revised"). Titles are one claim each. Claims too short to state anything
("He said so.") are left out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from newsfuse.extract import (
    SPEECH_VERBS,
    STANCE_VERBS,
    WEEK_LABEL,
    FigureMention,
    Resolve,
    SourceExtracts,
    When,
    according_to_names,
    date_mentions,
    doc_text,
    figure_mentions,
    title_text,
)
from newsfuse.models import Citation, Sentence, Source
from newsfuse.text.lexical import content_terms
from newsfuse.text.stretches import Stretches

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# A claim within its story: its source's position, its sentence's number there (-1 for the
# title) and its part of the sentence.
ClaimKey = tuple[int, int, int]

# A claim has at least this many content terms: "He said so." states nothing to check;
# "She hasn't been arrested" does.
MIN_TERMS = 2
# What is left of a sentence once its attributed content is taken out states something of
# its own only with this many content terms beyond the speaker and the cue ("Tuesday's
# developments came as officials reported" does not; it frames what they reported).
_FRAME_TERMS = 5
# Words that present a figure as one of a series: earlier and later counts, revisions.
_UPDATE = re.compile(
    r"\b(?:earlier|previous(?:ly)?|initial(?:ly)?|original(?:ly)?|prior|first reported|"
    r"latest|updated?|revised?|up from|down from|now|currently|so far|as of)\b",
    re.IGNORECASE,
)
# Clauses added to a sentence's main one that state a fact of their own.
_ADDED_CLAUSES = frozenset({"advcl", "appos", "npadvmod", "acl", "relcl", "conj", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECTS = frozenset({"dobj", "attr", "dative"})
_PASSIVE = frozenset({"auxpass", "nsubjpass"})
_EDGE = " \t\n,;:—–-\"“”'‘’("
_LEADING_LINKS = frozenset({"and", "but", "or", "while", "whereas", "so"})
# How many times a piece is cut again after its first cuts.
_CUT_DEPTH = 2
# What a statement says its subject did takes at least this many tokens ("has resigned").
_DOING_TOKENS = 2


@dataclass(frozen=True)
class ClaimFigure:
    figure: FigureMention
    given_by: str | None


@dataclass(frozen=True)
class Claim:
    """A statement of a source (or its title), as compared with others."""

    position: int  # of the source in the story
    index: int  # of the sentence in the source; -1 for the title
    part: int  # of the statement in its sentence
    source: Source
    citation: Citation  # the statement's own span
    sentence: Citation  # the sentence (or title) it is in: the wording a brief shows
    text: str  # the statement's words
    sentence_text: str
    terms: frozenset[str]
    span: SpacySpan  # the spaCy span of the statement
    figures: tuple[ClaimFigure, ...]
    dates: tuple[str, ...]  # calendar dates it gives for what it reports
    updates: bool  # it presents a figure as an earlier or later count
    said_on: tuple[str, ...] = ()  # days it says something was said ("said Tuesday")
    speaker: str | None = None  # who the source says made the statement
    names: frozenset[str] = frozenset()  # the story's names it mentions
    subjects: frozenset[str] = frozenset()  # ... of which, who or what it is about
    # The subject it shares with the verb before it when it has none of its own ("the
    # board will examine the records and interview the crew": "the board"), as offsets in
    # the text its sentence is in; its meaning is read with it.
    shared_subject: tuple[int, int] | None = None
    # What it says its subject did or is: its words after its subject, as offsets in the
    # text its sentence is in ("the board" off "the board has opened an inquiry"); None
    # when it names no subject before its verb (it is all predicate).
    doing: tuple[int, int] | None = None

    @property
    def read_as(self) -> str:
        """Its words, after the subject it shares ("the board ... interview the crew")."""
        if self.shared_subject is None:
            return self.text
        start, end = (offset - self.sentence.start for offset in self.shared_subject)
        return f"{self.sentence_text[start:end]} ... {self.text}"

    @property
    def origin(self) -> str:
        return self.source.origin

    @property
    def distorted(self) -> bool:
        """Its source is spun, garbled, a rewrite or a translation (`Source.distorted`)."""
        return self.source.distorted

    @property
    def in_order(self) -> bool:
        """Its source's title and sentences are in its newsroom's order."""
        return self.source.in_own_order

    @property
    def key(self) -> ClaimKey:
        return (self.position, self.index, self.part)


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    speaker: str | None = None
    quoted: bool = False  # words in quotation marks: one statement, as said
    shared_subject: tuple[int, int] | None = None  # the subject it shares with a verb before
    speech: bool = False  # what a verb of speech reports (not of stance: "offered to")


def source_claims(
    position: int,
    extracts: SourceExtracts,
    resolve: Resolve,
    reference: date | None,
    names: Mapping[str, str] | None = None,
) -> list[Claim]:
    """The claims of one source: its title and the statements of its sentences. `names`
    gives the story's name for each alias, lower-cased ("putin": "Vladimir Putin")."""
    source = extracts.source
    reader = _Reader(position, extracts, resolve, reference, names or {})
    found = reader.title_claims()
    doc = extracts.doc
    for sentence in source.sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        pieces = _statements(span, reader.attributed(sentence.start, sentence.end))
        claims = [
            claim
            for part, piece in enumerate(pieces)
            if (claim := reader.claim(doc, sentence.index, part, piece, sentence)) is not None
        ]
        found += reader.with_frame_dates(doc, claims, sentence)
    return found


class _Reader:
    """What a source's claims are made of: its extracts, read once."""

    def __init__(
        self,
        position: int,
        extracts: SourceExtracts,
        resolve: Resolve,
        reference: date | None,
        names: Mapping[str, str],
    ) -> None:
        self.position = position
        self.extracts = extracts
        self.resolve = resolve
        self.reference = reference
        self.names = names
        self.source = extracts.source
        # Every attributed stretch, its speaker resolved once.
        self._attributed = Stretches(
            (part.start, part.end, (resolve(quote.speaker)[0], quote.direct, quote.speech))
            for quote in extracts.quotes
            for part in quote.content
        )

    def attributed(self, start: int, end: int) -> list[_Piece]:
        """What the source attributes to a speaker inside the sentence at [start, end)."""
        return [
            _Piece(max(part_start, start), min(part_end, end), speaker, quoted, speech=speech)
            for part_start, part_end, (speaker, quoted, speech) in self._attributed.overlapping(
                start, end
            )
        ]

    def claim(
        self, doc: Doc, index: int, part: int, piece: _Piece, sentence: Sentence
    ) -> Claim | None:
        text = self.source.clean.text
        start, end = _trimmed(text, piece.start, piece.end, piece.start > sentence.start)
        terms = frozenset(content_terms(text[start:end]))
        if len(terms) < MIN_TERMS:
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        inside_dates = [w for w in self.extracts.dates if start <= w.start < end]
        said = {w.start for w in inside_dates if _speech_date(doc, w.start)}
        mentioned = [m for m in self.extracts.mentions if start <= m.start and m.end <= end]
        shared = piece.shared_subject
        given = tuple(
            ClaimFigure(g.figure, self.resolve(g.given_by)[0] if g.given_by else None)
            for g in self.extracts.figures
            if start <= g.figure.start < end
        )
        return Claim(
            position=self.position,
            index=index,
            part=part,
            source=self.source,
            citation=Citation(self.source.id, start, end),
            sentence=Citation(self.source.id, sentence.start, sentence.end),
            text=text[start:end],
            sentence_text=sentence.text,
            terms=terms,
            span=span,
            figures=given,
            dates=_calendar_dates(w for w in inside_dates if w.start not in said),
            updates=_presents_update(text[start:end], text[end : sentence.end], bool(given)),
            said_on=_calendar_dates(w for w in inside_dates if w.start in said),
            speaker=piece.speaker,
            names=frozenset(self._name(m.name) for m in mentioned),
            subjects=frozenset(
                self._name(m.name) for m in mentioned if _is_subject(span, m.start, m.end)
            ),
            shared_subject=shared if shared and shared[1] <= start else None,
            doing=_after_subject(span),
        )

    def with_frame_dates(self, doc: Doc, claims: list[Claim], sentence: Sentence) -> list[Claim]:
        """The claims of a sentence, each given the dates its frame gives: "The U.S. and
        Pakistan agreed Monday to work together" dates what was agreed; "Bloomberg said on
        Sunday that ..." dates when it was said."""
        outside = [
            when
            for when in self.extracts.dates
            if sentence.start <= when.start < sentence.end
            and not any(c.citation.start <= when.start < c.citation.end for c in claims)
        ]
        if not outside:
            return claims
        said = [when for when in outside if _speech_date(doc, when.start)]
        done = [when for when in outside if when not in said]
        return [
            replace(
                claim,
                dates=tuple(dict.fromkeys([*claim.dates, *_calendar_dates(done)])),
                said_on=tuple(dict.fromkeys([*claim.said_on, *_calendar_dates(said)])),
            )
            for claim in claims
        ]

    def _name(self, name: str) -> str:
        return self.names.get(name.lower(), name)

    def title_claims(self) -> list[Claim]:
        """The title's statements: headlines are where re-posts distort most visibly, and
        one often holds two ("Putin declares ...; Biden warns ...")."""
        title, doc = title_text(self.source), self.extracts.reading.title
        if not title or doc is None:
            return []
        found = []
        for part, piece in enumerate(_split_clauses(doc[:], _Piece(0, len(title)))):
            start, end = _trimmed(title, piece.start, piece.end, piece.start > 0)
            terms = frozenset(content_terms(title[start:end]))
            shared = piece.shared_subject
            span = doc.char_span(start, end, alignment_mode="expand")
            if len(terms) < MIN_TERMS or span is None:
                continue
            citation = Citation(self.source.id, start, end, part="title")
            given = tuple(ClaimFigure(f, None) for f in figure_mentions(span.as_doc()))
            found.append(
                Claim(
                    position=self.position,
                    index=-1,
                    part=part,
                    source=self.source,
                    citation=citation,
                    sentence=Citation(self.source.id, 0, len(title), part="title"),
                    text=title[start:end],
                    sentence_text=title,
                    terms=terms,
                    span=span,
                    figures=given,
                    dates=_calendar_dates(date_mentions(span.as_doc(), self.reference)),
                    updates=_presents_update(title[start:end], title[end:], bool(given)),
                    names=frozenset(self._name(e.text) for e in span.ents),
                    shared_subject=shared if shared and shared[1] <= start else None,
                    doing=_after_subject(span),
                )
            )
        return found


def _statements(sentence: SpacySpan, attributed: list[_Piece]) -> list[_Piece]:
    """The statements of a sentence: attributed content, the rest of the sentence where it
    states something beyond its frame, each split at the clauses it adds."""
    pieces: list[_Piece] = []
    clauses = [_reported_clause(sentence, piece) for piece in attributed]
    text = doc_text(sentence.doc)
    # Content too short to state anything ("I think this is crazy": "this is crazy") is no
    # attribution to split at: the sentence states what it states whole.
    stating = [c for c in clauses if c and len(content_terms(text[c.start : c.end])) >= MIN_TERMS]
    nested: list[_Piece] = []
    for piece in sorted(stating, key=lambda p: (p.start, -p.end)):
        if not pieces or piece.start >= pieces[-1].end:  # overlapping: the first, longest
            pieces.append(piece)
        elif _inside(piece, pieces[-1]) and (not nested or piece.start >= nested[-1].end):
            nested.append(piece)
    rest = _outside(sentence.start_char, sentence.end_char, pieces)
    if pieces:
        rest = [p for p in rest if _states_beyond_frame(sentence, p)]
    found = []
    for piece in sorted([*_unnested(sentence, pieces, nested), *rest], key=lambda p: p.start):
        found += [piece] if piece.quoted else _split_clauses(sentence, piece)
    return found


def _inside(piece: _Piece, outer: _Piece) -> bool:
    """Whether `piece` is speech reported inside `outer`'s content (not a verb of stance
    inside it: in "Kleiner has offered to waive its costs, according to Lee", what Kleiner
    offered is no statement without Kleiner)."""
    inside = outer.start < piece.start and piece.end <= outer.end
    return inside and piece.speech and not outer.quoted


def _unnested(sentence: SpacySpan, pieces: list[_Piece], nested: list[_Piece]) -> list[_Piece]:
    """Attributed content with the attributions nested in it taken out as statements of
    their own ("X announced withdrawing comes as Putin said Russia is ready to talk": what
    Putin said is one statement, what is left of X's content another where it says more
    than who said it)."""
    found: list[_Piece] = []
    for piece in pieces:
        inner = [n for n in nested if _inside(n, piece)]
        if not inner:
            found.append(piece)
            continue
        left = _outside(piece.start, piece.end, inner)
        found += [
            _Piece(p.start, p.end, piece.speaker) for p in left if _states_beyond_frame(sentence, p)
        ]
        found += inner
    return found


def _reported_clause(sentence: SpacySpan, piece: _Piece) -> _Piece | None:
    """The clause an attribution's content states: a quote inside a reported clause ("Putin
    said leaders “had taken a decision” to withdraw", "said the announcement gave “ground
    for cautious optimism”") is that whole clause; other content with no verb ("reported
    payment issues") states nothing as a clause does."""
    tokens = [t for t in sentence if piece.start <= t.idx < piece.end]
    if not tokens:
        return None
    for ancestor in tokens[0].ancestors:
        if ancestor.dep_ == "ccomp" and ancestor.head.lemma_.lower() in _SPEECH_LEMMAS:
            inside = [t for t in ancestor.subtree if sentence.start <= t.i < sentence.end]
            start, end = inside[0].idx, inside[-1].idx + len(inside[-1])
            start, end = min(start, piece.start), max(end, piece.end)
            # A quote that is the whole clause stays whole ("“Each child winced and some
            # whined,” a prosecutor said" is one statement, as said).
            whole = piece.quoted and (start, end) == (piece.start, piece.end)
            return _Piece(start, end, piece.speaker, quoted=whole, speech=piece.speech)
    return piece if any(t.pos_ in {"VERB", "AUX"} for t in tokens) else None


def _outside(start: int, end: int, taken: list[_Piece]) -> list[_Piece]:
    """The stretches of [start, end) no piece of `taken` covers."""
    stretches, position = [], start
    for piece in sorted(taken, key=lambda p: p.start):
        if piece.start > position:
            stretches.append(_Piece(position, piece.start))
        position = max(position, piece.end)
    if position < end:
        stretches.append(_Piece(position, end))
    return stretches


def _states_beyond_frame(sentence: SpacySpan, piece: _Piece) -> bool:
    """Whether what surrounds attributed content says more than who said it and when:
    its words less the verbs of speech and their subjects."""
    tokens = [t for t in sentence if piece.start <= t.idx < piece.end]
    cues = {t.i for t in tokens if t.lemma_.lower() in _CUES}
    # The speaker's name, not what the frame tells of them ("Bloomberg, an independent who
    # has registered as both a Republican and a Democrat, said"): that is a statement.
    speakers = {
        w.i for t in tokens if t.i in cues for c in _speakers_of(t) for w in _named_part(c)
    }  # fmt: skip
    words = " ".join(t.text for t in tokens if t.i not in cues and t.i not in speakers)
    return len(content_terms(words)) >= _FRAME_TERMS


def _speakers_of(cue: Token) -> list[Token]:
    """Who a cue gives as speaking: its subject ("the sheriff said"), or whom "according
    to" names ("According to Sheriff Javier Salazar, ...")."""
    found = [c for c in cue.children if c.dep_ in _SUBJECTS]
    if cue.lemma_.lower() == "accord":
        found += according_to_names(cue)
    return found


def _named_part(subject: Token) -> list[Token]:
    """A subject's words less the clauses and appositions describing it."""
    described = {
        w.i for c in subject.children if c.dep_ in {"appos", "relcl", "acl"} for w in c.subtree
    }
    return [w for w in subject.subtree if w.i not in described]


def _split_clauses(sentence: SpacySpan, piece: _Piece, depth: int = 0) -> list[_Piece]:
    """`piece` cut at each semicolon and before each clause it adds to its main one:
    coordinated clauses stating their own fact, and clauses added after a comma that run
    to its end; each part cut again (a clause added to the first of two coordinated ones
    runs to the second)."""
    text = doc_text(sentence.doc)
    if depth == 0 and ";" in text[piece.start : piece.end]:
        parts, start = [], piece.start
        for match in re.finditer(";", text[piece.start : piece.end]):
            parts.append(_Piece(start, piece.start + match.start(), piece.speaker))
            start = piece.start + match.end()
        parts.append(_Piece(start, piece.end, piece.speaker))
        return [found for part in parts for found in _split_clauses(sentence, part, 1)]
    tokens = [t for t in sentence if piece.start <= t.idx < piece.end]
    if not tokens:
        return []
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    cuts = {
        cut: _subject_shared(child)
        for head in heads
        for child in head.children
        if (cut := _added_clause_start(child, inside, tokens[-1].i)) is not None
    }
    subjects = {sentence.doc[i].idx: shared for i, shared in cuts.items()}
    bounds = [piece.start, *sorted(subjects), piece.end]
    parts = _joined_short(
        [
            _Piece(a, b, piece.speaker, shared_subject=subjects.get(a, piece.shared_subject))
            for a, b in itertools.pairwise(bounds)
        ],
        text,
    )
    if len(parts) == 1 or depth >= _CUT_DEPTH:
        return parts
    return [found for part in parts for found in _split_clauses(sentence, part, depth + 1)]


def _joined_short(parts: list[_Piece], text: str) -> list[_Piece]:
    """The parts, each too short to state anything joined to the one before it (the first
    to the one after it)."""
    found: list[_Piece] = []
    for part in parts:
        if part.start >= part.end:
            continue
        if found and len(content_terms(text[part.start : part.end])) < MIN_TERMS:
            found[-1] = replace(found[-1], end=part.end)
        else:
            found.append(part)
    if len(found) > 1 and len(content_terms(text[found[0].start : found[0].end])) < MIN_TERMS:
        found[:2] = [replace(found[0], end=found[1].end)]
    return found


def _added_clause_start(child: Token, inside: set[int], last: int) -> int | None:
    """Where a clause `child` adds begins (the token to cut before), if it is one."""
    if (
        child.i not in inside
        or child.dep_ not in _ADDED_CLAUSES
        or child.lemma_.lower() in _CUES  # "..., an army statement said, ...": a frame
    ):
        return None
    subtree: list[int] = [int(t.i) for t in child.subtree if t.i in inside]
    first = min(subtree)
    if first <= child.head.i or first == min(inside):
        return None  # before its head, or the whole piece
    before = child.doc[first - 1]
    if child.dep_ == "conj":
        if not _states_its_own_fact(child):
            return None
        return int(before.i) if before.lower_ in _LEADING_LINKS else first
    if before.text == ";" or (before.text == "," and max(subtree) >= last - 1):
        return first  # "...; Biden warns ...", or "..., forcing the city to close it."
    return None


def _subject_shared(child: Token) -> tuple[int, int] | None:
    """The span of the subject a coordinated verb without one of its own shares with the
    verb it is coordinated with."""
    if child.dep_ != "conj" or _has(child, _SUBJECTS):
        return None
    subject = next((c for c in child.head.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    words = list(subject.subtree)
    return int(words[0].idx), int(words[-1].idx + len(words[-1].text))


def _after_subject(span: SpacySpan) -> tuple[int, int] | None:
    """The character span of a statement's words after the subject of its main verb (what
    it says the subject did or is), when the subject comes first and words are left."""
    root = span.root
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS and span.start <= c.i < root.i]
    if not subjects:
        return None
    after = max(token.i for subject in subjects for token in subject.subtree) + 1
    if span.end - after < _DOING_TOKENS:
        return None
    rest = span.doc[after : span.end]
    return int(rest.start_char), int(rest.end_char)


def _states_its_own_fact(verb: Token) -> bool:
    """Whether a coordinated verb states its own fact: with a subject of its own, or acting
    on an object of its own after a verb that acts on one too or is passive ("One grabbed
    the purse and shot the man once more", "was shot four times and underwent surgery");
    "was arrested Sunday and charged with five counts" is one fact. A word with an object
    acts, whatever its tag says (the tagger takes "underwent" for an adjective)."""
    verbs = {"VERB", "AUX"}
    if verb.head.pos_ not in verbs or (verb.pos_ not in verbs and not _has(verb, _OBJECTS)):
        return False
    return _has(verb, _SUBJECTS) or (
        _has(verb, _OBJECTS) and (_has(verb.head, _OBJECTS) or _has(verb.head, _PASSIVE))
    )


def _has(token: Token, dependencies: frozenset[str]) -> bool:
    return any(child.dep_ in dependencies for child in token.children)


def _trimmed(text: str, start: int, end: int, inside: bool) -> tuple[int, int]:
    """The span without the commas, dashes, quotation marks and joining words at its
    edges ("and the city closed it," is "the city closed it"; inside a sentence, "that
    the city closed it" too)."""
    while start < end and text[start] in _EDGE:
        start += 1
    word = re.match(r"(\w+)\s+", text[start:end])
    links = _LEADING_LINKS | {"that"} if inside else _LEADING_LINKS
    if word and word.group(1).lower() in links:
        start += word.end()
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _presents_update(claim: str, after: str, gives_figure: bool) -> bool:
    """Whether a claim presents its figure as an update: said in the claim, or in what
    follows it in its sentence ("... 33 soldiers were shown, up from an earlier count of
    20": the trailing words are about the claim's figure, whatever part they are cut in)."""
    return _UPDATE.search(claim) is not None or (gives_figure and _UPDATE.search(after) is not None)


def _is_subject(span: SpacySpan, start: int, end: int) -> bool:
    return any(t.dep_ in _SUBJECTS for t in span if start <= t.idx < end)


def _calendar_dates(found: Iterable[When]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_calendar(when) for when in found))


def _calendar(when: When) -> str:
    """A date as compared: ISO at its precision, a week as an ISO week ("2022-W07")."""
    if not when.label.startswith(WEEK_LABEL):
        return when.date
    year, week, _ = date.fromisoformat(when.date).isocalendar()
    return f"{year}-W{week:02d}"


def _speech_date(doc: Doc, start: int) -> bool:
    """Whether a date tells when something was said ("said Tuesday"), not when it happened:
    reports of one event quote it on different days."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head  # "said on Tuesday"
    return bool(head.lemma_.lower() in _SPEECH_LEMMAS)


_CUES = SPEECH_VERBS | STANCE_VERBS | {"accord"}  # "according to"
_SPEECH_LEMMAS = frozenset(
    "say tell add state declare note announce confirm report write tweet post warn".split()  # noqa: SIM905
)
