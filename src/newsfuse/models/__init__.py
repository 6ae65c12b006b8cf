"""The data model: frozen records that every stage takes and returns.

Ids are content hashes, so the same input always gets the same id and re-ingesting is a
no-op. Everything derived from an article keeps the article id and character offsets into
the article's cleaned text, so any output can be traced back to the span it rests on.

`sources`: inputs, cleaned texts, sentences, citations, provenance, sources and stories;
`briefs`: what a brief says of a story; `clustering`: the story clustering's saved state.
"""

from newsfuse.models.briefs import (
    Brief,
    Conflict,
    ConflictSide,
    DroppedSentence,
    Entity,
    Fact,
    Figure,
    Quote,
    StoryBrief,
    SummaryPoint,
    TimelineEvent,
    WrittenBrief,
    WrittenSentence,
)
from newsfuse.models.clustering import (
    ClusteringState,
    SavedStory,
)
from newsfuse.models.sources import (
    BRIEF_SCHEMA,
    Article,
    Change,
    ChangeKind,
    Citation,
    CitationPart,
    CleanText,
    ConflictKind,
    DropReason,
    Duplicate,
    FlagEvidence,
    FlagKind,
    MapPiece,
    MetadataEvidence,
    Problem,
    Provenance,
    QualityFlag,
    Rejection,
    Relation,
    Removal,
    Sentence,
    Source,
    Story,
    content_id,
)

__all__ = [
    "BRIEF_SCHEMA",
    "Article",
    "Brief",
    "Change",
    "ChangeKind",
    "Citation",
    "CitationPart",
    "CleanText",
    "ClusteringState",
    "Conflict",
    "ConflictKind",
    "ConflictSide",
    "DropReason",
    "DroppedSentence",
    "Duplicate",
    "Entity",
    "Fact",
    "Figure",
    "FlagEvidence",
    "FlagKind",
    "MapPiece",
    "MetadataEvidence",
    "Problem",
    "Provenance",
    "QualityFlag",
    "Quote",
    "Rejection",
    "Relation",
    "Removal",
    "SavedStory",
    "Sentence",
    "Source",
    "Story",
    "StoryBrief",
    "SummaryPoint",
    "TimelineEvent",
    "WrittenBrief",
    "WrittenSentence",
    "content_id",
]
