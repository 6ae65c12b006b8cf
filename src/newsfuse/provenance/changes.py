"""What a copy changed in a sentence it took from its origin: facts, not wording.

For an aligned pair of sentences, each kind of fact is compared on its own: figures,
negation, names, dates, roles (who did what to whom: "an invasion of Ukraine" against "an
invasion by Ukraine"; "Russia warned Ukraine" against "Ukraine warned Russia") and status
(what will happen against what has happened). A reworded sentence with the same facts has
no change.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsfuse.models import ChangeKind
from newsfuse.text.dates import CALENDAR_WORDS, MONTHS, date_mentions, weekday_mentions
from newsfuse.text.lexical import STOP_WORDS, figures

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b", re.IGNORECASE
)
_ROLE = re.compile(r"\b([a-z]{4,})\s+(of|by|against|on|from|to)\s+(?:the\s+)?([A-Z][\w'’-]*)")
_AGENT_PREPOSITIONS = frozenset({"by", "from"})
_CALENDAR_WORDS = CALENDAR_WORDS | {f"{name}." for name in MONTHS}
_WORD = re.compile(r"[^\W_][\w'’.&-]*")
# What may come before a sentence's first word: opening quotes and brackets.
_OPENERS = "\"“‘'([ \n"
_JOINING = frozenset({"and", "or", "nor", "the", "a", "an", "of", "as", "well", "both", "either"})
# A name two parties swap is at most this many words.
_NAME_WORDS = 5
# Two names changed places when putting them back makes the copy this alike the origin
# (words in order, difflib's ratio), and more alike than before.
_TURNED_BACK = 0.85
# Two spellings this alike name one person ("Zelensky", "Zelenskyy").
_SAME_SPELLING = 0.8
_PLANNED = re.compile(
    r"\b(?:will|would|plans? to|planning to|is expected to|are expected to|is set to|"
    r"are set to|could|may|might|intends? to|is to|are to|threaten(?:s|ed)? to)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ed|been|begun|done|made|taken|sent|left)\b|\bcompleted\b"
)


@dataclass(frozen=True)
class FactChange:
    kind: ChangeKind
    detail: str


def fact_changes(origin: str, copy: str) -> list[FactChange]:
    """The facts `copy` states differently from `origin` (two sentences stating the same)."""
    if origin == copy:
        return []
    found = []
    for check in _CHECKS:
        change = check(origin, copy)
        if change is not None:
            found.append(change)
    return found


def _figures(origin: str, copy: str) -> FactChange | None:
    before, after = figures(origin), figures(copy)
    if before and after and before != after:
        dropped, added = ", ".join(sorted(before - after)), ", ".join(sorted(after - before))
        return FactChange("number", f"{dropped} → {added}")
    return None


def _negation(origin: str, copy: str) -> FactChange | None:
    before, after = len(_NEGATION.findall(origin)), len(_NEGATION.findall(copy))
    if before == after:
        return None
    return FactChange("negation", "negation added" if after > before else "negation removed")


def _names(origin: str, copy: str) -> FactChange | None:
    """A name of the origin gone and another come in its place: names with words the other
    sentence has fewer times (a name said twice and changed once counts), unless spelt a
    little differently ("Zelensky")."""
    before, after = _name_runs(origin), _name_runs(copy)
    if not before or not after:
        return None
    dropped = _with_foreign_words(before, copy)
    added = _with_foreign_words(after, origin) if dropped else []
    if dropped and added:
        return FactChange("name", f"{', '.join(dropped)} → {', '.join(added)}")
    return None


def _name_runs(text: str) -> list[str]:
    """The runs of capitalised words (joined by spaces alone) of a sentence, less a
    sentence's capitalised first word standing alone or a function word ("But Putin"), and
    less days and months, which the date check compares."""
    runs: list[list[re.Match[str]]] = []
    for match in _WORD.finditer(text):
        if not match.group(0)[0].isupper() or match.group(0).lower() in _CALENDAR_WORDS:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and not text[last.end() : match.start()].strip():
            runs[-1].append(match)
        else:
            runs.append([match])
    found = []
    for run in runs:
        opening = not text[: run[0].start()].strip(_OPENERS)
        named = run[1:] if opening and (len(run) == 1 or _plain(run[0].group(0))) else run
        if named:
            found.append(text[named[0].start() : named[-1].end()])
    return found


def _plain(word: str) -> bool:
    """Whether a capitalised word is a function word ("But Putin" opening a sentence)."""
    return word.lower() in STOP_WORDS


def _with_foreign_words(runs: list[str], other: str) -> list[str]:
    """The runs (each once, in order) with a word that `other` holds fewer times than the
    runs do, and not even spelt a little differently (a transliteration)."""
    theirs = Counter(_bare(word).lower() for word in _WORD.findall(other))
    mine = Counter(_bare(word).lower() for run in runs for word in _WORD.findall(run))
    foreign = {
        word
        for word, count in mine.items()
        if count > theirs[word]
        and (theirs[word] or not any(_spelt_alike(word, other_word) for other_word in theirs))
    }
    return [
        run
        for run in dict.fromkeys(runs)
        if any(_bare(word).lower() in foreign for word in _WORD.findall(run))
    ]


def _spelt_alike(word: str, other: str) -> bool:
    # Lengths far apart cannot reach the ratio: skip the matcher for them.
    if 2 * min(len(word), len(other)) < _SAME_SPELLING * (len(word) + len(other)):
        return False
    return SequenceMatcher(None, word, other).ratio() >= _SAME_SPELLING


def _bare(word: str) -> str:
    """A word without a possessive ending or a trailing full stop ("Savino's", "Sen.")."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’", ".")) else word


