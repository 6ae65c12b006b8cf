"""What two claims stating the same fact say differently, kind by kind.

- number: figures of the same thing whose ranges do not meet. A figure stands for a range:
  "more than 30" for 30 and up, "about 1,200" for 10% either side, a round figure for what
  rounds to it ("150,000": 145,000-155,000, at most 5% either side).
- negation: a word both claims use, denied in one of them ("did not withdraw").
- role: who did what to whom turned round: "an invasion of Ukraine" against "an invasion by
  Ukraine"; "Russia warned Ukraine" against "Ukraine warned Russia".
- date: different days (or months) for what both report.
- status: one says it will or may happen, the other that it happened; or one that it
  began, the other that it was completed.

Each difference is read on the parse of the two sentences, not by patterns of wording.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsfuse.crosscheck.claims import Claim, ClaimFigure
from newsfuse.extract.attribution import SPEECH_VERBS
from newsfuse.lexical import stem

_APPROXIMATE = frozenset(
    {"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"}
)
_AT_LEAST = frozenset({"more than", "over", "at least", "just over"})
_AT_MOST = frozenset({"less than", "fewer than", "at most", "up to", "under", "as many as"})
_JUST_UNDER = frozenset({"nearly", "almost", "just under"})
# How far an approximate figure reaches either side, and open-ended ones beyond their value.
_APPROXIMATION = 0.1
_OPEN_END = 0.5
_JUST = 0.15
# A round figure stands for what rounds to it, but never for more than this share either side.
_ROUNDING = 0.05
_MODALS = frozenset({"will", "shall", "'ll", "would", "could", "may", "might", "wo"})
# Verbs whose complement is something intended, not done: "plans to withdraw".
_INTENT = frozenset(
    """
    plan intend expect aim prepare threaten vow promise pledge hope want seek propose
    schedule set agree decide
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
_BEGIN = frozenset({"begin", "start", "launch", "commence", "initiate"})
_FINISH = frozenset({"complete", "finish", "conclude", "end", "wrap"})
# Words that deny the verb they govern: "failed to attend", "refused to sign".
_DENYING = frozenset({"fail", "refuse", "decline"})
_AGENT_PREPOSITIONS = frozenset({"by"})
_PATIENT_PREPOSITIONS = frozenset({"of", "against", "on", "into", "to"})
_CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ"})
# Actions that go both ways: "Putin met Scholz" is "Scholz met Putin".
_MUTUAL = frozenset(
    """
    meet talk speak call join marry face fight play tie negotiate discuss greet hug compete
    debate
    """.split()  # noqa: SIM905 (a word list reads best as text)
)


@dataclass(frozen=True)
class Finding:
    """One difference between two claims: its kind, what each says, and in words."""

    kind: str
    left: str
    right: str
    left_by: str | None = None  # who gave the figure, for numbers
    right_by: str | None = None
    figures: tuple[ClaimFigure, ClaimFigure] | None = None


def findings(left: Claim, right: Claim) -> list[Finding]:
    """Every kind of difference between two claims that state the same fact."""
    found = []
    for check in _CHECKS:
        finding = check(left, right)
        if finding is not None:
            found.append(finding)
    return found


# Figures


def figure_range(figure: ClaimFigure) -> tuple[float, float]:
    """The values a figure as written allows."""
    value, qualifier = figure.figure.value, figure.figure.qualifier
    low, high = value, value
    if qualifier in _APPROXIMATE:
        low, high = value * (1 - _APPROXIMATION), value * (1 + _APPROXIMATION)
    elif qualifier in _AT_LEAST:
        high = value * (1 + _OPEN_END)
    elif qualifier in _AT_MOST:
        low = value * (1 - _OPEN_END)
    elif qualifier in _JUST_UNDER:
        low = value * (1 - _JUST)
    if qualifier is not None:
        return low, high  # the qualifier says how far the figure reaches
    spread = min(_rounding_half_unit(figure.figure.text, value), abs(value) * _ROUNDING)
    return low - spread, high + spread


def _rounding_half_unit(text: str, value: float) -> float:
    """Half the unit of the last digit written: "150,000" is 145,000-155,000 rounded, "1.2
    million" 1.15-1.25 million, "12" 11.5-12.5."""
    if value == 0:
        return 0.5
    digits = "".join(char for char in text if char.isdigit() or char == ".")
    significant = digits.replace(".", "").strip("0") or "0"
    magnitude = math.floor(math.log10(abs(value))) + 1
    unit = 10 ** (magnitude - len(significant))
    return 0.5 * float(unit)


def figures_agree(left: ClaimFigure, right: ClaimFigure) -> bool:
    low, high = figure_range(left)
    other_low, other_high = figure_range(right)
    return low <= other_high and other_low <= high


