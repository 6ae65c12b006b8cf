"""The store's file: its tables, its schema version and the id that says it is a newsfuse
store; how a store is opened (to read, or to write and brought up to date) and how a file
that is not one of ours, or is a newer newsfuse's, is refused before anything is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsfuse._exceptions import StoreError

# Stores of older schemas are brought up to this one when opened for writing (version 2
# added stories; the readings table, a cache older versions ignore and stores without it
# do without, needs no new version). The file says it is a newsfuse store by this id
# ("nfus"), set since 0.x; older stores are known by their tables.
SCHEMA_VERSION = 2
APPLICATION_ID = 0x6E667573
# A writer waits this long for another to finish (an ingest's clustering step can take a
# while on a large batch) before giving up with "database is locked".
BUSY_SECONDS = 600.0

SCHEMA = """
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
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    opened INTEGER NOT NULL,
    size INTEGER NOT NULL,
    first_day INTEGER,
    last_day INTEGER,
    touched INTEGER NOT NULL,
    open INTEGER NOT NULL,
    centroid TEXT NOT NULL,
    origins INTEGER  -- NULL until counted for the story's latest articles
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories(id),
    arrived INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS story_articles_by_story ON story_articles (story_id, arrived);
CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
    article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS readings (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    reading BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS term_documents (
    term TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;
"""


def connect_read_only(path: str) -> sqlite3.Connection:
    """A read-only connection; on read-only media, where SQLite cannot make the files a
    WAL store's readers share, the file is read as immutable."""
    uri = Path(path).resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        connection = sqlite3.connect(f"{uri}?immutable=1", uri=True)
    return connection


def connect(path: str, writable: bool) -> sqlite3.Connection:
    """A connection to the store at `path` (":memory:" for one that lives with the run)."""
    if path == ":memory:":
        return sqlite3.connect(path, timeout=BUSY_SECONDS)
    if not writable:
        if not Path(path).is_file():
            raise StoreError(f"{path}: no such store (create it with `newsfuse ingest`)")
        return connect_read_only(path)
    if Path(path).is_dir():
        raise StoreError(f"{path}: a folder, not a store")
    return sqlite3.connect(path, timeout=BUSY_SECONDS)


def check_identity(db: sqlite3.Connection, path: str, writable: bool) -> None:
    """Refuse, before writing anything, a database that is not a newsfuse store or is one
    of a newer schema (or, to read, of an older one)."""
    application = db.execute("PRAGMA application_id").fetchone()[0]
    tables = {str(row[0]) for row in db.execute("SELECT name FROM sqlite_master")}
    if application not in (0, APPLICATION_ID) or (
        application == 0 and tables and not {"meta", "articles"} <= tables
    ):
        raise StoreError(
            f"{path}: not a newsfuse store (another application's database); left untouched"
        )
    version = _schema_version(db, tables)
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: store schema {version}, this newsfuse reads schema"
            f" {SCHEMA_VERSION} (a newer newsfuse made it); left untouched"
        )
    if not writable and (version is None or version < SCHEMA_VERSION):
        raise StoreError(
            f"{path}: a store of an older newsfuse (schema {version}); open it once"
            " with `newsfuse ingest` to bring it up to date"
        )


def bring_up_to_date(db: sqlite3.Connection) -> None:
    """Make the store's tables (those missing), mark it as this schema's, and index, once,
    the articles a store of an older newsfuse holds but cannot search (articles added
    since are indexed as they are added)."""
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.executescript(SCHEMA)
    with db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
        )
    indexed = db.execute("SELECT value FROM meta WHERE key = 'search_indexed'").fetchone()
    if indexed and int(indexed[0]):
        return
    with db:
        db.execute(
            "INSERT INTO article_search SELECT id, COALESCE(title, ''), raw_text FROM articles"
            " WHERE id NOT IN (SELECT article_id FROM article_search)"
        )
        db.execute("INSERT OR REPLACE INTO meta VALUES ('search_indexed', '1')")


def _schema_version(db: sqlite3.Connection, tables: set[str]) -> int | None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version:
        return version
    if "meta" not in tables:
        return None  # a new store
    row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else None
