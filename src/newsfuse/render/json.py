"""The JSON brief: the contract other tools build on (schema `newsfuse.brief/1`).

The layout is documented in docs/json-brief.md and checked by
newsfuse/schemas/brief-1.schema.json. Keys are only ever added within version 1; readers
must ignore keys they do not know.
"""

from __future__ import annotations

import json
from typing import Any

from newsfuse._version import __version__
from newsfuse.models import (
    BRIEF_SCHEMA,
    Brief,
    Change,
    Citation,
    Conflict,
    Entity,
    Fact,
    Figure,
    QualityFlag,
    Quote,
    Source,
    StoryBrief,
    SummaryPoint,
    TimelineEvent,
    WrittenBrief,
)
from newsfuse.store import StoredStory

JsonObject = dict[str, Any]


def brief_to_dict(brief: Brief) -> JsonObject:
    return {
        "schema": BRIEF_SCHEMA,
        "generator": f"newsfuse {__version__}",
        "stories": [_story(story) for story in brief.stories],
        "skipped": [
            {"path": rejection.path, "where": rejection.where, "reason": rejection.reason}
            for rejection in brief.rejections
        ],
        "duplicates": [
            {"path": duplicate.path, "same_as": duplicate.same_as} for duplicate in brief.duplicates
        ],
        "problems": [
            {"stage": problem.stage, "subject": problem.subject, "error": problem.error}
            for problem in brief.all_problems
        ],
    }


def stored_story_to_dict(story: StoredStory) -> JsonObject:
    """A story as the store holds it (`newsfuse stories --format json`, `/api/stories`)."""
    return {
        "id": story.id,
        "title": story.title,
        "sources": len(story.articles),
        "independent_origins": story.origins,
        "first_seen": story.first_seen,
        "last_seen": story.last_seen,
        "articles": [{"id": article_id, "path": path} for article_id, path in story.articles],
    }


def render_json(brief: Brief) -> str:
    """The brief as JSON text: UTF-8, two-space indent, keys in a fixed order."""
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"


def _story(story: StoryBrief) -> JsonObject:
    return {
        "id": story.story_id,
        "title": story.title,
        "title_source": story.title_source,
        "independent": story.independent,
        "sources": [_source(source) for source in story.sources],
        "summary": [_point(point) for point in story.summary],
        "quotes": [_quote(quote) for quote in story.quotes],
        "figures": [_figure(figure) for figure in story.figures],
        "conflicts": [_conflict(conflict) for conflict in story.disputes],
        "timeline": [_event(event) for event in story.timeline],
        "entities": [_entity(entity) for entity in story.entities],
        "updates": [_conflict(conflict) for conflict in story.updates],
        "facts": [_fact(fact) for fact in story.facts],
        "written": _written(story.written) if story.written else None,
    }


def _written(written: WrittenBrief) -> JsonObject:
    return {
        "model": written.model,
        "sentences": [
            {
                "text": sentence.text,
                "facts": list(sentence.facts),
                "citations": [_citation(citation) for citation in sentence.citations],
            }
            for sentence in written.sentences
        ],
        "dropped": [
            {"text": d.text, "facts": list(d.facts), "reason": d.reason, "detail": d.detail}
            for d in written.dropped
        ],
    }


def _source(source: Source) -> JsonObject:
    article = source.article
    return {
        "id": source.id,
        "path": article.path,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "author": article.author,
        "credit": article.credit,
        "language": source.clean.language,
        "text": source.clean.text,
        "relation": source.provenance.relation if source.provenance else None,
        "origin": source.provenance.origin if source.provenance else None,
        "quality_flags": [_flag(flag) for flag in source.provenance.flags]
        if source.provenance
        else [],
        "changes": [_change(change) for change in source.provenance.changes]
        if source.provenance
        else [],
        "metadata": [
            {"field": item.field, "value": item.value, "how": item.how} for item in article.evidence
        ],
    }


def _point(point: SummaryPoint) -> JsonObject:
    return {
        "text": point.text,
        "independent": point.independent,
        "sources": len({citation.source for citation in point.citations}),
        "single_source": point.independent <= 1,
        "citations": [_citation(citation) for citation in point.citations],
    }


def _conflict(conflict: Conflict) -> JsonObject:
    return {
        "kind": conflict.kind,
        "detail": conflict.detail,
        "update": conflict.update,
        "altered_copy": conflict.altered_copy,
        "sides": [
            {
                "says": side.says,
                "text": side.text,
                "independent": side.independent,
                "given_by": list(side.given_by),
                "citations": [_citation(citation) for citation in side.citations],
            }
            for side in conflict.sides
        ],
    }


def _fact(fact: Fact) -> JsonObject:
    return {
        "text": fact.text,
        "sources": fact.sources,
        "independent": fact.independent,
        "single_source": fact.single_source,
        "citations": [_citation(citation) for citation in fact.citations],
    }


def _quote(quote: Quote) -> JsonObject:
    return {
        "speaker": quote.speaker,
        "named": quote.named,
        "text": quote.text,
        "direct": quote.direct,
        "citations": [_citation(citation) for citation in quote.citations],
    }


def _figure(figure: Figure) -> JsonObject:
    return {
        "text": figure.text,
        "value": figure.value,
        "unit": figure.unit,
        "counts": figure.counts,
        "qualifier": figure.qualifier,
        "given_by": list(figure.given_by),
        "citations": [_citation(citation) for citation in figure.citations],
    }


def _event(event: TimelineEvent) -> JsonObject:
    return {
        "date": event.date,
        "label": event.label,
        "text": event.text,
        "citations": [_citation(citation) for citation in event.citations],
    }


def _entity(entity: Entity) -> JsonObject:
    return {
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "mentions": len(entity.mentions),
        "citations": [_citation(citation) for citation in entity.mentions],
    }


def _citation(citation: Citation) -> JsonObject:
    found: JsonObject = {"source": citation.source, "start": citation.start, "end": citation.end}
    if citation.part != "text":
        found["part"] = citation.part  # offsets into the source's title
    return found


def _flag(flag: QualityFlag) -> JsonObject:
    return {
        "flag": flag.flag,
        "reason": flag.reason,
        "evidence": [
            {"text": item.text, "start": item.start, "end": item.end} for item in flag.evidence
        ],
    }


def _change(change: Change) -> JsonObject:
    return {
        "kind": change.kind,
        "detail": change.detail,
        "origin": _citation(change.origin),
        "copy": {"start": change.copy.start, "end": change.copy.end},
    }
