"""Inputs and what the corpus-wide stages make of them: articles (and the inputs that are
not), cleaned texts, sentences, citations, provenance, sources and stories; the kinds a
brief names (relations, flags, conflicts, changes); content ids."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Literal

BRIEF_SCHEMA = "newsfuse.brief/1"

# Where a citation's span is: the source's cleaned text or its title.
CitationPart = Literal["text", "title"]
# A source's relation to the origin of its family (the origin itself is "original").
Relation = Literal["original", "copy", "syndicated", "rewrite", "translation"]
# What a quality flag warns of.
FlagKind = Literal["spun", "garbled", "heavy furniture", "aggregator re-post"]
# What two sources' versions of a fact differ in.
ConflictKind = Literal["number", "negation", "role", "speaker", "date", "status", "quote"]
# What a copy changed of its origin's fact ("tense": a planned thing told as done or back).
ChangeKind = Literal["number", "negation", "name", "date", "role", "tense"]
# Why the check of a written brief dropped a sentence of it (newsfuse.write.gate).
DropReason = Literal[
    "uncited", "unknown fact", "figure", "hedge", "date", "name", "negation", "quote",
    "meaning", "disputed",
]  # fmt: skip


def content_id(*parts: str, length: int = 16) -> str:
    """A stable id: the first `length` hex digits of the SHA-256 of the parts."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")  # separator, so ("ab", "c") and ("a", "bc") differ
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Rejection:
    """An input that could not be used, with the reason a person can act on."""

    path: str
    reason: str
    where: str | None = None  # inside the file: "line 12", "record 3"

    def describe(self) -> str:
        place = f"{self.path} ({self.where})" if self.where else self.path
        return f"{place}: {self.reason}"


@dataclass(frozen=True)
class Problem:
    """A stage that failed on one input, source or story: the run went on without what that
    stage would have added for it. `subject` names the input or source by its path, or the
    story ("story 5be1db6364a048be"); `error` is the error in one line."""

    stage: str
    subject: str
    error: str

    def describe(self) -> str:
        return f"{self.subject}: {self.stage} failed, left out: {self.error}"


@dataclass(frozen=True)
class Duplicate:
    """An input that holds an article already read from another input: counted once."""

    path: str
    same_as: str

    def describe(self) -> str:
        return f"{self.path}: the same article as {self.same_as}; counted once"


@dataclass(frozen=True)
class MetadataEvidence:
    """How one metadata field was found: given by the input, or inferred from the text."""

    field: str
    value: str
    how: str


@dataclass(frozen=True)
class Article:
    """One report as read from its input, before any cleaning.

    `raw_text` is plain text (extracted from HTML or Markdown where needed), with `\\n` line
    ends. `published` is ISO 8601 at the precision known: "2022", "2022-02-15" or a datetime.
    `credit` names a wire agency the text credits (a re-post of an AP story has outlet
    "the aggregator" and credit "Associated Press").
    """

    id: str
    path: str
    raw_text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    credit: str | None = None
    evidence: tuple[MetadataEvidence, ...] = ()


@dataclass(frozen=True)
class Removal:
    """A span of the raw text left out of the cleaned text, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class MapPiece:
    """`length` characters of cleaned text starting at `clean_start` are raw text from
    `raw_start` on, character for character."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True)
class CleanText:
    """An article's text with page furniture removed, mapped back to the raw text."""

    article_id: str
    text: str
    pieces: tuple[MapPiece, ...]
    removals: tuple[Removal, ...]
    language: str | None = None
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.clean_start for p in self.pieces))

    def to_raw(self, offset: int) -> int:
        """The raw-text offset of cleaned-text `offset` (separators map to the next piece)."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the cleaned text (0..{len(self.text)})")
        if not self.pieces:
            return 0
        index = bisect.bisect_right(self._starts, offset) - 1
        piece = self.pieces[max(index, 0)]
        inside = min(max(offset - piece.clean_start, 0), piece.length)
        return piece.raw_start + inside


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's cleaned text: `text == clean.text[start:end]`."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Citation:
    """A span `[start, end)` of a source's cleaned text, or (`part` "title") of its title."""

    source: str
    start: int
    end: int
    part: CitationPart = "text"

    def overlaps(self, other: Citation) -> bool:
        """Whether the two spans share a character of the same text of the same source."""
        return (
            self.source == other.source
            and self.part == other.part
            and self.start < other.end
            and other.start < self.end
        )


@dataclass(frozen=True)
class FlagEvidence:
    """What triggered a quality flag: a span of the cleaned text, or (with no offsets) a
    line of page furniture that cleaning removed."""

    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class QualityFlag:
    """A warning about a source's text ("spun", "garbled", "heavy furniture",
    "aggregator re-post"), why, and the sentences or lines that show it."""

    flag: FlagKind
    reason: str
    evidence: tuple[FlagEvidence, ...]


@dataclass(frozen=True)
class Change:
    """A fact a copy or rewrite changed against its origin: the aligned sentences of both
    and what differs ("number": "150,000 -> 130,000")."""

    kind: ChangeKind
    origin: Citation
    copy: Citation
    detail: str


@dataclass(frozen=True)
class Provenance:
    """Where a source comes from: its relation to the origin of its family (the origin
    itself is "original"), that origin's id, its quality flags and the facts it changed."""

    relation: Relation
    origin: str
    flags: tuple[QualityFlag, ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def distorted(self) -> bool:
        """Whether its wording is not to be trusted: flagged spun or garbled, or a rewrite
        or translation of another source."""
        return self.relation in _REWORDED or any(
            flag.flag in _DISTORTING_FLAGS for flag in self.flags
        )

    @property
    def in_own_order(self) -> bool:
        """Whether the order of its title and sentences is its newsroom's: not a rewrite or
        translation of another source (whose order is that source's), nor spun (a spinner
        writes its own headlines). A garbled original, machine-translated from its outlet's
        language, keeps its outlet's order."""
        spun = any(flag.flag == "spun" for flag in self.flags)
        return self.relation not in _REWORDED and not spun


_REWORDED: frozenset[Relation] = frozenset({"rewrite", "translation"})
_DISTORTING_FLAGS: frozenset[FlagKind] = frozenset({"spun", "garbled"})


@dataclass(frozen=True)
class Source:
    """An article with everything the stages derived from it."""

    article: Article
    clean: CleanText
    sentences: tuple[Sentence, ...]
    provenance: Provenance | None = None

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def origin(self) -> str:
        """The id of the origin this source's evidence counts under (itself if unknown)."""
        return self.provenance.origin if self.provenance else self.id

    @property
    def distorted(self) -> bool:
        """`Provenance.distorted` (a source not yet analysed is not)."""
        return self.provenance is not None and self.provenance.distorted

    @property
    def in_own_order(self) -> bool:
        """`Provenance.in_own_order` (a source not yet analysed is)."""
        return self.provenance is None or self.provenance.in_own_order


@dataclass(frozen=True)
class Story:
    """Sources that report the same event."""

    id: str
    sources: tuple[Source, ...]
