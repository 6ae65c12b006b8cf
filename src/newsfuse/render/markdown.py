"""The brief as Markdown: readable as plain text, with every point's citations inline.

Article text is untrusted: characters that Markdown or an HTML-rendering viewer would read
as markup are escaped, so a report cannot add links, images, headings or tags to a brief.
"""

from __future__ import annotations

import re

from newsfuse.faults import printable
from newsfuse.models import Brief, Citation, Conflict, Fact, StoryBrief
from newsfuse.render.labels import (
    CONFLICT_KINDS,
    DROP_REASONS,
    citation_place,
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

# With brackets escaped no link or image can form, and no line of a brief starts with
# article text, so these are all the characters that could carry markup.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: str) -> str:
    """`text` with Markdown and HTML markup characters backslash-escaped, on one line, with
    no terminal control characters (a brief is often read in one)."""
    return printable(_MARKUP.sub(r"\\\1", " ".join(text.split())))


def render_markdown(brief: Brief) -> str:
    sources = sum(len(story.sources) for story in brief.stories)
    lines = [
        f"# newsfuse brief: {counted(len(brief.stories), 'story', 'stories')} "
        f"from {counted(sources, 'report')}",
        "",
    ]
    for story in brief.stories:
        lines += _story(story)
    lines += _problems(brief)
    return "\n".join(lines).rstrip("\n") + "\n"


def _story(story: StoryBrief) -> list[str]:
    labels = source_labels(story)
    facts = [f"{counted(len(story.sources), 'source')}, {story.independent} independent"]
    if dates := date_range(story):
        facts.append(dates)
    facts.append(f"story `{story.story_id}`")
    lines = [f"## {escape(story.title)}", "", " · ".join(facts), ""]
    lines += [*_written(story, labels), "### Key points", ""]
    for number, point in enumerate(story.summary, start=1):
        cited = " ".join(_citation(citation, labels) for citation in receipts(point.citations))
        support = support_phrase(point.independent)
        lines.append(f"{number}. {escape(point.text)} {cited} · *{support}*")
    lines += [
        "",
        *_conflicts("Disputed", story.disputes, labels),
        *_conflicts("Updates", story.updates, labels),
        *_facts("Corroborated", corroborated(story), labels),
        *_facts("Only one source", single_sourced(story), labels),
    ]
    lines += ["### Sources", "", _SOURCES_HEADER, "|---|---|---|---|---|---|---|"]
    for source in story.sources:
        article = source.article
        cells = [article.outlet, article.title, article.published]
        row = [*cells, relation_phrase(source, labels), flag_names(source), article.path]
        lines.append(f"| {labels[source.id]} | " + " | ".join(escape(c or "–") for c in row) + " |")
    return [
        *lines,
        "",
        *_who_said_what(story, labels),
        *_figures(story, labels),
        *_timeline(story, labels),
        *_flags(story, labels),
        *_changes(story, labels),
    ]


def _written(story: StoryBrief, labels: dict[str, str]) -> list[str]:
    """The written brief: its kept sentences, cited, then what the check dropped."""
    written = story.written
    if written is None:
        return []
    lines = [
        "### In brief",
        "",
        f"*Written by {escape(written.model)} from the story's facts; each sentence kept only"
        " where the facts it cites support it.*",
        "",
    ]
    for number, sentence in enumerate(written.sentences, start=1):
        cited = " ".join(_citation(c, labels) for c in written_receipts(story, sentence))
        lines.append(f"{number}. {escape(sentence.text)} {cited}")
    if not written.sentences:
        lines.append("*The check kept none of the sentences written: see the key points.*")
    if written.dropped:
        lines += ["", f"Dropped by the check ({len(written.dropped)}):", ""]
        lines += [
            f"- “{escape(d.text)}” — {DROP_REASONS[d.reason]}: {escape(d.detail)}"
            for d in written.dropped
        ]
    return [*lines, ""]


def _conflicts(title: str, conflicts: tuple[Conflict, ...], labels: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for conflict in conflicts:
        kind = CONFLICT_KINDS.get(conflict.kind, conflict.kind)
        lines.append(f"- **{escape(kind)}**: {escape(conflict.detail)}")
        if conflict.update:
            lines.append(f"  - an update, not a contradiction: {escape(conflict.update)}")
        for number, side in enumerate(conflict.sides):
            altered = " · altered copy" if conflict.altered_copy and number == 1 else ""
            lines.append(
                f"  - {escape(side_phrase(side, labels))}{altered}: **{escape(side.says)}** — "
                f"“{escape(side.text)}” {_cited(side.citations, labels)}"
            )
    return [f"### {title}", "", *lines, ""] if lines else []


def _facts(title: str, facts: list[Fact], labels: dict[str, str]) -> list[str]:
    lines = [
        f"- {escape(fact.text)} {_cited(receipts(fact.citations), labels)} · "
        f"*{support_phrase(fact.independent)}*"
        for fact in facts
    ]
    return [f"### {title}", "", *lines, ""] if lines else []


def _cited(citations: tuple[Citation, ...], labels: dict[str, str]) -> str:
    return " ".join(
        _citation(citation, labels) for citation in citations if citation.source in labels
    )


def _who_said_what(story: StoryBrief, labels: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for speaker, quotes in shown_speakers(story):
        lines.append(f"- **{escape(speaker)}**")
        for quote in quotes:
            text = f"“{escape(quote.text)}”" if quote.direct else escape(quote.text)
            lines.append(f"  - {text} {_cited(quote.citations, labels)}")
    return ["### Who said what", "", *lines, ""] if lines else []


def _figures(story: StoryBrief, labels: dict[str, str]) -> list[str]:
    lines = []
    for figure in shown_figures(story):
        givers = f" (given by {escape(', '.join(figure.given_by))})" if figure.given_by else ""
        lines.append(
            f"- **{escape(figure_phrase(figure))}**{givers} {_cited(figure.citations, labels)}"
        )
    return ["### Key figures", "", *lines, ""] if lines else []


def _timeline(story: StoryBrief, labels: dict[str, str]) -> list[str]:
    lines = []
    for _day, events in shown_timeline(story):
        for event in events:
            lines.append(
                f"- **{escape(event.date)}** ({escape(event.label)}): {escape(event.text)} "
                f"{_cited(event.citations, labels)}"
            )
    return ["### Timeline", "", *lines, ""] if lines else []


_SOURCES_HEADER = "| | Outlet | Title | Published | Relation | Flags | Input |"
_EVIDENCE_SHOWN = 3
_EVIDENCE_CHARACTERS = 160


def _flags(story: StoryBrief, labels: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for source in story.sources:
        for flag in source.provenance.flags if source.provenance else ():
            lines.append(f"- {labels[source.id]} · **{flag.flag}**: {escape(flag.reason)}")
            for item in flag.evidence[:_EVIDENCE_SHOWN]:
                # A sentence is shown whole (the damage may be anywhere in it); a removed
                # line of furniture, such as a disclaimer, shortened.
                if item.start is not None:
                    cited = f" \\[{labels[source.id]} {item.start}–{item.end}\\]"
                    lines.append(f"  - “{escape(item.text)}”{cited}")
                else:
                    lines.append(f"  - “{escape(_shortened(item.text))}”")
    return ["### Quality flags", "", *lines, ""] if lines else []


def _changes(story: StoryBrief, labels: dict[str, str]) -> list[str]:
    texts = {source.id: source.clean.text for source in story.sources}
    lines: list[str] = []
    for source in story.sources:
        for change in source.provenance.changes if source.provenance else ():
            origin = labels.get(change.origin.source)
            lines.append(
                f"- {labels[source.id]} ({escape(relation_phrase(source, labels))}) · "
                f"**{change.kind}**: {escape(change.detail)}"
            )
            if origin is not None:
                before = texts[change.origin.source][change.origin.start : change.origin.end]
                lines.append(f"  - {origin}: “{escape(before)}”")
            after = texts[source.id][change.copy.start : change.copy.end]
            lines.append(f"  - {labels[source.id]}: “{escape(after)}”")
    return ["### What copies changed", "", *lines, ""] if lines else []


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_CHARACTERS else text[: _EVIDENCE_CHARACTERS - 1] + "…"


def _citation(citation: Citation, labels: dict[str, str]) -> str:
    return f"\\[{labels[citation.source]} {citation_place(citation)}\\]"


def _problems(brief: Brief) -> list[str]:
    lines: list[str] = []
    if brief.rejections:
        lines += ["## Skipped inputs", ""]
        lines += [f"- {escape(rejection.describe())}" for rejection in brief.rejections]
        lines.append("")
    if brief.duplicates:
        lines += ["## Duplicate inputs", ""]
        lines += [f"- {escape(duplicate.describe())}" for duplicate in brief.duplicates]
        lines.append("")
    if brief.all_problems:
        lines += ["## Left out after an error", ""]
        lines += [f"- {escape(problem.describe())}" for problem in brief.all_problems]
        lines.append("")
    return lines
