from __future__ import annotations

from lxml.html import HtmlElement, fromstring

from newsfuse.ingest.tables import unwrap_layout_tables

PROSE = (
    "The council voted on Tuesday to close the old library on Mill Street at the end of the "
    "year, after a survey found the roof beyond repair and the heating too costly to run, and "
    "it will move the collection to the school on Elm Road until a new building is paid for."
)


def _tags(tree: HtmlElement) -> list[str]:
    return [element.tag for element in tree.iter()]


def test_a_data_table_stays_a_table() -> None:
    tree = fromstring(
        "<div><table><tr><th>Team</th><th>Points</th></tr>"
        "<tr><td>Harbour City</td><td>41</td></tr><tr><td>Millbrook</td><td>38</td></tr>"
        "</table></div>"
    )
    assert unwrap_layout_tables(tree) == 0
    assert _tags(tree).count("td") == 4


def test_a_table_holding_prose_lays_out_the_page() -> None:
    tree = fromstring(
        f"<div><table><tr><td><p>{PROSE}</p></td><td>Top stories</td></tr>"
        "<tr><td>Menu</td><td>More</td></tr></table></div>"
    )
    assert unwrap_layout_tables(tree) == 1
    assert not {"table", "tr", "td"} & set(_tags(tree))
    assert PROSE in tree.text_content()


def test_a_table_of_one_column_or_one_row_is_a_box_not_data() -> None:
    column = fromstring("<div><table><tr><td>One</td></tr><tr><td>Two</td></tr></table></div>")
    row = fromstring("<div><table><tr><td>One</td><td>Two</td></tr></table></div>")
    assert unwrap_layout_tables(column) == 1
    assert unwrap_layout_tables(row) == 1


def test_a_data_table_inside_a_layout_table_stays_a_table() -> None:
    tree = fromstring(
        "<div><table><tr><td>"
        "<table><tr><td>Ayes</td><td>212</td></tr><tr><td>Noes</td><td>198</td></tr></table>"
        "</td><td>Sidebar</td></tr></table></div>"
    )
    assert unwrap_layout_tables(tree) == 1
    [inner] = tree.iter("table")
    assert [cell.text for cell in inner.iter("td")] == ["Ayes", "212", "Noes", "198"]
