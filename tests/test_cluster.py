from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.cluster import average_link, cluster

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


def test_story_ids_depend_on_which_sources_not_their_order() -> None:
    sources = [make_source(text, f"{n}.txt") for n, text in enumerate(QUAKE_A)]
    [story] = cluster(sources)
    [reordered] = cluster(list(reversed(sources)))
    assert story.id == reordered.id
    assert cluster(sources[:1])[0].id != story.id


def test_average_link_merges_by_average_not_by_one_strong_pair() -> None:
    vectors = [{"a": 1.0}, {"a": 0.8, "b": 0.6}, {"b": 1.0}]
    # 0-1: 0.8, 1-2: 0.6, 0-2: 0.0; after merging 0 and 1, 2 is on average 0.3 alike.
    assert average_link(vectors, 0.5) == [[0, 1], [2]]
    assert average_link(vectors, 0.25) == [[0, 1, 2]]


_vector = st.dictionaries(st.sampled_from("abcdef"), st.floats(0.1, 1.0), min_size=1, max_size=4)


@settings(max_examples=100, deadline=None)
@given(st.lists(_vector, max_size=12), st.floats(0.0, 1.0))
def test_average_link_partitions_its_input(raw: list[dict[str, float]], threshold: float) -> None:
    norms = [sum(v * v for v in vector.values()) ** 0.5 for vector in raw]
    vectors = [{t: w / n for t, w in vector.items()} for vector, n in zip(raw, norms, strict=True)]
    groups = average_link(vectors, threshold)
    members = sorted(i for group in groups for i in group)
    assert members == list(range(len(vectors)))
    assert groups == sorted(groups, key=lambda group: group[0])


def test_copies_go_where_their_origin_goes() -> None:
    from dataclasses import replace

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
