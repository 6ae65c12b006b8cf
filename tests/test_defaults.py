"""Defaults: one place, and the command line's help quotes them."""

from __future__ import annotations

import argparse
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
    assert (
        f"most key points per story (and written sentences, with --writer llm) (default: {defaults.MAX_POINTS})"
        in help_text
    )


def _options(command: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {option: action for action in command._actions for option in action.option_strings}


def test_every_setting_is_an_option_with_its_default_kind_and_help() -> None:
    commands = next(
        action.choices
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    offered = {option for command in commands.values() for option in _options(command)}
    assert set(defaults.OPTIONS) <= offered
    for name, command in commands.items():
        for option, action in _options(command).items():
            setting = defaults.OPTIONS.get(option)
            if setting is None or (name in ("brief", "batch") and option == "--db"):
                continue  # a brief keeps no store unless given one
            assert action.default == setting.default, (name, option)
            assert action.metavar == setting.metavar, (name, option)
            assert action.help == f"{setting.help} (default: {setting.default})", (name, option)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--port", "70000"])
    with pytest.raises(SystemExit):
        build_parser().parse_args(["batch", "x", "--workers", "0"])
