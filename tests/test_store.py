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


def test_a_store_of_schema_1_gains_stories_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
        db.execute("DROP TABLE story_articles")
        db.execute("DROP TABLE stories")
    with Store(path) as store:
        assert store.stories() == []
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("2",)


def test_the_clustering_state_survives_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    quake = "A magnitude 7.1 earthquake struck near Arica in northern Chile on Sunday."
    bridge = "A container ship drifted into the Alder Bay bridge on Monday."
    sources = [make_source(quake, "a.txt"), make_source(bridge, "b.txt")]
    with Store(path) as store:
        store.add_articles(s.article for s in sources)
        clusterer = store.clusterer(0.2)
        assignments = [(s.id, clusterer.assign(s.id, s.clean.text.split(), None)) for s in sources]
        store.save_clustering(clusterer, assignments)
        store.set_origins({assignments[0][1]: 1})
    with Store(path) as store:
        again = store.clusterer(0.2)
        assert again.documents == 2
        assert again.frequencies == clusterer.frequencies
        assert {i: (s.size, s.total) for i, s in again.stories.items()} == {
            i: (s.size, s.total) for i, s in clusterer.stories.items()
        }
        assert store.unclustered_articles() == []
        listed = store.stories()
        # Undated stories are listed by id; an untitled article's opening line is the title.
        assert sorted((s.title, s.articles) for s in listed) == [
            (bridge, ((sources[1].id, "b.txt"),)),
            (quake, ((sources[0].id, "a.txt"),)),
        ]
        assert [s.id for s in listed] == sorted(s.id for s in listed)
        assert [s.origins for s in listed if s.id == assignments[0][1]] == [1]
        assert [a.id for a in store.story_articles(assignments[0][1])] == [sources[0].id]
        assert store.story_articles("no-such-story") == []


def test_articles_stored_before_search_existed_become_searchable(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    source = make_source("Ship strikes bridge\n\nA container ship hit the Alder Bay bridge.")
    with Store(path) as store:
        store.add_articles([source.article])
        assert [hit.article_id for hit in store.search("container bridge")] == [source.id]
    with sqlite3.connect(path) as db:  # as a store made before full-text search
        db.execute("DELETE FROM article_search")
        db.execute("DELETE FROM meta WHERE key = 'search_indexed'")
    with Store(path) as store:
        assert [hit.article_id for hit in store.search("container")] == [source.id]
        assert store.search('"; DROP TABLE articles; --') == []
        assert store.count_articles() == 1
