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

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsfuse.crosscheck.claims import Claim, ClaimFigure
from newsfuse.crosscheck.quotes import quoted_stretches, swapped_words
from newsfuse.extract.figures import FigureMention
from newsfuse.extract.story import own_date
from newsfuse.lexical import stem
from newsfuse.models import ConflictKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

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
# Plurals a stemmer cannot bring to their singular: "35 people" and "35 persons".
_IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
}  # fmt: skip
_MODALS = frozenset({"will", "shall", "'ll", "would", "could", "may", "might", "wo"})
# Conjunctions that make a clause a condition, not a statement of fact.
_CONDITIONS = frozenset({"if", "unless"})
# Words that deny what their clause says: "I did not do anything" and "I have nothing to
# do with it" deny alike.
_DENYING_WORDS = frozenset({"not", "n't", "never", "nothing", "nobody", "none"})
# A noun that is not part of its clause's statement: "No sir", "No way".
_ADDRESSED = frozenset({"npadvmod", "intj"})
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

    kind: ConflictKind
    left: str
    right: str
    left_by: str | None = None  # who gave the figure, for numbers
    right_by: str | None = None
    figures: tuple[ClaimFigure, ClaimFigure] | None = None


def findings(left: Claim, right: Claim) -> list[Finding]:
    """Every kind of difference between two claims that state the same fact; a figure that
    differs inside a quote is one difference, of figures, not a second of quoted words."""
    found = []
    for check in _CHECKS:
        finding = check(left, right)
        if finding is not None:
            found.append(finding)
    if any(f.kind == "number" for f in found):
        found = [f for f in found if f.kind != "quote" or not _only_figures((f.left, f.right))]
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
    if _same_bound(left, right):
        # "up to 60" against "up to 97": both bound the figure the same way, so the
        # bounds themselves are what the reports state, and they differ.
        return _rounds_alike(left, right)
    low, high = figure_range(left)
    other_low, other_high = figure_range(right)
    return low <= other_high and other_low <= high


def _same_bound(left: ClaimFigure, right: ClaimFigure) -> bool:
    mine, theirs = left.figure.qualifier, right.figure.qualifier
    return any(mine in bound and theirs in bound for bound in (_AT_LEAST, _AT_MOST, _JUST_UNDER))


def _rounds_alike(left: ClaimFigure, right: ClaimFigure) -> bool:
    """Whether two bounds are the same figure rounded differently ("more than 1,200" and
    "more than 1,230")."""
    mine, theirs = left.figure, right.figure
    spread = max(
        min(_rounding_half_unit(mine.text, mine.value), abs(mine.value) * _ROUNDING),
        min(_rounding_half_unit(theirs.text, theirs.value), abs(theirs.value) * _ROUNDING),
    )
    return abs(mine.value - theirs.value) <= spread


def same_thing(left: ClaimFigure, right: ClaimFigure) -> bool:
    """Whether two figures count the same thing: the same counted noun or unit, however
    the recogniser split them ("4,500 metric tons" counts tons, "7,201 tons" is in tons)."""
    mine, theirs = _thing(left.figure), _thing(right.figure)
    return mine is not None and mine == theirs


def _thing(figure: FigureMention) -> str | None:
    if figure.counts:
        return _head(figure.counts)
    return _head(figure.unit) if figure.unit else None


def _head(counted: str) -> str:
    word = counted.rsplit(maxsplit=1)[-1].lower()
    return stem(_IRREGULAR_PLURALS.get(word, word))


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


def negated_words(span: Span) -> dict[str, bool]:
    """Content words of a sentence (lemmas, said once) and whether each is denied."""
    seen: dict[str, list[bool]] = {}
    for token in span:
        if _in_condition(token):
            continue
        if token.pos_ in _CONTENT_POS or _main_copula(token):
            seen.setdefault(token.lemma_.lower(), []).append(_is_denied(token))
    return {lemma: marks[0] for lemma, marks in seen.items() if len(marks) == 1}


def _main_copula(token: Token) -> bool:
    """A form of "be" or "have" that is a clause's verb ("they are in the museum"), not a
    helper of another verb: denying it denies the clause."""
    return bool(token.pos_ == "AUX" and token.dep_ not in {"aux", "auxpass"})


def _is_denied(token: Token) -> bool:
    if token.pos_ == "NOUN":
        # "no evidence" denies a thing; "— not Clinton's chairman" sets one against another;
        # "No sir" (an address, not part of the clause) denies nothing.
        if token.dep_ not in _ADDRESSED and any(
            child.lower_ == "no" and child.dep_ == "det" for child in token.children
        ):
            return True
    elif any(_denies(child) for child in token.children):
        return True
    head = token.head
    if token.dep_ in {"acomp", "attr", "xcomp", "oprd"} and any(
        child.dep_ == "neg" for child in head.children
    ):
        return True  # "is not possible", "did not want to talk"
    return token.dep_ == "xcomp" and head.lemma_.lower() in _DENYING


