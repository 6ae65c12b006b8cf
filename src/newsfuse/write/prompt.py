"""The request a model writes from: the story's facts, numbered, with their independent
support, their disputes and their updates, never the articles themselves.

Fact texts are article sentences, so they may hold anything ("ignore the rules above"):
they are put on one line each, cut to a bound, and whatever the model makes of them is
checked by the gate like any other answer.
"""

from __future__ import annotations

from newsfuse.models import ConflictSide
from newsfuse.write.client import Message
from newsfuse.write.sheet import Dispute, Sheet, fact_id

_INSTRUCTIONS = """\
You write short news briefs for readers who check every sentence against the sources.
You are given numbered facts that news reports state about one story. Write a brief of at \
most {sentences} sentences, in plain English, from these facts alone.
Rules:
- End every sentence with the ids of the facts it rests on, in square brackets: [F2] or [F1, F4].
- Say only what the cited facts say: no name, figure, date or quotation they do not give, \
no background knowledge, no opinion.
- Keep each figure as the facts give it, with its qualifier ("more than 150,000", not "150,000").
- Where sources disagree (see DISPUTED), say who says what; never state one side as settled.
- Where a figure was updated (see UPDATED), say so: never give either figure as the only one.
- Write one sentence a line: no title, list, heading or other text."""

_MOST_SAYS = 80


def messages(sheet: Sheet, sentences: int) -> list[Message]:
    return [
        {"role": "system", "content": _INSTRUCTIONS.format(sentences=sentences)},
        {"role": "user", "content": facts_text(sheet)},
    ]


def facts_text(sheet: Sheet) -> str:
    lines = [f"STORY: {_one_line(sheet.title)}", "", "FACTS (independent sources stating each):"]
    for number in sheet.shown:
        fact = sheet.facts[number]
        support = f"{fact.independent} source{'' if fact.independent == 1 else 's'}"
        speaker = sheet.speakers[number]
        said = f" ({_one_line(speaker)}, quoted)" if speaker else ""
        lines.append(f"{fact_id(number)} [{support}]{said}: {_one_line(fact.text)}")
    shown = set(sheet.shown)
    for title, items in (("DISPUTED", sheet.disputes), ("UPDATED", sheet.updates)):
        told = [_dispute_line(item, shown) for item in items if item.facts & shown]
        if told:
            lines += ["", f"{title}:", *told]
    return "\n".join(lines) + "\n"


def _dispute_line(dispute: Dispute, shown: set[int]) -> str:
    conflict = dispute.conflict
    about = ", ".join(fact_id(n) for n in sorted(dispute.facts & shown))
    first, second = (_side(side) for side in conflict.sides)
    line = f"- on {about} ({conflict.kind}): {first}; {second}"
    return f"{line} ({_one_line(conflict.update)})" if conflict.update else line


def _side(side: ConflictSide) -> str:
    count = f"{side.independent} source{'' if side.independent == 1 else 's'}"
    says = _one_line(side.says)[:_MOST_SAYS]
    verb = "says" if side.independent == 1 else "say"
    return f'{count} {verb} "{says}"'


def _one_line(text: str) -> str:
    return " ".join(text.split())
