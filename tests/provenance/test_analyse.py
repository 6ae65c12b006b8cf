"""The provenance stage end to end: copies, syndicated copies, rewrites, translations and
unrelated reports, the origin of each family, and what the copies changed."""

from __future__ import annotations

from newsfuse.models import Source
from newsfuse.provenance import analyse
from newsfuse.text.embed import default_encoder

from ..conftest import make_source

BASE = [
    "A container ship lost power and drifted into the Alder Bay swing bridge on Monday morning, forcing the city to close the crossing.",
    "The ship, the Northern Gannet, was leaving the container terminal shortly after 7 a.m. when its engine failed, the harbor master said.",
    "Two tugboats reached the vessel within minutes, but the tide carried it against the bridge before they could hold it.",
    "Two crew members were treated for minor injuries, the city fire service said.",
    "Mayor Tobias Renn said the closure would last at least six weeks while engineers inspect the structure.",
    "About 28,000 vehicles cross the bridge on a normal weekday, according to figures from the city.",
    "Gannet Shipping Lines said it was cooperating fully with the investigation and would cover the cost of repairs.",
    "The Harbor Safety Board said it had opened an inquiry into the engine failure on Monday.",
]
SPUN = [
    "A container vessel lost propulsion and floated into the Alder Bay swing bridge on Monday morning, compelling the city to shut the crossing.",
    "The vessel, the Northern Gannet, was departing the container terminal shortly after 7 a.m. when its motor failed, the harbor master stated.",
    "Two tugboats arrived at the vessel within minutes, but the tide pushed it against the bridge before they could secure it.",
    "Two crew members were given care for small injuries, the city fire service declared.",
    "Mayor Tobias Renn expressed that the closure would continue at least six weeks while engineers examine the structure.",
    "Roughly 28,000 vehicles cross the bridge on an ordinary weekday, according to numbers from the city.",
    "Gannet Shipping Lines asserted it was collaborating completely with the inquiry and would pay the cost of repairs.",
]
UNRELATED = [
    "The city council approved a new ferry timetable on Tuesday after months of debate among residents.",
    "Ferries will run every twenty minutes during the morning rush and every hour late at night.",
    "Council member Dana Ruiz said the change would cut waiting times for commuters from the islands.",
]


