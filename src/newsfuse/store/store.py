"""The store: articles and what the stages derive from them, in SQLite (standard library, WAL).

Articles are keyed by their content id, so adding one twice changes nothing. Derived data
(cleaned text with its map and removals, sentences; how spaCy read each article) is kept
with the version of the stages that made it and is recomputed when that version changes.
Stories are kept with the state of the clustering that formed them (term counts, open
stories' centroids), so articles ingested later join the same stories they would have in
one run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from newsfuse._exceptions import StoreError
from newsfuse.models import (
    Article,
    CleanText,
    ClusteringState,
    MapPiece,
    Removal,
    SavedStory,
    Source,
)
from newsfuse.store.rows import ARTICLE_COLUMNS, article_from_row, article_row, sentences_of
from newsfuse.store.schema import bring_up_to_date, check_identity, connect
from newsfuse.store.search import SEARCH_TERMS, SEARCH_WORD, SearchHit, descending, snippet_pieces
from newsfuse.store.stories import StoredStory, stored_story

# Ids asked about in one query (SQLite allows 32,766 parameters since 3.32, 999 before).
_IDS_PER_QUERY = 500


@dataclass(frozen=True)
class AddResult:
    added: tuple[str, ...]
    already_stored: tuple[str, ...]


class Store:
    """A newsfuse store in one SQLite file (":memory:" for a store that lives with the run).

    A store opens only a file that is its own: a new or empty file, or a newsfuse store of
    this schema or an older one it upgrades. Another application's database and a store of
    a newer newsfuse are refused before anything is written to them. `writable=False`
    opens an existing store read-only (it may be on read-only media), never creating one;
    writing commands wait their turn for one another (the busy timeout) and each keeps
    the store whole in its transactions."""

    def __init__(self, path: str | Path = ":memory:", writable: bool = True) -> None:
        self.path = str(path)
        self.writable = writable
        try:
            self._db = connect(self.path, writable)
            check_identity(self._db, self.path, writable)
            if writable:
                bring_up_to_date(self._db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open the store: {error}") from error

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

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """One writer at a time through the block: what it reads stays true until it has
        written (another writer waits, up to the busy timeout). The block's writes are one
        transaction."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.rollback()
            raise
        self._db.commit()

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
                    (*article_row(article), next_number),
                )
                if cursor.rowcount:
                    added.append(article.id)
                    next_number += 1
                    db.execute(
                        "INSERT INTO article_search VALUES (?, ?, ?)",
                        (article.id, article.title or "", article.raw_text),
                    )
                else:
                    existing.append(article.id)
        return AddResult(tuple(added), tuple(existing))

    def article(self, article_id: str) -> Article | None:
        row = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return article_from_row(row) if row else None

    def articles(self) -> list[Article]:
        """All stored articles, in the order they were added."""
        rows = self._db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY added")
        return [article_from_row(row) for row in rows]

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def save_source(self, source: Source, stages: str) -> None:
        """Keep what `stages` derived from the source's article (a read-only store keeps
        nothing: what it lacks is derived again when needed)."""
        if not self.writable:
            return
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
        return Source(article, clean, sentences_of(article.id, text, json.loads(sentences)))

    def save_readings(self, readings: Mapping[str, bytes], version: str) -> None:
        """Keep how articles were read (by article id, as bytes), made by `version` (a
        read-only store keeps nothing)."""
        if not self.writable or not readings:
            return
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO readings VALUES (?, ?, ?)",
                ((article_id, version, data) for article_id, data in sorted(readings.items())),
            )

    def readings(self, article_ids: Iterable[str], version: str) -> dict[str, bytes]:
        """The kept readings of these articles made by `version`. A store made before
        readings were kept has none (it gains the table when next opened for writing)."""
        rows = self._kept_readings("article_id, reading", article_ids, version)
        return {str(article_id): bytes(data) for article_id, data in rows}

    def unread(self, article_ids: Iterable[str], version: str) -> set[str]:
        """Those of the articles with no kept reading made by `version`."""
        wanted = set(article_ids)
        return wanted - {str(row[0]) for row in self._kept_readings("article_id", wanted, version)}

    def _kept_readings(
        self, columns: str, article_ids: Iterable[str], version: str
    ) -> Iterator[tuple[Any, ...]]:
        """`columns` of the kept readings of these articles made by `version`, asked
        `_IDS_PER_QUERY` ids at a time."""
        if not self._has_table("readings"):
            return
        wanted = sorted(set(article_ids))
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            batch = wanted[start : start + _IDS_PER_QUERY]
            marks = ", ".join("?" * len(batch))
            yield from self._db.execute(
                f"SELECT {columns} FROM readings WHERE version = ? AND article_id IN ({marks})",
                (version, *batch),
            )

    def _has_table(self, name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self._db.execute(query, (name,)).fetchone() is not None

    # Stories

    def clustering(self) -> ClusteringState:
        """The story clustering as the last ingest left it."""
        documents = self._meta_int("clustered_documents")
        frequencies = dict(self._db.execute("SELECT term, documents FROM term_documents"))
        stories = tuple(
            SavedStory(
                id=story_id,
                opened=opened,
                size=size,
                total=json.loads(centroid),
                first_day=first_day,
                last_day=last_day,
                touched=touched,
            )
            for story_id, opened, size, first_day, last_day, touched, centroid in self._db.execute(
                "SELECT id, opened, size, first_day, last_day, touched, centroid FROM stories"
                " WHERE open = 1"
            )
        )
        opened = int(self._db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])
        return ClusteringState(documents, frequencies, stories, opened=opened)

    def save_clustering(
        self,
        changes: ClusteringState,
        assignments: Sequence[tuple[str, str]],
    ) -> None:
        """Keep what the clustering changed (the counts of its terms, its open stories and
        those it closed) and the articles' stories (article id, story id, in the order they
        arrived), in one transaction."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('clustered_documents', ?)",
                (str(changes.documents),),
            )
            db.executemany(
                "INSERT OR REPLACE INTO term_documents VALUES (?, ?)",
                sorted(changes.frequencies.items()),
            )
            stories = [(story, True) for story in changes.open_stories]
            for story, still_open in [*stories, *((s, False) for s in changes.closed_stories)]:
                db.execute(
                    "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                    " (SELECT origins FROM stories WHERE id = ?))",
                    (
                        story.id,
                        story.opened,
                        story.size,
                        story.first_day,
                        story.last_day,
                        story.touched,
                        int(still_open),
                        json.dumps(dict(story.total) if still_open else {}, sort_keys=True),
                        story.id,
                    ),
                )
            arrived = int(
                db.execute("SELECT COALESCE(MAX(arrived), 0) FROM story_articles").fetchone()[0]
            )
            # Stories that gained articles are counted again (set_origins); until then, and
            # should the run stop before, they say they are not counted.
            db.executemany(
                "UPDATE stories SET origins = NULL WHERE id = ?",
                {(story_id,) for _, story_id in assignments},
            )
            db.executemany(
                "INSERT INTO story_articles VALUES (?, ?, ?)",
                (
                    (article_id, story_id, arrived + number)
                    for number, (article_id, story_id) in enumerate(assignments, start=1)
                ),
            )

    def uncounted_stories(self) -> list[str]:
        """Stories whose independent origins were not counted since they last changed."""
        rows = self._db.execute("SELECT id FROM stories WHERE origins IS NULL ORDER BY id")
        return [str(row[0]) for row in rows]

    def set_origins(self, origins: Mapping[str, int]) -> None:
        """Keep how many independent origins each of these stories has."""
        with self._transaction() as db:
            db.executemany(
                "UPDATE stories SET origins = ? WHERE id = ?",
                ((count, story_id) for story_id, count in sorted(origins.items())),
            )

    def unclustered_articles(self) -> list[Article]:
        """Stored articles that belong to no story yet, in the order they were added."""
        rows = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id NOT IN"
            " (SELECT article_id FROM story_articles) ORDER BY added"
        )
        return [article_from_row(row) for row in rows]

    def story_articles(self, story_id: str) -> list[Article]:
        """The articles of a story in the order they arrived (none for an unknown id)."""
        rows = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles JOIN story_articles"
            " ON story_articles.article_id = articles.id WHERE story_id = ? ORDER BY arrived",
            (story_id,),
        )
        return [article_from_row(row) for row in rows]

    def story_of(self, article_id: str) -> str | None:
        row = self._db.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def source_of(self, article_id: str) -> Source | None:
        """An article as the stages left it in the store (cleaned and segmented)."""
        article = self.article(article_id)
        if article is None:
            return None
        row = self._db.execute(
            "SELECT stages FROM cleaned WHERE article_id = ?", (article_id,)
        ).fetchone()
        return self.source(article, row[0]) if row else None

    def stories(self) -> list[StoredStory]:
        """Every story, the most recently seen first (undated ones last), then by id."""
        rows = self._db.execute(
            "SELECT story_id, articles.id, path, COALESCE(title, substr(raw_text, 1, 300)),"
            " published, origins FROM story_articles"
            " JOIN articles ON articles.id = story_articles.article_id"
            " JOIN stories ON stories.id = story_articles.story_id ORDER BY arrived"
        )
        members: dict[str, list[tuple[str, str, str | None, str | None]]] = {}
        origins: dict[str, int | None] = {}
        for story_id, article_id, path, title, published, count in rows:
            members.setdefault(story_id, []).append((article_id, path, title, published))
            origins[story_id] = count
        stories = [
            stored_story(story_id, rows, origins[story_id]) for story_id, rows in members.items()
        ]
        return sorted(
            stories, key=lambda s: (s.last_seen is None, descending(s.last_seen or ""), s.id)
        )

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles holding every word of `query` (full-text, best first). The words are
        searched as words: FTS5's query syntax is not given to the user's text."""
        terms = SEARCH_WORD.findall(query)[:SEARCH_TERMS]
        if not terms:
            return []
        match = " ".join(f'"{term}"' for term in terms)
        rows = self._db.execute(
            "SELECT article_search.article_id, articles.path, articles.title, story_id,"
            " snippet(article_search, 2, char(1), char(2), ' … ', 16)"
            " FROM article_search JOIN articles ON articles.id = article_search.article_id"
            " LEFT JOIN story_articles ON story_articles.article_id = articles.id"
            " WHERE article_search MATCH ? ORDER BY rank, articles.added LIMIT ?",
            (match, limit),
        )
        return [
            SearchHit(article_id, path, title, story_id, snippet_pieces(snippet))
            for article_id, path, title, story_id, snippet in rows
        ]

    def _meta_int(self, key: str) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0
