"""What two claims stating the same fact say differently, kind by kind: one module a kind,
each with a `check(left, right) -> Finding | None`, registered in `CHECKS`.

- quote (`quotes`): words inside quotation marks given with a few swapped;
- number (`numbers`): figures of the same thing whose ranges do not meet;
- negation (`negation`): a word both claims use, denied in one of them;
- role (`roles`): who did what to whom turned round;
- date (`dates`): different days (or months) for what both report;
- status (`status`): one says it will or may happen, the other that it happened; or one
  that it began, the other that it was completed.

Each difference is read on the parse of the two sentences, not by patterns of wording. A
kind is added by adding a module and its line in `CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.crosscheck.checks import dates, negation, numbers, quotes, roles, status
from newsfuse.crosscheck.checks.finding import Finding
from newsfuse.crosscheck.claims import Claim

__all__ = ["CHECKS", "Finding", "findings"]

CHECKS: tuple[Callable[[Claim, Claim], Finding | None], ...] = (
    quotes.check,
    numbers.check,
    negation.check,
    roles.check,
    dates.check,
    status.check,
)


def findings(left: Claim, right: Claim) -> list[Finding]:
    """Every kind of difference between two claims that state the same fact; a figure that
    differs inside a quote is one difference, of figures, not a second of quoted words."""
    found = [finding for check in CHECKS if (finding := check(left, right)) is not None]
    if any(f.kind == "number" for f in found):
        found = [
            f for f in found if f.kind != "quote" or not quotes.only_figures((f.left, f.right))
        ]
    return found
