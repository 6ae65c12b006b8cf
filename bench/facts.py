"""Fact support: does the brief say which sources state each fact, however they word it?

The gold (bench/gold/facts.json) holds the facts of examples/ and of 13 Multi-News
clusters, annotated by reading (a snippet is where an article states the fact: its text for
examples/, character offsets into the passage for Multi-News, whose text is read in place),
split into a half to tune on and a half to report. Each version of newsfuse briefs
every cluster as a user would (its articles as files in one folder, `brief_paths`, the JSON
brief); today's code runs beside it from a git worktree (`--baseline REF`).

A citation of the brief *covers* a gold snippet when they overlap by at least half of the
shorter (a claim may be less than the snippet: "it is investigating the incident" in "DCFS
said it is investigating the incident"). The brief's facts are its `facts` and its key
points (`summary`). Per half:

- corroborated share: of the gold facts that two or more independent sources state, the
  share the brief shows as corroborated (a fact covering it that counts 2+ independent);
- support recall: Σ min(credited, gold) / Σ gold over those facts, where credited is the
  number of the fact's gold sources one brief fact covers (the best one);
- merge precision: of pairs of citations of one brief fact from different sources that
  both cover gold facts, the share that cover a same gold fact;
- false single-source labels: the brief's single-source facts and points that cover a gold
  fact another independent source states, as a share of its single-source labels;
- lone facts labelled: of the gold facts one origin states, the share a single-source fact
  or point of the brief covers (the other side of the label: a brief that labels nothing
  single-source has no false labels). The gold lists the facts two sources state
  exhaustively, the others where the annotator noted them.

    python bench/facts.py [--baseline REF]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _harness import HERE, ROOT, data_dir, save, table

GOLD = HERE / "gold" / "facts.json"
# Run by each version of newsfuse, in its own process: the JSON brief of each folder.
_DRIVER = """
import importlib, json, sys
from newsfuse import brief_paths, render_json
folders = []
for argument in sys.argv[1:]:
    if argument.startswith("--set="):  # module.NAME=value: a constant tried for tuning
        name, value = argument.removeprefix("--set=").split("=", 1)
        module, constant = name.rsplit(".", 1)
        setattr(importlib.import_module(module), constant, eval(value))
    else:
        folders.append(argument)
for folder in folders:
    print(json.dumps(json.loads(render_json(brief_paths([folder])))))
"""


@dataclass(frozen=True)
class Span:
    source: str  # the gold's name of the article ("0", "02", "05a")
    start: int
    end: int


@dataclass
class Counts:
    multi: int = 0
    corroborated: int = 0
    by_own_sources: int = 0  # corroborated by two of the fact's own gold sources in one fact
    gold_sources: int = 0
    credited: int = 0
    right_pairs: int = 0
    wrong_pairs: int = 0
    single_labels: int = 0
    false_single: int = 0
    lone: int = 0  # gold facts one origin states
    lone_shown: int = 0  # ... that the brief labels single-source
    misses: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in (
            "multi", "corroborated", "by_own_sources", "gold_sources", "credited",
            "right_pairs", "wrong_pairs", "single_labels", "false_single", "lone",
            "lone_shown",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def row(self) -> dict[str, float | int]:
        return {
            "multi-source facts": self.multi,
            "corroborated share": _ratio(self.corroborated, self.multi),
            "by its own sources": _ratio(self.by_own_sources, self.multi),
            "support recall": _ratio(self.credited, self.gold_sources),
            "merge precision": _ratio(self.right_pairs, self.right_pairs + self.wrong_pairs),
            "false single-source": _ratio(self.false_single, self.single_labels),
            "single-source labels": self.single_labels,
            "lone facts labelled": _ratio(self.lone_shown, self.lone),
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 1.0


# The clusters as folders of files


def _multinews() -> list[str]:
    path = data_dir() / "multinews_longbench" / "multi_news.jsonl"
    return path.read_text(encoding="utf-8").splitlines()


def write_cluster(name: str, folder: Path, lines: list[str]) -> Path:
    """The cluster's articles as files: examples/ as it is; a Multi-News cluster's passages
    as N.txt, N their number."""
    if name == "examples":
        return ROOT / "examples"
    passages = json.loads(lines[int(name.removeprefix("mn"))])["context"].split("Passage ")[1:]
    target = folder / name
    target.mkdir()
    for number, passage in enumerate(passages):
        body = passage.split(":\n", 1)[1] if ":\n" in passage else passage
        text = body.replace(" NEWLINE_CHAR NEWLINE_CHAR ", "\n\n").replace("NEWLINE_CHAR", "\n")
        (target / f"{number}.txt").write_text(text.strip() + "\n", encoding="utf-8")
    return target


def with_snippet_texts(cluster: dict[str, Any], folder: Path) -> dict[str, Any]:
    """The cluster's gold with each snippet as text: offsets ([start, end]) are read from
    the article as `write_cluster` wrote it."""
    facts = []
    for fact in cluster["facts"]:
        snippets = {
            source: value
            if isinstance(value, str)
            else (folder / f"{source}.txt").read_text(encoding="utf-8")[value[0] : value[1]]
            for source, value in fact["snippets"].items()
        }
        facts.append({**fact, "snippets": snippets})
    return {**cluster, "facts": facts}


def source_name(cluster: str, path: str) -> str:
    """The gold's name for a brief's source, from its path."""
    file_name, _, record = Path(path).name.partition("#")
    if cluster != "examples":
        return file_name.removesuffix(".txt")
    return file_name[:2] + ({"line1": "a", "line2": "b"}.get(record, ""))


# Scoring one cluster


def _normalized(text: str) -> tuple[str, list[int]]:
    """`text` with runs of white space made one space, and each character's offset in it."""
    kept, offsets, space = [], [], False
    for offset, char in enumerate(text):
        if char.isspace():
            if not space:
                kept.append(" ")
                offsets.append(offset)
            space = True
        else:
            kept.append(char)
            offsets.append(offset)
            space = False
    return "".join(kept), offsets


