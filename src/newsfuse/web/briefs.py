"""Story briefs for the web UI, made on one background thread and kept.

A brief can take seconds (a story of hundreds of sources, a minute): a page must not hold
its reader, nor the readers of other stories, for that long. Briefs are made one at a time
(the language models are not made to be shared by threads) on a thread of their own, the
most recently asked story first; a reader waits a few seconds for it, then gets a page that
says it is being made and reloads itself. A story nobody has asked for again for a while
is taken off the list (its reader left), and made briefs are kept while their story's
articles stay the same.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from newsfuse.faults import one_line, strict
from newsfuse.models import StoryBrief

# A wanted brief nobody has asked for in this long is dropped before it is started.
ABANDONED_SECONDS = 60.0
_KEPT_BRIEFS = 64

Key = tuple[str, ...]  # the story id, then its articles' ids: a story that grew is new


@dataclass(frozen=True)
class Failed:
    """Making the brief failed; the error in one line."""

    error: str


@dataclass
class _Wanted:
    story_id: str
    asked: float  # when last asked for (time.monotonic)
    done: threading.Event = field(default_factory=threading.Event)


class BriefMaker:
    """Makes briefs with `make(story_id)` on a background thread, newest request first."""

    def __init__(self, make: Callable[[str], StoryBrief]) -> None:
        self._make = make
        self._made: OrderedDict[Key, StoryBrief | Failed] = OrderedDict()
        self._wanted: dict[Key, _Wanted] = {}
        self._changed = threading.Condition()
        self._worker: threading.Thread | None = None

    def get(self, key: Key, wait_seconds: float) -> StoryBrief | Failed | None:
        """The brief of the story `key` names, waiting up to `wait_seconds` for it to be
        made; None if it is not made by then (it goes on being made)."""
        with self._changed:
            if key in self._made:
                self._made.move_to_end(key)
                return self._made[key]
            wanted = self._wanted.setdefault(key, _Wanted(key[0], time.monotonic()))
            wanted.asked = time.monotonic()
            self._start()
            self._changed.notify_all()
        wanted.done.wait(wait_seconds)
        with self._changed:
            found = self._made.get(key)
            if isinstance(found, Failed):
                del self._made[key]  # said once; the next reader tries again
            return found

    def _start(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self._work, name="briefs", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            with self._changed:
                key = self._next()
                while key is None:
                    self._changed.wait()
                    key = self._next()
                wanted = self._wanted[key]
            error: Exception | None = None
            try:
                result: StoryBrief | Failed = self._make(wanted.story_id)
            except Exception as failure:  # shown on the story's page; the server goes on
                result, error = Failed(one_line(failure)), failure
            with self._changed:
                self._made[key] = result
                while len(self._made) > _KEPT_BRIEFS:
                    self._made.popitem(last=False)
                del self._wanted[key]
            wanted.done.set()
            if error is not None and strict():
                raise error

    def _next(self) -> Key | None:
        """The most recently asked wanted story; stories left unasked too long dropped."""
        now = time.monotonic()
        for key, wanted in list(self._wanted.items()):
            if now - wanted.asked > ABANDONED_SECONDS:
                del self._wanted[key]
                wanted.done.set()
        if not self._wanted:
            return None
        return max(self._wanted, key=lambda key: self._wanted[key].asked)
