from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsfuse.cluster import cluster
from newsfuse.crosscheck import CheckedFact, CrossCheck, crosscheck
from newsfuse.extract.story import extract_story
from newsfuse.models import Source, Story, StoryBrief
from newsfuse.provenance import analyse
from newsfuse.summarize import SAID_ALREADY, _select, is_point_candidate, score, summarize
from newsfuse.text.embed import RememberingEncoder, default_encoder

from .conftest import make_source

TRIBUNE = """Cargo ship strikes Alder Bay bridge, closing main harbor crossing

A container ship lost power and drifted into the Alder Bay swing bridge on Monday morning, forcing the city to close the crossing.

Two crew members were treated for minor injuries, the city fire service said.

Mayor Tobias Renn said the closure would last at least six weeks while engineers inspect the structure.

About 28,000 vehicles cross the bridge on a normal weekday, according to city figures.
"""
WIRE = """Ship hits Alder Bay bridge after engine failure

A container ship lost power and drifted into the Alder Bay swing bridge on Monday, forcing the city to close the crossing.

Two crew members were treated for minor injuries, the fire service said.

Gannet Shipping Lines said it would pay for the repairs to the bridge.
"""
REPOST = """Ship hits Alder Bay bridge after engine failure

A container ship lost power and drifted. into the Alder Bay swing bridge on Monday, forcing the city to close the crossing.

Two crew members were treated for minor injuries, the fire service said.

Gannet Shipping Lines said it would pay for the repairs to the bridge.
"""
# The same event in other words, by another outlet.
OTHER = """Bridge shut after cargo vessel loses engine power

The Alder Bay swing bridge was shut to all traffic on Monday after a cargo vessel with a failed engine struck it.

The fire service said two crew members had minor injuries and were treated at the scene.

City officials expect repairs to take several weeks.
"""
SPUN = """Vessel collides with Alder Bay bridge as engine breaks down

A container vessel lost propulsion and floated into the Alder Bay swing bridge on Monday, compelling the municipality to shut the crossing.
"""


def _story(sources: list[Source]) -> Story:
    encoder = RememberingEncoder(default_encoder())
    [story] = cluster(analyse(sources, encoder))
    return story


def _summary(story: Story, max_points: int = 8) -> StoryBrief:
    """The brief as the pipeline writes it: from the cross-check's facts."""
    encoder = RememberingEncoder(default_encoder())
    checked = crosscheck(story, extract_story(story), encoder)
    return summarize(story, max_points, checked)


def _brief(*texts: str, max_points: int = 8) -> tuple[StoryBrief, list[Source]]:
    sources = [make_source(text, f"{n}.txt") for n, text in enumerate(texts)]
    story = _story(sources)
    return _summary(story, max_points), list(story.sources)


def _point_with(brief: StoryBrief, words: str) -> int:
    matches = [n for n, point in enumerate(brief.summary) if words in point.text]
    assert len(matches) == 1, [point.text for point in brief.summary]
    return matches[0]


def test_what_several_sources_report_is_one_point_citing_them_all() -> None:
    brief, sources = _brief(TRIBUNE, OTHER)
    point = brief.summary[_point_with(brief, "crew members")]
    assert {c.source for c in point.citations} == {s.id for s in sources}
    assert point.independent == 2


def test_the_first_citation_is_the_wording_and_every_other_a_statement_of_a_source() -> None:
    brief, sources = _brief(TRIBUNE, WIRE, REPOST)
    texts = {source.id: source.clean.text for source in sources}
    sentences = {s.id: [(x.start, x.end) for x in s.sentences] for s in sources}
    origins = {source.id: source.origin for source in sources}
    for point in brief.summary:
        first, *others = point.citations
        assert texts[first.source][first.start : first.end] == point.text
        for citation in others:
            if citation.part == "title":
                continue
            assert any(
                a <= citation.start < citation.end <= b for a, b in sentences[citation.source]
            )
        assert point.independent == len({origins[c.source] for c in point.citations})


def test_wording_comes_from_the_member_without_garbling() -> None:
    brief, sources = _brief(REPOST, WIRE)
    point = brief.summary[_point_with(brief, "drifted")]
    assert ". into" not in point.text
    wire = next(s for s in sources if s.article.path == "1.txt")
    assert point.citations[0].source == wire.id
    assert {c.source for c in point.citations} == {s.id for s in sources}


def test_wording_keeps_the_hedge_a_source_gives_its_figure() -> None:
    bare = TRIBUNE.replace("About 28,000", "28,000")
    brief, _ = _brief(bare, TRIBUNE)
    point = brief.summary[_point_with(brief, "28,000")]
    assert point.text.startswith("About 28,000 vehicles")


def test_no_two_points_say_the_same_thing_however_worded() -> None:
    brief, _ = _brief(WIRE, SPUN)
    about_the_drift = [p.text for p in brief.summary if "Alder Bay swing bridge" in p.text]
    assert len(about_the_drift) == 1


def test_points_are_ranked_by_support_and_limited_in_number() -> None:
    brief, _ = _brief(TRIBUNE, WIRE, REPOST, max_points=2)
    assert len(brief.summary) == 2
    assert all(len({c.source for c in point.citations}) >= 2 for point in brief.summary)


