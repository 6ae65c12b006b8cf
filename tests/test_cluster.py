from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.cluster import (
    STORY_ID_VERSION,
    StoryClusterer,
    arrival_order,
    cluster,
    publication_day,
    source_terms,
)
from newsfuse.models import ClusteringState, Source, content_id

from .conftest import make_source

QUAKE_A = [
    "Quake in Chile\n\nA magnitude 7.1 earthquake struck northern Chile near Arica on Sunday, "
    "damaging homes and cutting power to thousands, Chilean officials said.",
    "Strong earthquake shakes Arica\n\nThe 7.1 magnitude quake near Arica in northern Chile on "
    "Sunday damaged homes and left thousands without power, officials in Chile said.",
]
QUAKE_B = [
    "Earthquake hits Sumatra\n\nA magnitude 6.4 earthquake struck off the coast of Sumatra in "
    "Indonesia on Wednesday, sending residents of Padang into the streets.",
    "Sumatra quake sends Padang residents outside\n\nResidents of Padang fled into the streets "
    "after a 6.4 magnitude earthquake off Sumatra, Indonesia, on Wednesday.",
]
BRIDGE = [
    "Ship strikes harbor bridge\n\nA container ship drifted into the Alder Bay bridge on Monday "
    "after its engine failed, and the city closed the crossing.",
]


def test_reports_of_one_event_form_one_story_and_other_events_their_own() -> None:
    texts = [QUAKE_A[0], QUAKE_B[0], BRIDGE[0], QUAKE_A[1], QUAKE_B[1]]
    sources = [make_source(text, f"{n}.txt") for n, text in enumerate(texts)]
    stories = cluster(sources)
    grouped = [[source.article.path for source in story.sources] for story in stories]
    assert grouped == [["0.txt", "3.txt"], ["1.txt", "4.txt"], ["2.txt"]]


def _dated(text: str, path: str, published: str | None) -> Source:
    source = make_source(text, path)
    return replace(source, article=replace(source.article, published=published))


def test_stories_are_formed_in_publication_order_and_keep_the_id_of_their_first() -> None:
    later = _dated(QUAKE_A[0], "later.txt", "2024-03-04")
    earlier = _dated(QUAKE_A[1], "earlier.txt", "2024-03-03")
    [story] = cluster([later, earlier])
    assert story.id == content_id(STORY_ID_VERSION, earlier.id)
    assert [s.article.path for s in story.sources] == ["later.txt", "earlier.txt"]


def test_a_story_keeps_its_members_and_id_as_articles_arrive() -> None:
    clusterer = StoryClusterer()
    arrivals = [(f"{n}", text) for n, text in enumerate([*QUAKE_A, *QUAKE_B, *BRIDGE])]
    seen: dict[str, str] = {}
    for article_id, text in arrivals:
        story = clusterer.assign(article_id, source_terms(make_source(text)), None)
        seen[article_id] = story
        # What was assigned stays assigned: the clusterer only hands out an id per arrival,
        # and the story of the first article is the one later reports of its event join.
    assert seen["1"] == seen["0"] == content_id(STORY_ID_VERSION, "0")
    assert seen["3"] == seen["2"] != seen["0"]
    assert seen["4"] not in {seen["0"], seen["2"]}


def test_dated_reports_far_apart_are_different_stories() -> None:
    first = _dated(QUAKE_A[0], "first.txt", "2024-03-03")
    soon = _dated(QUAKE_A[1], "soon.txt", "2024-03-10")
    # (each text differs: identical texts are one article)
    year_later = _dated(QUAKE_A[1] + " Aftershocks followed.", "year-later.txt", "2025-03-03")
    undated = _dated(QUAKE_A[1] + " Schools closed.", "undated.txt", None)
    stories = cluster([first, undated, soon, year_later])
    grouped = [[s.article.path for s in story.sources] for story in stories]
    # The undated report arrives last and joins the story it is most like (any window).
    assert grouped == [["first.txt", "soon.txt"], ["undated.txt", "year-later.txt"]]


def test_undated_articles_arrive_after_the_dated_ones() -> None:
    sources = [
        _dated("a", "a.txt", "2024-05-02"),
        _dated("b", "b.txt", None),
        _dated("c", "c.txt", "2024-05-01"),
    ]
    assert arrival_order(sources) == [2, 0, 1]
    assert publication_day("2024") is None
    assert publication_day("2024-05-01T10:00:00+02:00") == publication_day("2024-05-01")