def same_thing(left: ClaimFigure, right: ClaimFigure) -> bool:
    """Whether two figures count the same thing: the same counted noun, or the same unit."""
    mine, theirs = left.figure, right.figure
    if mine.counts and theirs.counts:
        return _head(mine.counts) == _head(theirs.counts)
    return mine.unit is not None and mine.unit == theirs.unit


def _head(counted: str) -> str:
    return stem(counted.rsplit(maxsplit=1)[-1].lower())


def _numbers(left: Claim, right: Claim) -> Finding | None:
    for mine in left.figures:
        comparable = [theirs for theirs in right.figures if same_thing(mine, theirs)]
        if not comparable or any(figures_agree(mine, theirs) for theirs in comparable):
            continue
        theirs = comparable[0]
        if any(figures_agree(other, theirs) for other in left.figures if same_thing(other, theirs)):
            continue
        return Finding(
            "number",
            mine.figure.text,
            theirs.figure.text,
            mine.given_by,
            theirs.given_by,
            (mine, theirs),
        )
    return None


# Negation


def negated_words(span: Any) -> dict[str, bool]:
    """Content words of a sentence (lemmas, said once) and whether each is denied."""
    seen: dict[str, list[bool]] = {}
    for token in span:
        if token.pos_ in _CONTENT_POS and token.lemma_.lower() not in SPEECH_VERBS:
            seen.setdefault(token.lemma_.lower(), []).append(_is_denied(token))
    return {lemma: marks[0] for lemma, marks in seen.items() if len(marks) == 1}


def _is_denied(token: Any) -> bool:
    if any(child.dep_ == "neg" or child.lower_ == "no" for child in token.children):
        return True
    head = token.head
    if token.dep_ in {"acomp", "attr", "xcomp", "oprd"} and any(
        child.dep_ == "neg" for child in head.children
    ):
        return True  # "is not possible", "did not want to talk"
    return token.dep_ == "xcomp" and head.lemma_.lower() in _DENYING


def _negation(left: Claim, right: Claim) -> Finding | None:
    mine, theirs = negated_words(left.span), negated_words(right.span)
    for lemma in sorted(mine.keys() & theirs.keys()):
        if mine[lemma] != theirs[lemma]:
            return Finding(
                "negation", _polarity(lemma, mine[lemma]), _polarity(lemma, theirs[lemma])
            )
    # A rewording may deny a synonym ("added" against "not included"): one of two
    # sentences stating the same fact denies something, the other nothing.
    denied, other = _denials(left.span), _denials(right.span)
    if bool(denied) != bool(other):
        said = f"not {(denied or other)[0]}"
        return Finding("negation", said if denied else "affirmed", "affirmed" if denied else said)
    return None


def _denials(span: Any) -> list[str]:
    """The words a sentence denies: those "not", "no" or "never" negate."""
    return [
        token.head.lemma_.lower()
        for token in span
        if token.dep_ == "neg" or (token.lower_ in {"no", "never"} and token.dep_ == "det")
    ]


def _polarity(lemma: str, denied: bool) -> str:
    return f"not {lemma}" if denied else lemma


# Roles


def roles(span: Any) -> set[tuple[str, str, str]]:
    """(action, name, role) of a sentence: who acts ("agent") and who is acted on
    ("patient"), for nouns of action ("invasion of Ukraine") and verbs alike."""
    found: set[tuple[str, str, str]] = set()
    for token in span:
        if token.pos_ not in {"PROPN", "NOUN"} or token.dep_ == "compound":
            continue
        name = _name(token)
        head = token.head
        if token.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
            action = _acted(head)
            preposition = head.lower_
            if head.dep_ == "agent" or preposition in _AGENT_PREPOSITIONS:
                found.add((action.lemma_.lower(), name, "agent"))
            elif preposition in _PATIENT_PREPOSITIONS and action.pos_ == "NOUN":
                found.add((action.lemma_.lower(), name, "patient"))
        elif (token.dep_ == "poss" and _acts_on_something(head)) or (
            token.dep_ == "nsubj" and head.pos_ == "VERB"
        ):
            found.add((head.lemma_.lower(), name, "agent"))
        elif token.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB":
            found.add((head.lemma_.lower(), name, "patient"))
    return found


def _acted(preposition: Any) -> Any:
    """The noun of action a preposition belongs to: its head, or the noun right before it
    when the parse hangs it on the verb ("condemned the invasion by Ukraine")."""
    before = preposition.doc[preposition.i - 1] if preposition.i > 0 else None
    if before is not None and before.pos_ == "NOUN" and preposition.head.pos_ == "VERB":
        return before
    return preposition.head


