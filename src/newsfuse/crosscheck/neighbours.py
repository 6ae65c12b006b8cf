"""Nearest neighbours by meaning: which claims of other origins to judge a claim against.

Claims are compared by the cosine of their sentence embeddings (unit vectors, so a dot
product), never gated by shared words: independent reports word one fact differently.
Each claim keeps its `k` nearest claims of other origins above a floor, so a story of
thousands of claims costs a bounded number of judgements per claim.

- Up to `EXACT_UP_TO` claims, every pair is compared (a matrix product a block at a time).
- Beyond, claims are first put in cells around centroids (a few rounds of k-means on a
  sample taken in a fixed order), and each claim is compared with the claims of its two
  nearest cells: about N·√N products instead of N².

Groups are origins: copies of one origin are never neighbours of each other (they say the
same because one copied the other, which is no corroboration).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.text.embed import Matrix

EXACT_UP_TO = 6000
_BLOCK = 1024
_KMEANS_ROUNDS = 6
_CELLS_SEARCHED = 2


def nearest_pairs(
    meanings: Matrix, groups: Sequence[str], k: int, floor: float
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, cosine) with i < j, where j is among the `k` nearest rows to i (or i to
    j) whose group differs and whose cosine is at least `floor`; each pair once, in order."""
    count = len(groups)
    if count < 2:
        return []
    codes = _group_codes(groups)
    if count <= EXACT_UP_TO:
        found = _exact(meanings, codes, k, floor)
    else:
        found = _by_cells(meanings, codes, k, floor)
    return [(i, j, cosine) for (i, j), cosine in sorted(found.items())]


def _group_codes(groups: Sequence[str]) -> np.ndarray:
    names = {name: number for number, name in enumerate(sorted(set(groups)))}
    return np.array([names[name] for name in groups], dtype=np.int64)


def _exact(
    meanings: Matrix, codes: np.ndarray, k: int, floor: float
) -> dict[tuple[int, int], float]:
    found: dict[tuple[int, int], float] = {}
    for start in range(0, len(codes), _BLOCK):
        rows = np.arange(start, min(start + _BLOCK, len(codes)))
        scores = meanings[rows] @ meanings.T
        _keep_nearest(found, rows, np.arange(len(codes)), scores, _Search(codes, k, floor))
    return found


@dataclass(frozen=True)
class _Search:
    codes: np.ndarray  # each row's group, as a number
    k: int
    floor: float


def _keep_nearest(
    found: dict[tuple[int, int], float],
    rows: np.ndarray,
    columns: np.ndarray,
    scores: np.ndarray,
    search: _Search,
) -> None:
    """Record, for each row, its `k` best columns of another group at or above `floor`."""
    codes, k, floor = search.codes, search.k, search.floor
    same = codes[rows][:, None] == codes[columns][None, :]
    scores = np.where(same, -np.inf, scores)
    width = min(k, scores.shape[1])
    if width == 0:
        return
    best = np.argpartition(-scores, width - 1, axis=1)[:, :width]
    for row_number, row in enumerate(rows):
        for column_number in best[row_number]:
            score = float(scores[row_number, column_number])
            if score >= floor:
                column = int(columns[column_number])
                found[(min(int(row), column), max(int(row), column))] = round(score, 6)


def _by_cells(
    meanings: Matrix, codes: np.ndarray, k: int, floor: float
) -> dict[tuple[int, int], float]:
    cells = max(2, int(math.sqrt(len(codes))))
    centroids = _kmeans(meanings, cells)
    nearest = np.argsort(-(meanings @ centroids.T), axis=1, kind="stable")[:, :_CELLS_SEARCHED]
    members = [np.flatnonzero(nearest[:, 0] == cell) for cell in range(cells)]
    found: dict[tuple[int, int], float] = {}
    for cell in range(cells):
        rows = np.flatnonzero((nearest == cell).any(axis=1))
        if len(rows) == 0 or len(members[cell]) == 0:
            continue
        for start in range(0, len(rows), _BLOCK):
            block = rows[start : start + _BLOCK]
            scores = meanings[block] @ meanings[members[cell]].T
            _keep_nearest(found, block, members[cell], scores, _Search(codes, k, floor))
    return found


def _kmeans(meanings: Matrix, cells: int) -> Matrix:
    """Centroids of a few rounds of spherical k-means, started from rows spread evenly
    over the input (no randomness: the same input gives the same cells)."""
    step = max(1, len(meanings) // cells)
    centroids = meanings[::step][:cells].copy()
    for _ in range(_KMEANS_ROUNDS):
        assigned = np.argmax(meanings @ centroids.T, axis=1)
        for cell in range(len(centroids)):
            chosen = meanings[assigned == cell]
            if len(chosen):
                mean = chosen.sum(axis=0)
                centroids[cell] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return centroids
