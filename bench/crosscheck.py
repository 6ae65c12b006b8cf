"""Crosscheck on Multi-News clusters with known injected distortions, and clean clusters.

Each of the 200 Multi-News clusters (less articles repeating an earlier cluster's, and
independent reports sharing a tenth of the base article's text) is one of:
  - injected (two clusters in three): article A is the base. One sentence of A is distorted
    in a copy of A (page furniture added, published later): an altered copy. Another
    sentence, reworded with a synonym table and distorted, is added to another article B
    of the cluster: an independent report that disagrees. A third sentence goes into B
    reworded with a difference that is no contradiction: a figure given as an update ("up
    from an earlier count of ..."), a rounded figure ("about 1,200" for 1,234), or
    unchanged (support).
  - clean (one in three): the cluster as published.

Kinds of distortion, each injected by this file's own rules (the detector knows none):
number (a figure times 1.6), negation ("not" after an auxiliary), role ("X of Name" made
"X by Name", else two names swapped), speaker (a quote given to another person), date (a
weekday or day of the month moved), status ("will X" made done, done made "will X"), quote
(a word inside a direct quote swapped for a synonym).

A reported conflict matches an injection when its kind is the injected kind and one side
cites the distorted sentence and the other the original. Reported: recall per kind and
setting; precision over all conflicts reported in injected clusters; conflicts reported as
contradictions for the harmless differences; and false conflicts per clean cluster. The
first 100 clusters were used to set the rules; the last 100 are reported apart.

    python bench/crosscheck.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from _harness import peak_rss_mb, save, table

from newsfuse.crosscheck import crosscheck
from newsfuse.extract.story import extract_story
from newsfuse.ingest import read_text
from newsfuse.models import Article, Conflict, Source, Story
from newsfuse.pipeline import prepare
from newsfuse.provenance import analyse
from newsfuse.text.embed import default_encoder
from provenance import FURNITURE_BOTTOM, FURNITURE_TOP, distinct_clusters, independent, spin

KINDS = ("number", "negation", "role", "speaker", "date", "status", "quote")
HARMLESS = ("update", "rounding", "support")
TUNED_ON = 100
# Other draws of sentences and kinds over the same clusters (--variant): more cases to study
# the rules on without looking at the clusters held out.
_VARIANT_SEEDS = 100_000
_SENTENCE = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z“\"])")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_CALENDAR = frozenset((*_WEEKDAYS, *_MONTHS))
_MONTH_DAY = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December) (\d{1,2})\b"
)
# A figure of something counted: a number after a lower-case word and before one.
_NUMBER = re.compile(r"(?<=[a-z,] )(\d{1,3}(?:,\d{3})+|\d+)(?= [a-z])(?! [ap]\.m)")
_AUXILIARY = re.compile(
    r"\b(is|was|were|are|has|have|had|will|would|can|could|did|does)\b (?!not\b|n't|to\b)(?=[a-z])"
)
# Nouns of action: "invasion of Ukraine", "attack on Kabul", "criticism of Trump".
_ROLE = re.compile(
    r"\b([a-z]+(?:tion|sion|ment|ism|ack|ault|ike|ure)) (of|against|on) ([A-Z][a-z]{2,})\b"
    r"(?!['’]s| [A-Z])"
)
# "the invasion by Russia": a noun of action and who does it.
_ROLE_BY = re.compile(
    r"\b([a-z]+(?:tion|sion|ment|ism|ack|ault|ike|ure)) by ([A-Z][a-z]{2,})\b(?!['’]s| [A-Z])"
)
# "Smith was attacked by Jones": who was acted on, and by whom.
_PASSIVE = re.compile(
    r"(?:(?<=[a-z,] )|^)([A-Z][a-z]{2,}) (was|were|is|are|has been|had been) ([a-z]{3,}ed) by "
    r"([A-Z][a-z]{2,})\b(?!['’]s| [A-Z])"
)
# "Russia warned Ukraine": two names around one verb in the past tense.
_TWO_NAMES = re.compile(
    r"(?:(?<=[a-z,] )|^)((?:[A-Z][a-z]+ )*[A-Z][a-z]{2,}) ([a-z]{3,}ed) "
    r"((?:[A-Z][a-z]+ )*[A-Z][a-z]{2,})\b(?! [A-Z])(?!['’]s)"
)
_SAID_NAME = re.compile(
    r"[”\"],? said ([A-Z][a-z]+ [A-Z][a-z]+)\b(?! [A-Z])|([A-Z][a-z]+ [A-Z][a-z]+) said,? [“\"]"
)
_QUOTED = re.compile(r"[“\"]([^”\"]{30,})[”\"]")
_WILL = re.compile(r"\bwill ([a-z]{3,})\b")
_DONE = re.compile(
    r"(?<!\bmay )(?<!\bmust )(?<!\bmight )(?<!\bcould )(?<!\bwould )(?<!\bshould )"
    r"\b(has|have) ([a-z]{3,}ed)\b"
)
_IRREGULAR = frozenset(
    [
        "be",
        "have",
        "go",
        "take",
        "make",
        "get",
        "give",
        "come",
        "see",
        "know",
        "say",
        "tell",
        "find",
        "keep",
        "leave",
    ]
)
_OTHER_PEOPLE = ("Maria Delgado", "Thomas Whitaker", "Aisha Rahman", "Peter Lindqvist")
_SWAPS = {
    "very": "extremely", "good": "great", "important": "crucial", "great": "good",
    "difficult": "hard", "happy": "glad", "clear": "obvious", "serious": "grave",
    "big": "huge", "really": "truly", "new": "fresh", "strong": "powerful",
    "people": "folks", "believe": "think", "think": "believe", "want": "wish",
    "need": "require", "country": "nation", "help": "assist", "work": "labor",
    "time": "moment", "know": "understand", "make": "create", "going": "about",
}  # fmt: skip


@dataclass
class Injection:
    kind: str
    setting: str  # "copy", "independent" or "harmless"
    original: str
    changed: str
    path: str  # the article the changed sentence is in
    opening: str = ""  # the paragraph before the sentence, which may open a quote


@dataclass
class ClusterCase:
    number: int
    texts: dict[str, str]  # path -> text
    published: dict[str, str]
    injections: list[Injection] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.injections


# Distortions


def _number(sentence: str, rng: random.Random) -> str | None:
    for match in _NUMBER.finditer(sentence):
        value = int(match.group(1).replace(",", ""))
        if (
            1900 <= value <= 2100
            or value < 2
            or _in_date(sentence, match.start())
            or _in_name(sentence, match.start())
        ):
            continue
        changed = round(value * 1.6) + 1
        if 1900 <= changed <= 2100:
            changed += 300  # a figure, not a year
        text = f"{changed:,}" if "," in match.group(1) else str(changed)
        return sentence[: match.start(1)] + text + sentence[match.end(1) :]
    return None


def _in_date(sentence: str, position: int) -> bool:
    before = sentence[max(0, position - 12) : position]
    return bool(
        re.search(
            r"(January|February|March|April|May|June|July|August|September|"
            r"October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|"
            r"Dec\.) $",
            before,
        )
    )


def _in_name(sentence: str, position: int) -> bool:
    """Whether a number is part of a name: "Highway 80", "Boeing 737"."""
    before = sentence[:position].split()
    return bool(before) and before[-1][:1].isupper()


def _negation(sentence: str, rng: random.Random) -> str | None:
    if re.search(r"\b(not|n't|never|no)\b", sentence):
        return None
    # "had an in-depth conversation": "have" and "do" as verbs take no "not" after them.
    match = next(
        (m for m in _AUXILIARY.finditer(sentence) if _helps_a_verb(m.group(1), sentence, m.end())),
        None,
    )
    if match is None:
        return None
    return sentence[: match.end(1)] + " not" + sentence[match.end(1) :]


def _helps_a_verb(auxiliary: str, sentence: str, end: int) -> bool:
    if auxiliary not in {"has", "have", "had", "did", "does"}:
        return True
    following = sentence[end:].split(maxsplit=1)
    return bool(following) and re.fullmatch(r"[a-z]+(?:ed|en|wn|been)", following[0]) is not None


def _role(sentence: str, rng: random.Random) -> str | None:
    match = _ROLE.search(sentence)
    if match is not None and match.group(3) not in _CALENDAR:
        return sentence[: match.start(2)] + "by" + sentence[match.end(2) :]
    match = _ROLE_BY.search(sentence)
    if match is not None:
        return sentence[: match.start()] + f"{match.group(1)} of " + sentence[match.start(2) :]
    match = _PASSIVE.search(sentence)
    if (
        match is not None
        and match.group(1) != match.group(4)
        and not {match.group(1), match.group(4)} & _CALENDAR
        and not _in_name(sentence, match.start())
    ):
        swapped = f"{match.group(4)} {match.group(2)} {match.group(3)} by {match.group(1)}"
        return sentence[: match.start()] + swapped + sentence[match.end() :]
    match = next(
        (
            m
            for m in _TWO_NAMES.finditer(sentence)
            if m.group(1) != m.group(3)
            and not {m.group(1), m.group(3)} & _CALENDAR
            and not _in_name(sentence, m.start())
        ),
        None,
    )
    if match is None:
        return None
    swapped = f"{match.group(3)} {match.group(2)} {match.group(1)}"
    return sentence[: match.start()] + swapped + sentence[match.end() :]


def _speaker(sentence: str, rng: random.Random, people: list[str]) -> str | None:
    match = _SAID_NAME.search(sentence)
    if match is None:
        return None
    name = match.group(1) or match.group(2)
    others = [p for p in people if p != name and p.split()[-1] not in name] or list(_OTHER_PEOPLE)
    return sentence.replace(name, rng.choice(others))


def _date(sentence: str, rng: random.Random) -> str | None:
    for day in _WEEKDAYS:
        if re.search(rf"\b{day}\b(?! [A-Z])", sentence):
            other = _WEEKDAYS[(_WEEKDAYS.index(day) + 3) % 7]
            return re.sub(rf"\b{day}\b(?! [A-Z])", other, sentence, count=1)
    match = _MONTH_DAY.search(sentence)
    if match is None:
        return None
    day = int(match.group(2))
    moved = day + 5 if day <= 20 else day - 9
    return sentence[: match.start(2)] + str(moved) + sentence[match.end(2) :]


def _status(sentence: str, rng: random.Random) -> str | None:
    match = _WILL.search(sentence)
    if match is not None and match.group(1) not in _IRREGULAR and _is_verb(match.group(1)):
        verb = match.group(1)
        past = verb + ("d" if verb.endswith("e") else "ed")
        return sentence[: match.start()] + past + sentence[match.end() :]
    match = _DONE.search(sentence)
    if match is None:
        return None
    verb = _lemma(match.group(2))
    return sentence[: match.start()] + f"will {verb}" + sentence[match.end() :]


def _is_verb(word: str) -> bool:
    from newsfuse.text.nlp import read

    return str(read(f"They will {word} it.")[2].tag_) == "VB"


def _lemma(word: str) -> str:
    from newsfuse.text.nlp import read

    return str(read(f"They have {word} it.")[2].lemma_)


def _quote(sentence: str, rng: random.Random) -> str | None:
    match = _QUOTED.search(sentence)
    if match is None:
        return None
    inside = match.group(1)
    for word, other in _SWAPS.items():
        found = re.search(rf"\b{word}\b", inside)
        if found is not None:
            changed = inside[: found.start()] + other + inside[found.end() :]
            return sentence[: match.start(1)] + changed + sentence[match.end(1) :]
    return None


def distortion(kind: str, sentence: str, rng: random.Random, people: list[str]) -> str | None:
    if kind == "speaker":
        return _speaker(sentence, rng, people)
    changed = {
        "number": _number,
        "negation": _negation,
        "role": _role,
        "date": _date,
        "status": _status,
        "quote": _quote,
    }[kind](sentence, rng)
    return changed if changed != sentence else None


def harmless(kind: str, sentence: str) -> str | None:
    if kind == "support":
        return sentence
    for match in _NUMBER.finditer(sentence):
        value = int(match.group(1).replace(",", ""))
        if 1900 <= value <= 2100 or value < 20 or _in_date(sentence, match.start()):
            continue
        if kind == "rounding":
            rounded = round(value, -(len(str(value)) - 2))
            if rounded == value:
                continue
            text = f"about {rounded:,}" if "," in match.group(1) else f"about {rounded}"
            return sentence[: match.start(1)] + text + sentence[match.end(1) :]
        changed = round(value * 1.6) + 1
        new = f"{changed:,}" if "," in match.group(1) else str(changed)
        updated = sentence[: match.start(1)] + new + sentence[match.end(1) :]
        return re.sub(
            r"([.!?])([\"”’]?)$",
            rf", up from an earlier count of {match.group(1)}\1\2",
            updated,
            count=1,
        )
    return None


# Building the clusters


def reword(sentence: str, rng: random.Random) -> str:
    """An independent reporter's rewording: synonyms for half the words it can swap, but
    never inside a direct quote (changing those is the altered quote this file injects)."""
    # A sentence may close a quote an earlier one opened: the words before that mark.
    closing = re.match(r"^[^“\"”]*\S[”\"]", sentence)
    kept = closing.group(0) if closing else ""
    parts = re.split(r"([“\"][^”\"]*(?:[”\"]|$))", sentence[len(kept) :])
    return kept + "".join(
        part if part[:1] in {"“", '"'} else spin(part, 0.5, rng) for part in parts
    )


def sentences_of(text: str) -> list[str]:
    return [
        s.strip()
        for paragraph in text.split("\n\n")
        for s in _SENTENCE.split(paragraph)
        if 8 <= len(s.split()) <= 60
    ]


def people_in(texts: list[str]) -> list[str]:
    return sorted({m.group(1) or m.group(2) for t in texts for m in _SAID_NAME.finditer(t)})


def build(number: int, base: str, others: list[str], variant: int = 0) -> ClusterCase | None:
    if not others:
        return None
    texts = {f"c{number}/a": base, **{f"c{number}/b{i}": t for i, t in enumerate(others)}}
    published = dict.fromkeys(texts, "2020-01-01")
    case = ClusterCase(number, texts, published)
    if number % 3 == 2:
        return case  # a clean cluster
    rng = random.Random(number + _VARIANT_SEEDS * variant)
    candidates = sentences_of(base)
    rng.shuffle(candidates)
    people = people_in([base, *others])
    copy_kind = KINDS[(number // 3 * 2 + 3 * variant) % len(KINDS)]
    independent_kind = KINDS[(number // 3 * 2 + 1 + 3 * variant) % len(KINDS)]
    harmless_kind = HARMLESS[(number // 3 + variant) % len(HARMLESS)]
    used: set[str] = set()
    copy_text = base
    inserted: list[str] = []
    for setting, kind in (
        ("copy", copy_kind),
        ("independent", independent_kind),
        ("harmless", harmless_kind),
    ):
        for sentence in candidates:
            if sentence in used or base.count(sentence) != 1:
                continue
            changed = (
                harmless(kind, sentence)
                if setting == "harmless"
                else distortion(kind, sentence, rng, people)
            )
            if changed is None:
                continue
            used.add(sentence)
            if setting == "copy":
                copy_text = copy_text.replace(sentence, changed)
                path = f"c{number}/copy"
            else:
                changed = reword(changed, rng)
                inserted.append(changed)
                path = f"c{number}/b0"
            opening = base[: base.index(sentence)].rsplit("\n\n", 1)[-1]
            case.injections.append(Injection(kind, setting, sentence, changed, path, opening))
            break
    case.texts[f"c{number}/copy"] = FURNITURE_TOP + copy_text + FURNITURE_BOTTOM
    case.published[f"c{number}/copy"] = "2020-01-01"
    paragraphs = case.texts[f"c{number}/b0"].split("\n\n")
    middle = len(paragraphs) // 2
    case.texts[f"c{number}/b0"] = "\n\n".join(
        [*paragraphs[:middle], *inserted, *paragraphs[middle:]]
    )
    return case


def cases(limit: int, variant: int = 0) -> list[ClusterCase]:
    found = []
    for number, texts in enumerate(distinct_clusters()[:limit]):
        if texts:
            built = build(number, texts[0], independent(texts[0], texts[1:]), variant)
            if built is not None:
                found.append(built)
    return found


def source_of(path: str, text: str, published: str | None) -> Source:
    """An article as a JSON record of a site of its own, read and prepared."""
    record = {"text": text, "url": f"https://{path.replace('/', '-')}.example/a"}
    if published:
        record["published"] = published
    [article] = read_text(path, json.dumps(record), ".json")
    assert isinstance(article, Article)
    return prepare(article)


def sources_of_texts(texts: list[str]) -> list[Source]:
    """The texts of one cluster as sources (those with sentences)."""
    sources = [source_of(f"t{number}", text, None) for number, text in enumerate(texts)]
    return [source for source in sources if source.sentences]


def sources_of(case: ClusterCase) -> tuple[list[Source], dict[str, str]]:
    sources, paths = [], {}
    for path, text in case.texts.items():
        source = source_of(path, text, case.published[path])
        if source.sentences:
            sources.append(source)
            paths[source.id] = path
    return sources, paths


# Scoring


def _cited_texts(
    conflict_side: object, texts: dict[str, str], paths: dict[str, str]
) -> list[tuple[str, str]]:
    found = []
    for citation in conflict_side.citations:  # type: ignore[attr-defined]
        if citation.part == "text":
            found.append(
                (paths[citation.source], texts[citation.source][citation.start : citation.end])
            )
    return found


def _touches(cited: list[tuple[str, str]], path: str, sentence: str) -> bool:
    """Whether a cited span of the article at `path` is (in) the sentence: it shares most
    words with it, or lies inside it (a quote cited within its sentence)."""
    return any(
        p == path and (_overlap(text, sentence) or (len(text) >= 20 and text in sentence))
        for p, text in cited
    )


def _overlap(cited: str, sentence: str) -> bool:
    mine, theirs = set(re.findall(r"\w+", cited.lower())), set(re.findall(r"\w+", sentence.lower()))
    return bool(mine) and len(mine & theirs) >= 0.6 * min(len(mine), len(theirs))


def matches(
    conflict: Conflict, injection: Injection, texts: dict[str, str], paths: dict[str, str]
) -> bool:
    # A change made inside a direct quote is an altered quote, whatever else it changed.
    in_quote = conflict.kind == "quote" and _inside_quote(injection)
    if conflict.kind != injection.kind and not in_quote:
        return False
    first, second = (_cited_texts(side, texts, paths) for side in conflict.sides)
    original_paths = {p for p in paths.values() if p.endswith("/a")}
    for changed_side, original_side in ((first, second), (second, first)):
        if _touches(changed_side, injection.path, injection.changed) and any(
            _touches(original_side, p, injection.original) for p in original_paths
        ):
            return True
    return False


def _inside_quote(injection: Injection) -> bool:
    before = injection.original.split()
    after = injection.changed.split()
    for position, (old, new) in enumerate(zip(before, after, strict=False)):
        if old != new:
            opened = injection.opening + " ".join(before[:position])
            return opened.count("“") > opened.count("”") or opened.count('"') % 2 == 1
    return False


def touches_any(
    conflict: Conflict, injection: Injection, texts: dict[str, str], paths: dict[str, str]
) -> bool:
    return any(
        _touches(_cited_texts(side, texts, paths), injection.path, injection.changed)
        for side in conflict.sides
    )


def run(limit: int, variant: int = 0) -> dict[str, object]:  # noqa: C901 (one loop tallies every measure)
    encoder = default_encoder()
    built = cases(limit, variant)
    per_kind: dict[tuple[str, str, str], list[bool]] = defaultdict(list)  # (part, kind, setting)
    reported: dict[str, Counter[str]] = {"all": Counter(), "last": Counter()}
    harmless_reported: dict[str, Counter[str]] = {"all": Counter(), "last": Counter()}
    clean_conflicts: dict[str, list[int]] = {"all": [], "last": []}
    examples: list[dict[str, str]] = []
    seconds = 0.0
    articles = 0
    for case in built:
        sources, paths = sources_of(case)
        texts = {source.id: source.clean.text for source in sources}
        analysed = analyse(sources, encoder)
        story = Story(id=f"c{case.number}", sources=analysed)
        start = time.perf_counter()
        checked = crosscheck(story, extract_story(story), encoder)
        seconds += time.perf_counter() - start
        articles += len(sources)
        conflicts = [c for c in checked.conflicts if c.update is None]
        parts = ["all", "last"] if case.number >= TUNED_ON else ["all"]
        if case.clean:
            for part in parts:
                clean_conflicts[part].append(len(conflicts))
            for conflict in conflicts[:2]:
                examples.append(
                    {"cluster": str(case.number), "kind": conflict.kind, "detail": conflict.detail}
                )
            continue
        distortions = [i for i in case.injections if i.setting != "harmless"]
        for conflict in conflicts:
            hit = any(matches(conflict, injection, texts, paths) for injection in distortions)
            for part in parts:
                reported[part]["conflicts"] += 1
                reported[part]["right"] += hit
                reported[part][f"{conflict.kind}:conflicts"] += 1
                reported[part][f"{conflict.kind}:right"] += hit
        for injection in distortions:
            found = any(matches(c, injection, texts, paths) for c in conflicts)
            for part in parts:
                per_kind[(part, injection.kind, injection.setting)].append(found)
        for injection in case.injections:
            if injection.setting != "harmless":
                continue
            wrong = any(touches_any(c, injection, texts, paths) for c in conflicts)
            for part in parts:
                harmless_reported[part][injection.kind] += 1
                harmless_reported[part][f"{injection.kind}:wrong"] += wrong
    return _summary(
        per_kind, reported, harmless_reported, clean_conflicts, examples, seconds, articles
    )


def _summary(  # noqa: PLR0913, PLR0917 (the tallies of `run`)
    per_kind: dict[tuple[str, str, str], list[bool]],
    reported: dict[str, Counter[str]],
    harmless_reported: dict[str, Counter[str]],
    clean_conflicts: dict[str, list[int]],
    examples: list[dict[str, str]],
    seconds: float,
    articles: int,
) -> dict[str, object]:
    results: dict[str, object] = {}
    for part in ("last", "all"):
        rows = []
        for kind in KINDS:
            copy = per_kind.get((part, kind, "copy"), [])
            other = per_kind.get((part, kind, "independent"), [])
            both = copy + other
            conflicts = reported[part][f"{kind}:conflicts"]
            rows.append(
                {
                    "kind": kind,
                    "injected": len(both),
                    "recall": _share(sum(both), len(both)),
                    "recall_copy": _share(sum(copy), len(copy)),
                    "recall_independent": _share(sum(other), len(other)),
                    "reported": conflicts,
                    "precision": _share(reported[part][f"{kind}:right"], conflicts),
                }
            )
        every = [found for (p, _, _), values in per_kind.items() if p == part for found in values]
        clean = clean_conflicts[part]
        results[part] = {
            "kinds": rows,
            "recall": _share(sum(every), len(every)),
            "precision": _share(reported[part]["right"], reported[part]["conflicts"]),
            "harmless": {
                kind: {
                    "cases": harmless_reported[part][kind],
                    "reported_as_conflict": harmless_reported[part][f"{kind}:wrong"],
                }
                for kind in HARMLESS
            },
            "clean_clusters": len(clean),
            "false_conflicts_per_clean_cluster": _share(sum(clean), len(clean)),
        }
    results["speed"] = {
        "articles": articles,
        "crosscheck_seconds": round(seconds, 2),
        "articles_per_second": round(articles / seconds, 1) if seconds else None,
        "peak_rss_mb": round(peak_rss_mb()),
    }
    results["clean_cluster_conflicts"] = examples
    return results


def _share(part: float, whole: float) -> float | None:
    return round(part / whole, 3) if whole else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="clusters to use")
    parser.add_argument(
        "--variant", type=int, default=0, help="another draw of injections (0: the reported one)"
    )
    arguments = parser.parse_args()
    results = run(arguments.limit, arguments.variant)
    for part, title in (("last", f"clusters {TUNED_ON + 1}-200"), ("all", "all clusters")):
        found = results[part]
        assert isinstance(found, dict)
        print(
            f"\n{title}: recall {found['recall']}, precision {found['precision']}, "
            f"false conflicts per clean cluster {found['false_conflicts_per_clean_cluster']} "
            f"({found['clean_clusters']} clean)"
        )
        rows = [
            [
                r["kind"],
                r["injected"],
                r["recall"],
                r["recall_copy"],
                r["recall_independent"],
                r["reported"],
                r["precision"],
            ]
            for r in found["kinds"]
        ]
        print(
            table(
                ["kind", "injected", "recall", "in copies", "independent", "reported", "precision"],
                rows,
            )
        )
        print("harmless differences reported as conflicts:", json.dumps(found["harmless"]))
    print("\nspeed:", json.dumps(results["speed"]))
    print("saved", save("crosscheck", results))


if __name__ == "__main__":
    main()
