"""Defaults: one place, and the command line's help quotes them."""

from __future__ import annotations

import inspect

import pytest

from newsfuse import defaults
from newsfuse.batch import dask_runner
from newsfuse.cli import build_parser
from newsfuse.cluster import cluster
from newsfuse.summarize import summarize
from newsfuse.web.app import App
from newsfuse.web.server import make_server
from newsfuse.write import LlmSettings


def _default(function: object, parameter: str) -> object:
    return inspect.signature(function).parameters[parameter].default  # type: ignore[arg-type]


def test_the_stages_default_to_the_defaults() -> None:
    assert _default(summarize, "max_points") == defaults.MAX_POINTS
    assert _default(cluster, "threshold") == defaults.STORY_SIMILARITY
    assert _default(App, "brief_wait_seconds") == defaults.BRIEF_WAIT_SECONDS
    assert _default(make_server, "host") == defaults.HOST
    assert _default(make_server, "port") == defaults.PORT
    assert _default(dask_runner, "scheduler") == defaults.SCHEDULER
    assert _default(dask_runner, "workers") == defaults.WORKERS
    written = LlmSettings(url="http://127.0.0.1:1/v1", model="m")
    assert written.key_variable == defaults.LLM_KEY_VARIABLE
    assert written.timeout_seconds == defaults.LLM_TIMEOUT_SECONDS
    assert written.max_tokens == defaults.LLM_MAX_TOKENS


def test_the_command_line_defaults_to_them_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = build_parser()
    brief = parser.parse_args(["brief", "x"])
    assert brief.max_points == defaults.MAX_POINTS
    serve = parser.parse_args(["serve"])
    assert (serve.db, serve.host, serve.port) == (defaults.STORE, defaults.HOST, defaults.PORT)
    batch = parser.parse_args(["batch", "x"])
    assert (batch.scheduler, batch.workers) == (defaults.SCHEDULER, defaults.WORKERS)
    llm = (brief.llm_key_env, brief.llm_timeout, brief.llm_max_tokens)
    assert llm == (defaults.LLM_KEY_VARIABLE, defaults.LLM_TIMEOUT_SECONDS, defaults.LLM_MAX_TOKENS)
    with pytest.raises(SystemExit):
        parser.parse_args(["brief", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"most key points per story (default: {defaults.MAX_POINTS})" in help_text
