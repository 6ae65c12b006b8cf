"""Parquet: a brief as tables, for analysis in DuckDB, pandas, Spark or a warehouse.

A crawl's brief is too big to read as one JSON file; as tables it can be queried ("which
outlets repost most", "every figure given for one story"). The tables are the JSON brief
(docs/json-brief.md) cut where it nests lists: `stories` (one row a story, its scalar
fields), one table for each list a story holds (`sources`, `summary`, `quotes`,
`figures`, `conflicts`, `timeline`, `entities`, `updates`, `facts`: a row an item, with
`story_id` and its `position` in the story), and `skipped`, `duplicates` and `problems`.
Lists inside an item (citations, quality flags) stay nested as lists of structs.

Column types come from the JSON schema (newsfuse/schemas/brief-1.schema.json), so a table
has the same columns whether it holds rows or none. pyarrow is an optional dependency
(`pip install 'newsfuse[parquet]'`).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsfuse.atomic import replacing
from newsfuse.models import Brief
from newsfuse.render.json import JsonObject, brief_to_dict
from newsfuse.schemas import brief_schema

INSTALL_HINT = "Parquet output needs pyarrow: pip install 'newsfuse[parquet]'"
# The brief's own lists, beside its stories.
_BRIEF_TABLES = ("skipped", "duplicates", "problems")


def parquet_available() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


def write_parquet(brief: Brief, folder: str | Path) -> list[Path]:
    """Write the brief's tables into `folder` (made if missing), one `NAME.parquet` each;
    the paths written, in table order. Each file is written beside its name and renamed
    over it, so a reader never sees half a table."""
    if not parquet_available():
        raise ModuleNotFoundError(INSTALL_HINT, name="pyarrow")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in brief_tables(brief).items():
        path = target / f"{name}.parquet"
        _write_table(table, path)
        written.append(path)
    return written


def brief_tables(brief: Brief) -> dict[str, Any]:
    """The brief's tables (pyarrow Tables) by name: `stories`, a table for each list a story
    holds, in the schema's order, then `skipped`, `duplicates` and `problems`."""
    import pyarrow as pa

    document = brief_to_dict(brief)
    schema = brief_schema()
    definitions = schema["$defs"]
    fields = definitions["story"]["properties"]
    lists = [key for key, spec in fields.items() if _kinds(spec, definitions) == {"array"}]
    scalars = {key: spec for key, spec in fields.items() if key not in lists}
    stories = document["stories"]
    tables = {
        "stories": _table(
            [{key: story[key] for key in scalars} for story in stories],
            _arrow_fields(scalars, definitions),
        )
    }
    place = [
        pa.field("story_id", pa.string(), nullable=False),
        pa.field("position", pa.int32(), nullable=False),
    ]
    for name in lists:
        item = _resolve(fields[name]["items"], definitions)
        rows = [
            {"story_id": story["id"], "position": position} | entry
            for story in stories
            for position, entry in enumerate(story[name])
        ]
        tables[name] = _table(rows, place + _arrow_fields(item["properties"], definitions))
    for name in _BRIEF_TABLES:
        item = schema["properties"][name]["items"]
        tables[name] = _table(document[name], _arrow_fields(item["properties"], definitions))
    return tables


def _table(rows: list[JsonObject], fields: list[Any]) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=pa.schema(fields))


def _write_table(table: Any, path: Path) -> None:
    import pyarrow.parquet as pq

    with replacing(path) as temporary:
        pq.write_table(table, str(temporary), compression="zstd")


# JSON schema to Arrow types


def _arrow_fields(properties: Mapping[str, Any], definitions: Mapping[str, Any]) -> list[Any]:
    import pyarrow as pa

    return [
        pa.field(name, _arrow_type(spec, definitions), nullable=True)
        for name, spec in properties.items()
    ]


def _arrow_type(spec: Mapping[str, Any], definitions: Mapping[str, Any]) -> Any:
    """The Arrow type of a JSON schema node: strings, integers (int64), numbers (float64),
    booleans, arrays as lists, objects as structs; null beside a type only makes it
    nullable (every column is)."""
    import pyarrow as pa

    spec = _resolve(spec, definitions)
    options = spec.get("oneOf") or spec.get("anyOf")
    if options:  # one type or null: the type's (a struct's fields are the option's)
        [option] = [o for o in options if _kinds(o, definitions) != {"null"}]
        return _arrow_type(option, definitions)
    kind = _non_null_type(spec, definitions)
    if kind == "array":
        return pa.list_(_arrow_type(spec["items"], definitions))
    if kind == "object":
        return pa.struct(_arrow_fields(spec["properties"], definitions))
    simple = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}
    if kind in simple:
        return simple[kind]
    if kind == "boolean":
        return pa.bool_()
    raise ValueError(f"no Arrow type for the JSON schema node {dict(spec)!r}")


def _non_null_type(spec: Mapping[str, Any], definitions: Mapping[str, Any]) -> str:
    return _one_kind(_kinds(spec, definitions))


def _kinds(spec: Mapping[str, Any], definitions: Mapping[str, Any]) -> set[str]:
    """The JSON types a schema node allows, "null" among them."""
    spec = _resolve(spec, definitions)
    values = [spec["const"]] if "const" in spec else spec.get("enum")
    if values is not None and "type" not in spec:
        return {_JSON_KINDS[type(value)] for value in values}
    options = spec.get("oneOf") or spec.get("anyOf")
    if options:
        return set().union(*(_kinds(option, definitions) for option in options))
    kind = spec.get("type")
    if kind is None:
        raise ValueError(f"the JSON schema node {dict(spec)!r} names no type")
    return set(kind) if isinstance(kind, list) else {str(kind)}


_JSON_KINDS = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def _one_kind(kinds: set[str]) -> str:
    """The one type a column holds beside null."""
    kinds = kinds - {"null"}
    if len(kinds) != 1:
        raise ValueError(f"a column holds one type, not {sorted(kinds)}")
    return kinds.pop()


def _resolve(spec: Mapping[str, Any], definitions: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in spec:
        spec = definitions[str(spec["$ref"]).removeprefix("#/$defs/")]
    return spec
