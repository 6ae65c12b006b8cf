"""Progress of long runs on a terminal: one line a stage, redrawn in place.

A `Progress` is passed to what loops over many items (the pipeline's stages, a Dask
runner): it draws on its stream, or, as `SILENT`, nowhere, so the library and piped output
stay silent. The command line makes one on standard error when that is a terminal and
`--quiet` is not given.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sized
from typing import TextIO, TypeVar

_Item = TypeVar("_Item")
# Redrawn at most this often: a terminal is slower than a tight loop.
_REDRAW_SECONDS = 0.2


class Progress:
    """Where a run draws its progress: on `stream`, or nowhere when it is None."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def steps(self, label: str, items: Iterable[_Item]) -> Iterator[_Item]:
        """The items, drawing "label: done/total" as they are taken."""
        if self.stream is None:
            yield from items
            return
        total = len(items) if isinstance(items, Sized) else None
        bar = Bar(self.stream, label, total)
        for item in items:
            yield item
            bar.advance()
        bar.finish()

    def bar(self, label: str, total: int | None) -> Bar | None:
        """A line to advance by hand (work done elsewhere), or None when nothing is drawn."""
        return None if self.stream is None else Bar(self.stream, label, total)


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


# Draws nothing: what the library does unless given somewhere to draw.
SILENT = Progress()