def _dates(origin: str, copy: str) -> FactChange | None:
    before = {(m.month, m.day) for m in date_mentions(origin)} | set(weekday_mentions(origin))
    after = {(m.month, m.day) for m in date_mentions(copy)} | set(weekday_mentions(copy))
    dropped, added = before - after, after - before
    if dropped and added:  # a day given for another ("on Saturday" made "on Tuesday")
        return FactChange("date", f"{_show(dropped)} → {_show(added)}")
    return None


def _show(dates: set[tuple[int, int] | str]) -> str:
    return ", ".join(sorted(d if isinstance(d, str) else f"{d[0]:02d}-{d[1]:02d}" for d in dates))


def _roles(origin: str, copy: str) -> FactChange | None:
    before = {(noun, name): preposition for noun, preposition, name in _ROLE.findall(origin)}
    for noun, preposition, name in _ROLE.findall(copy):
        was = before.get((noun, name))
        if was is not None and (was in _AGENT_PREPOSITIONS) != (preposition in _AGENT_PREPOSITIONS):
            return FactChange("role", f"{noun} {was} {name} → {noun} {preposition} {name}")
    swapped = _swapped_in_place(origin, copy)
    if swapped is not None:
        return FactChange("role", swapped)
    return None


def _swapped_in_place(origin: str, copy: str) -> str | None:
    """Two names that change places while the words around them stay: "Judge Rick West
    sentenced Gianforte" against "Judge Gianforte sentenced Rick West". The names are parts
    of the origin's capitalised runs found in the other order in the copy; putting them
    back in place must make the copy read as the origin (nearly: a rewrite rewords)."""
    before = [_bare(word) for word in _WORD.findall(origin)]
    after = [_bare(word) for word in _WORD.findall(copy)]
    if not _names_reordered(before, after):
        return None
    spans = [span for span in _name_spans(before) if _find(after, before[span[0] : span[1]]) >= 0]
    as_was = SequenceMatcher(a=before, b=after, autojunk=False).ratio()
    best: tuple[float, str] | None = None
    for first, second in itertools.combinations(spans, 2):
        if first[1] > second[0] or not _says_something(before[first[1] : second[0]]):
            continue
        one, other = before[first[0] : first[1]], before[second[0] : second[1]]
        if _find(after, other) > _find(after, one) or set(one) & set(other):
            continue
        turned = before[: first[0]] + other + before[first[1] : second[0]] + one
        turned += before[second[1] :]
        ratio = SequenceMatcher(a=turned, b=after, autojunk=False).ratio()
        if ratio >= _TURNED_BACK and ratio > as_was and (best is None or ratio > best[0]):
            a, b = " ".join(one), " ".join(other)
            best = (ratio, f"{a} … {b} → {b} … {a}")
    return best[1] if best else None


def _names_reordered(before: list[str], after: list[str]) -> bool:
    """Whether some capitalised words that each sentence says once come in another order
    in the copy: what any swap of two names shows, checked before looking for the names."""
    once = [
        word
        for word, count in Counter(before).items()
        if count == 1 and word[:1].isupper() and after.count(word) == 1
    ]
    order = sorted(once, key=before.index)
    return order != sorted(once, key=after.index)


def _name_spans(words: list[str]) -> list[tuple[int, int]]:
    """Every stretch of up to `_NAME_WORDS` capitalised words (start, end) in `words`."""
    spans = []
    for start in range(len(words)):
        end = start
        while end < len(words) and end - start < _NAME_WORDS and words[end][:1].isupper():
            end += 1
            spans.append((start, end))
    return spans


def _find(words: list[str], part: list[str]) -> int:
    """Where `part` first occurs in `words` as a stretch, or -1."""
    for start in range(len(words) - len(part) + 1):
        if words[start : start + len(part)] == part:
            return start
    return -1


def _says_something(words: list[str]) -> bool:
    """Whether words between two names hold more than the words that join names ("and",
    "or the"): "Smith and Jones met" read the other way round is the same statement."""
    return any(word.islower() and word not in _JOINING for word in words)


def _status(origin: str, copy: str) -> FactChange | None:
    planned_before, planned_after = bool(_PLANNED.search(origin)), bool(_PLANNED.search(copy))
    done_before, done_after = bool(_DONE.search(origin)), bool(_DONE.search(copy))
    if planned_before and not planned_after and done_after:
        return FactChange("tense", "planned or possible → done")
    if done_before and not done_after and planned_after:
        return FactChange("tense", "done → planned or possible")
    return None


_CHECKS: tuple[Callable[[str, str], FactChange | None], ...] = (
    _figures,
    _negation,
    _names,
    _dates,
    _roles,
    _status,
)
