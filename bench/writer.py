"""The written brief's gate: what it keeps of faithful sentences, what it drops of invented ones.

No model that writes well runs offline on this machine (../shared/MODELS.md), so the gate is
measured on sentences made from each story's facts, as a model would write them:

- faithful: a fact's wording, citing it; reworded: another outlet's span cited for the same
  fact (real rewording by a newsroom), citing it. Both should be kept; a faithful sentence
  telling one side of a disputed point as settled is rightly dropped, and counted apart;
- invented: a fact's wording with one detail changed, citing it: a figure changed, a
  qualifier dropped, a name swapped for one of another story, a "not" added, a weekday
  moved, the ids left off. Each should be dropped, with its reason.

Stories: examples/ and the seeds (the gate's thresholds were set on them), and Multi-News
clusters 101-140 (never looked at while building the gate).

    python bench/writer.py                        # the table; results/writer.json
    python bench/writer.py --llm-url URL --llm-model NAME   # and a real model's briefs
                                                            # (30 stories of each set),
                                                            # measured and printed for
                                                            # reading by hand
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from _harness import ROOT, data_dir, save, table

from newsfuse import brief_paths
from newsfuse.models import DroppedSentence, StoryBrief
from newsfuse.text.embed import RememberingEncoder, default_encoder
from newsfuse.text.lexical import QUALIFIERS, qualified_figures
from newsfuse.text.nlp import read
from newsfuse.write import LlmSettings, write_brief
from newsfuse.write.gate import Gate
from newsfuse.write.reply import drafted_sentences
from newsfuse.write.sheet import sheet_of

_AUXILIARY = re.compile(r"\b(is|was|are|were|will|would|has|have|had|can|could)\b(?! not)")
# A "not" added to a sentence that denies already reads as a double negative, not a lie.
_DENIAL = re.compile(r"\b(?:not|no|never|nothing|nobody|none|nor|neither)\b|n't|n’t", re.I)
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\d,.])\d+(?![\d,.]\d)")
_QUALIFIER = re.compile(r"\b(?:" + "|".join(QUALIFIERS) + r")\s+(?=\d)", re.IGNORECASE)
_NAMES = ("PERSON", "ORG", "GPE")


def stories(folder: Path) -> dict[str, list[StoryBrief]]:
    lines = (data_dir() / "multinews_longbench" / "multi_news.jsonl").read_text().splitlines()
    unseen = []
    for number in range(101, 141):
        passages = json.loads(lines[number])["context"].split("Passage ")[1:]
        target = folder / f"mn{number}"
        target.mkdir()
        for index, passage in enumerate(passages):
            body = passage.split(":\n", 1)[1] if ":\n" in passage else passage
            text = body.replace(" NEWLINE_CHAR NEWLINE_CHAR ", "\n\n").replace("NEWLINE_CHAR", "\n")
            (target / f"{index}.txt").write_text(text.strip() + "\n")
        unseen += brief_paths([str(target)]).stories
    seeds = ROOT.parent / "shared" / "seeds"
    set_on = [*brief_paths([str(ROOT / "examples")]).stories]
    if seeds.is_dir():
        set_on += brief_paths(sorted(str(p) for p in seeds.glob("*.txt"))).stories
    return {"examples + seeds": set_on, "Multi-News 101-140": unseen}


def cases(story: StoryBrief, names: list[str]) -> list[tuple[str, str, str | None]]:
    """(kind, reply line, the reason it should be dropped for, or None to keep)."""
    sheet = sheet_of(story)
    found: list[tuple[str, str, str | None]] = []
    for number in sheet.shown:
        text = " ".join(sheet.facts[number].text.split())
        ids = f"[F{number + 1}]"
        if sheet.disputes_of(number):
            found.append(("faithful, disputed", f"{text} {ids}", "disputed"))
        else:
            found.append(("faithful", f"{text} {ids}", None))
        others = [e for e in sheet.evidence[number][1:] if len(e.split()) >= 8 and e != text]
        if others and not sheet.disputes_of(number):
            found.append(("reworded", f"{' '.join(others[0].split())} {ids}", None))
        found += [(kind, f"{line} {ids}", kind) for kind, line in _invented(text, names)]
        found.append(("uncited", text, "uncited"))
    return found


def _invented(text: str, names: list[str]) -> list[tuple[str, str]]:
    made: list[tuple[str, str]] = []
    if (number := _NUMBER.search(text)) and not _QUALIFIER.search(text[: number.start()][-20:]):
        value = int(number.group(0).replace(",", "")) * 2 + 1
        made.append(("figure", text[: number.start()] + f"{value:,}" + text[number.end() :]))
    if any(q for _, q in qualified_figures(text)) and (hedge := _QUALIFIER.search(text)):
        made.append(("hedge", text[: hedge.start()] + text[hedge.end() :]))
    entity = next((e for e in read(text).ents if e.label_ in _NAMES), None)
    stranger = next((n for n in names if n.split()[-1].lower() not in text.lower()), None)
    if entity is not None and stranger is not None:
        made.append(("name", text[: entity.start_char] + stranger + text[entity.end_char :]))
    if (auxiliary := _AUXILIARY.search(text)) and not _DENIAL.search(text):
        made.append(("negation", text[: auxiliary.end()] + " not" + text[auxiliary.end() :]))
    if day := next((d for d in _WEEKDAYS if re.search(rf"\b{d}\b", text)), None):
        moved = _WEEKDAYS[(_WEEKDAYS.index(day) + 3) % 7]
        made.append(("date", re.sub(rf"\b{day}\b", moved, text)))
    return made


def measure(briefs: list[StoryBrief], encoder: RememberingEncoder) -> dict[str, dict[str, int]]:
    names = [e.name for story in briefs for e in story.entities if e.kind.upper() == "PERSON"]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for position, story in enumerate(briefs):
        # names of other stories, so that a swapped name is one the story never gives
        others = names[len(names) * (position + 1) // max(len(briefs), 1) :] + names
        made = cases(story, others)
        gate = Gate(sheet_of(story), encoder)
        for kind, line, expected in made:
            # a fact's wording may read as two sentences: the case is dropped if any is
            dropped = [
                r for r in gate.checked(drafted_sentences(line)) if isinstance(r, DroppedSentence)
            ]
            reason = dropped[0].reason if dropped else None
            counts[kind]["cases"] += 1
            counts[kind]["dropped"] += bool(dropped)
            counts[kind]["as expected"] += reason == expected
            if reason != expected:
                counts[kind][f"{'kept' if reason is None else 'dropped: ' + reason}"] += 1
                if kind in ("faithful", "reworded") or reason is None:
                    print(f"  [{kind} -> {reason}] {line[:160]}", file=sys.stderr)
    return {kind: dict(count) for kind, count in sorted(counts.items())}


def with_model(briefs: list[StoryBrief], url: str, model: str) -> dict[str, object]:
    """A real model's written briefs of the stories: sentences written, kept and dropped by
    reason, seconds a story, and ROUGE of the kept sentences against the story's extractive
    key points; each kept sentence printed beside the facts it cites, for reading by hand."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    settings = LlmSettings(url=url, model=model)
    encoder = RememberingEncoder(default_encoder())
    counts: Counter[str] = Counter()
    seconds: list[float] = []
    rouge: list[dict[str, float]] = []
    for story in briefs:
        started = time.perf_counter()
        written = write_brief(story, settings, encoder, sentences=6)
        seconds.append(time.perf_counter() - started)
        if written is None:
            counts["stories without a written brief"] += 1
            continue
        counts["sentences written"] += len(written.sentences) + len(written.dropped)
        counts["kept"] += len(written.sentences)
        counts.update(f"dropped: {d.reason}" for d in written.dropped)
        kept = " ".join(sentence.text for sentence in written.sentences)
        points = " ".join(point.text for point in story.summary)
        if kept and points:
            found = scorer.score(points, kept)
            rouge.append({key: value.fmeasure * 100 for key, value in found.items()})
        print(f"\n## {story.title}")
        for sentence in written.sentences:
            facts = "; ".join(story.facts[n].text for n in sentence.facts)
            print(f"KEPT  {sentence.text}\n      <- {facts}")
        for dropped in written.dropped:
            print(f"DROP  {dropped.reason}: {dropped.text}\n      ({dropped.detail})")
    return {
        "model": model,
        "stories": len(briefs),
        **dict(sorted(counts.items())),
        "seconds a story": round(statistics.fmean(seconds), 1) if seconds else 0.0,
        "ROUGE-1 / ROUGE-2 of kept sentences against the key points": [
            round(statistics.fmean(r[key] for r in rouge), 2) for key in ("rouge1", "rouge2")
        ]
        if rouge
        else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--llm-url")
    parser.add_argument("--llm-model")
    parser.add_argument(
        "--llm-stories", type=int, default=30, help="stories of each set the model writes"
    )
    arguments = parser.parse_args()
    encoder = RememberingEncoder(default_encoder())
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        sets = stories(Path(folder))
    for name, briefs in sets.items():
        results[name] = measure(briefs, encoder)
        rows = [
            (kind, c["cases"], c.get("dropped", 0), c.get("as expected", 0))
            for kind, c in results[name].items()
        ]
        print(f"\n{name} ({len(briefs)} stories)")
        print(table(["sentences", "cases", "dropped", "as expected"], rows))
        for kind, c in results[name].items():
            wrong = {k: v for k, v in c.items() if k.startswith(("dropped:", "kept"))}
            if wrong:
                print(f"  {kind}: {wrong}")
    save("writer", results)
    if arguments.llm_url and arguments.llm_model:
        for name, briefs in sets.items():
            chosen = briefs[: arguments.llm_stories]
            results[f"{name}, {arguments.llm_model}"] = found = with_model(
                chosen, arguments.llm_url, arguments.llm_model
            )
            print(f"\n{name}, written by {arguments.llm_model} ({len(chosen)} stories)")
            print(table(["measure", "value"], list(found.items())))
        save("writer", results)


if __name__ == "__main__":
    sys.exit(main())
