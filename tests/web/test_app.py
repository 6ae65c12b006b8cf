from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import newsfuse.web.app as app_module
from newsfuse._exceptions import BriefFailedError, WebError
from newsfuse.faults import STRICT_VARIABLE
from newsfuse.models import Removal
from newsfuse.pipeline import BriefOptions
from newsfuse.store import Store
from newsfuse.web import App, briefs
from newsfuse.web.app import fact_rows, struck_pieces
from newsfuse.write import LlmSettings

from ..write.fake_llm import fake_llm, retelling
from .conftest import story_id_with

SEEDS = "Russia"
EXAMPLE = "Alder Bay"


def test_the_story_list_links_every_story(web_app: App) -> None:
    page = web_app.get("/")
    assert page.status == 200
    html = page.body.decode()
    for story_id in json_of(web_app, "/api/stories"):
        assert f'href="/story/{story_id["id"]}"' in html


def json_of(app: App, path: str, query: str = "") -> list[dict[str, object]]:
    page = app.get(path, query)
    assert page.status == 200 and page.content_type.startswith("application/json")
    found = json.loads(page.body)
    assert isinstance(found, list)
    return found


def test_the_api_gives_the_json_brief_of_a_story(web_app: App) -> None:
    story_id = story_id_with(web_app, EXAMPLE)
    page = web_app.get(f"/api/story/{story_id}")
    brief = json.loads(page.body)
    assert brief["schema"] == "newsfuse.brief/1"
    [story] = brief["stories"]
    assert story["id"] == story_id and len(story["sources"]) == 6


def test_search_finds_words_and_ignores_query_syntax(web_app: App) -> None:
    hits = json_of(web_app, "/api/search", "q=troops%20Biden")
    assert hits and all(hit["story"] for hit in hits)
    assert json_of(web_app, "/api/search", "q=%22%3B%20DROP%20TABLE%20articles%3B%20--") == []
    assert web_app.get("/search", "q=NEAR(troops%20OR%20*)").status == 200
    assert web_app.get("/search", "q=" + "x" * 10_000).status == 200


def test_unknown_things_are_not_found(web_app: App) -> None:
    for path in ("/story/nope", "/source/nope", "/diff/nope", "/api/story/nope", "/etc/passwd"):
        assert web_app.get(path).status == 404, path
    from newsfuse.store import Store

    with Store(web_app.store_path) as store:
        brief = web_app.brief_of(store, story_id_with(web_app, EXAMPLE))
    originals = [s for s in brief.sources if s.provenance and s.provenance.origin == s.id]
    copies = [s for s in brief.sources if s.provenance and s.provenance.origin != s.id]
    assert originals and copies
    assert web_app.get(f"/diff/{originals[0].id}").status == 404  # not a copy
    assert web_app.get(f"/diff/{copies[0].id}").status == 200


def test_hostile_text_is_escaped_on_every_page(web_app: App) -> None:
    story_id = story_id_with(web_app, "Ship strikes bridge")
    pages = [web_app.get("/"), web_app.get(f"/story/{story_id}"), web_app.get("/search", "q=alert")]
    [hit] = [h for h in json_of(web_app, "/api/search", "q=onerror") if h["story"] == story_id]
    pages.append(web_app.get(f"/source/{hit['article']}"))
    for page in pages:
        html = page.body.decode()
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html or "&lt;img" in html


def test_struck_pieces_cover_the_raw_text_once() -> None:
    raw = "Share this! Real text. Read more"
    removals = (Removal(0, 12, "share prompt"), Removal(23, 32, "read more"), Removal(5, 8, "x"))
    pieces = struck_pieces(raw, removals)
    assert "".join(text for text, _ in pieces) == raw
    assert pieces == [
        ("Share this! ", "share prompt"),
        ("Real text. ", None),
        ("Read more", "read more"),
    ]


def test_fact_rows_say_who_supports_contradicts_or_is_silent(web_app: App) -> None:
    from newsfuse.store import Store

    with Store(web_app.store_path) as store:
        brief = web_app.brief_of(store, story_id_with(web_app, SEEDS))
    rows = fact_rows(brief)
    assert len(rows) == len(brief.facts) + len(brief.conflicts)
    assert all(len(row.stands) == len(brief.sources) for row in rows)
    disputed = [row for row in rows if row.kind != "fact"]
    assert disputed and all("contradicts" in row.stands for row in disputed)


