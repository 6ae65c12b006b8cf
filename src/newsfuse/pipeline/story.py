"""One story's brief: extraction, the cross-check, the summary and, when asked, the written
brief, each step contained (a step that fails is left out and listed in the brief's
problems)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from newsfuse._exceptions import WriterError
from newsfuse.crosscheck import CrossCheck, crosscheck, likely_read
from newsfuse.extract import Reading, extract_story, no_extracts
from newsfuse.faults import attempt, story_subject
from newsfuse.models import Problem, Story, StoryBrief, WrittenBrief
from newsfuse.pipeline.options import BriefOptions
from newsfuse.summarize import summarize
from newsfuse.text.embed import Encoder, ReadingAheadEncoder, RememberingEncoder, default_encoder
from newsfuse.write import write_brief


def story_brief(
    story: Story,
    options: BriefOptions,
    encoder: Encoder | None = None,
    readings: Mapping[str, Reading] | None = None,
) -> StoryBrief:
    """Extract, crosscheck and summarize one story: who said what, its figures, timeline
    and entities, its facts and conflicts, and key points resting on the checked facts.
    Sources with a reading in `readings` (by id) are not read again. A step that fails is
    left out and listed in the brief's problems."""
    encoder = encoder or RememberingEncoder(default_encoder())
    # The model reads the sentences the cross-check will need while spaCy parses the story.
    reading = ReadingAheadEncoder(encoder, likely_read(story))
    subject = story_subject(story.id)
    problems: list[Problem] = []
    found = attempt("extract", subject, extract_story, story, readings)
    if isinstance(found, Problem):
        problems.append(found)
        found = no_extracts(story)
    problems += found.problems
    checked = attempt("crosscheck", subject, crosscheck, story, found, reading)
    if isinstance(checked, Problem):
        problems.append(checked)
        checked = CrossCheck(facts=(), conflicts=())
    brief = attempt(
        "summarize", subject, summarize, story, options.max_points, checked, options.max_words
    )
    if isinstance(brief, Problem):
        problems.append(brief)
        brief = _unsummarized(story)
    brief = replace(
        brief,
        quotes=found.quotes,
        figures=found.figures,
        timeline=found.timeline,
        entities=found.entities,
        facts=checked.facts,
        conflicts=checked.conflicts,
    )
    written: WrittenBrief | Problem | None = None
    if options.writer is not None:
        written = attempt("write", subject, _written, brief, options, encoder, subject)
    if isinstance(written, Problem):
        problems.append(written)
        written = None
    return replace(brief, written=written, problems=tuple(problems))


def _written(
    brief: StoryBrief, options: BriefOptions, encoder: Encoder, subject: str
) -> WrittenBrief | Problem | None:
    """The brief a language model writes of the story, checked against its facts; the
    problem, when the server gives no usable answer (the key points stand alone)."""
    assert options.writer is not None
    try:
        return write_brief(brief, options.writer, encoder, options.max_points)
    except WriterError as error:
        return Problem(stage="write", subject=subject, error=f"{error}; the key points stand alone")


def _unsummarized(story: Story) -> StoryBrief:
    """A story's brief with no key points: its sources, titled by the first that has a
    title."""
    titled = next((s for s in story.sources if s.article.title), None)
    return StoryBrief(
        story_id=story.id,
        title=titled.article.title if titled and titled.article.title else "Untitled story",
        title_source=titled.id if titled else None,
        sources=story.sources,
        summary=(),
    )
