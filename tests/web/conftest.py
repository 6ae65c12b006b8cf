from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.pipeline import ingest_paths
from newsfuse.store import Store
from newsfuse.web import App, make_server

from ..conftest import EXAMPLES

HOSTILE = """<script>window.hostile = 1; alert("title")</script> Ship strikes bridge

<img src=x onerror="alert('text')"> A container ship lost power and drifted into the Alder Bay swing bridge on Monday, forcing the city to close the crossing. "</mark><script>alert(2)</script>" said nobody.
"""


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A store of the examples, the seeds and one hostile report, ingested."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE)
    database = folder / "news.db"
    with Store(database) as store:
        ingest_paths([str(EXAMPLES), str(seeds_dir), str(hostile)], store)
    return database


@pytest.fixture(scope="session")
def web_app(web_store: Path) -> App:
    return App(web_store, brief_wait_seconds=300)  # pages wait for their brief in tests


@pytest.fixture(scope="session")
def base_url(web_app: App) -> Iterator[str]:
    server = make_server(web_app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


def story_id_with(app: App, title_words: str) -> str:
    with Store(app.store_path) as store:
        return next(s.id for s in store.stories() if title_words in s.title)
