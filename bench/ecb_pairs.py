"""Same-fact pairs from ECB+: claims of different reports labelled by the events they tell.

ECB+ (../shared/data/ecbplus, evaluation only, read in place) annotates, in selected
sentences of 982 news reports, each mention of an event (an action: "checked into",
"shooting") and links mentions of one real event across reports. Each subtopic (one
real event, reported by several outlets) is briefed here as a story, its reports written
as files; a claim tells the events whose mentions lie inside its span (reporting verbs
left out: claims drop "X said"). Two claims of different reports, both in annotated
sentences and both telling events, are:

- the same fact when they tell the same events;
- different facts when they tell no event in common;
- left out when they tell some events in common and not others.

Mentions linked to no other mention are events of their own report. Topics are split by
parity (odd to tune, even to test) so that a fit on ECB+ is checked on topics it never saw.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from _harness import data_dir

# Event mentions that tell what happened; reporting and aspect ("said", "began") do not.
_TOLD = re.compile(r"^(?:NEG_)?ACTION_(?:OCCURRENCE|STATE|PERCEPTION|CAUSATIVE|GENERIC)$")
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "n't", "'", "''", "'re",
                    "'ve", "'ll", "'d", "'m"}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "$", "``"}


@dataclass
class Report:
    name: str  # the file name it is written as
    topic: int
    subtopic: str
    text: str = ""
    # each annotated sentence: its text and where it starts in `text`
    sentences: dict[int, tuple[str, int]] = field(default_factory=dict)
    # each event mention in an annotated sentence: (start, end) in `text`, event id
    events: list[tuple[int, int, str]] = field(default_factory=list)


def _annotated() -> set[tuple[str, int]]:
    path = data_dir() / "ecbplus" / "ECBplus_coreference_sentences.csv"
    with path.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return {(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in rows}


def _words(token: str) -> str:
    return {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(token, token)


def report_of(document: ElementTree.Element, annotated: set[tuple[str, int]]) -> Report:
    name = document.get("doc_name", "").removesuffix(".xml")
    topic, _, rest = name.partition("_")
    report = Report(name, int(topic), "ecbplus" if rest.endswith("ecbplus") else "ecb")
    spans: dict[str, tuple[int, int]] = {}
    by_sentence: dict[int, list[ElementTree.Element]] = defaultdict(list)
    for token in document.iter("token"):
        by_sentence[int(token.get("sentence", "0"))].append(token)
    pieces: list[str] = []
    offset = 0
    for number in sorted(by_sentence):
        if number == 0 and report.subtopic == "ecbplus":
            continue  # the page's address, tokenized as sentence zero
        start = offset
        line = ""
        for token in by_sentence[number]:
            text = _words(token.text or "")
            glue = not line or text in _NO_SPACE_BEFORE or line.endswith(tuple(_NO_SPACE_AFTER))
            line += ("" if glue else " ") + text
            spans[token.get("t_id", "")] = (start + len(line) - len(text), start + len(line))
        pieces.append(line)
        if (name, number) in annotated:
            report.sentences[number] = (line, start)
        offset += len(line) + 2  # a blank line between sentences
    report.text = "\n\n".join(pieces) + "\n"
    report.events = list(_event_mentions(document, spans, report))
    return report


def _event_mentions(
    document: ElementTree.Element, spans: dict[str, tuple[int, int]], report: Report
) -> Iterator[tuple[int, int, str]]:
    chains: dict[str, str] = {}
    for relation in document.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            chains[source.get("m_id", "")] = relation.get("note", "")
    annotated = [(start, start + len(line)) for line, start in report.sentences.values()]
    for markable in document.find("Markables") or []:
        anchors = [spans[a.get("t_id", "")] for a in markable.iter("token_anchor")
                   if a.get("t_id", "") in spans]  # fmt: skip
        if not _TOLD.match(markable.tag) or not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        if not any(a <= start and end <= b for a, b in annotated):
            continue
        mention = markable.get("m_id", "")
        yield start, end, chains.get(mention) or f"{report.name}#{mention}"


def subtopics() -> dict[tuple[int, str], list[Report]]:
    """The reports of each subtopic (topic, "ecb" or "ecbplus"), as annotated."""
    annotated = _annotated()
    found: dict[tuple[int, str], list[Report]] = defaultdict(list)
    path = data_dir() / "ecbplus" / "ecbplus_raw_xml.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as file:
        for line in file:
            document = ElementTree.fromstring(json.loads(line)["xml"])
            report = report_of(document, annotated)
            if report.sentences:
                found[(report.topic, report.subtopic)].append(report)
    return dict(sorted(found.items()))


def write_story(reports: list[Report], folder: Path) -> None:
    folder.mkdir(parents=True)
    for report in reports:
        (folder / f"{report.name}.txt").write_text(report.text, encoding="utf-8")


def told_events(report: Report, clean: str, start: int, end: int) -> frozenset[str] | None:
    """The events a claim spanning [start, end) of the report's cleaned text tells, or None
    when it is not in an annotated sentence (or the sentence is not found there)."""
    for line, offset in report.sentences.values():
        found = clean.find(line)
        if found < 0 or not (found <= start and end <= found + len(line)):
            continue
        shift = found - offset
        return frozenset(
            event
            for first, last, event in report.events
            if start <= first + shift and last + shift <= end
        )
    return None


def label(left: frozenset[str] | None, right: frozenset[str] | None) -> int | None:
    if not left or not right:
        return None
    if left == right:
        return 1
    return None if left & right else 0
