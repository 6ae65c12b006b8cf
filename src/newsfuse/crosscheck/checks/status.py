"""Status: one claim says it will or may happen, the other that it happened; or one that it
began, the other that it was completed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.crosscheck.checks.finding import Finding
from newsfuse.crosscheck.claims import Claim

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_MODALS = frozenset({"will", "shall", "'ll", "would", "could", "may", "might", "wo"})


_GUESSES = frozenset({"must", "should", "can"})


# Verbs whose complement is something intended, not done: "plans to withdraw".
_INTENT = frozenset(
    """
    plan intend expect aim prepare threaten vow promise pledge hope want seek propose
    schedule set agree decide
    """.split()  # noqa: SIM905 (a word list reads best as text)
)


_BEGIN = frozenset({"begin", "start", "launch", "commence", "initiate"})


_FINISH = frozenset({"complete", "finish", "conclude", "end", "wrap"})


def statuses(span: Span) -> dict[str, str]:
    """Verbs of a sentence (lemmas) as "planned" (will, may, plans to) or "done" (past,
    perfect); verbs in the present say neither."""
    seen: dict[str, list[str | None]] = {}
    for token in span:
        if token.pos_ == "VERB":
            seen.setdefault(token.lemma_.lower(), []).append(_status(token))
    # A verb said twice may be said of two things ("have started loading and will start
    # moving"): only verbs said once are compared.
    return {
        lemma: marks[0] for lemma, marks in seen.items() if len(marks) == 1 and marks[0] is not None
    }


def _status(verb: Token) -> str | None:
    # "could not confirm" and "have not confirmed" both say it was not done: a denied verb
    # tells no plan and no deed (a denial against an assertion is the negation check's).
    if _commanded(verb) or any(child.dep_ == "neg" for child in verb.children):
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    perfect = any(aux.lemma_ == "have" for aux in auxiliaries) and verb.tag_ == "VBN"
    modals = {aux.lower_ for aux in auxiliaries} & (_MODALS | _GUESSES)
    if modals:
        # "must have been", "can go": a guess or an ability, not a plan; "may have
        # bottled" guesses at the past.
        return None if perfect or modals & _GUESSES else "planned"
    if verb.dep_ == "xcomp" and (
        verb.head.lemma_.lower() in _INTENT or verb.head.lower_ == "going"
    ):
        return "planned"  # "plans to withdraw", "is going to kill"
    if perfect:
        return "done"
    if verb.tag_ == "VBD" and not auxiliaries:
        return "done"
    return None


def _commanded(verb: Token) -> bool:
    """Whether a verb is a command or a bare question ("then set up the meeting"): the
    tagger often reads such verbs as past tense, but they state nothing done."""
    subjects = {"nsubj", "nsubjpass", "expl", "csubj"}
    return verb.dep_ == "ROOT" and not any(child.dep_ in subjects for child in verb.children)


def _phase(span: Span) -> set[str]:
    lemmas = {token.lemma_.lower() for token in span if token.pos_ == "VERB"}
    found = set()
    if lemmas & _BEGIN:
        found.add("begun")
    if lemmas & _FINISH:
        found.add("completed")
    return found


def check(left: Claim, right: Claim) -> Finding | None:
    mine, theirs = statuses(left.span), statuses(right.span)
    for lemma in sorted(mine.keys() & theirs.keys()):
        if mine[lemma] != theirs[lemma]:
            return Finding("status", f"{lemma}: {mine[lemma]}", f"{lemma}: {theirs[lemma]}")
    phases, other = _phase(left.span), _phase(right.span)
    if len(phases) == 1 and len(other) == 1 and phases != other:
        return Finding("status", next(iter(phases)), next(iter(other)))
    return None
