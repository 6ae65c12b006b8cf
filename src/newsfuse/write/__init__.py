"""A written brief: a language model writes a story's brief from its facts, and every
sentence it writes is kept only when the facts it cites support it.

The flow: the story's facts, numbered with their support, disputes and updates (`sheet`,
`prompt`), go to any OpenAI-compatible server (`client`); its reply is read as sentences
ending with the ids of the facts they rest on (`reply`); each sentence passes the gate or
is dropped with the reason (`gate`). A kept sentence cites its facts' source spans, as a
key point does. The extractive key points stay in the brief: the written brief is shown
beside them, and when the server cannot be reached or answers badly the story has only
them, with a problem naming the reason.
"""

from __future__ import annotations

from newsfuse._exceptions import WriterError
from newsfuse.models import DroppedSentence, StoryBrief, WrittenBrief, WrittenSentence
from newsfuse.text.embed import Encoder
from newsfuse.write.client import KEY_VARIABLE, LlmSettings, complete
from newsfuse.write.gate import CLOSE_IN_MEANING, Gate
from newsfuse.write.prompt import messages
from newsfuse.write.reply import drafted_sentences
from newsfuse.write.sheet import sheet_of

__all__ = [
    "CLOSE_IN_MEANING",
    "KEY_VARIABLE",
    "LlmSettings",
    "WriterError",
    "write_brief",
]


def write_brief(
    story: StoryBrief, settings: LlmSettings, encoder: Encoder, sentences: int
) -> WrittenBrief | None:
    """The story's brief as the model writes it in at most `sentences` sentences, each
    checked against its facts; None for a story with no facts to write from. Raises
    `WriterError` when the server gives no usable answer."""
    sheet = sheet_of(story)
    if not sheet.facts:
        return None
    reply = complete(settings, messages(sheet, sentences))
    drafted = drafted_sentences(reply)
    if not drafted:
        raise WriterError(f"{settings.shown}: the answer holds no sentence")
    checked = Gate(sheet, encoder).checked(drafted)
    return WrittenBrief(
        model=settings.model,
        sentences=tuple(s for s in checked if isinstance(s, WrittenSentence)),
        dropped=tuple(s for s in checked if isinstance(s, DroppedSentence)),
    )
