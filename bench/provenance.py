"""Provenance on syndication cases built from real news, and at scale.

Part 1, quality. From the first article of each of the 200 Multi-News clusters (the
origin, published first) it builds, each published later under its own address:
  - an exact copy;
  - a copy with page furniture around it (navigation, "Source link", comment prompts,
    related headlines, an aggregator disclaimer);
  - a truncated copy (the first half of its paragraphs);
  - a spun paraphrase (words swapped for synonyms from a table in this file, "said"
    swapped for its synonyms; kept only where most sentences have two or more words
    swapped, as spinners leave them);
  - a distorted copy (a figure changed and a negation added, as copies that alter facts;
    the negation alone when the text has no figure);
  - copies that change one other fact each (bench/changed_facts.py): a person's or an
    organisation's name swapped for another, two parties' roles turned round inside a
    sentence, a weekday or a date changed;
  - a simulated round-trip translation (a lighter spin plus stray full stops);
and as negatives the other articles of the same cluster (independent reports of the same
event) and their origins. It reports precision and recall of each relation, the share of
sources given the right origin, recall of the injected changes and flags, and false flags
on the originals; for each kind of changed fact, the share of its copies where newsfuse
reports a change of that kind citing the changed words. The table of synonyms and the
damage are this file's own: the detector has no list of them.

Part 2, scale. 1,000 and 10,000 articles (Multi-News, ECB+, PolNeAR and Zyte benchmark
bodies, each with three varied copies) through `provenance.analyse`: articles per second
and peak memory.

    python bench/provenance.py [--skip-scale] [--clusters 101-200]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, replace
from typing import get_args

from _harness import data_dir, peak_rss_mb, save, table
from changed_facts import KINDS, changed_copies, names
from stages import clusters

from newsfuse.ingest import read_text
from newsfuse.models import Article, Relation, Source
from newsfuse.pipeline import prepare
from newsfuse.provenance import analyse
from newsfuse.text.embed import default_encoder

SYNONYMS = {
    "said": ["stated", "declared", "remarked", "expressed"],
    "says": ["states", "declares", "remarks"],
    "told": ["informed", "advised"],
    "big": ["large", "huge"],
    "large": ["big", "sizeable"],
    "small": ["little", "minor"],
    "help": ["assist", "aid"],
    "show": ["demonstrate", "display"],
    "shows": ["demonstrates", "displays"],
    "start": ["begin", "commence"],
    "started": ["began", "commenced"],
    "began": ["started", "commenced"],
    "end": ["finish", "conclude"],
    "ended": ["finished", "concluded"],
    "buy": ["purchase", "acquire"],
    "bought": ["purchased", "acquired"],
    "get": ["obtain", "receive"],
    "got": ["obtained", "received"],
    "make": ["create", "produce"],
    "made": ["created", "produced"],
    "use": ["utilize", "employ"],
    "used": ["utilized", "employed"],
    "need": ["require", "want"],
    "needs": ["requires", "wants"],
    "try": ["attempt", "seek"],
    "tried": ["attempted", "sought"],
    "think": ["believe", "reckon"],
    "important": ["significant", "crucial"],
    "many": ["numerous", "several"],
    "also": ["additionally", "too"],
    "however": ["nevertheless", "yet"],
    "about": ["approximately", "roughly"],
    "very": ["extremely", "highly"],
    "people": ["individuals", "persons"],
    "children": ["kids", "youngsters"],
    "job": ["position", "role"],
    "jobs": ["positions", "roles"],
    "money": ["funds", "cash"],
    "problem": ["issue", "difficulty"],
    "problems": ["issues", "difficulties"],
    "reported": ["documented", "recorded"],
    "report": ["account", "document"],
    "according": ["as stated"],
    "police": ["law enforcement", "officers"],
    "officials": ["authorities", "administrators"],
    "official": ["authority", "administrator"],
    "government": ["administration", "state"],
    "country": ["nation", "land"],
    "city": ["town", "municipality"],
    "company": ["firm", "business"],
    "companies": ["firms", "businesses"],
    "home": ["house", "residence"],
    "house": ["home", "residence"],
    "car": ["vehicle", "automobile"],
    "killed": ["slain", "murdered"],
    "died": ["perished", "passed away"],
    "death": ["demise", "passing"],
    "attack": ["assault", "strike"],
    "attacks": ["assaults", "strikes"],
    "announced": ["declared", "revealed"],
    "leader": ["head", "chief"],
    "leaders": ["heads", "chiefs"],
    "meeting": ["gathering", "session"],
    "support": ["backing", "assistance"],
    "plan": ["scheme", "proposal"],
    "plans": ["schemes", "proposals"],
    "week": ["7 days"],
    "before": ["prior to", "ahead of"],
    "after": ["following", "subsequent to"],
    "because": ["since", "as"],
    "while": ["whilst", "although"],
    "again": ["once more", "anew"],
    "now": ["currently", "presently"],
    "often": ["frequently", "regularly"],
    "quickly": ["rapidly", "swiftly"],
    "recently": ["lately", "newly"],
    "best": ["finest", "greatest"],
    "new": ["fresh", "novel"],
    "old": ["aged", "former"],
    "found": ["discovered", "located"],
    "find": ["discover", "locate"],
    "asked": ["questioned", "requested"],
    "added": ["included", "appended"],
    "called": ["named", "labeled"],
    "left": ["departed", "exited"],
    "building": ["structure", "edifice"],
    "woman": ["lady", "female"],
    "man": ["guy", "male"],
    "group": ["team", "band"],
    "statement": ["declaration", "announcement"],
    "move": ["step", "action"],
    "decision": ["choice", "ruling"],
    "case": ["matter", "situation"],
}
# More of the words news uses most, so that a spin touches most sentences.
SYNONYMS |= {
    "is": ["remains", "stands"],
    "was": ["remained", "stood"],
    "has": ["possesses", "holds"],
    "have": ["possess", "hold"],
    "had": ["possessed", "held"],
    "will": ["shall", "is going to"],
    "would": ["could", "might"],
    "can": ["may", "is able to"],
    "first": ["initial", "earliest"],
    "last": ["final", "previous"],
    "year": ["12 months", "annum"],
    "years": ["annums", "seasons"],
    "time": ["period", "moment"],
    "way": ["manner", "method"],
    "day": ["date", "24 hours"],
    "days": ["dates", "spells"],
    "world": ["globe", "planet"],
    "life": ["existence", "living"],
    "part": ["portion", "section"],
    "place": ["location", "spot"],
    "work": ["labor", "effort"],
    "state": ["nation", "province"],
    "number": ["amount", "quantity"],
    "high": ["elevated", "lofty"],
    "long": ["lengthy", "extended"],
    "good": ["fine", "decent"],
    "little": ["small", "tiny"],
    "going": ["heading", "proceeding"],
    "went": ["headed", "proceeded"],
    "come": ["arrive", "approach"],
    "came": ["arrived", "approached"],
    "take": ["grab", "seize"],
    "took": ["grabbed", "seized"],
    "taken": ["grabbed", "seized"],
    "know": ["understand", "realize"],
    "known": ["understood", "recognized"],
    "want": ["desire", "wish"],
    "look": ["glance", "gaze"],
    "like": ["such as", "similar to"],
    "back": ["rear", "again"],
    "much": ["a lot", "considerably"],
    "around": ["about", "roughly"],
    "including": ["comprising", "encompassing"],
    "never": ["not ever", "at no time"],
    "still": ["nonetheless", "yet"],
    "since": ["because", "as"],
    "right": ["correct", "proper"],
    "later": ["afterwards", "subsequently"],
    "even": ["actually", "indeed"],
    "well": ["effectively", "properly"],
    "another": ["one more", "an additional"],
    "whether": ["if"],
    "former": ["previous", "ex"],
    "saying": ["stating", "declaring"],
    "might": ["could", "may"],
    "really": ["truly", "actually"],
    "something": ["a thing", "anything"],
    "happened": ["occurred", "took place"],
    "based": ["founded", "grounded"],
    "outside": ["exterior", "beyond"],
    "incident": ["event", "episode"],
    "every": ["each", "all"],
    "without": ["lacking", "minus"],
    "early": ["initial", "premature"],
    "public": ["general public", "community"],
    "away": ["off", "apart"],
    "likely": ["probable", "apt"],
    "least": ["minimum", "fewest"],
    "month": ["30 days", "moon"],
    "thought": ["believed", "considered"],
    "thing": ["item", "object"],
    "things": ["items", "objects"],
    "ever": ["at any time", "always"],
    "near": ["close to", "nearby"],
    "across": ["throughout", "over"],
    "wrote": ["penned", "authored"],
    "past": ["previous", "former"],
    "missing": ["lost", "absent"],
    "wife": ["spouse", "partner"],
    "working": ["functioning", "operating"],
    "released": ["launched", "freed"],
    "earlier": ["previously", "before"],
    "team": ["squad", "crew"],
    "student": ["pupil", "learner"],
    "person": ["individual", "human"],
    "clear": ["obvious", "evident"],
    "mother": ["mom", "parent"],
    "friends": ["pals", "buddies"],
    "shooting": ["gunfire", "shooting incident"],
    "father": ["dad", "parent"],
    "campaign": ["drive", "push"],
    "health": ["wellness", "wellbeing"],
    "possible": ["feasible", "potential"],
    "hours": ["hrs", "time"],
    "able": ["capable", "in a position"],
    "involved": ["concerned", "included"],
    "family": ["household", "relatives"],
    "search": ["hunt", "quest"],
    "area": ["region", "zone"],
    "information": ["details", "data"],
    "security": ["safety", "protection"],
    "investigation": ["probe", "inquiry"],
    "military": ["armed forces", "army"],
    "court": ["tribunal", "bench"],
    "child": ["kid", "youngster"],
    "story": ["tale", "account"],
    "call": ["phone", "ring"],
    "media": ["press", "news outlets"],
    "women": ["ladies", "females"],
    "system": ["setup", "framework"],
    "school": ["academy", "college"],
    "name": ["title", "label"],
    "night": ["evening", "nighttime"],
    "lead": ["guide", "head"],
    "evidence": ["proof", "confirmation"],
    "fire": ["blaze", "flames"],
    "trial": ["hearing", "case"],
    "body": ["corpse", "remains"],
    "plane": ["aircraft", "jet"],
    "water": ["liquid", "aqua"],
    "crime": ["offense", "wrongdoing"],
    "board": ["panel", "committee"],
    "held": ["kept", "retained"],
}
FURNITURE_TOP = "Skip to main content\nWorld News\nShare\n"
FURNITURE_BOTTOM = (
    "\n\nSource link\n\nLeave a Reply\n\nYour email address will not be published.\n\n"
    "Markets close higher on tech rally\nWeather: storms expected this weekend\n\n"
    "DailyFeed24 is an automatic aggregator of the all world's media. All trademarks belong "
    "to their rightful owners, all materials to their authors.\n"
)
RELATIONS = get_args(Relation)


@dataclass(frozen=True)
class Case:
    text: str
    path: str
    published: str
    expected_relation: str
    expected_origin: str  # path of the origin
    injected: tuple[str, ...] = ()  # change kinds a distorted copy should show
    spun: bool = False
    changed: str = ""  # the kind of fact a changed copy changes (a key of KINDS)
    cited: tuple[str, ...] = ()  # words the report of that change must cite


def _keep_case(original: str, word: str) -> str:
    return word[0].upper() + word[1:] if original[:1].isupper() else word


def spin(text: str, rate: float, rng: random.Random) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        choices = SYNONYMS.get(word.lower())
        if not choices or rng.random() > rate:
            return word
        return _keep_case(word, rng.choice(choices))

    return re.sub(r"[A-Za-z]+", swap, text)


def distort(text: str, kept: str) -> tuple[str, tuple[str, ...]]:
    """A figure changed and a negation added, in two different sentences of paragraphs that
    newsfuse keeps as article text (`kept`: a caption or dateline it removes would hide
    the change), past the first (which a reader may take for a title); with the kinds of
    change made (a text without a figure gets the negation alone)."""
    paragraphs = text.split("\n\n")
    made: list[str] = []
    kept_ones = [n for n in range(1, len(paragraphs)) if paragraphs[n].strip() in kept]
    for number in kept_ones:
        changed = re.sub(
            r"\b(\d+)\b", lambda m: str(int(m.group(1)) + 7), paragraphs[number], count=1
        )
        if changed == paragraphs[number]:
            changed = re.sub(r"\btwo\b", "three", paragraphs[number], count=1)
        if changed != paragraphs[number]:
            paragraphs[number] = changed
            made.append("number")
            break
    for number in kept_ones:
        negated = re.sub(
            r"\b(was|is|were|are|will|would|has|have)\b (?!not)",
            r"\1 not ",
            paragraphs[number],
            count=1,
        )
        if negated != paragraphs[number]:
            paragraphs[number] = negated
            made.append("negation")
            break
    return "\n\n".join(paragraphs), tuple(made)


def garble(text: str, rng: random.Random) -> str:
    """Round-trip damage of the kind and at about the rate of the translated seeds: in three
    paragraphs of five, a full stop put between two words of a sentence ("agreements.
    between")."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        words = paragraph.split(" ")
        places = [
            i
            for i in range(3, len(words) - 3)
            if words[i][:1].islower() and words[i - 1][-1:].isalpha()
        ]
        if places and rng.random() < 0.6:
            words[rng.choice(places) - 1] += "."
        paragraphs.append(" ".join(words))
    return "\n\n".join(paragraphs)


def syndication_cases(numbers: range) -> list[Case]:
    """The cases of the clusters `numbers` (0 is the first); the names a changed copy puts
    in come from the next cluster's first article."""
    everything = distinct_clusters()
    cases: list[Case] = []
    for number in numbers:
        texts = everything[number]
        if texts:
            following = everything[(number + 1) % len(everything)]
            foreign = names(following[0]) if following else {}
            cases += family_cases(number, texts[0], texts[1:], foreign)
    return cases


def family_cases(
    number: int, base: str, others: list[str], foreign: dict[str, list[str]]
) -> list[Case]:
    """The origin, its derived versions (published later) and the independent reports."""
    rng = random.Random(number)
    origin = f"c{number}/origin"

    def case(text: str, name: str, hour: int, relation: str, **extra: object) -> Case:
        published = f"2020-01-01T{hour:02d}:00:00"
        return Case(text, f"c{number}/{name}", published, relation, origin, **extra)  # type: ignore[arg-type]

    found = [
        Case(base, origin, "2020-01-01T08:00:00", "original", origin),
        case(base, "copy", 9, "copy"),
        case(FURNITURE_TOP + base + FURNITURE_BOTTOM, "repost", 10, "syndicated"),
    ]
    paragraphs = base.split("\n\n")
    if len(paragraphs) >= 4:
        found.append(
            case("\n\n".join(paragraphs[: len(paragraphs) // 2]), "trimmed", 11, "syndicated")
        )
    spun = spin(base, 1.0, rng)
    if _spun_enough(base, spun):
        found.append(case(spun, "spun", 12, "rewrite", spun=True))
    kept = cleaned(base)
    distorted, made = distort(base, kept)
    if made:
        found.append(case(distorted, "distorted", 13, "copy", injected=made))
    for changed in changed_copies(base, kept, foreign, number):
        found.append(
            case(
                changed.text,
                f"changed-{changed.kind}",
                15,
                "copy",
                injected=(KINDS[changed.kind],),
                changed=changed.kind,
                cited=changed.cited,
            )
        )
    respun = spin(base, 0.8, rng)
    if _spun_enough(base, respun):  # checked before the damage, which splits sentences
        found.append(case(garble(respun, rng), "translated", 14, "translation"))
    for other, text in enumerate(independent(base, others)):
        path = f"c{number}/independent{other}"
        found.append(Case(text, path, "2020-01-01T07:00:00", "original", path))
    return found


def cleaned(text: str) -> str:
    """The article text newsfuse keeps of `text`."""
    [article] = read_text("base.txt", text, ".txt")
    assert isinstance(article, Article)
    return prepare(article).clean.text


def _spun_enough(before: str, after: str) -> bool:
    """Whether most sentences have two or more words swapped, as spinners leave them; a
    text the table barely touches is no spin and is left out."""
    old, new = re.split(r"(?<=[.!?])\s+", before), re.split(r"(?<=[.!?])\s+", after)
    changed = [
        sum(a != b for a, b in zip(o.split(), n.split(), strict=False)) >= 2
        for o, n in zip(old, new, strict=False)
    ]
    return bool(changed) and sum(changed) >= 0.6 * len(changed)


def _eight_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}


def distinct_clusters() -> list[list[str]]:
    """The Multi-News clusters without articles that repeat an article of an earlier
    cluster (the data set holds some boilerplate pages many times over)."""
    seen: list[set[tuple[str, ...]]] = []
    kept = []
    for texts in clusters():
        mine = []
        for text in texts:
            grams = _eight_grams(text)
            if all(
                len(grams & other) < 0.3 * max(min(len(grams), len(other)), 1) for other in seen
            ):
                mine.append(text)
                seen.append(grams)
        kept.append(mine)
    return kept


def independent(base: str, others: list[str]) -> list[str]:
    """The other articles of the cluster, less those that reuse a tenth of the base's text
    or more: Multi-News clusters hold some real syndicated copies, which are no negatives."""
    grams = _eight_grams(base)
    kept = []
    for text in others:
        theirs = _eight_grams(text)
        shared = len(grams & theirs) / max(min(len(grams), len(theirs)), 1)
        if shared < 0.1:
            kept.append(text)
    return kept


def prepared(cases: list[Case]) -> tuple[list[Case], list[Source]]:
    """The cases whose text survives cleaning (as the pipeline, which sets the others
    aside), and their sources."""
    kept, sources = [], []
    for case in cases:
        record = {
            "text": case.text,
            "url": f"https://{case.path.replace('/', '-')}.example/a",
            "published": case.published,
        }
        [article] = read_text(case.path, json.dumps(record), ".json")
        assert isinstance(article, Article)
        source = prepare(article)
        if source.sentences:
            kept.append(case)
            sources.append(source)
    return kept, sources


def quality(numbers: range) -> dict[str, object]:
    cases, sources = prepared(syndication_cases(numbers))
    start = time.perf_counter()
    analysed = analyse(sources, default_encoder())
    seconds = time.perf_counter() - start
    path_of = {s.id: s.article.path.split("#")[0] for s in analysed}
    predicted = [s.provenance.relation for s in analysed]
    expected = [c.expected_relation for c in cases]
    rows, per_relation = [], {}
    for relation in RELATIONS:
        tp = sum(p == e == relation for p, e in zip(predicted, expected, strict=True))
        precision = tp / max(predicted.count(relation), 1)
        recall = tp / max(expected.count(relation), 1)
        rows.append([relation, expected.count(relation), precision, recall])
        per_relation[relation] = {
            "support": expected.count(relation),
            "precision": precision,
            "recall": recall,
        }
    origins_right = [
        path_of[s.provenance.origin] == c.expected_origin
        for s, c in zip(analysed, cases, strict=True)
    ]
    derived = [
        ok for ok, c in zip(origins_right, cases, strict=True) if c.expected_relation != "original"
    ]
    injected = [
        (s, c) for s, c in zip(analysed, cases, strict=True) if c.path.endswith("/distorted")
    ]
    changed_kinds: dict[str, tuple[int, float]] = {}
    found = sum(set(c.injected) <= {ch.kind for ch in s.provenance.changes} for s, c in injected)
    for kind in ("number", "negation"):
        made = [(s, c) for s, c in injected if kind in c.injected]
        hits = sum(kind in {ch.kind for ch in s.provenance.changes} for s, c in made)
        changed_kinds[kind] = (len(made), hits / max(len(made), 1))
    exact = [s for s, c in zip(analysed, cases, strict=True) if c.path.endswith("/copy")]
    false_changes = sum(len(s.provenance.changes) for s in exact)
    flags = [{f.flag for f in s.provenance.flags} for s in analysed]
    spun_found = sum("spun" in f for f, c in zip(flags, cases, strict=True) if c.spun)
    false_spun = sum(
        "spun" in f for f, c in zip(flags, cases, strict=True) if c.expected_relation == "original"
    )
    originals = sum(c.expected_relation == "original" for c in cases)
    print(f"Syndication cases from Multi-News: {len(cases)} sources, analysed in {seconds:.1f} s\n")
    print(table(["relation", "sources", "precision", "recall"], rows))
    summary = {
        "origin right, all sources": sum(origins_right) / len(cases),
        "origin right, derived sources": sum(derived) / len(derived),
        "distorted copies with all their changes found": found / max(len(injected), 1),
        "changes reported on exact copies": false_changes,
        "spun flag on spun paraphrases": spun_found / max(sum(c.spun for c in cases), 1),
        "spun flag on originals (false)": false_spun / originals,
    }
    changed = {**changed_kinds, **changed_found(analysed, cases)}
    summary.update({f"{kind} changed: reported": share for kind, (_, share) in changed.items()})
    summary["changes reported on copies that change nothing"] = sum(
        len(s.provenance.changes)
        for s, c in zip(analysed, cases, strict=True)
        if c.path.endswith(("/copy", "/repost", "/trimmed"))
    )
    summary["changes reported on spun and translated copies"] = sum(
        len(s.provenance.changes)
        for s, c in zip(analysed, cases, strict=True)
        if c.path.endswith(("/spun", "/translated"))
    )
    print()
    print(table(["measure", "value"], [[k, v] for k, v in summary.items()]))
    rows = [[kind, copies, share] for kind, (copies, share) in changed.items()]
    print(table(["changed fact", "copies", "reported"], rows))
    without_times = undated(cases)
    print(table(["with no publication times", "value"], list(without_times.items())))
    summary.update(without_times)
    confusion = Counter(zip(expected, predicted, strict=True))
    print(
        "\nexpected -> predicted:",
        {f"{e}->{p}": n for (e, p), n in sorted(confusion.items()) if e != p},
    )
    return {"cases": len(cases), "seconds": seconds, "relations": per_relation, **summary}


def undated(cases: list[Case]) -> dict[str, float]:
    """The same families with no publication time at all, as pages often come: the origin
    must then be told by the marks of re-posting (page furniture and an aggregator's
    disclaimer, spun or garbled wording) and by being whole. Measured on the derived
    versions that carry such marks: right when their origin is the origin or one of its
    clean whole copies (an exact or changed copy reads as well one way as the other)."""
    bare = [replace(case, published="") for case in cases]
    kept, sources = prepared(bare)
    analysed = analyse(sources, default_encoder())
    path_of = {s.id: s.article.path.split("#")[0] for s in analysed}
    marked = ("/repost", "/trimmed", "/spun", "/translated")
    whole = ("/origin", "/copy", "/distorted", *(f"/changed-{kind}" for kind in KINDS))
    right = [
        path_of[s.provenance.origin].endswith(whole)
        for s, c in zip(analysed, kept, strict=True)
        if c.path.endswith(marked)
    ]
    called_original = [
        s.provenance.relation == "original"
        for s, c in zip(analysed, kept, strict=True)
        if c.path.endswith("/repost")
    ]
    return {
        "undated: origin right of re-posts, trimmed, spun, translated": sum(right) / len(right),
        "undated: re-posts called the original": sum(called_original) / len(called_original),
    }


def changed_found(analysed: list[Source], cases: list[Case]) -> dict[str, tuple[int, float]]:
    """For each kind of changed fact: its copies, and the share where a change of the
    expected kind is reported citing the changed words in the copy."""
    found: dict[str, list[bool]] = {kind: [] for kind in KINDS}
    for source, case in zip(analysed, cases, strict=True):
        if not case.changed:
            continue
        found[case.changed].append(
            any(
                change.kind == KINDS[case.changed]
                and all(
                    word in source.clean.text[change.copy.start : change.copy.end]
                    for word in case.cited
                )
                for change in source.provenance.changes
            )
        )
    return {kind: (len(hits), sum(hits) / max(len(hits), 1)) for kind, hits in found.items()}


def corpus_texts() -> list[str]:
    data = data_dir()
    texts = [text for cluster_texts in clusters() for text in cluster_texts]
    texts += [
        json.loads(line)["text"]
        for line in (data / "ecbplus" / "ecbplus_docs.jsonl").read_text().splitlines()
    ]
    for name in ("polnear_dev.jsonl", "polnear_test.jsonl"):
        texts += [
            json.loads(line)["text"] for line in (data / "polnear" / name).read_text().splitlines()
        ]
    with gzip.open(data / "polnear" / "polnear_train.jsonl.gz", "rt") as file:
        texts += [json.loads(line)["text"] for line in file]
    truth = json.loads((data / "scrapinghub_article_extraction" / "ground-truth.json").read_text())
    texts += [item["articleBody"] for item in truth.values()]
    return [text for text in texts if len(text.split()) >= 80]


def variants(text: str, number: int, rng: random.Random) -> list[tuple[str, str]]:
    """An article and three versions of it: a re-post with furniture, a spin, and a copy
    that repeats its lead paragraph."""
    return [
        (text, f"d{number}"),
        (FURNITURE_TOP + text + FURNITURE_BOTTOM, f"d{number}/repost"),
        (spin(text, 0.6, rng), f"d{number}/spun"),
        (text.split("\n\n", maxsplit=1)[0] + "\n\n" + text, f"d{number}/lead-repeated"),
    ]


def scale() -> list[dict[str, float]]:
    """The same mix at each size (a quarter distinct articles, each with three versions), so
    that the cost per article shows how the work grows."""
    distinct = corpus_texts()
    rows, results = [], []
    for size in (1_000, 10_000):
        rng = random.Random(7)
        chosen = [v for n, text in enumerate(distinct[: size // 4]) for v in variants(text, n, rng)]
        start = time.perf_counter()
        sources = []
        for text, path in chosen:
            [article] = read_text(path, text, ".txt")
            if isinstance(article, Article) and (source := prepare(article)).sentences:
                sources.append(source)
        prepare_seconds = time.perf_counter() - start
        start = time.perf_counter()
        analysed = analyse(sources, default_encoder())
        seconds = time.perf_counter() - start
        families = len({s.provenance.origin for s in analysed})
        row = [
            len(sources),
            families,
            prepare_seconds,
            seconds,
            len(sources) / seconds,
            round(peak_rss_mb()),
        ]
        print(
            table(
                ["articles", "families", "prepare s", "provenance s", "articles/s", "peak MiB"],
                [row],
            )
        )
        rows.append(row)
        results.append(
            {
                "articles": len(sources),
                "families": families,
                "prepare_seconds": prepare_seconds,
                "provenance_seconds": seconds,
                "articles_per_second": len(sources) / seconds,
                "peak_rss_mib": round(peak_rss_mb()),
            }
        )
    print("\nProvenance at scale (clean + segment apart)\n")
    print(
        table(["articles", "families", "prepare s", "provenance s", "articles/s", "peak MiB"], rows)
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument(
        "--clusters", default="1-200", help="Multi-News clusters to build cases from (1-200)"
    )
    arguments = parser.parse_args()
    first, last = (int(n) for n in arguments.clusters.split("-"))
    results: dict[str, object] = {
        "clusters": arguments.clusters,
        "quality": quality(range(first - 1, last)),
    }
    if not arguments.skip_scale:
        results["scale"] = scale()
    save("provenance", results)


if __name__ == "__main__":
    main()
