"""Quoted words: words inside quotation marks that two reports of one fact give with a few
swapped."""

from __future__ import annotations

from newsfuse.crosscheck.checks.finding import Finding
from newsfuse.crosscheck.claims import Claim
from newsfuse.crosscheck.quotes import quoted_stretches, swapped_words


def check(left: Claim, right: Claim) -> Finding | None:
    """Words inside quotation marks that two reports of one fact give with a few swapped:
    whoever said them, they were said one way."""
    for mine in quoted_stretches(left.sentence_text):
        for theirs in quoted_stretches(right.sentence_text):
            swapped = swapped_words(mine, theirs)
            if swapped is None:
                continue
            if (left.updates or right.updates) and only_figures(swapped):
                continue  # a figure given as an update of the other: the number check's
            return Finding("quote", *swapped)
    return None


def only_figures(swapped: tuple[str, str]) -> bool:
    return all(
        word.replace(",", "").replace(".", "").isdigit()
        for side in swapped
        for word in side.split()
    )
