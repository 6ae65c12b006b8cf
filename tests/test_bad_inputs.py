"""A corpus of bad inputs among good ones: every bad one is named with its reason, every good
one is read, and the exit code tells partial success from full."""

from __future__ import annotations

import gzip
import json
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.cli import EXIT_OK, EXIT_PARTIAL, main
from newsfuse.ingest import Limits, read_inputs

GOOD = (
    "Ship strikes harbor bridge\n\nA container ship lost power and drifted into the Alder Bay "
    "bridge on Monday, and the city closed the crossing while engineers inspect it. Mayor "
    "Tobias Renn said the closure would last at least six weeks.\n"
)
GERMAN = (
    "Schiff rammt Hafenbrücke\n\nEin Containerschiff verlor am Montag die Kontrolle und trieb "
    "gegen die Alder-Bay-Brücke; die Stadt sperrte den Übergang für mindestens sechs Wochen.\n"
)
HOSTILE_HTML = (
    "<html><head><title>Bridge</title><script>alert(1)</script></head><body>"
    '<iframe src="https://evil.example"></iframe><article onclick="alert(2)">'
    + "<div>"
    * 400
    + "<p>A container ship lost power and drifted into the Alder Bay bridge on Monday, and "
    "the city closed the crossing for weeks.</p>"
    + "</div>"
    * 400
    + '<p><a href="javascript:alert(3)">Engineers</a> will inspect the bridge on Tuesday.</p>'
    "</article></body></html>"
)


def _warc_bomb(path: Path, payload_bytes: int) -> None:
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        zeros = BytesIO(b"<p>" + b"0" * payload_bytes + b"</p>")
        writer.write_record(
            writer.create_warc_record(
                "https://bomb.example/", "response", payload=zeros, http_headers=headers
            )
        )


def _write_corpus(folder: Path) -> dict[str, str]:
    """The bad files, each with the reason expected for it."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "good-copy.txt").write_text(GOOD)  # the same article twice
    (folder / "german.txt").write_text(GERMAN)
    (folder / "latin1.txt").write_bytes(GOOD.replace("Renn", "Renné").encode("latin-1"))
    (folder / "utf16.txt").write_bytes(GOOD.replace("Monday", "Tuesday").encode("utf-16"))
    mixed = GOOD.replace("Monday", "Sunday").encode() + "Café crème.\n".encode("latin-1")
    (folder / "mixed.txt").write_bytes(mixed)
    (folder / "hostile.html").write_text(HOSTILE_HTML)
    lines = [
        json.dumps({"title": "Ok", "text": GOOD.replace("Monday", "Friday")}),
        "{broken",
        "[1]",
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "huge.txt").write_bytes(b"word " * (5 * 1024 * 1024 // 5 + 10))
    (folder / "one-line.txt").write_text("x" * 40 + " and more words" * 150_000)
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _warc_bomb(folder / "bomb.warc.gz", 3 * 1024 * 1024)
    whole = (folder / "bomb.warc.gz").read_bytes()
    (folder / "truncated.warc.gz").write_bytes(whole[: len(whole) // 2])
    (folder / "not-gzip.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\n")[:12])
    (folder / "zlib-bomb.jsonl").write_bytes(zlib.compress(b"0" * 1000))
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "huge.txt": "file too large",
        "one-line.txt": "article text too long",
        "picture.png": "unsupported file type",
        "bomb.warc.gz": "page too large",
        "truncated.warc.gz": "",
        "not-gzip.warc.gz": "not a readable WARC archive",
        "zlib-bomb.jsonl": "",
        "feed.jsonl": "invalid JSON",
    }


LIMITS = Limits(
    max_file_bytes=4 * 1024 * 1024, max_article_characters=2_000_000, max_record_bytes=1024 * 1024
)


def test_every_bad_input_is_named_and_every_good_one_read(tmp_path: Path) -> None:
    expected = _write_corpus(tmp_path / "inputs")
    result = read_inputs([str(tmp_path / "inputs")], LIMITS)
    named: dict[str, list[str]] = {}
    for rejection in result.rejections:
        named.setdefault(Path(rejection.path).name, []).append(rejection.describe())
    for name, reason in expected.items():
        assert name in named, f"{name} was dropped without a word"
        assert any(reason in message for message in named[name]), named[name]
    read = sorted(Path(a.path.split("#")[0]).name for a in result.articles)
    assert read == sorted(
        [
            "feed.jsonl",
            "german.txt",
            "good-copy.txt",
            "hostile.html",
            "latin1.txt",
            "mixed.txt",
            "utf16.txt",
        ]
    )
    [duplicate] = result.duplicates
    assert duplicate.path.endswith("good.txt") and duplicate.same_as.endswith("good-copy.txt")
    texts = {Path(a.path).name: a.raw_text for a in result.articles}
    assert "Renné" in texts["latin1.txt"] and "Tuesday" in texts["utf16.txt"]
    assert (
        "alert" not in texts["hostile.html"] and "Engineers will inspect" in texts["hostile.html"]
    )


def test_the_command_tells_partial_from_full_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _write_corpus(tmp_path / "inputs")
    target = tmp_path / "brief.json"
    code = main(["brief", str(tmp_path / "inputs"), "--format", "json", "-o", str(target)])
    assert code == EXIT_PARTIAL
    err = capsys.readouterr().err
    for name in expected:
        assert name in err
    brief = json.loads(target.read_text())
    paths = {
        Path(s["path"].split("#")[0]).name for story in brief["stories"] for s in story["sources"]
    }
    assert {"good-copy.txt", "german.txt", "hostile.html", "utf16.txt"} <= paths
    assert main(["brief", str(tmp_path / "inputs" / "good.txt"), "-o", str(target)]) == EXIT_OK


def test_the_bad_corpus_is_briefed_within_bounded_memory(tmp_path: Path) -> None:
    import resource
    import subprocess
    import sys

    _write_corpus(tmp_path / "inputs")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    command = [sys.executable, "-m", "newsfuse", "brief", str(tmp_path / "inputs"), "-q",
               "-o", str(tmp_path / "brief.md")]  # fmt: skip
    assert subprocess.run(command, check=False, timeout=600).returncode == EXIT_PARTIAL
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # The models take about 0.5 GiB; no input may add more than the article and page limits.
    assert peak_mib < 1500 or before / 1024 >= 1500, f"{peak_mib:.0f} MiB"
