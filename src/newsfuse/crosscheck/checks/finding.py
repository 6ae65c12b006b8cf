"""What a check finds: one difference between two claims."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.crosscheck.claims import ClaimFigure
from newsfuse.models import ConflictKind


@dataclass(frozen=True)
class Finding:
    """One difference between two claims: its kind, what each says, and in words."""

    kind: ConflictKind
    left: str
    right: str
    left_by: str | None = None  # who gave the figure, for numbers
    right_by: str | None = None
    figures: tuple[ClaimFigure, ClaimFigure] | None = None