def test_open_stories_are_bounded_the_longest_idle_closing_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("newsfuse.cluster.MAX_OPEN_STORIES", 2)
    clusterer = StoryClusterer()
    terms = {
        name: source_terms(make_source(text))
        for name, text in [("chile", QUAKE_A[0]), ("sumatra", QUAKE_B[0]), ("bridge", BRIDGE[0])]
    }
    chile = clusterer.assign("chile", terms["chile"], None)
    clusterer.assign("sumatra", terms["sumatra"], None)
    assert clusterer.assign("chile-again", terms["chile"], None) == chile
    clusterer.assign("bridge", terms["bridge"], None)  # the Sumatra story idled longest
    assert [story.id for story in clusterer.closed] == [content_id(STORY_ID_VERSION, "sumatra")]
    assert set(clusterer.stories) == {chile, content_id(STORY_ID_VERSION, "bridge")}
    # A report of a closed story starts a new one.
    assert clusterer.assign("sumatra-again", terms["sumatra"], None) not in {
        content_id(STORY_ID_VERSION, "sumatra")
    }


def test_two_events_of_one_kind_stay_apart() -> None:
    reid = [
        "Actress Tara Reid checked herself into the Promises Treatment Center in Malibu, "
        "her representative told People magazine on Tuesday.",
        "Tara Reid has entered Promises, the Malibu rehab centre, her representative told "
        "People on Tuesday, asking for privacy for the actress.",
    ]
    lohan = [
        "Actress Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage on "
        "Thursday to begin a court-ordered rehab stay, her lawyer said.",
        "Lindsay Lohan arrived at the Betty Ford clinic in Rancho Mirage on Thursday for "
        "court-ordered rehab, her lawyer told reporters.",
    ]
    texts = [reid[0], lohan[0], reid[1], lohan[1]]
    stories = cluster([make_source(text, f"{n}.txt") for n, text in enumerate(texts)])
    grouped = [[s.article.path for s in story.sources] for story in stories]
    assert grouped == [["0.txt", "2.txt"], ["1.txt", "3.txt"]]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([*QUAKE_A, *QUAKE_B, *BRIDGE]), max_size=8))
def test_cluster_partitions_its_input(texts: list[str]) -> None:
    sources = [make_source(text, f"{n}.txt") for n, text in enumerate(texts)]
    stories = cluster(sources)
    paths = sorted(s.article.path for story in stories for s in story.sources)
    assert paths == sorted(source.article.path for source in sources)
    assert len({story.id for story in stories}) == len(stories)


def test_copies_go_where_their_origin_goes() -> None:
    from newsfuse.models import Provenance

    origin = make_source(QUAKE_A[0], "origin.txt")
    # A copy whose text alone would land elsewhere still follows its origin.
    copy = make_source(BRIDGE[0], "copy.txt")
    copy = replace(copy, provenance=Provenance("syndicated", origin.id))
    other = make_source(QUAKE_B[0], "other.txt")
    stories = cluster([origin, other, copy])
    assert [[s.article.path for s in story.sources] for story in stories] == [
        ["origin.txt", "copy.txt"],
        ["other.txt"],
    ]


def test_a_clusterer_given_its_saved_state_back_goes_on_as_one_that_never_stopped() -> None:
    texts = [*QUAKE_A, *QUAKE_B, *BRIDGE, QUAKE_A[0] + " More.", QUAKE_B[1] + " Again."]
    arrivals = [(f"a{n}", source_terms(make_source(t))) for n, t in enumerate(texts)]
    continuous = StoryClusterer()
    expected = [continuous.assign(article, terms, None) for article, terms in arrivals]
    first = StoryClusterer()
    got = [first.assign(article, terms, None) for article, terms in arrivals[:3]]
    # Its state as a store reads it back: every term's count, the open stories.
    saved = first.changes()
    restored = StoryClusterer.resumed(
        ClusteringState(
            saved.documents, saved.frequencies, saved.open_stories, opened=saved.opened
        ),
        first.threshold,
    )
    got += [restored.assign(article, terms, None) for article, terms in arrivals[3:]]
    assert got == expected
    # Nothing of the first is shared with the one resumed from its state.
    shared = [i for i in restored.stories if i in first.stories]
    assert shared and all(first.stories[i].total is not restored.stories[i].total for i in shared)
