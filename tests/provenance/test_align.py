from __future__ import annotations

from newsfuse.provenance.align import Meanings, SentenceTable, align, quoted_sentences
from newsfuse.text.embed import default_encoder

from ..conftest import make_source

ORIGIN = """Ship hits bridge after engine failure

A container ship lost power and drifted into the Alder Bay swing bridge on Monday morning.

Two crew members were treated for minor injuries, the fire service said.

Gannet Shipping Lines said it would pay for the repairs to the bridge.
"""
COPY = """Ship hits bridge after engine failure

A container ship lost power and drifted into the Alder Bay swing bridge on Monday morning.

Three crew members were treated for minor injuries, the fire service said.

Traffic was diverted through the Quarry Road tunnel all afternoon.
"""
REWRITE = """Vessel hits bridge

On Monday morning a cargo vessel without power floated into the swing bridge at Alder Bay.

The shipping company, Gannet Shipping Lines, will cover the cost of repairing the bridge.
"""


def test_a_copy_is_aligned_by_its_words() -> None:
    pairs = align(SentenceTable(make_source(ORIGIN)), SentenceTable(make_source(COPY)))
    assert [(p.origin.index, p.copy.index) for p in pairs] == [(0, 0), (1, 1)]
    assert pairs[0].probability == 1.0


def test_a_rewrite_is_aligned_by_meaning() -> None:
    origin, rewrite = SentenceTable(make_source(ORIGIN)), SentenceTable(make_source(REWRITE))
    assert align(origin, rewrite) == []
    pairs = align(origin, rewrite, Meanings(default_encoder()))
    assert [(p.origin.index, p.copy.index) for p in pairs] == [(0, 0), (2, 1)]


def test_a_copy_of_the_text_is_paired_in_order_with_edits_in_place() -> None:
    from newsfuse.provenance.align import align_in_order

    pairs = align_in_order(SentenceTable(make_source(ORIGIN)), SentenceTable(make_source(COPY)))
    assert [(p.origin.index, p.copy.index, round(p.probability, 2)) for p in pairs] == [
        (0, 0, 1.0),
        (1, 1, 0.88),  # "Two" became "Three": the same sentence, 7 of 8 terms kept
    ]


def test_a_long_name_changed_in_place_keeps_its_sentence_paired() -> None:
    from newsfuse.provenance.align import align_in_order, kept_ends

    origin = "A report by the United States Congressional Research Service said so last year."
    copy = "A report by the Richmond High School said so last year."
    assert kept_ends(origin, copy) > 0.5
    pairs = align_in_order(
        SentenceTable(make_source(f"It rained.\n\n{origin}")),
        SentenceTable(make_source(f"It rained.\n\n{copy}")),
    )
    assert [(p.origin.index, p.copy.index) for p in pairs] == [(0, 0), (1, 1)]


def test_sentences_giving_someones_words_are_told_by_the_marks_around_them() -> None:
    text = (
        "The mayor spoke on Monday.\n\n"
        "“We will rebuild the bridge. It will take a year,” she said.\n\n"
        "“Nobody was hurt.\n\n"
        "“The tugboats did all they could.”\n\n"
        'She called the crossing "vital" for the city.'
    )
    source = make_source(text, "quotes.txt")
    quoted = {source.sentences[n].text for n in quoted_sentences(source)}
    assert quoted == {
        "“We will rebuild the bridge.",
        "It will take a year,” she said.",
        "“Nobody was hurt.",
        "“The tugboats did all they could.”",
    }