def _acts_on_something(noun: Any) -> bool:
    """Whether a noun names an action done to something: "Russia's invasion of Ukraine"
    (but not "Ukraine's border", where the owner does nothing)."""
    return bool(noun.pos_ == "NOUN") and any(
        child.dep_ == "prep" and child.lower_ in _PATIENT_PREPOSITIONS for child in noun.children
    )


def nominal_roles(span: Any) -> set[tuple[str, str, str]]:
    """The roles a sentence gives names through nouns of action: "invasion by Ukraine"
    (agent) against "invasion of Ukraine" (patient)."""
    found = set()
    for token in span:
        head = token.head
        if token.pos_ != "PROPN" or token.dep_ != "pobj" or head.dep_ not in {"prep", "agent"}:
            continue
        action = _acted(head)
        if action.pos_ != "NOUN":
            continue
        if head.lower_ in _AGENT_PREPOSITIONS:
            found.add((action.lemma_.lower(), _name(token), "agent"))
        elif head.lower_ in _PATIENT_PREPOSITIONS:
            found.add((action.lemma_.lower(), _name(token), "patient"))
    return found


def role_words(action: str, name: str, role: str) -> str:
    return _role(action, name, role)


def _name(token: Any) -> str:
    if token.pos_ == "PROPN":
        words = [t.text for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        return " ".join([*words, token.text])
    return str(token.lemma_.lower())


def _roles(left: Claim, right: Claim) -> Finding | None:
    mine, theirs = roles(left.span), roles(right.span)
    for action, name, role in sorted(mine):
        if action in _MUTUAL:
            continue
        turned = "patient" if role == "agent" else "agent"
        if (
            _proper(name)
            and (action, name, turned) in theirs
            and (action, name, role) not in theirs
        ):
            return Finding("role", _role(action, name, role), _role(action, name, turned))
    return None


def _proper(name: str) -> bool:
    return name[:1].isupper()


def _role(action: str, name: str, role: str) -> str:
    return (
        f"{name} as the doer of “{action}”"
        if role == "agent"
        else (f"{name} as the target of “{action}”")
    )


# Dates


def _dates(left: Claim, right: Claim) -> Finding | None:
    for precision in (10, 7):
        mine = {d for d in left.dates if len(d) == precision}
        theirs = {d for d in right.dates if len(d) == precision}
        if mine and theirs:
            if mine.isdisjoint(theirs) and not _within(mine, theirs):
                return Finding("date", ", ".join(sorted(mine)), ", ".join(sorted(theirs)))
            return None
    return None


def _within(mine: set[str], theirs: set[str]) -> bool:
    """Whether the days of one fall in the months of the other (no conflict of precision)."""
    return any(a.startswith(b) or b.startswith(a) for a in mine for b in theirs)


# Status


def statuses(span: Any) -> dict[str, str]:
    """Verbs of a sentence (lemmas) as "planned" (will, may, plans to) or "done" (past,
    perfect); verbs in the present say neither."""
    seen: dict[str, list[str | None]] = {}
    for token in span:
        if token.pos_ == "VERB" and token.lemma_.lower() not in SPEECH_VERBS:
            seen.setdefault(token.lemma_.lower(), []).append(_status(token))
    # A verb said twice may be said of two things ("have started loading and will start
    # moving"): only verbs said once are compared.
    return {
        lemma: marks[0] for lemma, marks in seen.items() if len(marks) == 1 and marks[0] is not None
    }


def _status(verb: Any) -> str | None:
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    if any(aux.lower_ in _MODALS for aux in auxiliaries):
        return "planned"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT:
        return "planned"
    if any(aux.lemma_ == "have" for aux in auxiliaries) and verb.tag_ == "VBN":
        return "done"
    if verb.tag_ == "VBD" and not auxiliaries:
        return "done"
    return None


def _phase(span: Any) -> set[str]:
    lemmas = {token.lemma_.lower() for token in span if token.pos_ == "VERB"}
    found = set()
    if lemmas & _BEGIN:
        found.add("begun")
    if lemmas & _FINISH:
        found.add("completed")
    return found


def _statuses(left: Claim, right: Claim) -> Finding | None:
    mine, theirs = statuses(left.span), statuses(right.span)
    for lemma in sorted(mine.keys() & theirs.keys()):
        if mine[lemma] != theirs[lemma]:
            return Finding("status", f"{lemma}: {mine[lemma]}", f"{lemma}: {theirs[lemma]}")
    phases, other = _phase(left.span), _phase(right.span)
    if len(phases) == 1 and len(other) == 1 and phases != other:
        return Finding("status", next(iter(phases)), next(iter(other)))
    return None


_CHECKS: tuple[Callable[[Claim, Claim], Finding | None], ...] = (
    _numbers,
    _negation,
    _roles,
    _dates,
    _statuses,
)