def locate(snippet: str, text: str) -> tuple[int, int] | None:
    flat, offsets = _normalized(text)
    wanted = " ".join(snippet.split())
    found = flat.find(wanted)
    if found < 0:
        return None
    return offsets[found], offsets[found + len(wanted) - 1] + 1


def _covers(citation: Span, snippet: Span) -> bool:
    """Whether a citation cites (part of) where a gold snippet states its fact: they
    overlap by at least half of the shorter. A claim is often less than its sentence ("it
    is investigating the incident" of "DCFS said it is investigating the incident"), and a
    gold snippet often more than its claim: what the brief shows the reader is that source
    stating that fact all the same (the rule bench/judge.py labels claims by)."""
    overlap = min(citation.end, snippet.end) - max(citation.start, snippet.start)
    shorter = min(citation.end - citation.start, snippet.end - snippet.start)
    return citation.source == snippet.source and overlap >= shorter / 2


@dataclass(frozen=True)
class BriefFact:
    citations: tuple[Span, ...]
    independent: int


def brief_facts(brief: dict[str, Any], cluster: str) -> list[BriefFact]:
    found = []
    for story in brief["stories"]:
        names = {s["id"]: source_name(cluster, s["path"]) for s in story["sources"]}
        for item in [*story["facts"], *story["summary"]]:
            spans = [
                Span(names[c["source"]], c["start"], c["end"])
                for c in item["citations"]
                if c.get("part", "text") == "text"
            ]
            found.append(BriefFact(_statements(spans), item["independent"]))
    return found


def _statements(spans: list[Span]) -> tuple[Span, ...]:
    """The spans a fact rests on: its first citation is the sentence its wording comes
    from, which holds the statement cited next when that is less than the sentence (the
    sentence may state other facts too)."""
    if not spans:
        return ()
    first, rest = spans[0], spans[1:]
    inside = any(
        s.source == first.source and first.start <= s.start and s.end <= first.end for s in rest
    )
    return tuple(rest if inside else spans)


def score_cluster(gold: dict[str, Any], brief: dict[str, Any], copies: dict[str, str]) -> Counts:
    cluster = gold["name"]
    texts = {
        source_name(cluster, s["path"]): s["text"]
        for story in brief["stories"]
        for s in story["sources"]
    }
    facts = []  # (says, snippets as spans, independent gold sources)
    for fact in gold["facts"]:
        spans = []
        for source, snippet in fact["snippets"].items():
            place = locate(snippet, texts.get(source, ""))
            if place is not None:
                spans.append(Span(source, *place))
        origins = {copies.get(source, source) for source in fact["snippets"]}
        facts.append((fact["says"], spans, len(origins)))
    found = brief_facts(brief, cluster)
    counts = Counts()
    for says, spans, origins in facts:
        if origins < 2:
            counts.lone += 1
            counts.lone_shown += any(
                bf.independent <= 1 and _credited(bf, spans)[0] for bf in found
            )
            continue
        counts.multi += 1
        counts.gold_sources += len(fact_sources := {span.source for span in spans})
        best = max((_credited(bf, spans) for bf in found), default=(0, 0))
        counts.credited += min(best[0], len(fact_sources))
        shown = any(bf.independent >= 2 and _credited(bf, spans)[0] for bf in found)
        counts.corroborated += shown
        # Shown as corroborated by two of its own sources, not by a fact of other claims
        # that one of its sources' claims was joined to.
        counts.by_own_sources += any(
            bf.independent >= 2
            and len({copies.get(s, s) for s in _credited_sources(bf, spans)}) >= 2
            for bf in found
        )
        if not shown:
            counts.misses.append(f"{cluster}: {says}")
    for bf in found:
        _pairs(bf, facts, counts)
        if bf.independent <= 1:
            counts.single_labels += 1
            covered = [origins for _, spans, origins in facts if _credited(bf, spans)[0]]
            counts.false_single += any(origins >= 2 for origins in covered)
    return counts


