"""MinHash signatures and locality-sensitive hashing: near-duplicate candidates without
comparing every pair of documents.

Hashes are built from CRC32 of words (Python's own `hash` changes from run to run) and
combined with wrapping 64-bit arithmetic, so signatures repeat exactly. A bucket of many
identical documents links each member to the bucket's first, so candidate pairs grow with
the number of documents, not its square.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

Hashes = npt.NDArray[np.uint64]

_MIX = np.uint64(0x9E3779B97F4A7C15)  # an odd constant: combining stays a bijection per step


def word_hashes(words: Sequence[str]) -> Hashes:
    return np.fromiter(
        (zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words)
    )


def shingle_hashes(words: Sequence[str], size: int) -> Hashes:
    """Sorted distinct hashes of the `size`-word shingles of `words` (of the words, when
    there are fewer than `size`)."""
    hashed = word_hashes(words)
    if len(hashed) < size:
        return np.unique(hashed)
    combined = np.zeros(len(hashed) - size + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(size):
            combined = combined * _MIX + hashed[offset : offset + len(combined)]
    return np.unique(combined)


def estimated_containment(part: Hashes, whole: Hashes) -> float:
    """The share of `part`'s distinct hashes found in `whole` (both sorted and distinct)."""
    if len(part) == 0:
        return 0.0
    return len(np.intersect1d(part, whole, assume_unique=True)) / len(part)


def jaccard(left: Hashes, right: Hashes) -> float:
    """Jaccard similarity of two sorted, distinct hash arrays."""
    shared = len(np.intersect1d(left, right, assume_unique=True))
    union = len(left) + len(right) - shared
    return shared / union if union else 0.0


@dataclass(frozen=True)
class Banding:
    """`bands` bands of `rows` hashes each: documents whose Jaccard similarity is above
    about (1/bands)^(1/rows) share a band with high probability."""

    bands: int
    rows: int

    @property
    def permutations(self) -> int:
        return self.bands * self.rows

    @property
    def threshold(self) -> float:
        return float((1 / self.bands) ** (1 / self.rows))


@lru_cache(maxsize=8)
def _coefficients(count: int) -> tuple[Hashes, Hashes]:
    generator = np.random.default_rng(20220215)  # fixed: signatures must repeat
    multipliers = generator.integers(1, 2**63, size=count, dtype=np.uint64) | np.uint64(1)
    offsets = generator.integers(0, 2**63, size=count, dtype=np.uint64)
    return multipliers, offsets


def signature(hashes: Hashes, permutations: int) -> Hashes:
    """The MinHash signature: for each of `permutations` hash functions, the least value."""
    if len(hashes) == 0:
        return np.full(permutations, np.iinfo(np.uint64).max, dtype=np.uint64)
    multipliers, offsets = _coefficients(permutations)
    with np.errstate(over="ignore"):
        values = hashes[None, :] * multipliers[:, None] + offsets[:, None]
    least: Hashes = values.min(axis=1)
    return least


def candidate_pairs(signatures: Sequence[Hashes], banding: Banding) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of documents that share a band: each linked to the first
    document of every bucket it falls in."""
    pairs: set[tuple[int, int]] = set()
    for band in range(banding.bands):
        buckets: dict[bytes, int] = {}
        start, end = band * banding.rows, (band + 1) * banding.rows
        for number, sig in enumerate(signatures):
            key = sig[start:end].tobytes()
            first = buckets.setdefault(key, number)
            if first != number:
                pairs.add((first, number))
    return pairs
