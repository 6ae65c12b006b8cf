from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from newsfuse.ingest import files
from newsfuse.ingest.files import InputFile, Limits, decode, expand, read_bytes
from newsfuse.models import Rejection


def _paths(items: list[InputFile | Rejection]) -> list[str]:
    return [item.path.name if isinstance(item, InputFile) else f"!{item.reason}" for item in items]


def test_folders_are_walked_in_order_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x")
    assert _paths(list(expand([str(tmp_path)]))) == ["a.md", "2.txt"]


def test_globs_missing_paths_and_unsupported_types(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("x")
    (tmp_path / "two.json").write_text("{}")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    items = list(
        expand(
            [
                f"{tmp_path}/*.txt",
                str(tmp_path / "missing.txt"),
                f"{tmp_path}/*.csv",
                str(tmp_path / "photo.png"),
            ]
        )
    )
    assert _paths(items) == [
        "one.txt",
        "!no such file or folder",
        "!the pattern matches no files",
        "!unsupported file type '.png' (reads .txt, .md, .markdown, .html, .htm, .json, .jsonl, .ndjson, .warc, .warc.gz, .rss, .atom, .opml, .xml)",
    ]


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("x")
    assert len(list(expand([str(tmp_path), str(tmp_path / "one.txt")]))) == 1


def test_files_over_the_size_limit_are_rejected(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    result = read_bytes(InputFile(big, "big.txt"), Limits(max_file_bytes=10))
    assert isinstance(result, Rejection) and "too large" in result.reason


def test_decoding_handles_boms_legacy_encodings_and_binary() -> None:
    assert decode("Grüße\r\nzwei".encode("utf-16"), "f") == "Grüße\nzwei"
    assert decode("\ufeffcafé".encode(), "f") == "café"
    assert decode("Les élèves sont arrivés à l'école près de la forêt.".encode("latin-1"), "f") == (
        "Les élèves sont arrivés à l'école près de la forêt."
    )
    for sentence, encoding in [
        ("Zażółć gęślą jaźń, powiedział burmistrz miasta w poniedziałek.", "cp1250"),
        ("Президент заявил во вторник, что войска вернутся на базы.", "cp1251"),
        ("Bakan salı günü yaptığı açıklamada görüşmelerin süreceğini söyledi.", "cp1254"),
    ]:
        assert decode(sentence.encode(encoding), "f") == sentence
    empty = decode(b"  \n", "f")
    assert isinstance(empty, Rejection) and empty.reason == "empty file"
    binary = decode(b"\x00\x01\x02PK\x03\x04" * 50, "f")
    assert isinstance(binary, Rejection)


def test_a_legacy_encoding_keeps_words_in_one_script() -> None:
    from newsfuse.ingest.files import decode

    latin = "Mayor Tobias Renné said the bridge would stay closed for six weeks.".encode("latin-1")
    assert "Renné" in str(decode(latin, "a.txt"))
    russian = "Мэр сказал, что мост будет закрыт шесть недель.".encode("cp1251")
    assert "Мэр сказал" in str(decode(russian, "b.txt"))


def test_only_regular_files_are_read_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("x")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "nowhere.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "good.txt")  # the same file: read once
    items = list(expand([str(tmp_path)]))
    assert _paths(items) == [
        "good.txt",
        "!a loop of symbolic links",
        "!a symbolic link to nothing",
        "!not a regular file or folder (a FIFO, device or socket)",
        "!not a regular file or folder (a FIFO, device or socket)",
    ]
    assert [Path(item.path).name for item in items] == [
        "good.txt",
        "loop.txt",
        "nowhere.txt",
        "pipe.txt",
        "zero.txt",
    ]


def test_a_fifo_put_in_a_files_place_is_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = read_bytes(InputFile(tmp_path / "pipe.txt", "pipe.txt"), Limits())
    assert result == Rejection("pipe.txt", "not a regular file (a FIFO, device or socket)")


def test_an_empty_path_names_no_file(tmp_path: Path) -> None:
    assert list(expand(["", "  "])) == [
        Rejection("''", "an empty path names no file"),
        Rejection("'  '", "an empty path names no file"),
    ]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"r\xe9sum\xe9.txt")  # Latin-1 bytes: no UTF-8 text can hold them
    (tmp_path / name).write_text("words")
    [item] = list(expand([str(tmp_path)]))
    assert isinstance(item, InputFile)
    assert item.shown_as == f"{tmp_path}/r\\xe9sum\\xe9.txt"
    assert item.shown_as.encode("utf-8")  # storable, printable
    assert read_bytes(item, Limits()) == b"words"


def test_a_folder_that_cannot_be_listed_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text("x")
    walk = os.walk

    def walk_with_a_locked_folder(top: str, onerror: Any = None) -> Any:
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        return walk(top, onerror=onerror)

    monkeypatch.setattr(files.os, "walk", walk_with_a_locked_folder)
    items = list(expand([str(tmp_path)]))
    assert items[0] == Rejection(str(tmp_path / "locked"), "cannot read it: Permission denied")
    assert _paths(items[1:]) == ["good.txt"]


def test_c1_controls_are_read_as_the_windows_1252_characters_they_were() -> None:
    text = "Subjects\x96the researchers\x96spent hours\x85 It\x92s \x93done\x94."
    assert files.c1_repaired(text) == "Subjects–the researchers–spent hours… It’s “done”."
    assert len(files.c1_repaired(text)) == len(text)  # offsets into the text stay
    assert files.c1_repaired("A\x81B") == "A\x81B"  # undefined in Windows-1252: kept
