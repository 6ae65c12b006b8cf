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

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from newsfuse.crosscheck.statements import (
    MIN_TERMS,
    SPEECH_LEMMAS,
    Piece,
    after_subject,
    is_subject,
    split_clauses,
    statements,
    trimmed,
)
from newsfuse.extract import (
    WEEK_LABEL,
    Attribution,
    FigureMention,
    Resolve,
    SourceExtracts,
    When,
    attributions,
    date_mentions,
    figure_mentions,
    title_text,
)
from newsfuse.models import Citation, Sentence, Source
from newsfuse.text.lexical import content_terms
from newsfuse.text.stretches import Stretches

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# A claim within its story: its source's position, its sentence's number there (-1 for the
# title) and its part of the sentence.
ClaimKey = tuple[int, int, int]

# Words that present a figure as one of a series: earlier and later counts, revisions.
_UPDATE = re.compile(
    r"\b(?:earlier|previous(?:ly)?|initial(?:ly)?|original(?:ly)?|prior|first reported|"
    r"latest|updated?|revised?|up from|down from|now|currently|so far|as of)\b",
    re.IGNORECASE,
)


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
        if span is None or is_crosshead(span):
            continue
        pieces = statements(span, reader.attributed(sentence.start, sentence.end))
        claims = [
            claim
            for part, piece in enumerate(pieces)
            if (claim := reader.claim(doc, sentence.index, part, piece, sentence)) is not None
        ]
        found += reader.with_frame_dates(doc, claims, sentence)
    return found


# A line in capitals is a heading from this many letters on ("US", "NATO" alone are names).
_HEADING_LETTERS = 8
# A sentence that ends like one: a full stop, a question or an exclamation, maybe quoted.
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’')\]]*$")


def is_crosshead(sentence: SpacySpan) -> bool:
    """Whether a line of the text is a crosshead ("Cyberattacks and sanctions", "The
    latest"): no verb and no closing mark. It names what follows and states nothing, yet
    shares its words with the facts below it, so as a claim it would back them. A line in
    capitals with no closing mark is a heading whatever its words: a crosshead ("HOW TO
    USE A WATER BATH CANNER") or another story's headline set inside the article ("SINGER
    SAYS THE SHOW HAS HELPED HER LOSE 25 POUNDS")."""
    text = sentence.text.rstrip()
    if _ENDS_SENTENCE.search(text):
        return False
    return _in_capitals(text) or not any(token.pos_ in {"VERB", "AUX"} for token in sentence)


def _in_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= _HEADING_LETTERS and all(char.isupper() for char in letters)


# Words that open a clause asking something rather than stating it ("why" and "how" are
# left out: "explained why he wanted to sell" tells that he wanted to).
_ASKING = frozenset({"what", "whether", "where", "who", "whom", "which", "if"})
# How a clause hangs on the verb it completes ("no one knows what ...", "asked whether ...").
_COMPLEMENT = frozenset({"ccomp", "xcomp", "pcomp", "dobj", "csubj", "pobj"})
# Words whose complement is a question: to know, ask, tell or be sure of it ("find" and
# "discover" are left out: "finding what appear to be tools" found them).
_ASKING_HEADS = frozenset(
    """
    know ask wonder reveal determine decide explain understand learn investigate examine
    question tell see show say clear unclear sure certain idea evidence
    """.split()  # noqa: SIM905 (a word list reads best as text)
)


def is_indirect_question(span: SpacySpan) -> bool:
    """Whether a claim is a question told, not a statement: "what dinosaurs sounded like"
    (of "no evidence exists to reveal what ..."), "whether the troops would leave" (of
    "asked whether ..."). It states no fact, yet shares the words of those that do."""
    root = span.root
    if root.dep_ not in _COMPLEMENT or root.pos_ not in {"VERB", "AUX"}:
        return False
    if root.head.lemma_.lower() not in _ASKING_HEADS:
        return False
    opening = root.left_edge
    if opening.i >= root.i or opening.lower_ not in _ASKING:
        return False
    if opening.lower_ in {"if", "whether"}:
        return opening.head.i == root.i  # not the "if" of a condition inside the clause
    if opening.head.i == root.i:
        return True  # "what happened", "where they went"
    # "what dinosaurs sounded like", "which way they went"; not a clause of its own inside
    # ("What was happening was unacceptable" states something of what was happening).
    return opening.head.head.i == root.i and opening.head.pos_ not in {"VERB", "AUX"}


