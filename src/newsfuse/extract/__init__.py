"""Extract: per story, from each source read with spaCy, who said what (`attribution`:
quotes; `reported`: reported speech; `cues`: the words that tell it; `speakers`: who),
which figures were given (`figures`), when things happened (`timeline`) and who and what
the story is about (`entities`); a source's extracts (`source`), a story's (`story`), and
how spaCy read each source (`reading`, kept in the store by `ingest`).

What other stages use is named here; the modules behind it are this package's own.
"""

from newsfuse.extract.attribution import attributions
from newsfuse.extract.cues import SPEECH_VERBS, STANCE_VERBS, Attribution, doc_text
from newsfuse.extract.entities import same_entity
from newsfuse.extract.figures import FigureMention
from newsfuse.extract.figures import figures as figure_mentions
from newsfuse.extract.reading import (
    KeptReadings,
    Reading,
    read_source,
    read_sources,
    reading_bytes,
    reading_version,
    title_text,
)
from newsfuse.extract.reported import according_to_names
from newsfuse.extract.source import SourceExtracts
from newsfuse.extract.story import (
    Resolve,
    StoryExtracts,
    extract_story,
    no_extracts,
    own_date,
)
from newsfuse.extract.timeline import WEEK_LABEL, When
from newsfuse.extract.timeline import dates as date_mentions

__all__ = [
    "SPEECH_VERBS",
    "STANCE_VERBS",
    "WEEK_LABEL",
    "Attribution",
    "FigureMention",
    "KeptReadings",
    "Reading",
    "Resolve",
    "SourceExtracts",
    "StoryExtracts",
    "When",
    "according_to_names",
    "attributions",
    "date_mentions",
    "doc_text",
    "extract_story",
    "figure_mentions",
    "no_extracts",
    "own_date",
    "read_source",
    "read_sources",
    "reading_bytes",
    "reading_version",
    "same_entity",
    "title_text",
]
