"""Golden files: the brief of examples/ as it is meant to be. A change to any stage shows
up here as a diff to read; after reading it, refresh with NEWSFUSE_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfuse.pipeline import brief_paths
from newsfuse.render import render_json, render_markdown

from .conftest import EXAMPLES, ROOT

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("name", "render"), [("examples.md", render_markdown), ("examples.json", render_json)]
)
def test_the_examples_brief_matches_its_golden_file(name: str, render) -> None:  # type: ignore[no-untyped-def]
    # Relative paths, as the README runs it, so the file does not depend on the checkout.
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        actual = render(brief_paths([str(EXAMPLES.relative_to(ROOT))]))
    finally:
        os.chdir(old)
    golden = GOLDEN / name
    if os.environ.get("NEWSFUSE_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