_HAS_SUBJECT = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass"})
# Verbs by which a page tells its reader what to do next ("Read the full report here.",
# "Sign up for ...", "Learn how ...", "Imagine ..."), as opposed to the words a person in
# the story says or writes ("Remember to never give up hope"), which are a statement of
# theirs that other reports may quote.
_TELLING_THE_READER = frozenset(
    """
    read watch see click sign subscribe follow share add learn check download join listen
    visit view explore tap register log vote imagine picture discover find get
    """.split()  # noqa: SIM905 (a word list reads best as text)
)


def is_imperative(span: SpacySpan) -> bool:
    """Whether a claim tells the reader to do something ("Sign up for our newsletter.",
    "Learn how yo-yo dieting ...", "Imagine the old harbour at dawn."): one of the verbs
    of `_TELLING_THE_READER` in its plain form opening it, with no subject. It reports no
    fact."""
    root = span.root
    if root.tag_ != "VB" or root.dep_ != "ROOT" or root.lemma_.lower() not in _TELLING_THE_READER:
        return False
    if any(child.dep_ in _HAS_SUBJECT for child in root.children):
        return False
    first = next((token for token in span if not (token.is_punct or token.is_space)), None)
    return first is not None and first.i == root.i


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

    def attributed(self, start: int, end: int) -> list[Piece]:
        """What the source attributes to a speaker inside the sentence at [start, end)."""
        return [
            Piece(max(part_start, start), min(part_end, end), speaker, quoted, speech=speech)
            for part_start, part_end, (speaker, quoted, speech) in self._attributed.overlapping(
                start, end
            )
        ]

    def claim(
        self, doc: Doc, index: int, part: int, piece: Piece, sentence: Sentence
    ) -> Claim | None:
        text = self.source.clean.text
        start, end = trimmed(text, piece.start, piece.end, piece.start > sentence.start)
        terms = frozenset(content_terms(text[start:end]))
        if len(terms) < MIN_TERMS:
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or is_indirect_question(span) or is_imperative(span):
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
                self._name(m.name) for m in mentioned if is_subject(span, m.start, m.end)
            ),
            shared_subject=shared if shared and shared[1] <= start else None,
            doing=after_subject(span),
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
        for part, piece in enumerate(self._title_statements(title, doc)):
            start, end = trimmed(title, piece.start, piece.end, piece.start > 0)
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
                    speaker=piece.speaker,
                    shared_subject=shared if shared and shared[1] <= start else None,
                    doing=after_subject(span),
                )
            )
        return found

    def _title_statements(self, title: str, doc: Doc) -> list[Piece]:
        """A title's statements, read as a sentence's are: "Putin declares Russia is
        withdrawing some troops" states that Russia is withdrawing some troops, with Putin
        as its speaker (the title is parsed apart from the text, so its attributions are
        found in its own parse)."""
        attributed = [
            Piece(part.start, part.end, self._title_speaker(title, found), found.direct,
                  speech=found.speech)
            for found in attributions(doc)
            for part in found.content
        ]  # fmt: skip
        if not attributed:
            return split_clauses(doc[:], Piece(0, len(title)))
        return statements(doc[:], attributed)

    def _title_speaker(self, title: str, found: Attribution) -> str | None:
        if found.speaker is None:
            return None
        return self._name(title[found.speaker.start : found.speaker.end])


def _presents_update(claim: str, after: str, gives_figure: bool) -> bool:
    """Whether a claim presents its figure as an update: said in the claim, or in what
    follows it in its sentence ("... 33 soldiers were shown, up from an earlier count of
    20": the trailing words are about the claim's figure, whatever part they are cut in)."""
    return _UPDATE.search(claim) is not None or (gives_figure and _UPDATE.search(after) is not None)


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
    return bool(head.lemma_.lower() in SPEECH_LEMMAS)
