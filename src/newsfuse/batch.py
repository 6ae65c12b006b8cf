"""Batch: the brief of a corpus on a Dask cluster, the same brief one process writes.

The stage functions are the pipeline's own; Dask only runs them in parallel:

1. the input files are read, a few per task;
2. their articles are cleaned and segmented, a chunk per task (what the store already holds
   is read back instead);
3. provenance and story clustering run in this process: they need the whole corpus at once
   (which article copies which; which story each joins, in publication order);
4. each story is extracted, cross-checked and summarised, a few stories per task.

`newsfuse.pipeline.brief_paths(paths, runner=runner)`, with a runner from `dask_runner`,
makes the brief so. The store, if given, is written from this process only (SQLite has one
writer). `--scheduler local` starts a cluster of worker processes on this machine; an
address ("tcp://host:8786") uses a running one, whose workers must have newsfuse installed.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from newsfuse.defaults import SCHEDULER, WORKERS
from newsfuse.progress import SILENT, Progress
from newsfuse.text.embed import THREADS_VARIABLE

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")

# Tasks per worker each map is split into: enough to even out uneven items (a story of
# forty sources beside one of two), few enough that scheduling costs nothing next to them.
_TASKS_PER_WORKER = 8


@dataclass
class DaskRunner:
    """Maps a function over items on a Dask cluster, in chunks, keeping their order."""

    client: Any  # dask.distributed.Client
    progress: Progress = SILENT  # drawn as each mapped stage's chunks finish

    def __call__(
        self, function: Callable[[_Item], _Result], items: Sequence[_Item]
    ) -> list[_Result]:
        if not items:
            return []
        workers = max(1, len(self.client.scheduler_info()["workers"]))
        size = max(1, -(-len(items) // (workers * _TASKS_PER_WORKER)))
        chunks = [list(items[start : start + size]) for start in range(0, len(items), size)]
        # Scattered first, so the items travel to the workers as data, not inside the task
        # graph (a graph of hundreds of MiB stalls the scheduler).
        scattered = self.client.scatter(chunks)
        futures = self.client.map(partial(_apply, function), scattered, pure=False)
        bar = self.progress.bar(stage_label(function), len(items))
        if bar is not None:  # drawn as chunks finish, in whatever order they do
            for future in distributed().as_completed(futures):
                bar.advance(len(chunks[futures.index(future)]))
            bar.finish()
        return [result for chunk in self.client.gather(futures) for result in chunk]


_LABELS = {"read_item": "read", "clean_and_segment": "clean", "story_brief": "brief"}


def stage_label(function: Callable[..., object]) -> str:
    """What a mapped stage function does, in a word: "read", "clean", "brief" ("work" for
    any other)."""
    inner = function.func if isinstance(function, partial) else function
    return _LABELS.get(str(getattr(inner, "__name__", "")), "work")


def distributed() -> Any:
    """dask.distributed, whose functions are untyped: taken as Any rather than typed by guess."""
    return importlib.import_module("dask.distributed")


def _apply(function: Callable[[_Item], _Result], chunk: list[_Item]) -> list[_Result]:
    return [function(item) for item in chunk]


@contextmanager
def dask_runner(
    scheduler: str = SCHEDULER, workers: int = WORKERS, progress: Progress = SILENT
) -> Iterator[DaskRunner]:
    """A runner on a local cluster of `workers` processes ("local") or on the scheduler at
    an address, drawing on `progress` as each stage's chunks finish."""
    if scheduler == "local":
        # One thread a worker: the models inside already use the cores they are given.
        with (
            distributed().LocalCluster(
                n_workers=workers,
                # Workers share the cores: each encoder takes its share, not all of them.
                env={THREADS_VARIABLE: str(max(1, (os.cpu_count() or 1) // workers))},
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: never clash with another cluster
                silence_logs=40,
            ) as cluster,
            distributed().Client(cluster) as client,
        ):
            yield DaskRunner(client, progress)
    else:
        with distributed().Client(scheduler, timeout="30s") as client:
            yield DaskRunner(client, progress)
