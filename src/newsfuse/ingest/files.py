"""Find the input files behind the paths a user gave, and read them as text, within bounds."""

from __future__ import annotations

import glob
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.ingest.fetch import FetchPolicy
from newsfuse.language import identify
from newsfuse.models import Rejection

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson")
# Crawl archives, read record by record (ingest/warc.py): no file size limit applies.
WARC_ENDINGS = (".warc", ".warc.gz")
# Feeds and OPML lists of feeds on disk: their items are fetched (ingest/remote.py).
FEED_SUFFIXES = (".rss", ".atom", ".opml", ".xml")
_URL_SCHEMES = ("http://", "https://")
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input may cost."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_article_characters: int = 2_000_000
    max_record_bytes: int = 16 * 1024 * 1024
    fetch: FetchPolicy = field(default_factory=FetchPolicy)


@dataclass(frozen=True)
class InputFile:
    path: Path
    shown_as: str  # the path as the user will recognise it in messages


@dataclass(frozen=True)
class UrlInput:
    """An http(s) URL the user gave: an article page, a feed or an OPML list."""

    url: str


def is_url(given: str) -> bool:
    return given.lower().startswith(_URL_SCHEMES)


def expand(paths: list[str]) -> Iterator[InputFile | UrlInput | Rejection]:
    """The files behind `paths` (files, folders searched recursively, glob patterns), in a
    stable order, each once; a path that names nothing usable becomes a `Rejection`."""
    seen: set[Path] = set()
    urls: set[str] = set()
    for given in paths:
        if is_url(given):
            if given not in urls:
                urls.add(given)
                yield UrlInput(given)
            continue
        for item in _expand_one(given):
            if isinstance(item, Rejection):
                yield item
                continue
            resolved = item.path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield item


def _expand_one(given: str) -> Iterator[InputFile | Rejection]:
    path = Path(given)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield _supported(InputFile(path, given))
    elif _GLOB_CHARACTERS & set(given):
        # glob.glob, not Path.glob: the pattern may be absolute or climb out with "..".
        matches = sorted(glob.glob(given, recursive=True))  # noqa: PTH207
        if not matches:
            yield Rejection(given, "the pattern matches no files")
        for match in matches:
            yield from _expand_one(match)
    elif path.exists():
        yield Rejection(given, "not a regular file or folder")
    else:
        yield Rejection(given, "no such file or folder")


def _walk(folder: Path) -> Iterator[InputFile | Rejection]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(root) / name
                yield _supported(InputFile(path, str(path)))


def _supported(item: InputFile) -> InputFile | Rejection:
    suffix = item.path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES or suffix in FEED_SUFFIXES or is_warc(item.path):
        return item
    kinds = ", ".join((*SUPPORTED_SUFFIXES, *WARC_ENDINGS, *FEED_SUFFIXES))
    return Rejection(item.shown_as, f"unsupported file type {suffix or '(none)'!r} (reads {kinds})")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_ENDINGS)


def read_bytes(item: InputFile, limits: Limits) -> bytes | Rejection:
    """The file's bytes, or why they cannot be read."""
    try:
        size = item.path.stat().st_size
        if size > limits.max_file_bytes:
            return Rejection(
                item.shown_as, f"file too large ({size:,} bytes; limit {limits.max_file_bytes:,})"
            )
        return item.path.read_bytes()
    except OSError as error:
        return Rejection(item.shown_as, f"cannot read the file: {error.strerror or error}")


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes, shown_as: str) -> str | Rejection:
    """Text from bytes: a byte-order mark, else UTF-8, else the legacy encoding under which
    the text reads most clearly as a language; line ends become `\\n`."""
    if not data.strip():
        return Rejection(shown_as, "empty file")
    text = _decode_by_bom(data)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess_encoding(data)
    if text is None:
        return Rejection(shown_as, "cannot tell the text encoding (binary file?)")
    if "\x00" in text:
        return Rejection(shown_as, "binary file (contains NUL bytes)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_by_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


# Single-byte code pages of news sites, most common first. Which one a file is in shows in
# whether the decoded text reads as a language: mojibake does not.
LEGACY_ENCODINGS = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp1256",
    "cp1255",
    "koi8_r",
)
_SAMPLE_BYTES = 4000


def _guess_encoding(data: bytes) -> str | None:
    sample = data[:_SAMPLE_BYTES]
    scored: list[tuple[int, float, int, str]] = []
    for rank, encoding in enumerate(_candidate_encodings(data)):
        try:
            decoded = sample.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _mostly_text(decoded):
            continue
        # Words in one script first ("Renné", not "RennИ"), then how clearly it reads as
        # a language: a lone letter barely moves the language score.
        mixed = _mixed_script_words(decoded)
        scored.append((mixed, -identify(decoded).probability, rank, encoding))
    for *_, encoding in sorted(scored):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


_WORD = re.compile(r"[^\W\d_]{2,}")


def _mixed_script_words(text: str) -> int:
    """Words whose letters come from more than one script: what a wrong code page makes of
    one accented letter in a word ("RennИ" for "Renné")."""
    return sum(
        1
        for word in _WORD.findall(text)
        if not word.isascii() and len({_script(char) for char in word}) > 1
    )


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ")[0]


def _candidate_encodings(data: bytes) -> list[str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: _SAMPLE_BYTES * 4]).best()
    guessed = [best.encoding] if best is not None and best.encoding not in LEGACY_ENCODINGS else []
    return [*LEGACY_ENCODINGS, *guessed]


def _mostly_text(text: str) -> bool:
    """Text with many control characters is a binary file that happened to decode."""
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    return controls <= len(text) / 100
