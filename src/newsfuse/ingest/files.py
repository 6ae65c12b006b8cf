"""Find the input files behind the paths a user gave, and read them as text, within bounds."""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsfuse._exceptions import NotRegularFileError
from newsfuse.ingest.fetch import FetchPolicy
from newsfuse.models import Rejection
from newsfuse.text.language import identify

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
    stable order, each once; a path that names nothing usable becomes a `Rejection`. Only
    regular files are read: FIFOs, devices, sockets, broken and looping links are named and
    passed over."""
    seen: set[tuple[int, int] | Path] = set()
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
            identity = _identity(item.path)  # the same file under two names is read once
            if identity not in seen:
                seen.add(identity)
                yield item


def shown(path: str) -> str:
    """A path as messages and briefs show it: bytes that are not UTF-8 (kept by Python as
    lone surrogates, which no UTF-8 text can hold) written as escapes ("\\xff")."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _expand_one(given: str) -> Iterator[InputFile | Rejection]:
    if not given.strip():
        yield Rejection(repr(given), "an empty path names no file")
        return
    path = Path(given)
    if path.is_dir():
        yield from _walk(path)
    elif _GLOB_CHARACTERS & set(given) and not path.exists():
        # glob.glob, not Path.glob: the pattern may be absolute or climb out with "..".
        matches = sorted(glob.glob(given, recursive=True))  # noqa: PTH207
        if not matches:
            yield Rejection(shown(given), "the pattern matches no files")
        for match in matches:
            yield from _expand_one(match)
    else:
        yield _file(path, shown(given))


def _file(path: Path, shown_as: str) -> InputFile | Rejection:
    """The file at `path` if it is one newsfuse can read (a regular file, links followed, of
    a supported type), else why not."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno == errno.ENOENT and path.is_symlink():
            return Rejection(shown_as, "a symbolic link to nothing")
        return Rejection(shown_as, _unreadable(error, "no such file or folder"))
    if not stat.S_ISREG(mode):
        return Rejection(shown_as, "not a regular file or folder (a FIFO, device or socket)")
    return _supported(InputFile(path, shown_as))


def _unreadable(error: OSError, missing: str) -> str:
    if error.errno == errno.ENOENT:
        return missing
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links"
    return f"cannot read it: {error.strerror or error}"


def _walk(folder: Path) -> Iterator[InputFile | Rejection]:
    unreadable: list[OSError] = []
    for root, folders, files in os.walk(folder, onerror=unreadable.append):
        yield from (
            Rejection(shown(str(error.filename)), _unreadable(error, "vanished while read"))
            for error in unreadable
        )
        unreadable.clear()
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(root) / name
                yield _file(path, shown(str(path)))
    yield from (
        Rejection(shown(str(error.filename)), _unreadable(error, "vanished while read"))
        for error in unreadable
    )


def _identity(path: Path) -> tuple[int, int] | Path:
    try:
        info = path.stat()
    except OSError:  # gone since it was listed: reading it will say so
        return path
    return info.st_dev, info.st_ino


def _supported(item: InputFile) -> InputFile | Rejection:
    suffix = item.path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES or suffix in FEED_SUFFIXES or is_warc(item.path):
        return item
    kinds = ", ".join((*SUPPORTED_SUFFIXES, *WARC_ENDINGS, *FEED_SUFFIXES))
    return Rejection(item.shown_as, f"unsupported file type {suffix or '(none)'!r} (reads {kinds})")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_ENDINGS)


def read_bytes(item: InputFile, limits: Limits) -> bytes | Rejection:
    """The file's bytes, or why they cannot be read. Never more than the limit is read,
    whatever the file became since it was listed (a FIFO or a device cannot hold it)."""
    try:
        with open_regular(item.path) as file:
            data = file.read(limits.max_file_bytes + 1)
    except NotRegularFileError as error:
        return Rejection(item.shown_as, str(error))
    except OSError as error:
        return Rejection(item.shown_as, f"cannot read the file: {error.strerror or error}")
    if len(data) > limits.max_file_bytes:
        size = max(len(data), item.path.stat().st_size)
        return Rejection(
            item.shown_as, f"file too large ({size:,} bytes; limit {limits.max_file_bytes:,})"
        )
    return data


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading if it is a regular file. Opened without blocking, so that
    a FIFO put in its place cannot hang the run, and checked on the open file itself."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    file = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        file.close()
        raise NotRegularFileError("not a regular file (a FIFO, device or socket)")
    return file


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


# The C1 control characters (U+0080-U+009F) a text holds when Windows-1252 bytes were read
# as Latin-1 somewhere before it reached newsfuse ("subjects\x96the researchers"): each
# becomes the character the byte stands for in Windows-1252, one character for one, so
# every offset into the text stays. Bytes Windows-1252 leaves undefined stay as they are.
_C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


_C1 = re.compile("[\x80-\x9f]")


def c1_repaired(text: str) -> str:
    """`text` with its C1 control characters read as the Windows-1252 characters they were
    ("\x96" an en dash, "\x92" a closing quote)."""
    return text.translate(_C1_AS_CP1252) if _C1.search(text) else text


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
