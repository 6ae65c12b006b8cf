"""Containment: an unexpected error on one input, source or story becomes a `Problem`.

Article text is hostile and real pages are stranger than any test, so a bug that one page
triggers must cost that page's contribution to the brief, not the run. Each stage boundary
of the pipeline calls `attempt`: the stage's result, or a `Problem` naming the stage, what it
was working on and the error in one line, which the brief lists and the command reports.

Set NEWSFUSE_STRICT=1 to let errors through instead (the tests do, so a bug still fails
loudly there). Only `Exception` is contained: an interrupt or exit still ends the run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from newsfuse.models import Problem

STRICT_VARIABLE = "NEWSFUSE_STRICT"
# An error message can quote the text that caused it: kept to one short line.
_ERROR_CHARACTERS = 300

_Params = ParamSpec("_Params")
_Result = TypeVar("_Result")


def strict() -> bool:
    """Whether errors are let through rather than contained (NEWSFUSE_STRICT set, not 0)."""
    return os.environ.get(STRICT_VARIABLE, "").strip() not in ("", "0")


def attempt(
    stage: str,
    subject: str,
    function: Callable[_Params, _Result],
    *args: _Params.args,
    **kwargs: _Params.kwargs,
) -> _Result | Problem:
    """`function(*args, **kwargs)`, or the `Problem` of `stage` on `subject` it raised."""
    try:
        return function(*args, **kwargs)
    except Exception as error:
        if strict():
            raise
        return Problem(stage=stage, subject=subject, error=one_line(error))


def one_line(error: BaseException) -> str:
    """The error's type and message on one bounded line, control characters shown escaped."""
    message = " ".join(str(error).split())
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    text = printable(text)
    return text if len(text) <= _ERROR_CHARACTERS else text[: _ERROR_CHARACTERS - 1] + "…"


# Control characters (terminal escapes, bells, C1 codes), lone surrogates (stray bytes of
# a file name) and the bidirectional overrides that can make a line read other than it is.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters written as escapes ("\\x1b"), so that it can go to
    a terminal or a log as it is."""
    return _UNPRINTABLE.sub(
        lambda match: match.group(0).encode("unicode_escape", "backslashreplace").decode("ascii"),
        text,
    )


def story_subject(story_id: str) -> str:
    return f"story {story_id}"