def _negation(left: Claim, right: Claim) -> Finding | None:
    if _denial_count(left.span) == _denial_count(right.span):
        return None  # as many denials on each side: parses may hang them on other words
    return (
        _same_word_denied(left, right)
        or _alike_word_denied(left, right)
        or _synonym_denied(left, right)
    )


def _in_condition(token: Token) -> bool:
    """Whether a word lies in a clause opened by "if" or "unless" ("If the media covered me
    honestly and didn't put false meaning into my words"): a condition states no fact that a
    denial could contradict."""
    for verb in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children):
            return True
    return False


def _denial_count(span: Span) -> int:
    return sum(
        1
        for token in span
        if (
            token.dep_ == "neg"
            or token.lower_ in _DENYING_WORDS
            or (token.lower_ == "no" and token.dep_ == "det" and token.head.dep_ not in _ADDRESSED)
        )
        and not _in_condition(token)
    )


def _same_word_denied(left: Claim, right: Claim) -> Finding | None:
    mine, theirs = negated_words(left.span), negated_words(right.span)
    for lemma in sorted(mine.keys() & theirs.keys()):
        if mine[lemma] != theirs[lemma]:
            return Finding(
                "negation", _polarity(lemma, mine[lemma]), _polarity(lemma, theirs[lemma])
            )
    return None


def _alike_word_denied(left: Claim, right: Claim) -> Finding | None:
    """A word said twice ("it was not nearly as much as he was worth"), compared where the
    two sentences run alike."""
    for mine_token, theirs_token in _alike(left.span, right.span):
        if _is_denied(mine_token) != _is_denied(theirs_token):
            lemma = mine_token.lemma_.lower()
            return Finding(
                "negation",
                _polarity(lemma, _is_denied(mine_token)),
                _polarity(lemma, _is_denied(theirs_token)),
            )
    return None


def _synonym_denied(left: Claim, right: Claim) -> Finding | None:
    """A rewording may deny a synonym ("added" against "not included"): one sentence
    denies a word where the other, otherwise the same, has another word and no denial."""
    for denier, other, denied_left in (
        (left.span, right.span, True),
        (right.span, left.span, False),
    ):
        replaced = _denied_in_place_of(denier, other) if not _denial_count(other) else None
        if replaced is not None:
            said = f"not {replaced}"
            return Finding(
                "negation", said if denied_left else "affirmed", "affirmed" if denied_left else said
            )
    return None


# A rewording swaps at most this many words for others.
_REWORDED = 3


def _alike(left: Span, right: Span) -> list[tuple[Token, Token]]:
    """Words of two sentences that stand in the same place of runs both share."""
    matcher = _lemma_matcher(left, right)
    return [
        (left[start + offset], right[other + offset])
        for start, other, size in matcher.get_matching_blocks()
        for offset in range(size)
        if left[start + offset].pos_ in _CONTENT_POS or _main_copula(left[start + offset])
    ]


def _lemma_matcher(left: Span, right: Span) -> difflib.SequenceMatcher[str]:
    """The two sentences' lemmas lined up: where they run alike and where they differ."""
    return difflib.SequenceMatcher(
        a=[token.lemma_.lower() for token in left],
        b=[token.lemma_.lower() for token in right],
        autojunk=False,
    )


def _denied_in_place_of(denier: Span, other: Span) -> str | None:
    """A word one sentence denies where the other has a different content word, all else
    around it alike; a denial added beside what both say ("Don't forget: we are ...") is
    no rewording of it."""
    matcher = _lemma_matcher(denier, other)
    for tag, start, end, other_start, other_end in matcher.get_opcodes():
        if tag != "replace" or max(end - start, other_end - other_start) > _REWORDED:
            continue
        instead = [
            t for t in other[other_start:other_end] if t.pos_ in _CONTENT_POS or _main_copula(t)
        ]
        if not instead or any(_is_denied(t) for t in instead):
            continue
        # The denied word stands for one of the same kind: "not included" for "added",
        # never "not cooperating" for "businesses".
        kinds = {t.pos_ for t in instead}
        for token in denier[start:end]:
            said = token.pos_ in _CONTENT_POS or _main_copula(token)
            if said and token.pos_ in kinds and _is_denied(token):
                return str(token.lemma_.lower())
    return None


