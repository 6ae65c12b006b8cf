from __future__ import annotations

import pytest

from newsfuse.faults import STRICT_VARIABLE, attempt, one_line, printable, strict
from newsfuse.models import Problem


def _fails(text: str) -> int:
    return int(text)


def test_a_result_passes_through() -> None:
    assert attempt("extract", "a.txt", _fails, "12") == 12


def test_an_error_becomes_a_problem_naming_stage_subject_and_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(STRICT_VARIABLE)
    found = attempt("extract", "a.txt", _fails, "1.8.3")
    assert found == Problem(
        "extract", "a.txt", "ValueError: invalid literal for int() with base 10: '1.8.3'"
    )
    assert found.describe() == f"a.txt: extract failed, left out: {found.error}"


def test_strict_lets_the_error_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STRICT_VARIABLE, "1")
    assert strict()
    with pytest.raises(ValueError, match=r"1\.8\.3"):
        attempt("extract", "a.txt", _fails, "1.8.3")
    monkeypatch.setenv(STRICT_VARIABLE, "0")
    assert not strict()


def test_an_interrupt_is_never_contained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STRICT_VARIABLE)

    def interrupted() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        attempt("read", "a.txt", interrupted)


def test_the_error_is_one_bounded_line_without_control_characters() -> None:
    error = ValueError("bad\nline\x1b[31m red \x07" + "x" * 1000)
    line = one_line(error)
    assert "\n" not in line and "\x1b" not in line and "\x07" not in line
    assert line.startswith("ValueError: bad line\\x1b[31m red \\x07")
    assert len(line) == 300 and line.endswith("…")
    assert one_line(RuntimeError()) == "RuntimeError"


def test_printable_escapes_terminal_controls_and_undecodable_bytes() -> None:
    assert printable("Title\x1b]0;owned\x07 é ok") == "Title\\x1b]0;owned\\x07 é ok"
    assert printable("name\udcff.txt") == "name\\udcff.txt"
