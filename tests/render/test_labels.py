"""How a point's citations are shown."""

from __future__ import annotations

from newsfuse.models import Citation
from newsfuse.render.labels import receipts


def test_the_wordings_own_statement_goes_without_saying() -> None:
    sentence = Citation("a", 0, 120)
    own = Citation("a", 10, 60)
    other = Citation("b", 300, 350)
    assert receipts((sentence, own, other)) == (sentence, other)


def test_parts_of_one_title_are_cited_as_one_stretch_of_it() -> None:
    sentence = Citation("a", 0, 120)
    first = Citation("b", 0, 30, part="title")
    text = Citation("c", 5, 40)
    second = Citation("b", 33, 70, part="title")
    shown = receipts((sentence, first, text, second))
    assert shown == (sentence, Citation("b", 0, 70, part="title"), text)


def test_nothing_to_show_is_nothing() -> None:
    assert receipts(()) == ()
