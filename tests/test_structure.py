"""The rules the tree keeps: a stage uses another stage only through what that stage's
package names in its `__all__`, never through its modules; the shared layers (the text
layer, the data model, defaults, faults, exceptions, progress) are open to every stage."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

import newsfuse

SOURCE = Path(newsfuse.__file__).parent
SHARED = frozenset(
    {"text", "models", "defaults", "faults", "_exceptions", "progress", "atomic", "_version",
     "schemas", "resources"}
)  # fmt: skip


def _imports() -> Iterator[tuple[str, str, list[str]]]:
    """(importing module, module imported, names imported) for each import of newsfuse."""
    for path in sorted(SOURCE.rglob("*.py")):
        module = ".".join(path.relative_to(SOURCE).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsfuse."):
                yield module, str(node.module), [alias.name for alias in node.names]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("newsfuse."):
                        yield module, alias.name, []


def _across_stages() -> Iterator[tuple[str, list[str], list[str]]]:
    """Imports of another stage: (importer, the imported module's path, the names)."""
    for importer, imported, names in _imports():
        parts = imported.split(".")[1:]
        if parts[0] != importer.split(".")[0] and parts[0] not in SHARED:
            yield importer, parts, names


def test_no_stage_imports_the_modules_of_another() -> None:
    reaching_in = [
        f"{importer} imports newsfuse.{'.'.join(parts)}"
        for importer, parts, _ in _across_stages()
        if len(parts) > 1
    ]
    assert reaching_in == []


def test_what_a_stage_takes_from_another_is_named_in_its_all() -> None:
    unnamed = []
    for importer, parts, names in _across_stages():
        package = importlib.import_module(f"newsfuse.{parts[0]}")
        if not hasattr(package, "__path__"):
            continue  # a one-module stage: the module is its face
        public = set(getattr(package, "__all__", ()))
        unnamed += [
            f"{importer}: newsfuse.{parts[0]}.{name}" for name in names if name not in public
        ]
    assert unnamed == []
