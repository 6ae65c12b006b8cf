"""Store: articles and what the stages derive from them, in SQLite (standard library, WAL).

Articles are keyed by their content id, so adding one twice changes nothing. Derived data
(cleaned text with its map and removals, sentences) is kept with the version of the stages
that made it and is recomputed when that version changes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from newsfuse.models import (
    Article,
    CleanText,
    MapPiece,
    MetadataEvidence,
    Removal,
    Sentence,
    Source,
)

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    author TEXT,
    credit TEXT,
    evidence TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    added INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS cleaned (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    stages TEXT NOT NULL,
    text TEXT NOT NULL,
    language TEXT,
    pieces TEXT NOT NULL,
    removals TEXT NOT NULL,
    sentences TEXT NOT NULL
);
"""


class StoreError(Exception):
    """The store cannot be opened or is not a newsfuse store."""


@dataclass(frozen=True)
class AddResult:
    added: tuple[str, ...]
    already_stored: tuple[str, ...]


class Store:
    """A newsfuse store in one SQLite file (":memory:" for a store that lives with the run)."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, timeout=30.0)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open the store: {error}") from error

    def _check_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            with self._db:
                self._db.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                )
        elif row[0] != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path}: store schema {row[0]}, this newsfuse reads schema {SCHEMA_VERSION}"
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._db:
            yield self._db

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store articles not stored yet, in one transaction; stored ones are left as they are."""
        added: list[str] = []
        existing: list[str] = []
        with self._transaction() as db:
            next_number = db.execute("SELECT COALESCE(MAX(added), 0) + 1 FROM articles").fetchone()[
                0
            ]
            for article in articles:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*_article_row(article), next_number),
                )
                if cursor.rowcount:
                    added.append(article.id)
                    next_number += 1
                else:
                    existing.append(article.id)
        return AddResult(tuple(added), tuple(existing))

    def article(self, article_id: str) -> Article | None:
        row = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article_from_row(row) if row else None

    def articles(self) -> list[Article]:
        """All stored articles, in the order they were added."""
        rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY added")
        return [_article_from_row(row) for row in rows]

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def save_source(self, source: Source, stages: str) -> None:
        """Keep what `stages` derived from the source's article."""
        clean = source.clean
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO cleaned VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    source.id,
                    stages,
                    clean.text,
                    clean.language,
                    json.dumps([[p.clean_start, p.raw_start, p.length] for p in clean.pieces]),
                    json.dumps([[r.start, r.end, r.reason] for r in clean.removals]),
                    json.dumps([[s.start, s.end, s.paragraph] for s in source.sentences]),
                ),
            )

    def source(self, article: Article, stages: str) -> Source | None:
        """The stored derivation of `article` by `stages`, or None if there is none."""
        row = self._db.execute(
            "SELECT text, language, pieces, removals, sentences FROM cleaned"
            " WHERE article_id = ? AND stages = ?",
            (article.id, stages),
        ).fetchone()
        if row is None:
            return None
        text, language, pieces, removals, sentences = row
        clean = CleanText(
            article_id=article.id,
            text=text,
            pieces=tuple(MapPiece(*piece) for piece in json.loads(pieces)),
            removals=tuple(Removal(*removal) for removal in json.loads(removals)),
            language=language,
        )
        return Source(article, clean, _sentences(article.id, text, json.loads(sentences)))


_ARTICLE_COLUMNS = "id, path, url, outlet, title, published, author, credit, evidence, raw_text"


def _article_row(article: Article) -> tuple[str | None, ...]:
    evidence = json.dumps([[e.field, e.value, e.how] for e in article.evidence], ensure_ascii=False)
    return (
        article.id,
        article.path,
        article.url,
        article.outlet,
        article.title,
        article.published,
        article.author,
        article.credit,
        evidence,
        article.raw_text,
    )


def _article_from_row(row: tuple[str, ...]) -> Article:
    article_id, path, url, outlet, title, published, author, credit, evidence, raw_text = row
    return Article(
        id=article_id,
        path=path,
        raw_text=raw_text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        author=author,
        credit=credit,
        evidence=tuple(MetadataEvidence(*item) for item in json.loads(evidence)),
    )


def _sentences(article_id: str, text: str, rows: list[list[int]]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(article_id, index, start, end, text[start:end], paragraph)
        for index, (start, end, paragraph) in enumerate(rows)
    )
