from __future__ import annotations

from pathlib import Path

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
