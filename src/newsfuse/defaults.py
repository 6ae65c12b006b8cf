"""What newsfuse does when it is not told otherwise: each default a user can change, in one
place, beside what it means. The stages that take them as parameters default to them, and
the command line's options are made from `OPTIONS` (as Datasette declares its settings):
each with its default, how it is written and its help, quoting the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The SQLite store `ingest`, `stories`, `serve` and `brief --story` use.
STORE = "newsfuse.db"
# Most key points a story's brief gives (`--max-points`).
MAX_POINTS = 8
# How alike (TF-IDF cosine with a story's centroid) a report must be to join a story rather
# than start one; below it, reports of one event split, above it, different events merge.
STORY_SIMILARITY = 0.25
# What `serve` listens on: this machine only, unless told to listen elsewhere.
HOST = "127.0.0.1"
PORT = 8000
# How long a story page waits for its brief before saying it is being made.
BRIEF_WAIT_SECONDS = 5.0
# `--writer llm`: the environment variable holding the server's key, the longest wait for
# each answer, and the most tokens the model may answer with.
LLM_KEY_VARIABLE = "NEWSFUSE_LLM_KEY"
LLM_TIMEOUT_SECONDS = 120
LLM_MAX_TOKENS = 600
# `batch`: a cluster started on this machine, with this many worker processes.
SCHEDULER = "local"
WORKERS = 2


@dataclass(frozen=True)
class Setting:
    """A default a user changes by a command-line option: the constant above that holds it,
    the option, how its value is written, what kind of value it takes ("count": a whole
    number from 1, "port": 0 to 65535) and what it means (the help, which the default
    follows)."""

    name: str
    option: str
    metavar: str
    help: str
    kind: Literal["text", "count", "port"] = "text"

    @property
    def default(self) -> object:
        return globals()[self.name]


OPTIONS: dict[str, Setting] = {
    setting.option: setting
    for setting in (
        Setting("STORE", "--db", "PATH", "the store"),
        Setting(
            "MAX_POINTS", "--max-points", "N",
            "most key points per story (and written sentences, with --writer llm)", "count",
        ),
        Setting("HOST", "--host", "ADDRESS", "address to listen on (by default this machine only)"),
        Setting("PORT", "--port", "N", "port (0: any free one)", "port"),
        Setting(
            "SCHEDULER", "--scheduler", "local|ADDRESS",
            "'local' starts a cluster on this machine; an address such as tcp://host:8786"
            " uses a running one",
        ),
        Setting("WORKERS", "--workers", "N", "worker processes of a local cluster", "count"),
        Setting(
            "LLM_KEY_VARIABLE", "--llm-key-env", "VARIABLE",
            "environment variable holding the server's key, if it needs one; the key is never"
            " printed or stored",
        ),
        Setting(
            "LLM_TIMEOUT_SECONDS", "--llm-timeout", "SECONDS", "longest wait for each answer",
            "count",
        ),
        Setting(
            "LLM_MAX_TOKENS", "--llm-max-tokens", "N",
            "most tokens the model may answer with; a reasoning model thinking aloud first"
            " needs more", "count",
        ),
    )
}  # fmt: skip
