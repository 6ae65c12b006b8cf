"""The brief as one self-contained HTML file.

Each citation links to its span, highlighted in the cleaned text of its source further down
the page. Everything from an article is escaped by the template engine, and the page's
Content-Security-Policy forbids scripts, so hostile article text stays inert.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from newsfuse._version import __version__
from newsfuse.models import Brief, Citation, Conflict, Quote, Source, StoryBrief
from newsfuse.render.diff import DiffPiece, word_diff
from newsfuse.render.labels import (
    CONFLICT_KINDS,
    DROP_REASONS,
    corroborated,
    counted,
    date_range,
    figure_phrase,
    flag_names,
    receipts,
    relation_phrase,
    shown_figures,
    shown_speakers,
    shown_timeline,
    side_phrase,
    single_sourced,
    source_labels,
    support_phrase,
    written_receipts,
)


@dataclass(frozen=True)
class TextPiece:
    """A run of a source text: highlighted when cited, with the anchors that start in it."""

    text: str
    marked: bool
    anchors: tuple[str, ...]
    cited: bool = False


@dataclass(frozen=True)
class CitationLink:
    label: str
    anchor: str
    start: int
    end: int
    quote: str


def template_environment(*packages: str) -> jinja2.Environment:
    """Templates from these packages' `templates` folders, the first found first, every
    value escaped (article text is hostile) and every missing name an error."""
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PackageLoader(p, "templates") for p in packages]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return template_environment("newsfuse.render")


def render_html(brief: Brief) -> str:
    template = _environment().get_template("brief.html.j2")
    stories = [story_view(number, story) for number, story in enumerate(brief.stories, start=1)]
    sources = sum(len(story.sources) for story in brief.stories)
    heading = f"{counted(len(brief.stories), 'story', 'stories')} from {counted(sources, 'report')}"
    return template.render(
        heading=heading, stories=stories, brief=brief, generator=f"newsfuse {__version__}"
    )


def _anchor(story_number: int, label: str, start: int) -> str:
    return f"story{story_number}-{label}-{start}"


def story_view(number: int, story: StoryBrief) -> dict[str, object]:
    labels = source_labels(story)
    spans: dict[str, list[tuple[int, int]]] = {source.id: [] for source in story.sources}
    written = story.written.sentences if story.written else ()
    cited = [c for point in story.summary for c in point.citations]
    cited += [c for sentence in written for c in sentence.citations]
    for citation in cited:
        if citation.part == "text" and citation.source in spans:
            spans[citation.source].append((citation.start, citation.end))
    sources = [
        {
            "label": labels[source.id],
            "source": source,
            "relation": relation_phrase(source, labels),
            "flag_names": flag_names(source),
            "flags": source.provenance.flags if source.provenance else (),
            "pieces": marked_pieces(
                source, spans[source.id], number, labels[source.id], _other_spans(story, source.id)
            ),
        }
        for source in story.sources
    ]
    return {
        "number": number,
        "story": story,
        "dates": date_range(story),
        "points": _points(number, story, labels),
        "written": _written(number, story, labels),
        "sources": sources,
        "changes": _changes(story, labels),
        "speakers": [
            (speaker, [_linked(number, quote.citations, labels, quote) for quote in quotes])
            for speaker, quotes in shown_speakers(story)
        ],
        "figures": [
            (figure_phrase(figure), figure, _links(number, figure.citations, labels))
            for figure in shown_figures(story)
        ],
        "timeline": [
            (day, [(event, _links(number, event.citations, labels)) for event in events])
            for day, events in shown_timeline(story)
        ],
        "disputes": [_conflict_view(number, c, labels) for c in story.disputes],
        "updates": [_conflict_view(number, c, labels) for c in story.updates],
        "corroborated": [
            (fact, _links(number, receipts(fact.citations), labels)) for fact in corroborated(story)
        ],
        "single": [
            (fact, _links(number, receipts(fact.citations), labels))
            for fact in single_sourced(story)
        ],
    }


def _conflict_view(number: int, conflict: Conflict, labels: dict[str, str]) -> dict[str, object]:
    return {
        "kind": CONFLICT_KINDS.get(conflict.kind, conflict.kind),
        "conflict": conflict,
        "sides": [
            (
                side_phrase(side, labels),
                side,
                _links(number, side.citations, labels),
                conflict.altered_copy and position == 1,
            )
            for position, side in enumerate(conflict.sides)
        ],
    }


def _other_spans(story: StoryBrief, source: str) -> tuple[tuple[int, int], ...]:
    """The spans of a source cited by quotes, figures and events."""
    citations = [
        *(c for quote in story.quotes for c in quote.citations),
        *(c for figure in story.figures for c in figure.citations),
        *(c for event in story.timeline for c in event.citations),
        *(c for conflict in story.conflicts for side in conflict.sides for c in side.citations),
        *(c for fact in corroborated(story) + single_sourced(story) for c in fact.citations),
    ]
    return tuple(
        sorted({(c.start, c.end) for c in citations if c.source == source and c.part == "text"})
    )


def _links(
    number: int, citations: tuple[Citation, ...], labels: dict[str, str]
) -> list[CitationLink]:
    return [
        CitationLink(
            labels[c.source], _citation_anchor(number, labels[c.source], c), c.start, c.end, ""
        )
        for c in citations
        if c.source in labels
    ]


def _citation_anchor(number: int, label: str, citation: Citation) -> str:
    """Where a citation leads: its span in the source text, or the source's title."""
    if citation.part == "title":
        return f"story{number}-{label}-title"
    return _anchor(number, label, citation.start)


