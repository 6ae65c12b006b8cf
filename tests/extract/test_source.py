from __future__ import annotations

from newsfuse.extract.source import extract_source

from ..conftest import make_source

TEXT = (
    "The harbour council counted the votes of the by-election on Monday and found that "
    "turnout had risen to 28,000 voters, the highest in a decade.\n\n"
    "| Ward | Candidate | Votes |\n\n"
    "| Harbour City | Alice Morgan | 5,040 |\n\n"
    "| Millbrook | 12 March 2024 | 3,117 |\n\n"
    "The new councillor will take her seat at the next meeting of the council in April, "
    "the clerk said in a statement."
)


def test_nothing_is_read_from_the_rows_of_a_table() -> None:
    source = make_source(TEXT)
    assert "| Harbour City | Alice Morgan | 5,040 |" in source.clean.text
    extracts = extract_source(source, None)
    figures = [given.figure.text for given in extracts.figures]
    assert any("28,000" in figure for figure in figures)
    assert not any("5,040" in figure or "3,117" in figure for figure in figures)
    assert not any("2024" in when.text for when in extracts.dates)
    assert not any("Morgan" in mention.text for mention in extracts.mentions)
