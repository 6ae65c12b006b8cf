from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsfuse.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main

from .conftest import EXAMPLES
from .write.fake_llm import HANG, fake_llm, retelling

_WRITER = ["--writer", "llm", "--llm-model", "tiny", "--llm-url"]


def test_markdown_brief_of_a_folder_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(EXAMPLES)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert out.startswith("# newsfuse brief: 1 story from 6 reports")
    assert err == ""


def test_json_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.json"
    assert main(["brief", str(EXAMPLES), "--format", "json", "-o", str(target)]) == EXIT_OK
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text())["schema"] == "newsfuse.brief/1"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]


def test_parquet_tables_beside_the_brief(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    arguments = ["brief", str(EXAMPLES), "-o", str(tmp_path / "brief.md"), "--parquet", str(tables)]
    assert main(arguments) == EXIT_OK
    assert (tmp_path / "brief.md").exists()
    assert {p.name for p in tables.iterdir()} >= {"stories.parquet", "sources.parquet"}


def test_parquet_into_a_file_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "tables"
    taken.write_text("not a folder")
    arguments = ["brief", str(EXAMPLES), "-o", str(tmp_path / "b.md"), "--parquet", str(taken)]
    assert main(arguments) == EXIT_FAILED
    assert f"newsfuse: {taken}: " in capsys.readouterr().err
    assert taken.read_text() == "not a folder"


def test_parquet_without_pyarrow_fails_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsfuse.cli.parquet_available", lambda: False)
    target = tmp_path / "brief.md"
    arguments = ["brief", str(EXAMPLES), "-o", str(target), "--parquet", str(tmp_path / "t")]
    assert main(arguments) == EXIT_FAILED
    assert "pip install 'newsfuse[parquet]'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_skipped_inputs_are_named_and_give_the_partial_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.json").write_text("{nope")
    assert (
        main(["brief", str(EXAMPLES), str(tmp_path / "broken.json"), "missing.txt"]) == EXIT_PARTIAL
    )
    out, err = capsys.readouterr()
    assert "# newsfuse brief" in out
    assert f"newsfuse: skipped {tmp_path / 'broken.json'}: invalid JSON" in err
    assert "newsfuse: skipped missing.txt: no such file or folder" in err


def test_quiet_hides_the_list_but_not_the_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", "-q", str(EXAMPLES), "missing.txt"]) == EXIT_PARTIAL
    assert capsys.readouterr().err == ""


def test_nothing_usable_fails_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    target = tmp_path / "brief.md"
    assert main(["brief", str(tmp_path / "empty.txt"), "-o", str(target)]) == EXIT_FAILED
    assert not target.exists()
    assert "no article could be read" in capsys.readouterr().err


def test_a_bad_store_is_a_clear_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite " * 100)
    assert main(["brief", str(EXAMPLES), "--db", str(bad)]) == EXIT_FAILED
    assert "bad.db: cannot open the store" in capsys.readouterr().err


def test_the_store_keeps_articles_between_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "news.db"
    assert main(["brief", str(EXAMPLES), "--db", str(database), "--format", "json"]) == EXIT_OK
    first = capsys.readouterr().out
    assert main(["brief", str(EXAMPLES), "--db", str(database), "--format", "json"]) == EXIT_OK
    assert capsys.readouterr().out == first


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["brief"],
        ["brief", "x", "--format", "pdf"],
        ["brief", "x", "--max-points", "0"],
        ["brief", "x", "--max-words", "-5"],
        ["serve", "--port", "99999"],
        ["serve", "--port", "-1"],
        ["serve", "--port", "http"],
    ],
)
def test_bad_command_lines_exit_2(arguments: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(arguments)
    assert raised.value.code == EXIT_USAGE


def test_help_shows_examples_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["brief", "--help"])
    out = capsys.readouterr().out
    assert "newsfuse brief examples/" in out and "exit codes" in out


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsfuse", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("newsfuse ")


