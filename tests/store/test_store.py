from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.cluster import StoryClusterer
from newsfuse.store import APPLICATION_ID, Store, StoreError

from ..conftest import make_article, make_source

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


def _files(folder: Path) -> dict[str, bytes]:
    """The databases of a folder, byte for byte (not SQLite's shared-memory index of a WAL
    store, which every reader updates)."""
    return {
        path.name: path.read_bytes()
        for path in sorted(folder.iterdir())
        if not path.name.endswith(("-shm", "-wal"))
    }


def test_a_store_of_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    before = _files(tmp_path)
    for writable in (True, False):
        with pytest.raises(StoreError, match="schema 99, this newsfuse reads schema 2"):
            Store(path, writable=writable)
    assert _files(tmp_path) == before


def test_another_applications_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other_app.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("INSERT INTO notes (body) VALUES ('mine')")
    db.close()
    before = _files(tmp_path)
    for writable in (True, False):
        with pytest.raises(StoreError, match="not a newsfuse store"):
            Store(path, writable=writable)
    assert _files(tmp_path) == before  # no tables, no WAL mode
    assert [p.name for p in tmp_path.iterdir()] == ["other_app.sqlite"]


def _as_old_store(path: Path, schema: str) -> None:
    """The store as a newsfuse from before application ids wrote it."""
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA application_id = 0")
        db.execute("PRAGMA user_version = 0")
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (schema,))


def test_a_store_of_schema_1_gains_stories_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store(path).close()
    _as_old_store(path, "1")
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE story_articles")
        db.execute("DROP TABLE stories")
    with pytest.raises(StoreError, match="open it once with `newsfuse ingest`"):
        Store(path, writable=False)
    with Store(path) as store:
        assert store.stories() == []
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("2",)
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert db.execute("PRAGMA user_version").fetchone() == (2,)


def test_a_store_from_before_application_ids_is_known_by_its_tables(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add_articles([make_article("A report of a ship that struck a bridge.")])
    _as_old_store(path, "2")
    with Store(path, writable=False) as store:
        assert store.count_articles() == 1


def test_reading_never_creates_or_changes_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", writable=False)
    assert list(tmp_path.iterdir()) == []
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add_articles([make_article("A report of a ship that struck a bridge.")])
    before = _files(tmp_path)
    with Store(path, writable=False) as store:
        assert store.count_articles() == 1
        store.save_source(make_source("Another report of the ship."), "stages")  # kept nowhere
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.add_articles([make_article("A third report.")])
    assert _files(tmp_path) == before


def test_readings_are_kept_for_the_version_that_made_them(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    source, other = make_source(TEXT), make_source("Another report of the ship.")
    with Store(path) as store:
        store.add_articles([source.article, other.article])
        store.save_readings({source.id: b"read by v1"}, "v1")
        assert store.readings([source.id, other.id], "v1") == {source.id: b"read by v1"}
        assert store.readings([source.id], "v2") == {}
        assert store.unread([source.id, other.id], "v1") == {other.id}
        assert store.unread([source.id], "v2") == {source.id}
        store.save_readings({source.id: b"read by v2"}, "v2")  # the one reading kept
        assert store.readings([source.id], "v1") == {}
    with Store(path, writable=False) as store:
        assert store.readings([source.id], "v2") == {source.id: b"read by v2"}
        store.save_readings({other.id: b"read"}, "v2")  # kept nowhere
        assert store.unread([other.id], "v2") == {other.id}


def test_a_store_from_before_readings_has_none_and_gains_the_table(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    source = make_source(TEXT)
    with Store(path) as store:
        store.add_articles([source.article])
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE readings")
    with Store(path, writable=False) as store:
        assert store.readings([source.id], "v1") == {}
        assert store.unread([source.id], "v1") == {source.id}
    with Store(path) as store:
        store.save_readings({source.id: b"read"}, "v1")
        assert store.readings([source.id], "v1") == {source.id: b"read"}


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to, root included (its immutable flag set): as on
    read-only media."""
    folder = tmp_path / "media"
    folder.mkdir()
    with Store(folder / "news.db") as store:
        store.add_articles([make_article("A report of a ship that struck a bridge.")])
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
        pytest.skip("chattr cannot make a folder immutable here")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def test_a_store_on_read_only_media_is_read(read_only_folder: Path) -> None:
    with pytest.raises(OSError):
        (read_only_folder / "probe").touch()
    with Store(read_only_folder / "news.db", writable=False) as store:
        assert store.count_articles() == 1
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["news.db"]


def test_the_clustering_state_survives_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    quake = "A magnitude 7.1 earthquake struck near Arica in northern Chile on Sunday."
    bridge = "A container ship drifted into the Alder Bay bridge on Monday."
    sources = [make_source(quake, "a.txt"), make_source(bridge, "b.txt")]
    with Store(path) as store:
        store.add_articles(s.article for s in sources)
        clusterer = StoryClusterer.resumed(store.clustering(), 0.2)
        assignments = [(s.id, clusterer.assign(s.id, s.clean.text.split(), None)) for s in sources]
        store.save_clustering(clusterer.changes(), assignments)
        store.set_origins({assignments[0][1]: 1})
    with Store(path) as store:
        again = StoryClusterer.resumed(store.clustering(), 0.2)
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
