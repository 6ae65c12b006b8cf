"""Ingest killed at random points leaves a store that opens intact, and a rerun ends with
exactly the articles it should have, none twice; the web UI answers while ingest writes."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from newsfuse.ingest import read_inputs
from newsfuse.store import Store
from newsfuse.web import App, make_server

from .conftest import EXAMPLES

PLACES = ["Arica", "Padang", "Osaka", "Lima", "Quito", "Oslo", "Accra", "Hanoi", "Perth", "Cork"]
EVENTS = [
    "A magnitude {m} earthquake struck near {place} on {day}, damaging homes and cutting power "
    "to thousands, officials in {place} said. Schools will stay closed while engineers check "
    "{n} buildings, the mayor of {place} told reporters.",
    "A ferry carrying {n} passengers ran aground off {place} on {day}; the coast guard said "
    "all were brought ashore and {m} were treated for minor injuries. Investigators in {place} "
    "are looking at the weather and the crew's route.",
]


def _corpus(folder: Path, parts: int = 1, per_part: int = 40) -> list[str]:
    """The examples and `parts` folders of made-up reports."""
    paths = [str(EXAMPLES)]
    for part in range(parts):
        (folder / f"part{part}").mkdir(parents=True)
        for number in range(part * per_part, (part + 1) * per_part):
            place = PLACES[number % len(PLACES)]
            text = EVENTS[number % 2].format(
                m=5 + number % 4, n=20 + number, place=place, day=["Monday", "Friday"][number % 2]
            )
            (folder / f"part{part}" / f"{number:03d}.txt").write_text(
                f"News from {place}\n\n{text}\n"
            )
        paths.append(str(folder / f"part{part}"))
    return paths


def _ingest(paths: list[str], database: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newsfuse", "ingest", *paths, "--db", str(database), "-q"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_ingest_killed_at_random_points_loses_and_repeats_nothing(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "reports", parts=6, per_part=25)
    expected = {article.id for article in read_inputs(paths).articles}
    database = tmp_path / "news.db"
    chance = random.Random(20261122)
    kills = 0
    for attempt in range(6):  # each run has new reports to take, and is killed mid-way
        run = _ingest(paths[: attempt + 2], database)
        time.sleep(chance.uniform(0.2, 3.0))
        if run.poll() is None:
            run.send_signal(signal.SIGKILL)
            kills += 1
        run.wait()
        if database.exists():
            with sqlite3.connect(database) as db:
                assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            Store(database).close()
    finished = _ingest(paths, database)
    assert finished.wait() == 0, finished.stderr.read() if finished.stderr else ""
    assert kills >= 4
    with Store(database) as store:
        assert {article.id for article in store.articles()} == expected
        assert store.unclustered_articles() == []
        assert store.uncounted_stories() == []
        members = [article_id for story in store.stories() for article_id, _ in story.articles]
        assert sorted(members) == sorted(expected)  # each article in one story, once
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM article_search").fetchone() == (len(expected),)


def test_the_web_ui_answers_while_ingest_writes(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "reports")
    database = tmp_path / "news.db"
    assert _ingest([str(EXAMPLES)], database).wait() == 0
    server = make_server(App(database), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    statuses: list[int] = []
    try:
        run = _ingest(paths, database)
        while run.poll() is None:
            for path in ("/", "/api/stories", "/search?q=earthquake"):
                with urllib.request.urlopen(base + path, timeout=30) as answer:
                    statuses.append(answer.status)
        assert run.returncode == 0
    finally:
        server.shutdown()
        server.server_close()
    assert len(statuses) >= 6 and set(statuses) == {200}


def test_two_ingests_at_once_put_every_article_in_one_story(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "reports", parts=2, per_part=30)
    expected = {article.id for article in read_inputs(paths).articles}
    database = tmp_path / "news.db"
    Store(database).close()
    # Both read the same inputs and run at the same time: each finds the other's articles
    # waiting for a story.
    runs = [_ingest(paths, database), _ingest(paths, database)]
    for run in runs:
        assert run.wait() == 0, run.stderr.read() if run.stderr else ""
    with Store(database) as store:
        assert store.unclustered_articles() == []
        members = [article_id for story in store.stories() for article_id, _ in story.articles]
        assert sorted(members) == sorted(expected)  # each article in one story, once
