"""The web UI's pages and JSON API over a store: what each path answers, with no HTTP in it.

  /                         the stories, most recently seen first, and a search box
  /search?q=WORDS           full-text search of the articles (SQLite FTS5)
  /story/ID                 the brief: every citation links to its span, marked in context
  /story/ID/facts           facts by sources: which source supports, contradicts or is silent
  /source/ARTICLE           the source's raw text with the removed furniture struck through
  /diff/ARTICLE             a copy beside its origin, the words it changed marked
  /api/stories              the stories (as `newsfuse stories --format json`)
  /api/story/ID             the story's JSON brief (newsfuse.brief/1)
  /api/search?q=WORDS       search results

Everything from an article goes through the template engine's escaping, and pages carry a
Content-Security-Policy that allows no script at all. A story's brief is made in the
background on its first view (web/briefs.py) and kept while its articles stay the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, unquote

import jinja2

from newsfuse._exceptions import (
    BriefFailedError,
    BriefInProgressError,
    NotFoundError,
    StoreError,
)
from newsfuse._version import __version__
from newsfuse.defaults import BRIEF_WAIT_SECONDS
from newsfuse.models import Brief, Removal, StoryBrief
from newsfuse.pipeline import BriefOptions, brief_stored_story
from newsfuse.render import (
    relation_phrase,
    render_json,
    source_labels,
    stored_story_to_dict,
    story_view,
    template_environment,
    word_diff,
)
from newsfuse.store import Store
from newsfuse.web.briefs import BriefMaker, Failed

HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
# Longer texts are compared in their first this many characters: a diff costs the square.
_DIFF_CHARACTERS = 60_000
_QUERY_CHARACTERS = 200
_RELOAD_SECONDS = 3


@dataclass(frozen=True)
class Page:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # The web pages' own templates, and the brief's story section they include.
    return template_environment("newsfuse.web", "newsfuse.render")


class App:
    """Answers GET requests for one store. Each request opens the store anew (SQLite
    connections stay in their thread); briefs are made in the background and kept
    (web/briefs.py): a story page waits `brief_wait_seconds` for its brief, then says it
    is being made and reloads itself."""

    def __init__(
        self,
        store_path: str | Path,
        brief_wait_seconds: float = BRIEF_WAIT_SECONDS,
        options: BriefOptions | None = None,
    ) -> None:
        self.store_path = str(store_path)
        self.options = options or BriefOptions()
        Store(self.store_path, writable=False).close()  # fails now, not at the first request
        self.brief_wait_seconds = brief_wait_seconds
        self._briefs = BriefMaker(self._make_brief)

    def get(self, path: str, query: str = "") -> Page:
        parameters = {key: values[0] for key, values in parse_qs(query).items()}
        parts = [unquote(part) for part in path.strip("/").split("/")] if path.strip("/") else []
        try:
            with Store(self.store_path, writable=False) as store:
                return self._route(store, parts, parameters)
        except NotFoundError as missing:
            return self._error(404, str(missing) or "nothing here")
        except BriefInProgressError as making:
            return self._in_progress(making, json_wanted=parts[:1] == ["api"])
        except (BriefFailedError, StoreError) as error:
            return self._error(500, str(error))

    def _route(self, store: Store, parts: list[str], parameters: dict[str, str]) -> Page:
        routes: dict[tuple[str, ...], Callable[[], Page]] = {
            (): lambda: self._stories(store),
            ("search",): lambda: self._search(store, parameters.get("q", "")),
            ("api", "stories"): lambda: _json([stored_story_to_dict(s) for s in store.stories()]),
            ("api", "search"): lambda: self._api_search(store, parameters.get("q", "")),
        }
        if tuple(parts) in routes:
            return routes[tuple(parts)]()
        match parts:
            case ["story", story_id]:
                return self._story(store, story_id)
            case ["story", story_id, "facts"]:
                return self._facts(store, story_id)
            case ["source", article_id]:
                return self._source(store, article_id)
            case ["diff", article_id]:
                return self._diff(store, article_id)
            case ["api", "story", story_id]:
                brief = self.brief_of(store, story_id)
                return Page(200, JSON, render_json(Brief(stories=(brief,))).encode())
        raise NotFoundError("no such page")

    # Briefs

    def brief_of(self, store: Store, story_id: str) -> StoryBrief:
        """The story's brief, or `BriefInProgressError` if it is not made in time."""
        articles = store.story_articles(story_id)
        if not articles:
            raise NotFoundError(f"no story {story_id}")
        key = (story_id, *(article.id for article in articles))
        found = self._briefs.get(key, self.brief_wait_seconds)
        if found is None:
            raise BriefInProgressError(story_id, len(articles))
        if isinstance(found, Failed):
            reason = found.error
            raise BriefFailedError(f"the brief of story {story_id} could not be made: {reason}")
        return found

    def _make_brief(self, story_id: str) -> StoryBrief:
        with Store(self.store_path, writable=False) as store:
            [brief] = brief_stored_story(story_id, store, self.options).stories
        return brief

    def _in_progress(self, making: BriefInProgressError, json_wanted: bool) -> Page:
        retry = (("Retry-After", str(_RELOAD_SECONDS)),)
        if json_wanted:
            body = {"status": "in progress", "story": making.story_id, "retry_after": 3}
            page = _json(body)
            return Page(202, page.content_type, page.body, retry)
        page = self._page(
            "making.html.j2",
            title="Making the brief",
            story_id=making.story_id,
            sources=making.sources,
            reload_seconds=_RELOAD_SECONDS,
        )
        return Page(202, page.content_type, page.body, retry)

    # Pages

    def _stories(self, store: Store) -> Page:
        return self._page("stories.html.j2", title="Stories", stories=store.stories())

    def _search(self, store: Store, query: str) -> Page:
        query = query[:_QUERY_CHARACTERS]
        hits = store.search(query) if query.strip() else []
        return self._page("search.html.j2", title=f"Search: {query}", query=query, hits=hits)

    def _api_search(self, store: Store, query: str) -> Page:
        hits = store.search(query[:_QUERY_CHARACTERS])
        return _json(
            [
                {
                    "article": hit.article_id,
                    "path": hit.path,
                    "title": hit.title,
                    "story": hit.story_id,
                    "snippet": "".join(text for text, _ in hit.snippet),
                }
                for hit in hits
            ]
        )

    def _story(self, store: Store, story_id: str) -> Page:
        brief = self.brief_of(store, story_id)
        labels = source_labels(brief)
        copies = [s for s in brief.sources if s.provenance and s.provenance.origin != s.id]
        return self._page(
            "story.html.j2",
            title=brief.title,
            view=story_view(1, brief),
            labels=labels,
            copies=copies,
        )

    def _facts(self, store: Store, story_id: str) -> Page:
        brief = self.brief_of(store, story_id)
        labels = source_labels(brief)
        return self._page(
            "facts.html.j2",
            title=f"Facts by source: {brief.title}",
            brief=brief,
            labels=labels,
            rows=fact_rows(brief),
        )

    def _source(self, store: Store, article_id: str) -> Page:
        source = store.source_of(article_id)
        if source is None:
            raise NotFoundError(f"no article {article_id}")
        return self._page(
            "source.html.j2",
            title=source.article.title or source.article.path,
            source=source,
            story_id=store.story_of(article_id),
            pieces=struck_pieces(source.article.raw_text, source.clean.removals),
        )

    def _diff(self, store: Store, article_id: str) -> Page:
        story_id = store.story_of(article_id)
        if story_id is None:
            raise NotFoundError(f"no article {article_id} in a story")
        brief = self.brief_of(store, story_id)
        by_id = {source.id: source for source in brief.sources}
        copy = by_id.get(article_id)
        origin_id = copy.provenance.origin if copy and copy.provenance else None
        if copy is None or origin_id is None or origin_id == copy.id or origin_id not in by_id:
            raise NotFoundError(f"article {article_id} is not a copy of another source")
        origin = by_id[origin_id]
        labels = source_labels(brief)
        before, after = word_diff(
            origin.clean.text[:_DIFF_CHARACTERS], copy.clean.text[:_DIFF_CHARACTERS]
        )
        return self._page(
            "diff.html.j2",
            title=f"{copy.article.title or copy.article.path}: what it changed",
            story_id=story_id,
            origin=origin,
            copy=copy,
            relation=relation_phrase(copy, labels),
            labels=labels,
            before=before,
            after=after,
            cut=max(len(origin.clean.text), len(copy.clean.text)) > _DIFF_CHARACTERS,
        )

    def _page(self, template: str, **values: object) -> Page:
        html = _environment().get_template(template).render(generator=_GENERATOR, **values)
        return Page(200, HTML, html.encode())

    def _error(self, status: int, message: str) -> Page:
        title = "Not found" if status == 404 else "Something went wrong"
        page = self._page("error.html.j2", title=title, message=message)
        return Page(status, page.content_type, page.body)


