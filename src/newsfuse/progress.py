"""Progress of long runs on a terminal: one line a stage, redrawn in place.

Off unless asked for, around the work to show (`with drawn_on(stream): ...`; the command
line asks, on standard error, when it is a terminal and `--quiet` is not given), so the
library and piped output stay silent. The stream is the context's, not the process's: work
on other threads, or after the block, draws nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TextIO, TypeVar

_Item = TypeVar("_Item")
# Redrawn at most this often: a terminal is slower than a tight loop.
_REDRAW_SECONDS = 0.2

_stream: ContextVar[TextIO | None] = ContextVar("newsfuse_progress", default=None)


@contextmanager
def drawn_on(stream: TextIO | None) -> Iterator[None]:
    """Draw the progress of the work inside the block on `stream` (None: draw nothing)."""
    token = _stream.set(stream)
    try:
        yield
    finally:
        _stream.reset(token)


def steps(label: str, items: Iterable[_Item]) -> Iterator[_Item]:
    """The items, drawing "label: done/total" as they are taken."""
    stream = _stream.get()
    if stream is None:
        yield from items
        return
    total = len(items) if isinstance(items, Sized) else None
    bar = Bar(stream, label, total)
    for item in items:
        yield item
        bar.advance()
    bar.finish()


class Bar:
    """One line of progress: what is done of how many, and how fast."""

    def __init__(self, stream: TextIO, label: str, total: int | None) -> None:
        self._stream = stream
        self._label = label
        self._total = total
        self._done = 0
        self._start = time.monotonic()
        self._drawn = 0.0

    def advance(self, count: int = 1) -> None:
        self._done += count
        now = time.monotonic()
        if now - self._drawn >= _REDRAW_SECONDS:
            self._drawn = now
            self._draw(now)

    def finish(self) -> None:
        self._draw(time.monotonic())
        self._stream.write("\n")
        self._stream.flush()

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._start, 1e-9)
        done = f"{self._done:,}" if self._total is None else f"{self._done:,}/{self._total:,}"
        share = f" {self._done / self._total:4.0%}" if self._total else ""
        self._stream.write(f"\r{self._label}: {done}{share} · {self._done / elapsed:,.1f}/s")
        self._stream.flush()


def active() -> TextIO | None:
    """Where progress is drawn, if anywhere."""
    return _stream.get()
