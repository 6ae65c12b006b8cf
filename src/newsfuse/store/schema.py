"""The store's file: its tables, its schema version and the id that says it is a newsfuse
store, and how a store is opened to read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
