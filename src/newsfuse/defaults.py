"""What newsfuse does when it is not told otherwise: each default a user can change, in one
place, beside what it means. The command line's help quotes these values, and the stages
that take them as parameters default to them.
"""

from __future__ import annotations

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
