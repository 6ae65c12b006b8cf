"""Nearest neighbours by meaning: bounded, of other groups, the same exact or by cells."""

from __future__ import annotations

import numpy as np

from newsfuse.crosscheck import neighbours
from newsfuse.crosscheck.neighbours import nearest_pairs


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_each_row_keeps_its_k_nearest_of_other_groups_above_the_floor() -> None:
    meanings = _unit(np.array([[1, 0], [1, 0.1], [1, 0.2], [0, 1], [1, 0.05]]))
    groups = ["a", "a", "b", "c", "d"]
    pairs = nearest_pairs(meanings, groups, k=1, floor=0.5)
    assert all(groups[i] != groups[j] for i, j, _ in pairs)
    assert (0, 1) not in {(i, j) for i, j, _ in pairs}  # one group: never neighbours
    assert all(cosine >= 0.5 for _, _, cosine in pairs)
    assert not any(3 in (i, j) for i, j, _ in pairs)  # far from all: no neighbour
    assert pairs == sorted(pairs) and len({(i, j) for i, j, _ in pairs}) == len(pairs)


def test_cells_find_what_the_exact_search_finds_for_clustered_meanings(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(7)
    centres = _unit(rng.normal(size=(20, 32)))
    rows = np.repeat(centres, 30, axis=0) + 0.05 * rng.normal(size=(600, 32))
    meanings = _unit(rows)
    groups = [f"g{n}" for n in range(600)]
    exact = {(i, j) for i, j, _ in nearest_pairs(meanings, groups, k=5, floor=0.8)}
    monkeypatch.setattr(neighbours, "EXACT_UP_TO", 100)
    by_cells = {(i, j) for i, j, _ in nearest_pairs(meanings, groups, k=5, floor=0.8)}
    assert len(by_cells & exact) >= 0.95 * len(exact)
    assert by_cells == {(i, j) for i, j, _ in nearest_pairs(meanings, groups, k=5, floor=0.8)}
