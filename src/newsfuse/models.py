"""The data model: frozen records that every stage takes and returns.

Ids are content hashes, so the same input always gets the same id and re-ingesting is a
no-op. Everything derived from an article keeps the article id and character offsets into
the article's cleaned text, so any output can be traced back to the span it rests on.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field

BRIEF_SCHEMA = "newsfuse.brief/1"


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
class Source:
    """An article with everything the stages derived from it."""

    article: Article
    clean: CleanText
    sentences: tuple[Sentence, ...]

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class Story:
    """Sources that report the same event."""

    id: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Citation:
    """A span `[start, end)` of a source's cleaned text."""

    source: str
    start: int
    end: int


@dataclass(frozen=True)
class SummaryPoint:
    """One key point of a brief and the spans it rests on; the first citation is where its
    wording comes from."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class StoryBrief:
    """The brief of one story."""

    story_id: str
    title: str
    title_source: str | None
    sources: tuple[Source, ...]
    summary: tuple[SummaryPoint, ...]


@dataclass(frozen=True)
class Brief:
    """The result of one run: a brief per story, and the inputs that could not be used."""

    stories: tuple[StoryBrief, ...]
    rejections: tuple[Rejection, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
