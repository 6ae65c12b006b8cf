"""Negation: a word both claims use, denied in one of them ("did not withdraw")."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from newsfuse.crosscheck.checks.finding import Finding
from newsfuse.crosscheck.claims import Claim

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Conjunctions that make a clause a condition, not a statement of fact.
_CONDITIONS = frozenset({"if", "unless"})


# Words that deny what their clause says: "I did not do anything" and "I have nothing to
# do with it" deny alike.
_DENYING_WORDS = frozenset({"not", "n't", "never", "nothing", "nobody", "none"})


# A noun that is not part of its clause's statement: "No sir", "No way".
_ADDRESSED = frozenset({"npadvmod", "intj"})


# Words that deny the verb they govern: "failed to attend", "refused to sign".
_DENYING = frozenset({"fail", "refuse", "decline"})


# Verbs that deny the verb they govern when "yet" stands between: "has yet to respond".
_YET_TO_VERBS = frozenset({"have", "be"})


_CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ"})


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
    return token.dep_ == "xcomp" and (head.lemma_.lower() in _DENYING or _yet_to(head))


def _yet_to(verb: Token) -> bool:
    """Whether a verb is the "have" or "be" of "have yet to" or "is yet to" ("has yet to
    respond" says it has not responded; "is yet to be identified", not identified)."""
    return (
        verb.lemma_.lower() in _YET_TO_VERBS
        and any(child.lower_ == "yet" and child.dep_ == "advmod" for child in verb.children)
        and any(child.dep_ == "xcomp" for child in verb.children)
    )


def check(left: Claim, right: Claim) -> Finding | None:
    if denial_count(left.span) == denial_count(right.span):
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


def denial_count(span: Span) -> int:
    """How many words deny something in the span (outside conditions)."""
    return sum(
        1
        for token in span
        if (
            token.dep_ == "neg"
            or token.lower_ in _DENYING_WORDS
            or (token.lower_ == "yet" and token.dep_ == "advmod" and _yet_to(token.head))
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
        replaced = _denied_in_place_of(denier, other) if not denial_count(other) else None
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