def _denies(child: Token) -> bool:
    """Whether a word denies the verb or adjective it hangs on: "not", "never", or an
    adverb that "not" or "never" qualifies ("never before explored")."""
    if child.dep_ == "neg" or child.lower_ == "never":
        return True
    return child.dep_ == "advmod" and any(
        grandchild.dep_ == "neg" or grandchild.lower_ == "never" for grandchild in child.children
    )


def _polarity(lemma: str, denied: bool) -> str:
    return f"not {lemma}" if denied else lemma


# Roles


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
    """Different days for what both report; or, in reports of one day, different days on
    which the same words were said ("said on Sunday" against "said on Wednesday")."""
    found = _different_days(left.dates, right.dates)
    if found is None and own_date(left.source) == own_date(right.source):
        found = _different_days(left.said_on, right.said_on)
    return found


def _different_days(left: tuple[str, ...], right: tuple[str, ...]) -> Finding | None:
    for precision in (_DAY, _WEEK, _MONTH):
        mine = {d for d in left if len(d) == precision}
        theirs = {d for d in right if len(d) == precision}
        if mine and theirs:
            # Days both give agree; each giving a day the other does not is a difference
            # ("LIMA, Dec 1 - Peru suspended ... on Tuesday" against "... on Friday").
            only_mine, only_theirs = mine - theirs, theirs - mine
            if (
                only_mine
                and only_theirs
                and not _within(only_mine, only_theirs)
                and not _week_apart(only_mine, only_theirs)
                and not _year_apart(only_mine, only_theirs)
            ):
                return Finding("date", ", ".join(sorted(only_mine)), ", ".join(sorted(only_theirs)))
            return None
    return None


def _year_apart(mine: set[str], theirs: set[str]) -> bool:
    """Whether two days differ in their year alone: "June 17" read in the year of each
    report, one dated and one not, or dated a year apart."""
    return len(mine) == len(theirs) == 1 and next(iter(mine))[4:] == next(iter(theirs))[4:]


def _week_apart(mine: set[str], theirs: set[str]) -> bool:
    """Whether two days are the same weekday a week apart: "Thursday" read as the last
    Thursday by one report and the next by another ("will be held Thursday", "is holding a
    vigil Thursday"); the name agrees, only the reading of the tense differs."""
    return any(
        len(a) == _DAY
        and len(b) == _DAY
        and abs((date.fromisoformat(a) - date.fromisoformat(b)).days) == _DAYS_IN_WEEK
        for a in mine
        for b in theirs
    )


_DAY, _WEEK, _MONTH = len("2022-02-15"), len("2022-W07"), len("2022-02")
_DAYS_IN_WEEK = 7


def _within(mine: set[str], theirs: set[str]) -> bool:
    """Whether the days of one fall in the months of the other (no conflict of precision)."""
    return any(a.startswith(b) or b.startswith(a) for a in mine for b in theirs)


# Status


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
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    perfect = any(aux.lemma_ == "have" for aux in auxiliaries) and verb.tag_ == "VBN"
    modals = {aux.lower_ for aux in auxiliaries} & (_MODALS | _GUESSES)
    if modals:
        # "must have been", "can go": a guess or an ability, not a plan; "may have
        # bottled" guesses at the past.
        return None if perfect or modals & _GUESSES else "planned"
    if _commanded(verb):
        return None
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


def _statuses(left: Claim, right: Claim) -> Finding | None:
    mine, theirs = statuses(left.span), statuses(right.span)
    for lemma in sorted(mine.keys() & theirs.keys()):
        if mine[lemma] != theirs[lemma]:
            return Finding("status", f"{lemma}: {mine[lemma]}", f"{lemma}: {theirs[lemma]}")
    phases, other = _phase(left.span), _phase(right.span)
    if len(phases) == 1 and len(other) == 1 and phases != other:
        return Finding("status", next(iter(phases)), next(iter(other)))
    return None


# Quotes


def _quoted_words(left: Claim, right: Claim) -> Finding | None:
    """Words inside quotation marks that two reports of one fact give with a few swapped:
    whoever said them, they were said one way."""
    for mine in quoted_stretches(left.sentence_text):
        for theirs in quoted_stretches(right.sentence_text):
            swapped = swapped_words(mine, theirs)
            if swapped is None:
                continue
            if (left.updates or right.updates) and _only_figures(swapped):
                continue  # a figure given as an update of the other: the number check's
            return Finding("quote", *swapped)
    return None


def _only_figures(swapped: tuple[str, str]) -> bool:
    return all(
        word.replace(",", "").replace(".", "").isdigit()
        for side in swapped
        for word in side.split()
    )


_CHECKS: tuple[Callable[[Claim, Claim], Finding | None], ...] = (
    _quoted_words,
    _numbers,
    _negation,
    _roles,
    _dates,
    _statuses,
)