def test_ingest_then_list_then_brief_one_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = str(tmp_path / "news.db")
    assert main(["ingest", str(EXAMPLES), "--db", database]) == EXIT_OK
    out, err = capsys.readouterr()
    assert (
        out == f"{database}: 6 articles added (0 already stored); 6 assigned to 1 stories (1 new)\n"
    )
    assert err == ""
    assert main(["ingest", str(EXAMPLES), "--db", database]) == EXIT_OK
    assert "0 articles added (6 already stored); 0 assigned" in capsys.readouterr().out

    assert main(["stories", "--db", database, "--format", "json"]) == EXIT_OK
    [story] = json.loads(capsys.readouterr().out)
    assert story["title"] == "Cargo ship strikes Alder Bay bridge, closing main harbor crossing"
    assert (story["sources"], story["independent_origins"]) == (6, 5)
    files = {Path(a["path"].split("#")[0]).name for a in story["articles"]}
    assert files == {p.name for p in EXAMPLES.iterdir()}  # a JSON Lines file holds two
    assert main(["stories", "--db", database]) == EXIT_OK
    line = capsys.readouterr().out
    assert line.startswith(f"{story['id']}    6 sources    5 independent  2025-03-03")

    assert main(["brief", "--story", story["id"], "--db", database]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("# newsfuse brief: 1 story from 6 reports")
    assert f"story `{story['id']}`" in out


def test_ingest_names_what_it_skips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = str(tmp_path / "news.db")
    (tmp_path / "broken.json").write_text("{nope")
    assert main(["ingest", str(EXAMPLES), str(tmp_path / "broken.json"), "--db", database]) == (
        EXIT_PARTIAL
    )
    assert "newsfuse: skipped" in capsys.readouterr().err
    assert main(["ingest", "missing.txt", "--db", database]) == EXIT_FAILED
    assert "no article could be read" in capsys.readouterr().err


def test_story_commands_say_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = str(tmp_path / "news.db")
    assert main(["stories", "--db", database]) == EXIT_FAILED
    assert "no such store" in capsys.readouterr().err
    assert main(["ingest", str(EXAMPLES), "--db", database, "-q"]) == EXIT_OK
    capsys.readouterr()
    assert main(["brief", "--story", "0123456789abcdef", "--db", database]) == EXIT_FAILED
    assert "no story '0123456789abcdef'" in capsys.readouterr().err
    for wrong in (
        ["brief"],
        ["brief", str(EXAMPLES), "--story", "x", "--db", database],
        ["brief", "--story", "x"],
    ):
        with pytest.raises(SystemExit) as stop:
            main(wrong)
        assert stop.value.code == EXIT_USAGE
        assert "brief:" in capsys.readouterr().err


_VERSIONS = (
    "Mojang ships a Minecraft update\n\nMojang said on Tuesday it had shipped an update for"
    " Minecraft versions 1.8.3, 1.9 and 2.0.1, fixing a crash that about 3-4 million players"
    " had reported; the patch went live at 10:30 on a 50/50 rollout costing $1.2bn.\n"
)


def test_an_article_with_version_numbers_is_briefed_with_the_rest(tmp_path: Path) -> None:
    for report in EXAMPLES.iterdir():
        (tmp_path / report.name).write_bytes(report.read_bytes())
    (tmp_path / "versions.txt").write_text(_VERSIONS)
    target = tmp_path / "brief.json"
    # strict (as every test runs): the article must not need containment at all
    assert main(["brief", str(tmp_path), "--format", "json", "-o", str(target)]) == EXIT_OK
    brief = json.loads(target.read_text())
    paths = {Path(s["path"]).name for story in brief["stories"] for s in story["sources"]}
    assert "versions.txt" in paths and len(paths) == 7  # six examples (two in the jsonl) + one
    assert brief["problems"] == []


def test_a_contained_failure_is_reported_with_the_partial_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsfuse.faults import STRICT_VARIABLE
    from newsfuse.pipeline import story as story_stage

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("bad\nvalue")

    monkeypatch.delenv(STRICT_VARIABLE)
    monkeypatch.setattr(story_stage, "crosscheck", broken)
    assert main(["brief", str(EXAMPLES)]) == EXIT_PARTIAL
    out, err = capsys.readouterr()
    assert out.startswith("# newsfuse brief: 1 story from 6 reports")
    assert "## Left out after an error" in out
    assert err.startswith("newsfuse: problem: story ")
    assert err.endswith(": crosscheck failed, left out: ValueError: bad value\n")
    assert "Traceback" not in err


def test_an_output_file_follows_the_umask_and_writes_through_a_symlink(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        assert main(["brief", str(EXAMPLES), "-o", str(tmp_path / "brief.md")]) == EXIT_OK
        assert stat.S_IMODE((tmp_path / "brief.md").stat().st_mode) == 0o644
        (tmp_path / "real.md").write_text("old")
        (tmp_path / "real.md").chmod(0o640)
        (tmp_path / "link.md").symlink_to(tmp_path / "real.md")
        assert main(["brief", str(EXAMPLES), "-o", str(tmp_path / "link.md")]) == EXIT_OK
    finally:
        os.umask(previous)
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real.md").read_text().startswith("# newsfuse brief")
    assert stat.S_IMODE((tmp_path / "real.md").stat().st_mode) == 0o640  # kept


def test_a_killed_runs_partial_file_is_removed_by_the_next_run(tmp_path: Path) -> None:
    stale = tmp_path / ".brief.md.abc123.newsfuse-partial"
    fresh = tmp_path / ".brief.md.def456.newsfuse-partial"  # perhaps a run writing now
    stale.write_text("half a brief")
    fresh.write_text("half a brief")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    assert main(["brief", str(EXAMPLES), "-o", str(tmp_path / "brief.md")]) == EXIT_OK
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "brief.md"]


def test_sigterm_while_writing_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_text = Path.write_text

    def write_then_terminated(self: Path, text: str, *args: Any, **kwargs: Any) -> int:
        written = write_text(self, text[:100], *args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler raises before this ends
        return written

    monkeypatch.setattr(Path, "write_text", write_then_terminated)
    with pytest.raises(SystemExit) as stopped:
        main(["brief", str(EXAMPLES), "-o", str(tmp_path / "brief.md")])
    assert stopped.value.code == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back


def test_titles_and_messages_carry_no_terminal_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "evil\x1b[2Jname.txt"
    report.write_text(
        "Bridge \x1b]0;owned\x07closed after ship strike\n\n"
        + (EXAMPLES / "02-coast-wire.txt").read_text().split("\n", 1)[1]
    )
    database = str(tmp_path / "news.db")
    assert main(["ingest", str(report), str(tmp_path / "missing\x07.txt"), "--db", database]) == 3
    assert main(["stories", "--db", database]) == EXIT_OK
    assert main(["brief", str(report)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "missing\\x07.txt: no such file or folder" in err
    assert "Bridge \\x1b]0;owned\\x07closed after ship strike" in out


def test_reading_commands_never_create_or_touch_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.db"
    assert main(["brief", "--story", "5be1db6364a048be", "--db", str(missing)]) == EXIT_FAILED
    assert main(["stories", "--db", str(missing)]) == EXIT_FAILED
    assert not missing.exists()
    other = tmp_path / "other_app.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    db.close()
    before = other.read_bytes()
    assert main(["stories", "--db", str(other)]) == EXIT_FAILED
    assert main(["ingest", str(EXAMPLES), "--db", str(other)]) == EXIT_FAILED
    assert other.read_bytes() == before
    err = capsys.readouterr().err
    assert f"{missing}: no such store" in err
    assert f"{other}: not a newsfuse store (another application's database); left untouched" in err


def test_a_store_failing_mid_run_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsfuse.store import Store

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "add_articles", full)
    database = tmp_path / "news.db"
    assert main(["ingest", str(EXAMPLES), "--db", str(database)]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err == f"newsfuse: {database}: the store failed: database or disk is full\n"


def test_serve_names_the_address_it_cannot_listen_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "news.db"
    assert main(["ingest", str(EXAMPLES), "--db", str(database), "-q"]) == EXIT_OK
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        assert main(["serve", "--db", str(database), "--port", port]) == EXIT_FAILED
    assert main(["serve", "--db", str(database), "--host", "203.0.113.9"]) == EXIT_FAILED
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"newsfuse: cannot listen on 127.0.0.1 port {port}: Address already in use",
        "newsfuse: cannot listen on 203.0.113.9 port 8000: Cannot assign requested address",
    ]


def test_a_written_brief_from_a_language_model_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "brief.json"
    with fake_llm(retelling) as server:
        arguments = [*_WRITER, server.url, "--llm-max-tokens", "321", "--format", "json"]
        assert main(["brief", str(EXAMPLES), *arguments, "-o", str(target)]) == EXIT_OK
    assert capsys.readouterr().err == ""
    assert server.requests[0].body["max_tokens"] == 321
    [story] = json.loads(target.read_text())["stories"]
    written = story["written"]
    assert written["model"] == "tiny"
    assert [s["text"] for s in written["sentences"]] == [story["facts"][0]["text"]]
    assert written["sentences"][0]["citations"] == story["facts"][0]["citations"]
    assert [(d["reason"], d["facts"]) for d in written["dropped"]] == [("figure", [0])]


def test_a_server_that_hangs_leaves_the_key_points_and_says_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with fake_llm(HANG) as server:
        arguments = [*_WRITER, server.url, "--llm-timeout", "1"]
        assert main(["brief", str(EXAMPLES), *arguments]) == EXIT_PARTIAL
    out, err = capsys.readouterr()
    assert "### Key points" in out and "### In brief" not in out
    assert "write failed" in err and "no answer" in err and "key points stand alone" in err
    assert server.url in err


@pytest.mark.parametrize(
    "arguments",
    [
        ["--writer", "llm", "--llm-model", "tiny"],
        ["--writer", "llm", "--llm-url", "http://127.0.0.1:9/v1"],
        ["--llm-url", "http://127.0.0.1:9/v1", "--llm-model", "tiny"],
        ["--writer", "llm", "--llm-url", "ftp://host/v1", "--llm-model", "tiny"],
    ],
)
def test_a_writer_needs_a_server_and_a_model(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["brief", str(EXAMPLES), *arguments])
    assert exited.value.code == EXIT_USAGE
    assert "--llm-" in capsys.readouterr().err