def _linked(
    number: int, citations: tuple[Citation, ...], labels: dict[str, str], quote: Quote
) -> tuple[Quote, list[CitationLink]]:
    return quote, _links(number, citations, labels)


def _points(number: int, story: StoryBrief, labels: dict[str, str]) -> list[dict[str, object]]:
    """The key points, each citation a link to its span with the span as its tooltip."""
    return [
        {
            "text": point.text,
            "support": support_phrase(point.independent),
            "citations": _quoted_links(number, story, labels, receipts(point.citations)),
        }
        for point in story.summary
    ]


def _written(number: int, story: StoryBrief, labels: dict[str, str]) -> dict[str, object] | None:
    """The written brief's sentences, cited as key points are, and what the check dropped."""
    if story.written is None:
        return None
    return {
        "model": story.written.model,
        "sentences": [
            {
                "text": sentence.text,
                "citations": _quoted_links(
                    number, story, labels, written_receipts(story, sentence)
                ),
            }
            for sentence in story.written.sentences
        ],
        "dropped": [(d, DROP_REASONS[d.reason]) for d in story.written.dropped],
    }


def _quoted_links(
    number: int, story: StoryBrief, labels: dict[str, str], citations: tuple[Citation, ...]
) -> list[CitationLink]:
    """Links to the spans cited, each with the span's text as its tooltip."""
    texts = {source.id: source.clean.text for source in story.sources}
    return [
        CitationLink(
            label=labels[c.source],
            anchor=_citation_anchor(number, labels[c.source], c),
            start=c.start,
            end=c.end,
            quote=texts[c.source][c.start : c.end] if c.part == "text" else "title",
        )
        for c in citations
        if c.source in labels
    ]


@dataclass(frozen=True)
class ChangeView:
    """A changed fact shown side by side: the origin's sentence and the copy's, with the
    words that differ marked."""

    label: str
    relation: str
    kind: str
    detail: str
    origin_label: str
    before: list[DiffPiece]
    after: list[DiffPiece]


def _changes(story: StoryBrief, labels: dict[str, str]) -> list[ChangeView]:
    texts = {source.id: source.clean.text for source in story.sources}
    views = []
    for source in story.sources:
        for change in source.provenance.changes if source.provenance else ():
            origin_text = texts.get(change.origin.source, "")
            before, after = word_diff(
                origin_text[change.origin.start : change.origin.end],
                texts[source.id][change.copy.start : change.copy.end],
            )
            views.append(
                ChangeView(
                    label=labels[source.id],
                    relation=relation_phrase(source, labels),
                    kind=change.kind,
                    detail=change.detail,
                    origin_label=labels.get(change.origin.source, "origin"),
                    before=before,
                    after=after,
                )
            )
    return views


def marked_pieces(
    source: Source,
    spans: list[tuple[int, int]],
    story_number: int,
    label: str,
    cited: tuple[tuple[int, int], ...] = (),
) -> list[TextPiece]:
    """The source text cut at every span boundary: pieces inside a key point's span are
    marked, pieces inside another cited span (a quote, a figure, an event) underlined, and
    every cited span starts with its anchor."""
    text = source.clean.text
    every = [*spans, *cited]
    bounds = sorted({0, len(text), *(edge for span in every for edge in span)})
    starts = {start for start, _ in every}
    pieces = []
    for left, right in itertools.pairwise(bounds):
        if left == right:
            continue
        marked = any(start <= left and right <= end for start, end in spans)
        underlined = not marked and any(start <= left and right <= end for start, end in cited)
        anchors = (_anchor(story_number, label, left),) if left in starts else ()
        pieces.append(TextPiece(text[left:right], marked, anchors, underlined))
    return pieces