_GENERATOR = f"newsfuse {__version__}"


@dataclass(frozen=True)
class FactRow:
    """One statement of a story and where each source stands on it."""

    text: str
    kind: str  # "fact", or the kind of the conflict
    stands: tuple[str, ...]  # per source, in story order: supports, contradicts or silent


def fact_rows(brief: StoryBrief) -> list[FactRow]:
    """Facts by sources: a fact's citing sources support it; of a disputed point, the
    sources of the first version support it and those of the other contradict it."""
    order = [source.id for source in brief.sources]
    rows = []
    for fact in brief.facts:
        cited = {citation.source for citation in fact.citations}
        stands = tuple("supports" if s in cited else "silent" for s in order)
        rows.append(FactRow(fact.text, "fact", stands))
    for conflict in brief.conflicts:
        first, second = (
            {citation.source for citation in side.citations} for side in conflict.sides
        )
        stands = tuple(
            "supports" if s in first else "contradicts" if s in second else "silent" for s in order
        )
        kind = "update" if conflict.update else conflict.kind
        rows.append(FactRow(f"{conflict.sides[0].says}: {conflict.sides[0].text}", kind, stands))
    return rows


def struck_pieces(raw: str, removals: tuple[Removal, ...]) -> list[tuple[str, str | None]]:
    """The raw text cut into (text, reason) pieces: the reason it was removed, or None."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for removal in sorted(removals, key=lambda r: (r.start, r.end)):
        start, end = max(removal.start, position), min(removal.end, len(raw))
        if start >= end:
            continue
        if start > position:
            pieces.append((raw[position:start], None))
        pieces.append((raw[start:end], removal.reason))
        position = end
    if position < len(raw):
        pieces.append((raw[position:], None))
    return pieces


def _json(value: object) -> Page:
    return Page(200, JSON, json.dumps(value, ensure_ascii=False, indent=2).encode())
