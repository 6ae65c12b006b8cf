"""Every error newsfuse raises on purpose, under one class a caller can catch:

    NewsfuseError
    ├── StoreError               a store cannot be opened or is not a newsfuse store
    ├── InputError               an input that is not an article newsfuse can read
    │   ├── BadRecordError       a record of a JSON, JSON Lines or CSV file (a ValueError)
    │   ├── NoArticleTextError   a page with no article text to find (a ValueError)
    │   ├── NotRegularFileError  a path that is not a regular file (an OSError)
    │   ├── FetchError           a URL that could not be fetched, or was refused
    │   └── FeedError            a feed or OPML document that cannot be read
    ├── WriterError              a language model server that gave no usable answer
    └── WebError                 what `newsfuse serve` answers a request with
        ├── NotFoundError        a path naming nothing in the store (404)
        ├── BriefInProgressError a brief being made, not ready in time (202)
        └── BriefFailedError     a brief that could not be made (500)

The messages say what went wrong and name the file, URL or store. Errors of an input are
turned into rejections and the run goes on; the command line reports the rest once
(`cli.main`), with a non-zero exit.
"""

from __future__ import annotations

__all__ = [
    "BadRecordError",
    "BriefFailedError",
    "BriefInProgressError",
    "FeedError",
    "FetchError",
    "InputError",
    "NewsfuseError",
    "NoArticleTextError",
    "NotFoundError",
    "NotRegularFileError",
    "StoreError",
    "WebError",
    "WriterError",
]


class NewsfuseError(Exception):
    """Something newsfuse cannot do, said in its message."""


class StoreError(NewsfuseError):
    """The store cannot be opened or is not a newsfuse store."""


class InputError(NewsfuseError):
    """An input that is not an article newsfuse can read; the message says why."""


class BadRecordError(InputError, ValueError):
    """A record that is not an article."""


class NoArticleTextError(InputError, ValueError):
    """The page holds no article text that can be found (or is too large to look in)."""


class NotRegularFileError(InputError, OSError):
    """The path is not (or is no longer) a regular file."""


class FetchError(InputError):
    """The URL could not be fetched, or was refused; the message says why."""


class FeedError(InputError):
    """Not a feed or OPML document that can be read; the message says why."""


class WriterError(NewsfuseError):
    """A language model server asked for a written brief gave none that can be used (it
    could not be reached, failed, or answered with no completion); the message says why.
    The story keeps its extractive brief."""


class WebError(NewsfuseError):
    """What the web UI answers a request with, other than the page asked for."""


class NotFoundError(WebError):
    """The path names nothing in the store."""


class BriefInProgressError(WebError):
    """The story's brief is being made and was not ready in time."""

    def __init__(self, story_id: str, sources: int) -> None:
        super().__init__(story_id)
        self.story_id = story_id
        self.sources = sources


class BriefFailedError(WebError):
    """The story's brief could not be made; the message says why."""
