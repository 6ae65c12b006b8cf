from __future__ import annotations

import io
import threading
from collections.abc import Iterator

import pytest

from newsfuse import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    stream = Terminal()
    with progress.drawn_on(stream):
        yield stream


def test_progress_counts_up_to_the_total_and_ends_its_line(terminal: Terminal) -> None:
    assert list(progress.steps("clean", [1, 2, 3])) == [1, 2, 3]
    shown = terminal.getvalue()
    assert shown.startswith("\rclean: ")
    assert "\rclean: 3/3 100%" in shown and shown.endswith("\n")


def test_items_without_a_length_are_counted(terminal: Terminal) -> None:
    assert sum(progress.steps("read", iter(range(4)))) == 6
    assert "\rread: 4 · " in terminal.getvalue()


def test_progress_is_silent_unless_switched_on() -> None:
    stream = Terminal()
    assert list(progress.steps("clean", [1, 2])) == [1, 2]
    assert stream.getvalue() == "" and progress.active() is None


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
    assert progress.active() is None


def test_progress_is_drawn_inside_its_block_and_its_thread_only(terminal: Terminal) -> None:
    other = threading.Thread(target=lambda: list(progress.steps("elsewhere", [1, 2])))
    other.start()
    other.join()
    assert "elsewhere" not in terminal.getvalue()
    with progress.drawn_on(None):
        assert list(progress.steps("muted", [1])) == [1]
    assert "muted" not in terminal.getvalue() and progress.active() is terminal
