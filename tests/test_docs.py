"""The documentation stays true: README's two commands, CI running the second, and every
command-line option described on its command's page in docs/commands/."""

from __future__ import annotations

import re

import pytest

from newsfuse.cli import build_parser

from .conftest import ROOT


def _shell_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)\n```$", text, flags=re.MULTILINE | re.DOTALL)


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    head = readme.split("\n\n", 3)
    assert head[0] == "# newsfuse"
    setup_and_brief, setup_and_test = _shell_blocks(readme)[:2]
    assert readme.index(setup_and_brief) < readme.index(setup_and_test) < readme.index("## ")
    assert "newsfuse brief examples/" in setup_and_brief and "\n" not in setup_and_brief
    assert (
        "pytest" in setup_and_test and "mypy" in setup_and_test and "ruff check" in setup_and_test
    )


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text()
    assert "block == 2" in script and "README.md" in script


@pytest.mark.parametrize("command", ["brief", "ingest", "stories", "batch", "serve"])
def test_every_option_of_every_command_is_documented(command: str) -> None:
    parser = build_parser()
    subcommand = next(
        action.choices[command] for action in parser._actions if getattr(action, "choices", None)
    )
    documented = (ROOT / "docs" / "commands" / f"{command}.md").read_text()
    assert documented.startswith(f"# `newsfuse {command}")
    assert f"(commands/{command}.md)" in (ROOT / "docs" / "cli.md").read_text()
    for action in subcommand._actions:
        for flag in action.option_strings:
            if flag not in ("-h", "--help"):
                assert f"`{flag}" in documented or f" {flag}`" in documented, flag


def test_every_relative_link_in_the_docs_leads_to_a_file() -> None:
    pages = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]
    for page in pages:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text()):
            assert (page.parent / target).exists(), f"{page.relative_to(ROOT)} links to {target}"
