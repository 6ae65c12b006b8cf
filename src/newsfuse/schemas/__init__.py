"""JSON schemas of what newsfuse writes."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

BRIEF_SCHEMA_FILE = "brief-1.schema.json"


@cache
def brief_schema() -> dict[str, Any]:
    """The JSON schema of the JSON brief (`newsfuse.brief/1`)."""
    text = resources.files(__package__).joinpath(BRIEF_SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
