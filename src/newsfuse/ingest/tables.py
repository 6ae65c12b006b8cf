"""Tables of a page: data tables stay tables, tables that lay out the page become blocks.

Old pages and some CMSs put the whole page in a table: the article in one cell, "Top
stories" and the menu in others. Given to the extractor as a table, such a table comes out
flattened into one line, article and sidebar together; given as blocks, the extractor
keeps the article and drops the rest as it does on any page. A data table (standings, poll
figures, results) is part of the article and stays a table.
"""

from __future__ import annotations

from lxml.html import HtmlElement

# A cell with more words than this holds prose, not a figure or a label: its table lays
# out the page (data cells are names, figures and short phrases).
LAYOUT_CELL_WORDS = 40
# A data table has this many rows and columns at least; fewer is a box around content.
DATA_TABLE_ROWS = 2
DATA_TABLE_COLUMNS = 2

_CELLS = frozenset({"td", "th"})
_STRUCTURE = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Turn every table of `tree` that lays out the page into plain blocks, in place; the
    number of tables turned. One walk over the tree's table elements, and the text of the
    cells of tables with no table inside, each read once: a page of thousands of tables
    costs what its size does."""
    structures = _structures(tree)
    layout = [table for table, own in structures.items() if _lays_out(own)]
    for table in layout:
        for element in structures[table]:
            if element.tag == "table" and element is not table:
                continue  # a table in one of its cells is judged on its own
            element.tag = "div"
            element.attrib.pop("colspan", None)
            element.attrib.pop("rowspan", None)
    return len(layout)


def _structures(tree: HtmlElement) -> dict[HtmlElement, list[HtmlElement]]:
    """Each table and its own structure: itself, then its sections, rows and cells and the
    tables in its cells, in document order."""
    structures: dict[HtmlElement, list[HtmlElement]] = {}
    for element in tree.iter(*_STRUCTURE):
        owner = next(element.iterancestors("table"), None)
        if owner is not None:
            structures[owner].append(element)
        if element.tag == "table":
            structures[element] = [element]
    return structures


def _lays_out(own: list[HtmlElement]) -> bool:
    """Whether a table (`own`: its structure) lays out the page: a table inside it, less
    than two rows of two cells, or a cell of prose."""
    if any(element.tag == "table" for element in own[1:]):
        return True
    widths = [sum(1 for cell in row if cell.tag in _CELLS) for row in own if row.tag == "tr"]
    if sum(1 for width in widths if width >= DATA_TABLE_COLUMNS) < DATA_TABLE_ROWS:
        return True
    return any(
        len(" ".join(cell.itertext()).split()) > LAYOUT_CELL_WORDS
        for cell in own
        if cell.tag in _CELLS
    )