def test_the_headline_is_the_title_the_others_share() -> None:
    sources = [make_source(text, f"{n}.txt") for n, text in enumerate((TRIBUNE, WIRE, SPUN))]
    brief = summarize(Story("s", tuple(sources)))  # no provenance: no title is distorted
    assert brief.title == "Ship hits Alder Bay bridge after engine failure"
    assert brief.title_source == sources[1].id


def test_a_story_without_titles_takes_its_first_point_as_title() -> None:
    source = make_source(
        "A container ship drifted into the harbor bridge on Monday morning, officials said."
    )
    brief = _summary(_story([source]))
    assert brief.title == brief.summary[0].text
    assert brief.title_source is None


def test_without_a_cross_check_there_are_no_points_to_rank() -> None:
    story = _story([make_source(WIRE)])
    brief = summarize(story)
    assert brief.summary == () and brief.title == "Ship hits Alder Bay bridge after engine failure"


def test_point_candidates_are_whole_sentences() -> None:
    assert is_point_candidate("Two crew members were treated for minor injuries, officials said.")
    assert not is_point_candidate("Traffic and buses on the east side")
    assert not is_point_candidate("eastern Ukraine and the regions around it were quiet.")
    assert not is_point_candidate("It was quiet.")
    assert not is_point_candidate("THE U-S AMBASSADOR TO NATO IS NOT CONVINCED AT ALL.")


def test_a_story_reprinted_forty_times_cites_every_reprint_and_counts_one_origin() -> None:
    sources = [make_source(WIRE, f"reprint{n}.txt") for n in range(40)]
    distinct = [s for n, s in enumerate(sources) if s.id not in {t.id for t in sources[:n]}]
    assert len(distinct) == 1  # identical text: one article, whatever the path
    reprints = [
        make_source(WIRE + f"\nReprinted by site number {n}.\n", f"r{n}.txt") for n in range(40)
    ]
    brief = _summary(_story(reprints))
    assert brief.summary
    for point in brief.summary:
        assert len({c.source for c in point.citations}) == 40
        assert point.independent == 1


def _three_facts() -> tuple[CheckedFact, CheckedFact, CheckedFact]:
    """Three undisputed facts of the examples' reports, worded by different sentences, made
    to score 10, 5 and 4.9 whatever their support and position."""
    story = _story([make_source(text, f"{n}.txt") for n, text in enumerate((TRIBUNE, OTHER))])
    checked = crosscheck(story, extract_story(story), RememberingEncoder(default_encoder()))
    distinct = [  # facts a brief may show: not disputed
        fact
        for fact in {fact.wording.sentence: fact for fact in checked.checked}.values()
        if not fact.disputed
    ]
    first, second, third = (
        replace(fact, centrality=fact.centrality + wanted - score(fact))
        for fact, wanted in zip(distinct[:3], (10.0, 5.0, 4.9), strict=True)
    )
    return first, second, third


def test_a_fact_near_a_chosen_point_cedes_to_one_that_says_something_else() -> None:
    first, near, other = _three_facts()
    # Unit vectors: `near` means much what `first` says (cosine 0.7, under SAME_MEANING),
    # `other` something else.
    axes = np.eye(3, dtype=np.float32)
    vectors = {
        id(first): axes[0],
        id(near): 0.7 * axes[0] + np.sqrt(1 - 0.49) * axes[1],
        id(other): axes[2],
    }
    meanings = {c.key: vectors[id(f)] for f in (first, near, other) for c in f.claims}
    contexts = {f.wording.key: vectors[id(f)] for f in (first, near, other)}
    read = CrossCheck(facts=(), conflicts=(), meanings=meanings, contexts=contexts)
    assert _select([first, near, other], read, 3, None) == [first, other, near]


def test_a_fact_the_judge_took_for_a_chosen_point_is_passed_over() -> None:
    first, same, other = _three_facts()
    # Far apart in meaning, yet the judge took the wording of `same` for a statement of
    # the fact of `first`: average linkage had kept their facts apart.
    axes = np.eye(3, dtype=np.float32)
    vectors = {id(first): axes[0], id(same): axes[1], id(other): axes[2]}
    meanings = {c.key: vectors[id(f)] for f in (first, same, other) for c in f.claims}
    contexts = {f.wording.key: vectors[id(f)] for f in (first, same, other)}
    wording, theirs = same.wording.key, first.claims[-1].key
    own = next(c.key for c in same.claims if c.key != wording)

    def selected(with_theirs: float, with_own: float = 0.0) -> list[CheckedFact]:
        judged = {wording: {theirs: with_theirs, own: with_own}, theirs: {wording: with_theirs}}
        read = CrossCheck(
            facts=(), conflicts=(), meanings=meanings, contexts=contexts, judged=judged
        )
        return _select([first, same, other], read, 3, None)

    assert selected(SAID_ALREADY) == [first, other]
    assert selected(SAID_ALREADY - 0.01) == [first, same, other]
    # Likelier still a statement of its own fact: it says that fact.
    assert selected(SAID_ALREADY, with_own=SAID_ALREADY + 0.01) == [first, same, other]
