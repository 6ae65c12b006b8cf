from __future__ import annotations

import io

import pytest

from newsfuse.progress import SILENT, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_up_to_the_total_and_ends_its_line() -> None:
    terminal = Terminal()
    assert list(Progress(terminal).steps("clean", [1, 2, 3])) == [1, 2, 3]
    shown = terminal.getvalue()
    assert shown.startswith("\rclean: ")
    assert "\rclean: 3/3 100%" in shown and shown.endswith("\n")


def test_items_without_a_length_are_counted() -> None:
    terminal = Terminal()
    assert sum(Progress(terminal).steps("read", iter(range(4)))) == 6
    assert "\rread: 4 · " in terminal.getvalue()


def test_a_bar_advanced_by_hand_draws_what_is_done() -> None:
    terminal = Terminal()
    bar = Progress(terminal).bar("brief", 10)
    assert bar is not None
    bar.advance(4)
    bar.finish()
    assert "\rbrief: 4/10  40%" in terminal.getvalue()


def test_silent_progress_draws_nothing() -> None:
    assert list(SILENT.steps("clean", [1, 2])) == [1, 2]
    assert SILENT.bar("brief", 3) is None


def test_the_command_line_draws_progress_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from newsfuse.cli import main

    from .conftest import EXAMPLES

    stream = Terminal()
    monkeypatch.setattr("sys.stderr", stream)
    assert main(["brief", str(EXAMPLES), "-o", str(tmp_path) + "/b.md"]) == 0
    assert "\rbrief: 1/1 100%" in stream.getvalue()
    quiet = Terminal()
    monkeypatch.setattr("sys.stderr", quiet)
    assert main(["brief", str(EXAMPLES), "-q", "-o", str(tmp_path) + "/c.md"]) == 0
    assert quiet.getvalue() == ""
