from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsfuse
from newsfuse import _exceptions
from newsfuse._exceptions import InputError, NewsfuseError, WebError
from newsfuse.store import Store


def test_every_error_newsfuse_raises_on_purpose_is_a_newsfuse_error() -> None:
    errors = [getattr(_exceptions, name) for name in _exceptions.__all__]
    assert all(issubclass(error, NewsfuseError) for error in errors)
    # Each named in the tree the module's docstring draws.
    tree = _exceptions.__doc__ or ""
    assert all(re.search(rf"(?m)^[ │├└─]+{error.__name__}\b", tree) for error in errors)
    # Errors of an input are still what their callers caught before the tree.
    assert issubclass(_exceptions.BadRecordError, ValueError)
    assert issubclass(_exceptions.NoArticleTextError, ValueError)
    assert issubclass(_exceptions.NotRegularFileError, OSError)
    assert issubclass(_exceptions.FetchError, InputError)
    assert issubclass(_exceptions.NotFoundError, WebError)


def test_a_caller_catches_one_class(tmp_path: Path) -> None:
    with pytest.raises(newsfuse.NewsfuseError, match="no such store"):
        Store(f"{tmp_path}/missing.db", writable=False)
