"""Roles: who did what to whom turned round.

"An invasion of Ukraine" against "an invasion by Ukraine"; "Russia warned Ukraine" against
"Ukraine warned Russia".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.crosscheck.checks.finding import Finding
from newsfuse.crosscheck.claims import Claim

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_AGENT_PREPOSITIONS = frozenset({"by"})


_PATIENT_PREPOSITIONS = frozenset({"of", "against", "on", "into", "to"})


# Actions that go both ways: "Putin met Scholz" is "Scholz met Putin".
_MUTUAL = frozenset(
    """
    meet talk speak call join marry face fight play tie negotiate discuss greet hug compete
    debate
    """.split()  # noqa: SIM905 (a word list reads best as text)
)


def roles(span: Span) -> set[tuple[str, str, str]]:
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


def _acted(preposition: Token) -> Token:
    """The noun of action a preposition belongs to: its head, or the noun right before it
    when the parse hangs it on the verb ("condemned the invasion by Ukraine")."""
    before = preposition.doc[preposition.i - 1] if preposition.i > 0 else None
    if before is not None and before.pos_ == "NOUN" and preposition.head.pos_ == "VERB":
        return before
    return preposition.head


def _acts_on_something(noun: Token) -> bool:
    """Whether a noun names an action done to something: "Russia's invasion of Ukraine"
    (but not "Ukraine's border", where the owner does nothing)."""
    return bool(noun.pos_ == "NOUN") and any(
        child.dep_ == "prep" and child.lower_ in _PATIENT_PREPOSITIONS for child in noun.children
    )


def nominal_roles(span: Span) -> set[tuple[str, str, str]]:
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


def _name(token: Token) -> str:
    if token.pos_ == "PROPN":
        words = [t.text for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        return " ".join([*words, token.text])
    return str(token.lemma_.lower())


def check(left: Claim, right: Claim) -> Finding | None:
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