def _credited_sources(fact: BriefFact, spans: list[Span]) -> set[str]:
    """The gold fact's sources (of `spans`) the brief fact covers."""
    return {s.source for s in spans if any(_covers(c, s) for c in fact.citations)}


def _credited(fact: BriefFact, spans: list[Span]) -> tuple[int, int]:
    """How many of a gold fact's sources the brief fact covers (and how many citations)."""
    return len(_credited_sources(fact, spans)), len(fact.citations)


def _pairs(fact: BriefFact, facts: list[tuple[str, list[Span], int]], counts: Counts) -> None:
    stated = [
        {number for number, (_, spans, _) in enumerate(facts) if any(_covers(c, s) for s in spans)}
        for c in fact.citations
    ]
    for left in range(len(fact.citations)):
        for right in range(left + 1, len(fact.citations)):
            if fact.citations[left].source == fact.citations[right].source:
                continue
            if stated[left] and stated[right]:
                if stated[left] & stated[right]:
                    counts.right_pairs += 1
                else:
                    counts.wrong_pairs += 1


# Running versions


def briefs_by(
    code: Path,
    folders: list[Path],
    settings: list[str] = [],  # noqa: B006 (never changed)
) -> tuple[list[dict[str, Any]], float]:
    """The JSON briefs of the folders by the newsfuse in `code` (its src/), and the time;
    `settings` ("newsfuse.crosscheck.grouping.SAME_FACT_LINK=0.4") are tried for tuning."""
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-c", _DRIVER, *(f"--set={s}" for s in settings), *map(str, folders)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(code / "src"), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )
    return [json.loads(line) for line in run.stdout.splitlines()], time.perf_counter() - started


def worktree(ref: str, where: Path) -> Path:
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), ref],
        check=True,
        capture_output=True,
    )
    return where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", help="a git ref of newsfuse to run beside this tree")
    parser.add_argument("--misses", action="store_true", help="list the facts not corroborated")
    parser.add_argument("--clusters", action="store_true", help="a row for each cluster too")
    parser.add_argument(
        "--set", action="append", default=[], metavar="MODULE.NAME=VALUE",
        help="try a value of a constant of this tree (tuning; repeatable)",
    )  # fmt: skip
    arguments = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    lines = _multinews()
    with tempfile.TemporaryDirectory() as scratch:
        folders = [write_cluster(c["name"], Path(scratch), lines) for c in gold["clusters"]]
        versions = {"this tree": ROOT}
        if arguments.baseline:
            versions = {
                f"baseline {arguments.baseline}": worktree(arguments.baseline, Path(scratch) / "b"),
                **versions,
            }
        results: dict[str, Any] = {}
        rows = []
        for version, code in versions.items():
            settings = arguments.set if code == ROOT else []
            briefs, seconds = briefs_by(code, folders, settings)
            halves = {"tune": Counts(), "test": Counts()}
            for annotated, folder, brief in zip(gold["clusters"], folders, briefs, strict=True):
                cluster = with_snippet_texts(annotated, folder)
                counts = score_cluster(cluster, brief, cluster.get("copies", {}))
                halves[cluster["half"]].add(counts)
                if arguments.clusters:
                    rows.append((version, cluster["name"], *counts.row().values()))
            results[version] = {half: counts.row() for half, counts in halves.items()}
            results[version]["seconds"] = round(seconds, 1)
            for half, counts in halves.items():
                rows.append((version, half, *counts.row().values()))
                if arguments.misses:
                    print(f"{version} / {half}: not corroborated: {counts.misses}")
        if arguments.baseline:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(Path(scratch) / "b")],
                check=False,
            )
    headers = ["version", "half", *Counts().row().keys()]
    print(table(headers, rows))
    print("seconds (all clusters):", {v: r["seconds"] for v, r in results.items()})
    save("facts", results)


if __name__ == "__main__":
    main()