def _text(title: str, sentences: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(sentences) + "\n"


def _json(title: str, sentences: list[str], published: str, path: str) -> Source:
    import json

    record = {
        "title": title,
        "text": "\n\n".join(sentences),
        "published": published,
        "url": f"https://{path}.example/a",
    }
    return make_source(json.dumps(record), f"{path}.json", ".json")


def _by_path(sources: tuple[Source, ...]) -> dict[str, Source]:
    return {source.article.path.split("#")[0].removesuffix(".json"): source for source in sources}


def test_each_relation_and_its_origin() -> None:
    base = _json("Ship hits bridge", BASE, "2025-03-03T08:00:00+00:00", "wire")
    copy = _json("Ship hits bridge", BASE, "2025-03-03T09:00:00+00:00", "mirror")
    furniture = make_source(
        "Skip to main content\nShare\n"
        + _text("Ship hits bridge", BASE)
        + "\nSource link\nLeave a Reply\n",
        "repost.txt",
    )
    trimmed = _json("Ship hits bridge", BASE[:5], "2025-03-03T10:00:00+00:00", "brief")
    spun = _json("Vessel hits bridge", SPUN, "2025-03-03T11:00:00+00:00", "spinner")
    other = _json("Ferry timetable approved", UNRELATED, "2025-03-03T07:00:00+00:00", "council")
    result = _by_path(analyse([spun, trimmed, base, furniture, copy, other], default_encoder()))
    relations = {path: (s.provenance.relation, s.provenance.origin) for path, s in result.items()}
    assert relations == {
        "wire": ("original", base.id),
        "mirror": ("copy", base.id),
        "repost.txt": ("syndicated", base.id),
        "brief": ("syndicated", base.id),
        "spinner": ("rewrite", base.id),
        "council": ("original", other.id),
    }
    assert "spun" in {flag.flag for flag in result["spinner"].provenance.flags}


def test_an_identical_page_is_a_copy() -> None:
    text = _text("Ship hits bridge", BASE)
    first, second = make_source(text, "a.txt"), make_source(text + "\n", "b.txt")
    relations = sorted(s.provenance.relation for s in analyse([first, second]))
    assert relations == ["copy", "original"]


def test_without_dates_the_least_damaged_and_most_complete_member_is_the_origin() -> None:
    full = make_source(_text("Ship hits bridge", BASE), "full.txt")
    trimmed = make_source(_text("Ship hits bridge", BASE[:5]), "trimmed.txt")
    result = _by_path(analyse([trimmed, full]))
    assert result["trimmed.txt"].provenance.origin == full.id
    assert result["full.txt"].provenance.relation == "original"


def test_without_dates_the_page_with_an_aggregators_marks_is_not_the_origin() -> None:
    # Its path comes first and it holds one sentence more: only its marks tell it apart.
    repost = make_source(
        _text("Ship hits bridge", [*BASE, "Readers can share this story."])
        + "\nSource link\n\nDailyFeed24 is an automatic aggregator of the all world's media. "
        "All trademarks belong to their rightful owners, all materials to their authors.\n",
        "a-repost.txt",
    )
    original = make_source(_text("Ship hits bridge", BASE), "z-original.txt")
    result = _by_path(analyse([repost, original]))
    assert "aggregator re-post" in {f.flag for f in result["a-repost.txt"].provenance.flags}
    assert result["z-original.txt"].provenance.relation == "original"
    assert result["a-repost.txt"].provenance.origin == original.id


def test_what_a_copy_changed_is_listed_with_both_sentences() -> None:
    distorted = [
        BASE[0],
        BASE[1],
        BASE[2],
        "Three crew members were treated for minor injuries, the city fire service said.",
        "Mayor Tobias Renn said the closure would not last six weeks while engineers inspect the structure.",
        *BASE[5:],
    ]
    base = _json("Ship hits bridge", BASE, "2025-03-03T08:00:00+00:00", "wire")
    copy = _json("Ship hits bridge", distorted, "2025-03-03T09:00:00+00:00", "mirror")
    result = _by_path(analyse([base, copy]))
    changes = result["mirror"].provenance.changes
    assert [(c.kind, c.detail) for c in changes] == [
        ("number", "2 → 3"),
        ("negation", "negation added"),
    ]
    for change in changes:
        assert change.origin.source == base.id
        assert base.clean.text[change.origin.start : change.origin.end] in BASE
        assert copy.clean.text[change.copy.start : change.copy.end] in distorted


def test_unrelated_reports_are_each_their_own_origin() -> None:
    sources = [
        make_source(_text("Ship hits bridge", BASE), "a.txt"),
        make_source(_text("Ferries", UNRELATED), "b.txt"),
    ]
    for source in analyse(sources, default_encoder()):
        assert (source.provenance.relation, source.provenance.origin) == ("original", source.id)


def test_a_garbled_rewrite_is_a_translation() -> None:
    garbled = [
        SPUN[0].replace("into the", "into the. bridge"),
        SPUN[1] + " -he declares.",
        *SPUN[2:5],
        SPUN[5].replace("according to", "according. to"),
    ]
    base = _json("Ship hits bridge", BASE, "2025-03-03T08:00:00+00:00", "wire")
    translated = _json("Vessel hits bridge", garbled, "2025-03-03T11:00:00+00:00", "translated")
    result = _by_path(analyse([base, translated], default_encoder()))
    assert result["translated"].provenance.relation == "translation"
    assert "garbled" in {flag.flag for flag in result["translated"].provenance.flags}


STATEMENT = [
    "Our engine failed as the Northern Gannet left the terminal, and we deeply regret the harm done to the bridge.",
    "We are cooperating fully with the Harbor Safety Board and will pay for every repair.",
    "No cargo was lost and both injured crew members are already back home with their families.",
]


def _quoting(sentences: list[str], cue: str) -> str:
    """The statement quoted whole, over paragraphs, as news quotes a release."""
    opened = ["“" + sentence for sentence in sentences]
    return "\n\n".join([*opened[:-1], opened[-1][:-1] + f",” {cue}."])


def test_a_report_quoting_a_statement_whole_is_not_its_copy() -> None:
    statement = make_source(_text("Statement on the Northern Gannet", STATEMENT), "release.txt")
    report = make_source(
        _text("Ship owner apologises", [BASE[0], BASE[3]])
        + "\n"
        + _quoting(STATEMENT, "Gannet Shipping Lines said in a statement")
        + "\n\n"
        + BASE[4]
        + "\n",
        "report.txt",
    )
    for source in analyse([statement, report], default_encoder()):
        assert (source.provenance.relation, source.provenance.origin) == ("original", source.id)


def test_reports_quoting_one_statement_are_not_copies_of_each_other() -> None:
    first = make_source(
        _text("Ship hits bridge", [BASE[0], _quoting(STATEMENT, "the company said"), BASE[5]]),
        "first.txt",
    )
    second = make_source(
        _text("Bridge closed", [UNRELATED[0], _quoting(STATEMENT, "its owner said"), SPUN[4]]),
        "second.txt",
    )
    for source in analyse([first, second], default_encoder()):
        assert (source.provenance.relation, source.provenance.origin) == ("original", source.id)


def test_a_copy_of_a_report_that_quotes_at_length_is_still_a_copy() -> None:
    sentences = [*BASE[:4], _quoting(STATEMENT, "the company said"), *BASE[4:]]
    base = _json("Ship hits bridge", sentences, "2025-03-03T08:00:00+00:00", "wire")
    copy = _json("Ship hits bridge", sentences, "2025-03-03T09:00:00+00:00", "mirror")
    result = _by_path(analyse([copy, base], default_encoder()))
    assert (result["mirror"].provenance.relation, result["mirror"].provenance.origin) == (
        "copy",
        base.id,
    )
