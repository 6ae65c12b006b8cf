from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsfuse.store import Store, StoreError

from .conftest import make_source

TEXT = "Ship hits bridge after engine failure\n\nA ship hit the harbor bridge on Monday. The city closed it.\n"


def test_adding_an_article_twice_is_a_no_op(tmp_path: Path) -> None:
    source = make_source(TEXT)
    with Store(tmp_path / "news.db") as store:
        first = store.add_articles([source.article])
        again = store.add_articles([source.article])
        assert (first.added, first.already_stored) == ((source.id,), ())
        assert (again.added, again.already_stored) == ((), (source.id,))
        assert store.count_articles() == 1


def test_articles_and_derived_data_survive_a_reopen(tmp_path: Path) -> None:
    source = make_source(TEXT)
    with Store(tmp_path / "news.db") as store:
        store.add_articles([source.article])
        store.save_source(source, "stages v1")
    with Store(tmp_path / "news.db") as store:
        assert store.article(source.id) == source.article
        assert store.articles() == [source.article]
        assert store.source(source.article, "stages v1") == source
        assert store.source(source.article, "stages v2") is None


def test_the_store_uses_write_ahead_logging(tmp_path: Path) -> None:
    Store(tmp_path / "news.db").close()
    mode = sqlite3.connect(tmp_path / "news.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_file_that_is_not_a_store_is_refused_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("this is not a database " * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store(bad)


def test_a_store_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(StoreError, match="schema 99"):
        Store(path)