def test_readers_opening_a_story_at_once_wait_for_one_brief(
    web_store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import newsfuse.web.app as app_module

    made: list[str] = []
    real = app_module.brief_stored_story

    def counting(story_id: str, store: object, options: object) -> object:
        made.append(story_id)
        return real(story_id, store, options)

    monkeypatch.setattr(app_module, "brief_stored_story", counting)
    fresh = App(web_store, brief_wait_seconds=300)
    story_id = story_id_with(fresh, EXAMPLE)
    pages = []
    readers = [
        threading.Thread(target=lambda: pages.append(fresh.get(f"/story/{story_id}")))
        for _ in range(4)
    ]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert made == [story_id]
    assert [page.status for page in pages] == [200] * 4


def _slow_for(story_id: str, seconds: float, made: list[str]) -> Callable[..., object]:
    real = app_module.brief_stored_story

    def slow(asked: str, store: object, options: object) -> object:
        made.append(asked)
        if asked == story_id:
            time.sleep(seconds)
        return real(asked, store, options)

    return slow


def test_a_slow_story_holds_no_other_page(
    web_store: object, monkeypatch: pytest.MonkeyPatch, seeds_dir: object
) -> None:
    made: list[str] = []
    app = App(web_store, brief_wait_seconds=0.5)
    slow, other = story_id_with(app, "Russia"), story_id_with(app, EXAMPLE)
    monkeypatch.setattr(app_module, "brief_stored_story", _slow_for(slow, 4.0, made))
    started = time.monotonic()
    making = app.get(f"/story/{slow}")
    assert making.status == 202 and b'http-equiv="refresh"' in making.body
    assert ("Retry-After", "3") in making.headers
    assert app.get("/").status == 200
    assert app.get(f"/api/story/{other}").status == 202  # queued behind, not blocked
    assert time.monotonic() - started < 3.0
    deadline = time.monotonic() + 120
    while app.get(f"/story/{other}").status != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert app.get(f"/story/{slow}").status == 200
    assert made == [slow, other]


def test_a_story_nobody_waits_for_any_more_is_not_made(
    web_store: object, monkeypatch: pytest.MonkeyPatch, seeds_dir: object
) -> None:
    made: list[str] = []
    app = App(web_store, brief_wait_seconds=0.0)
    slow, left = story_id_with(app, "Russia"), story_id_with(app, EXAMPLE)
    monkeypatch.setattr(app_module, "brief_stored_story", _slow_for(slow, 2.0, made))
    monkeypatch.setattr(briefs, "ABANDONED_SECONDS", 0.5)
    assert app.get(f"/story/{slow}").status == 202
    time.sleep(0.2)
    assert app.get(f"/story/{left}").status == 202  # and its reader leaves
    app.brief_wait_seconds = 30.0
    assert app.get(f"/story/{slow}").status == 200
    assert made == [slow]


def test_a_story_whose_brief_fails_shows_the_error_and_the_rest_works(
    web_store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(story_id: str, store: object, options: object) -> object:
        raise ValueError("could not convert string to float: '1.8.3'")

    monkeypatch.delenv(STRICT_VARIABLE)
    monkeypatch.setattr(app_module, "brief_stored_story", broken)
    app = App(web_store, brief_wait_seconds=30.0)
    page = app.get(f"/story/{story_id_with(app, EXAMPLE)}")
    assert page.status == 500
    assert b"could not convert string to float: &#39;1.8.3&#39;" in page.body
    assert app.get("/").status == 200
    # What the web answers with, not a fault of the store.
    with Store(str(web_store), writable=False) as store, pytest.raises(BriefFailedError):
        app.brief_of(store, story_id_with(app, EXAMPLE))
    assert issubclass(BriefFailedError, WebError)


def test_a_server_given_a_writer_shows_the_written_brief_escaped(web_store: Path) -> None:
    with fake_llm(retelling) as server:
        settings = LlmSettings(url=server.url, model="tiny", timeout_seconds=5, tries=1)
        app = App(web_store, brief_wait_seconds=300, options=BriefOptions(writer=settings))
        story_id = story_id_with(app, EXAMPLE)
        html = app.get(f"/story/{story_id}").body.decode()
    assert "<h3>In brief</h3>" in html and "Written by tiny" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 99 ships sank." in html
    assert "<script>alert(1)" not in html
    assert len(server.requests) == 1
